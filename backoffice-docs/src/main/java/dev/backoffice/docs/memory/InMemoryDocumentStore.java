package dev.backoffice.docs.memory;

import dev.backoffice.core.store.TenantScope;
import dev.backoffice.core.store.TenantScopedStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.docs.ContentHash;
import dev.backoffice.docs.DocsErrorCode;
import dev.backoffice.docs.Document;
import dev.backoffice.docs.DocumentClass;
import dev.backoffice.docs.DocumentId;
import dev.backoffice.docs.DocumentQuery;
import dev.backoffice.docs.DocumentReads;
import dev.backoffice.docs.DocumentStore;
import dev.backoffice.docs.DocumentTx;
import dev.backoffice.docs.DocumentVersion;
import dev.backoffice.docs.HoldId;
import dev.backoffice.docs.LegalHold;
import dev.backoffice.docs.Lifecycle;
import dev.backoffice.docs.OwnerRef;
import dev.backoffice.docs.TenantDocumentStore;
import dev.backoffice.docs.retention.RetentionPolicy;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Documents in memory, for tests, demos and the in-memory benchmark. Thread-safe: one lock per
 * tenant. A write that throws is undone (every mutation keeps its inverse until commit). A
 * write called inside another write of the same tenant joins it.
 *
 * <p>Indexes: documents by id (search order), a sorted set of (retainUntil, id) of ACTIVE
 * documents (the due listing is a range of it), owners to documents, and a reference count of
 * live content hashes.
 */
public final class InMemoryDocumentStore extends TenantScopedStore<TenantDocumentStore> implements DocumentStore {

    private InMemoryDocumentStore() {
        super(Handles.KEPT); // a tenant's handle holds its data
    }

    /** An empty store. */
    public static InMemoryDocumentStore create() {
        return new InMemoryDocumentStore();
    }

    @Override
    protected TenantDocumentStore open(TenantId tenant) {
        return new Tenant(tenant);
    }

