package dev.backoffice.core.store.placement;

import dev.backoffice.core.error.CoreErrorCode;
import dev.backoffice.core.store.MultiTenantStore;
import dev.backoffice.core.store.TenantStore;
import dev.backoffice.core.jdbc.TenantFence;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Tenants placed across databases: a {@link TenantPlacement} (tenant to database key) and the
 * databases by key. {@link #route(Class, Function)} builds a module's store once per database
 * and returns one store that sends each tenant's calls to the store of its database:
 *
 * <pre>{@code
 * Placement<DataSource> placement = Placement.of(TenantPlacement.of(Map.of(
 *         TenantId.of("acme-gmbh"), "eu", TenantId.of("acme-ltd"), "uk")),
 *         Map.of("eu", euDataSource, "uk", ukDataSource));
 * LedgerStore ledgerStore = placement.route(LedgerStore.class, JdbcLedgerStore::create);
 * AuditStore audit = placement.route(AuditStore.class, ds -> JdbcAuditStore.create(Jdbc.of(ds), clock));
 * Ledger ledger = Ledger.builder().store(ledgerStore).audit(audit).build();   // nothing else changes
 * }</pre>
 *
 * <p>Why this is enough: every domain store is a {@link MultiTenantStore} whose only door is
 * {@code forTenant(TenantId)}, so the routed store answers {@code forTenant(t)} with the handle
 * of {@code t}'s database and every read and write of that handle goes there. What is per
 * database stays per database, because each database has its own store object: its schema is
 * installed when that store is built, a JDBC ledger store's group committer batches only its
 * own database's postings, and caches of a store hold only its own tenants. The front doors
 * ({@code Ledger}, {@code Orders}, ...) keep their per-tenant handle caches as before.
 *
 * <p>A tenant is never split: build every module of a deployment from the same
 * {@code Placement}. Then one tenant's modules all resolve the same key, hence the same
 * {@code DataSource} object, and a transaction spanning modules (an invoice and its journal
 * entry, a change and its audit record) joins on it as it does with one database.
 *
 * <p>The placement is asked on every {@code forTenant} call; a tenant it does not place is
 * {@code storage.tenant_not_placed}, a key with no database is {@code storage.placement_unknown}
 * (both naming the tenant); neither reads or writes anything.
 *
 * <p>Any interface whose methods all take the {@code TenantId} first can be routed (a
 * {@code BlobStore} too, whose methods name the tenant on each call).
 *
 * @param <D> what a database is to the stores ({@code javax.sql.DataSource} for the JDBC stores)
 */
public final class Placement<D> implements AutoCloseable {

    private final TenantPlacement placement;
    private final Map<String, D> databases;
    private final List<Object> built = new ArrayList<>();

    private Placement(TenantPlacement placement, Map<String, D> databases) {
        this.placement = placement;
        this.databases = databases;
    }

    /**
     * Tenants placed by {@code placement} in {@code databases} (key to database, at least one).
     */
    public static <D> Placement<D> of(TenantPlacement placement, Map<String, ? extends D> databases) {
        Check.notNull(placement, "placement");
        return new Placement<>(placement, copy(databases, "databases"));
    }

    /** The tenant placement. */
    public TenantPlacement placement() {
        return placement;
    }

    /** The databases by key (unmodifiable). */
    public Map<String, D> databases() {
        return databases;
    }

    /**
     * The database {@code tenant} lives in: where a host application opens its own transaction
     * for SDK calls of that tenant.
     *
     * @throws dev.backoffice.core.error.StorageException {@code storage.tenant_not_placed} or
     *                                                    {@code storage.placement_unknown}
     */
    public D databaseOf(TenantId tenant) {
        return resolve(placement, databases, tenant);
    }

    /**
     * A store of type {@code type} that routes each tenant to its database: {@code perDatabase}
     * is called once per database, now, and the stores it returns are closed by
     * {@link #close()} if they are {@link AutoCloseable}.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException if {@code type} is not an
     *         interface whose methods all take the tenant first
     */
    public synchronized <S> S route(Class<S> type, Function<? super D, ? extends S> perDatabase) {
        Check.notNull(type, "type");
        Check.notNull(perDatabase, "perDatabase");
        Map<String, S> stores = new LinkedHashMap<>();
        databases.forEach((key, db) -> {
            S store = Check.notNull(perDatabase.apply(db), "perDatabase");
            built.add(store);
            stores.put(key, store);
        });
        return route(type, placement, stores);
    }

    /**
     * One store over {@code stores} (database key to that database's store): a call for a
     * tenant goes to the store of the key {@code placement} gives it.
     *
     * @throws dev.backoffice.core.error.InvalidRequestException if {@code type} is not an
     *         interface whose methods all take the tenant first, or a store is not one
     */
    public static <S> S route(Class<S> type, TenantPlacement placement, Map<String, ? extends S> stores) {
        Check.notNull(type, "type");
        Check.notNull(placement, "placement");
        Check.that(type.isInterface(), "type", "must be an interface", type.getName());
        for (Method m : type.getMethods()) {
            boolean routable = Modifier.isStatic(m.getModifiers()) || m.isDefault()
                    || m.getParameterCount() > 0 && m.getParameterTypes()[0] == TenantId.class;
            Check.that(routable, "type", "every method must take the tenant first to be routed; " + m.getName() + " does not",
                    type.getName());
        }
        Map<String, S> copy = copy(stores, "stores");
        copy.forEach((key, store) -> Check.that(type.isInstance(store), "stores", "must be " + type.getSimpleName() + "s", key));
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, new Router<>(type, placement, copy));
        return type.cast(proxy);
    }

    /**
     * Like {@link #route(Class, TenantPlacement, Map)} for domain stores, the type inferred:
     * {@code LedgerStore placed = Placement.route(placement, Map.of("eu", eu, "uk", uk))}. The
     * routed store implements every {@link MultiTenantStore} interface all the stores share.
     */
    @SuppressWarnings("unchecked")
    public static <S extends MultiTenantStore<?>> S route(TenantPlacement placement, Map<String, ? extends S> stores) {
        Map<String, ? extends S> copy = copy(stores, "stores");
        Set<Class<?>> shared = null;
        for (S store : copy.values()) {
            Set<Class<?>> own = storeInterfaces(store.getClass());
            if (shared == null) {
                shared = own;
            } else {
                shared.retainAll(own);
            }
        }
        // the most specific: drop every interface another shared one extends
        Set<Class<?>> specific = new LinkedHashSet<>(shared);
        for (Class<?> a : shared) {
            for (Class<?> b : shared) {
                if (a != b && a.isAssignableFrom(b)) {
                    specific.remove(a);
                }
            }
        }
        Check.that(specific.size() == 1, "stores", "must share exactly one store interface", specific);
        Class<S> type = (Class<S>) specific.iterator().next();
        return route(type, placement, copy);
    }

    /** Closes every store {@link #route(Class, Function)} built that is {@link AutoCloseable}. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (Object store : built) {
            if (store instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    }
                }
            }
        }
        built.clear();
        if (first != null) {
            throw first;
        }
    }

    private static Set<Class<?>> storeInterfaces(Class<?> cls) {
        Set<Class<?>> out = new LinkedHashSet<>();
        List<Class<?>> todo = new ArrayList<>();
        for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
            todo.addAll(List.of(c.getInterfaces()));
        }
        while (!todo.isEmpty()) {
            Class<?> i = todo.remove(todo.size() - 1);
            if (MultiTenantStore.class.isAssignableFrom(i) && out.add(i)) {
                todo.addAll(List.of(i.getInterfaces()));
            }
        }
        return out;
    }

    private static <V> Map<String, V> copy(Map<String, ? extends V> map, String field) {
        Check.notNull(map, field);
        Check.that(!map.isEmpty(), field, "must name at least one database", map);
        Map<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(Check.notBlank(k, field + ".key"), Check.notNull(v, field + "." + k)));
        return java.util.Collections.unmodifiableMap(out);
    }

    static <V> V resolve(TenantPlacement placement, Map<String, V> targets, TenantId tenant) {
        Check.notNull(tenant, "tenant");
        String key = placement.placeOf(tenant);
        V target = key == null ? null : targets.get(key);
        if (target == null) {
            if (key == null) {
                throw TenantPlacement.notPlaced(tenant);
            }
            throw CoreErrorCode.STORAGE_PLACEMENT_UNKNOWN.storage("tenant " + tenant + " is placed in '" + key
                    + "', which is none of the databases " + new TreeSet<>(targets.keySet()) + " (nothing was read or written)", null);
        }
        return target;
    }

    /** The invocation handler of a routed store: the tenant argument picks the store. */
    private static final class Router<S> implements InvocationHandler {
        private final Class<S> type;
        private final TenantPlacement placement;
        private final Map<String, S> stores;

        Router(Class<S> type, TenantPlacement placement, Map<String, S> stores) {
            this.type = type;
            this.placement = placement;
            this.stores = stores;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "placed " + type.getSimpleName() + " over " + stores.keySet();
                };
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            TenantId tenant = (TenantId) args[0];
            S target = resolve(placement, stores, tenant);
            if (method.getName().equals("forTenant") && method.getParameterCount() == 1
                    && MultiTenantStore.class.isAssignableFrom(method.getDeclaringClass())) {
                Object handle = call(target, method, args, tenant);
                return Proxy.newProxyInstance(type.getClassLoader(), handleInterfaces(handle.getClass()),
                        new Handle(this, method, tenant, handle));
            }
            return call(target, method, args, tenant);
        }

        /** Calls {@code method} on {@code target} as a call of {@code tenant} (whose writes a moveable database fences). */
        static Object call(Object target, Method method, Object[] args, TenantId tenant) throws Throwable {
            try (TenantFence.Scope ignored = TenantFence.enter(tenant)) {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /**
     * A tenant's handle of a routed store, or its read view ({@code read()}). Every call asks the
     * placement again and replays the way from the store ({@code forTenant}, then {@code read()}
     * for a view), so a handle or view a front door keeps follows its tenant when the tenant is
     * moved to another database; each call runs as a call of that tenant ({@link TenantFence#enter}).
     */
    private static final class Handle implements InvocationHandler {
        private final Router<?> router;
        private final Method forTenant;
        private final TenantId tenant;
        private final Object first;
        /** Null for the handle; {@code read()} for its read view. */
        private final Method view;

        Handle(Router<?> router, Method forTenant, TenantId tenant, Object first) {
            this(router, forTenant, tenant, first, null);
        }

        private Handle(Router<?> router, Method forTenant, TenantId tenant, Object first, Method view) {
            this.router = router;
            this.forTenant = forTenant;
            this.tenant = tenant;
            this.first = first;
            this.view = view;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "placed " + first;
                };
            }
            Object store = resolve(router.placement, router.stores, tenant);
            Object target = Router.call(store, forTenant, new Object[]{tenant}, tenant);
            if (view != null) {
                target = Router.call(target, view, null, tenant);
            }
            Object result = Router.call(target, method, args, tenant);
            if (view == null && method.getName().equals("read") && method.getParameterCount() == 0
                    && TenantStore.class.isAssignableFrom(method.getDeclaringClass()) && result != null) {
                return Proxy.newProxyInstance(method.getReturnType().getClassLoader(), handleInterfaces(result.getClass()),
                        new Handle(router, forTenant, tenant, result, method));
            }
            return result;
        }
    }

    private static Class<?>[] handleInterfaces(Class<?> cls) {
        Set<Class<?>> out = new LinkedHashSet<>();
        for (Class<?> c = cls; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Modifier.isPublic(i.getModifiers())) {
                    out.add(i);
                }
            }
        }
        return out.toArray(new Class<?>[0]);
    }
}
