package dev.backoffice.invoicing.jdbc.internal;

import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.jdbc.Dialect;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.logging.LogContext;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.NumberingPeriod;
import dev.backoffice.invoicing.PreparedIssue;
import dev.backoffice.invoicing.TenantInvoiceStore;
import dev.backoffice.ledger.BatchRejectedException;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.jdbc.internal.GroupCommitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Group commit of issues: concurrent issues of one series and numbering period (of one tenant,
 * prepared by one service) queue on a lane of the ledger's {@link GroupCommitter}; a committer
 * thread takes up to {@code maxGroup} of them and issues them in ONE transaction: it moves the
 * series' counter on once by {@code n} (so its row lock is taken once and held for one commit
 * instead of {@code n}), numbers the issues consecutively in queue order, stores the invoices in
 * one batch, posts all their journal entries with one {@code postAll} (the ledger joins the
 * transaction on the shared data source) and commits once; then each caller gets its invoice.
 *
 * <p>What can fail, and why nobody innocent fails with it and no number is lost:
 * <ul>
 *   <li>Bad input never gets here: the service refused it while preparing the issue.</li>
 *   <li>An entry the ledger refuses (a closed period, found only now): the group is rolled back
 *       (its numbers with it) and run again without that issue, which then runs alone
 *       ({@link PreparedIssue#issueIn}) and gets its own typed error, consuming no number.</li>
 *   <li>An id the caller chose that is stored already (a retry): looked up first, left out of
 *       the group and run alone, which answers it with the stored invoice.</li>
 *   <li>Any other failure that provably rolled back (a constraint, a statement error, a series
 *       that is not there): every issue of the group runs alone, each in its own transaction,
 *       so each gets its own outcome.</li>
 *   <li>A commit whose outcome is unknown: never rerun here. Every issue of it fails with
 *       {@code storage.outcome_unknown}; each caller reruns it by its identity (the invoice id,
 *       given before the first attempt, and the entry id derived from it), which finds the
 *       invoice if the commit landed and issues it once if it did not.</li>
 * </ul>
 * Locking order is the store's (counter, then the ledger's rows), the same as one issue's.
 */
public final class IssueGroups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IssueGroups.class);
    /** Group attempts after refused issues, before the rest runs alone. */
    static final int MAX_GROUP_ATTEMPTS = 4;

    /**
     * PostgreSQL: plan every statement of the group's transaction as the key lookup it is, as the
     * ledger does for a transaction of its own ({@code SET LOCAL}: reset at commit). The ledger
     * does not do it when it joins this transaction, and a fresh, fast-growing ledger's stale
     * statistics otherwise make the planner scan the whole entry table for the batch's id look-up.
     */
    private static final String KEY_LOOKUP_PLANS = "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; "
            + "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; ";

    private final Jdbc jdbc;
    private final GroupCommitter<Lane, Member> committer;
    private final LongAdder groups = new LongAdder();
    private final LongAdder groupedIssues = new LongAdder();

    /** A lane: issues sharing one counter row and one poster. */
    private record Lane(TenantId tenant, String series, NumberingPeriod period, Consumer<List<EntryRequest>> poster,
                        TenantInvoiceStore alone) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Lane l && l.tenant.equals(tenant) && l.series.equals(series) && l.period.equals(period)
                    && l.poster == poster;
        }

        @Override
        public int hashCode() {
            return ((tenant.hashCode() * 31 + series.hashCode()) * 31 + period.hashCode()) * 31 + System.identityHashCode(poster);
        }
    }

    private IssueGroups(Jdbc jdbc, int threads, int maxGroup, int queueCapacity) {
        this.jdbc = jdbc;
        this.committer = GroupCommitter.create(this::run, threads, maxGroup, queueCapacity, "invoicing-committer");
    }

    /**
     * Group commit of issues over {@code jdbc}.
     *
     * @param threads       committer threads shared by every lane
     * @param maxGroup      most issues per transaction
     * @param queueCapacity most issues queued per lane (beyond it a caller issues alone)
     */
    public static IssueGroups create(Jdbc jdbc, int threads, int maxGroup, int queueCapacity) {
        return new IssueGroups(jdbc, threads, maxGroup, queueCapacity);
    }

    /**
     * Issues {@code issue} in the next group of its lane and waits for its own outcome; alone
     * through {@code alone} (a store that does not group) when the lane is full or closed.
     */
    Invoice issue(TenantId tenant, PreparedIssue issue, TenantInvoiceStore alone) {
        // On the caller's thread, while the committer works: the invoice's document, which its
        // number does not change (InvoiceDocument holds no number, sequence or period).
        Member m = new Member(issue, InvoiceDocument.json(issue.numbered(1)));
        if (!committer.offer(new Lane(tenant, issue.series(), issue.period(), issue.postAll(), alone), m)) {
            return alone.write(issue::issueIn);
        }
        return m.await();
    }

    /** Groups run so far and the issues they held (for a benchmark's report). */
    public long[] stats() {
        return new long[] {groups.sum(), groupedIssues.sum()};
    }

    private void run(Lane lane, List<Member> members) {
        // On the committer's thread: the callers' MDC stays on theirs.
        try (LogContext ignored = LogContext.open(lane.tenant(), "invoicing.groupIssue")) {
            List<Member> aloneToo = runGroup(lane, members);
            for (Member m : aloneToo) {
                try {
                    m.succeed(lane.alone().write(m.issue::issueIn));
                } catch (RuntimeException | Error e) {
                    m.fail(e);
                }
            }
        } catch (RuntimeException | Error e) {
            // not reached in practice: every member must still be answered
            for (Member m : members) {
                if (!m.isDone()) {
                    m.fail(e);
                }
            }
        }
    }

    /** Runs the group, completing what it issued; returns the members left to run alone. */
    private List<Member> runGroup(Lane lane, List<Member> members) {
        List<Member> pending = new ArrayList<>(members);
        List<Member> alone = new ArrayList<>();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            try {
                List<Member> attempted = List.copyOf(pending);
                Written w = jdbc.inTransactionIsolationInline(lane.tenant(), c -> write(c, lane, attempted));
                groups.increment();
                groupedIssues.add(w.issued.size());
                int k = 0;
                for (Member m : attempted) {
                    if (w.taken.contains(m.issue.id())) {
                        alone.add(m); // a caller's retry of a stored invoice: answered alone
                    } else {
                        m.succeed(w.issued.get(k++));
                    }
                }
                break;
            } catch (Refused r) {
                // the ledger refused one issue's entry: it runs alone for its own typed error
                log.debug("issue {} of a group of {} refused by the ledger ({}); the rest goes again", r.member,
                        pending.size(), r.getCause().getMessage());
                alone.add(pending.remove(r.member));
                if (attempt >= MAX_GROUP_ATTEMPTS) {
                    alone.addAll(pending);
                    pending.clear();
                }
            } catch (OutcomeUnknownException e) {
                log.warn("a group of {} issues has an unknown commit outcome; each caller settles it by its invoice id", pending.size());
                pending.forEach(m -> m.fail(e));
                pending.clear();
            } catch (RuntimeException | Error e) {
                // rolled back (Jdbc reports only provable rollbacks this way): each issue alone
                log.debug("a group of {} issues failed ({}); each runs alone", pending.size(), e.toString());
                alone.addAll(pending);
                pending.clear();
            }
        }
        return alone;
    }

    /** What one group transaction wrote: the issued invoices in queue order, and the ids left out as taken. */
    private record Written(List<Invoice> issued, Set<InvoiceId> taken) {
    }

    /**
     * The group's transaction (may run again after a deadlock or serialization failure: it only
     * computes from what it reads). On PostgreSQL, when no caller chose its own id, the
     * transaction's settings and the counter's update go to the server in one round trip.
     */
    private Written write(Connection c, Lane lane, List<Member> members) throws SQLException {
        String t = lane.tenant().value();
        String first = jdbc.dialect() == Dialect.POSTGRESQL ? jdbc.beginIsolationSql() + "; " + KEY_LOOKUP_PLANS : "";
        Set<InvoiceId> taken = Set.of();
        List<InvoiceId> maybe = new ArrayList<>();
        for (Member m : members) {
            if (m.issue.mayExist()) {
                maybe.add(m.issue.id());
            }
        }
        if (!maybe.isEmpty()) {
            if (!first.isEmpty()) {
                try (Statement st = c.createStatement()) {
                    st.execute(first); // before the look-up: the isolation level must be the transaction's first statement
                }
                first = "";
            }
            taken = new HashSet<>(InvoiceSql.storedIds(c, t, maybe));
        }
        int n = members.size() - taken.size();
        if (n == 0) {
            return new Written(List.of(), taken);
        }
        Optional<Long> last = InvoiceSql.takeSequences(c, jdbc.dialect(), first, t, lane.series(), lane.period(), n);
        if (last.isEmpty()) {
            throw new IllegalStateException("series " + lane.series() + " is not stored: each issue runs alone for its error");
        }
        long seq = last.get() - n + 1;
        List<Invoice> issued = new ArrayList<>(n);
        List<String> documents = new ArrayList<>(n);
        List<EntryRequest> entries = new ArrayList<>(n);
        int[] memberOfEntry = new int[n];
        for (int i = 0; i < members.size(); i++) {
            PreparedIssue issue = members.get(i).issue;
            if (taken.contains(issue.id())) {
                continue;
            }
            Invoice invoice = issue.numbered(seq++);
            issued.add(invoice);
            documents.add(members.get(i).document);
            Optional<EntryRequest> entry = issue.entry(invoice);
            if (entry.isPresent()) {
                memberOfEntry[entries.size()] = i;
                entries.add(entry.get());
            }
        }
        InvoiceSql.insertInvoices(c, jdbc.dialect(), t, issued, documents);
        if (!entries.isEmpty()) {
            try {
                lane.poster().accept(entries);
            } catch (BatchRejectedException e) {
                throw new Refused(memberOfEntry[e.index()], e);
            }
        }
        return new Written(issued, taken);
    }

    /** The ledger refused the entry of member {@code member}: the group rolls back. */
    private static final class Refused extends RuntimeException {
        final int member;

        Refused(int member, BatchRejectedException cause) {
            super("the ledger refused the entry of issue " + member + " of the group", cause, false, false);
            this.member = member;
        }
    }

    /** Stops the committer threads after the queued issues are done. */
    @Override
    public void close() {
        committer.close();
    }

    /** One caller's issue waiting in a group, with its own outcome. */
    private static final class Member {
        final PreparedIssue issue;
        /** The invoice's {@code document} column, written on the caller's thread. */
        final String document;
        private final CountDownLatch done = new CountDownLatch(1);
        private Invoice value;
        private Throwable error;

        Member(PreparedIssue issue, String document) {
            this.issue = issue;
            this.document = document;
        }

        void succeed(Invoice invoice) {
            value = invoice;
            done.countDown();
        }

        void fail(Throwable t) {
            error = t;
            done.countDown();
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        /** The outcome, waited for uninterruptibly (the issue may already be committed). */
        Invoice await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (error instanceof RuntimeException r) {
                throw r;
            }
            if (error instanceof Error e) {
                throw e;
            }
            return value;
        }
    }
}