    private record DueKey(LocalDate retainUntil, DocumentId id) implements Comparable<DueKey> {
        @Override
        public int compareTo(DueKey o) {
            int c = retainUntil.compareTo(o.retainUntil);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    private record EventKey(OwnerRef owner, String event) {
    }

    /** One tenant's data, its lock, and its read view and write unit. */
    private static final class Tenant extends TenantScope implements TenantDocumentStore {
        private final ReentrantLock lock = new ReentrantLock();
        private final TreeMap<DocumentId, Document> docs = new TreeMap<>();
        private final TreeSet<DueKey> due = new TreeSet<>();
        private final Map<OwnerRef, Set<DocumentId>> byOwner = new HashMap<>();
        private final Map<ContentHash, Integer> liveRefs = new HashMap<>();
        private final TreeMap<DocumentClass, RetentionPolicy> policies = new TreeMap<>();
        private final LinkedHashMap<HoldId, LegalHold> holds = new LinkedHashMap<>();
        private final Map<EventKey, LocalDate> events = new HashMap<>();
        private final LinkedHashSet<ContentHash> purges = new LinkedHashSet<>();
        private final Reads reads;
        private final Tx tx;
        /** Inverses of the current transaction's mutations; null outside a write. */
        private Deque<Runnable> undo;

        Tenant(TenantId tenant) {
            super(tenant);
            this.reads = new Reads();
            this.tx = new Tx();
        }

        @Override
        public DocumentReads read() {
            return reads;
        }

        @Override
        public <T> T write(Function<? super DocumentTx, ? extends T> work) {
            Check.notNull(work, "work");
            lock.lock();
            try {
                if (undo != null) {
                    return work.apply(tx); // nested: join
                }
                undo = new ArrayDeque<>();
                try {
                    T result = work.apply(tx);
                    undo = null;
                    return result;
                } catch (RuntimeException | Error e) {
                    Deque<Runnable> u = undo;
                    undo = null;
                    while (!u.isEmpty()) {
                        u.pop().run();
                    }
                    throw e;
                }
            } finally {
                lock.unlock();
            }
        }

        private void onUndo(Runnable r) {
            if (undo != null) {
                undo.push(r);
            }
        }

        private <T> T locked(java.util.function.Supplier<T> s) {
            lock.lock();
            try {
                return s.get();
            } finally {
                lock.unlock();
            }
        }

        private void index(Document d) {
            docs.put(d.id(), d);
            if (d.lifecycle() == Lifecycle.ACTIVE && d.retainUntil().isPresent()) {
                due.add(new DueKey(d.retainUntil().get(), d.id()));
            }
            for (OwnerRef o : d.owners()) {
                byOwner.computeIfAbsent(o, k -> new HashSet<>()).add(d.id());
            }
            if (d.lifecycle() != Lifecycle.DISPOSED) {
                for (DocumentVersion v : d.versions()) {
                    liveRefs.merge(v.contentHash(), 1, Integer::sum);
                }
            }
        }

        private void unindex(Document d) {
            docs.remove(d.id());
            d.retainUntil().ifPresent(r -> due.remove(new DueKey(r, d.id())));
            for (OwnerRef o : d.owners()) {
                Set<DocumentId> s = byOwner.get(o);
                if (s != null) {
                    s.remove(d.id());
                    if (s.isEmpty()) {
                        byOwner.remove(o);
                    }
                }
            }
            if (d.lifecycle() != Lifecycle.DISPOSED) {
                for (DocumentVersion v : d.versions()) {
                    liveRefs.computeIfPresent(v.contentHash(), (h, n) -> n <= 1 ? null : n - 1);
                }
            }
        }

        /** The reads, each under the tenant's lock. */
        private class Reads extends TenantScope implements DocumentReads {

            Reads() {
                super(Tenant.this.tenant);
            }

            @Override
            public Optional<Document> find(DocumentId id) {
                return locked(() -> Optional.ofNullable(docs.get(id)));
            }

            @Override
            public Optional<RetentionPolicy> policy(DocumentClass c) {
                return locked(() -> Optional.ofNullable(policies.get(c)));
            }

            @Override
            public List<RetentionPolicy> policies() {
                return locked(() -> List.copyOf(policies.values()));
            }

            @Override
            public List<LegalHold> holds() {
                return locked(() -> List.copyOf(holds.values()));
            }

            @Override
            public Optional<LegalHold> hold(HoldId id) {
                return locked(() -> Optional.ofNullable(holds.get(id)));
            }

            @Override
            public Optional<LocalDate> event(OwnerRef owner, String event) {
                return locked(() -> Optional.ofNullable(events.get(new EventKey(owner, event))));
            }

            @Override
            public List<Document> search(DocumentQuery q, Optional<DocumentId> after, int limit) {
                Check.positive(limit, "limit");
                return locked(() -> {
                    List<Document> out = new ArrayList<>();
                    if (q.owner().isPresent()) {
                        TreeSet<DocumentId> ids = new TreeSet<>(byOwner.getOrDefault(q.owner().get(), Set.of()));
                        NavigableSet<DocumentId> tail = after.isPresent() ? ids.tailSet(after.get(), false) : ids;
                        for (DocumentId id : tail) {
                            Document d = docs.get(id);
                            if (q.matches(d)) {
                                out.add(d);
                                if (out.size() == limit) {
                                    break;
                                }
                            }
                        }
                        return out;
                    }
                    Map<DocumentId, Document> tail = after.isPresent() ? docs.tailMap(after.get(), false) : docs;
                    for (Document d : tail.values()) {
                        if (q.matches(d)) {
                            out.add(d);
                            if (out.size() == limit) {
                                break;
                            }
                        }
                    }
                    return out;
                });
            }

            @Override
            public List<Document> due(LocalDate asOf, Optional<DueCursor> after, int limit) {
                Check.notNull(asOf, "asOf");
                Check.positive(limit, "limit");
                return locked(() -> {
                    NavigableSet<DueKey> range = after.isPresent()
                            ? due.tailSet(new DueKey(after.get().retainUntil(), after.get().id()), false)
                            : due;
                    List<Document> out = new ArrayList<>();
                    for (DueKey k : range) {
                        if (!k.retainUntil.isBefore(asOf) || out.size() == limit) {
                            break;
                        }
                        out.add(docs.get(k.id));
                    }
                    return out;
                });
            }

            @Override
            public List<Document> inState(Lifecycle lifecycle, Optional<DocumentId> after, int limit) {
                Check.positive(limit, "limit");
                return locked(() -> {
                    List<Document> out = new ArrayList<>();
                    Map<DocumentId, Document> tail = after.isPresent() ? docs.tailMap(after.get(), false) : docs;
                    for (Document d : tail.values()) {
                        if (d.lifecycle() == lifecycle) {
                            out.add(d);
                            if (out.size() == limit) {
                                break;
                            }
                        }
                    }
                    return out;
                });
            }

            @Override
            public boolean contentInUse(ContentHash hash) {
                return locked(() -> liveRefs.getOrDefault(hash, 0) > 0);
            }

            @Override
            public List<ContentHash> pendingPurges(int limit) {
                return locked(() -> purges.stream().limit(limit).toList());
            }

        }

        /** The write unit: the reads, and mutations that run only inside {@link Tenant#write}. */
        private final class Tx extends Reads implements DocumentTx {

            private void requireTx() {
                if (undo == null || !lock.isHeldByCurrentThread()) {
                    throw new IllegalStateException("store mutations must run inside write()");
                }
            }

            @Override
            public void lockTenant() {
                requireTx(); // the whole tenant is locked by write() already
            }

            @Override
            public Optional<RetentionPolicy> lockPolicy(DocumentClass c) {
                requireTx();
                return Optional.ofNullable(policies.get(c));
            }

            @Override
            public void putPolicy(RetentionPolicy p) {
                requireTx();
                RetentionPolicy old = policies.put(p.documentClass(), p);
                onUndo(() -> {
                    if (old == null) {
                        policies.remove(p.documentClass());
                    } else {
                        policies.put(p.documentClass(), old);
                    }
                });
            }

            @Override
            public void insert(Document d) {
                requireTx();
                if (docs.containsKey(d.id())) {
                    throw DocsErrorCode.ALREADY_EXISTS.conflict("document " + d.id() + " already exists in tenant " + tenant);
                }
                index(d);
                onUndo(() -> unindex(d));
            }

            @Override
            public boolean replace(Document expected, Document updated) {
                requireTx();
                Check.that(expected.id().equals(updated.id()), "updated", "must have the same id", updated.id());
                Document stored = docs.get(expected.id());
                if (stored == null || stored.lifecycle() != expected.lifecycle()
                        || !stored.retainUntil().equals(expected.retainUntil())
                        || !stored.triggerDate().equals(expected.triggerDate())
                        || !stored.extendedUntil().equals(expected.extendedUntil())
                        || stored.versions().size() != expected.versions().size()) {
                    return false;
                }
                unindex(stored);
                index(updated);
                onUndo(() -> {
                    unindex(updated);
                    index(stored);
                });
                return true;
            }

            @Override
            public void putHold(LegalHold h) {
                requireTx();
                LegalHold old = holds.put(h.id(), h);
                onUndo(() -> {
                    if (old == null) {
                        holds.remove(h.id());
                    } else {
                        holds.put(h.id(), old);
                    }
                });
            }

            @Override
            public void putEvent(OwnerRef owner, String event, LocalDate date) {
                requireTx();
                EventKey k = new EventKey(owner, event);
                LocalDate old = events.put(k, Objects.requireNonNull(date));
                onUndo(() -> {
                    if (old == null) {
                        events.remove(k);
                    } else {
                        events.put(k, old);
                    }
                });
            }

            @Override
            public void addPurge(ContentHash hash) {
                requireTx();
                if (purges.add(hash)) {
                    onUndo(() -> purges.remove(hash));
                }
            }

            @Override
            public void removePurge(ContentHash hash) {
                requireTx();
                if (purges.remove(hash)) {
                    onUndo(() -> purges.add(hash));
                }
            }
        }
    }
}
