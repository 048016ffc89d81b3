package dev.backoffice.examples.move;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.store.MultiTenantStore;
import dev.backoffice.core.tenant.TenantId;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What an application does about a tenant move: every call of a tenant's store handle refused
 * with {@code storage.tenant_moving} or {@code storage.tenant_moved} (nothing was written) is run
 * again after a short pause, for up to a minute. Wraps a routed store, so that each retry asks
 * the placement again.
 */
public final class FenceRetries {

    /** Calls refused by a fence and run again, over all wrapped stores. */
    public static final AtomicLong RETRIED = new AtomicLong();

    private FenceRetries() {
    }

    public static <S extends MultiTenantStore<?>> S wrap(Class<S> type, S store) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(store, args);
            }
            Object result = invoke(store, method, args);
            if (method.getName().equals("forTenant") && args != null && args.length == 1 && args[0] instanceof TenantId) {
                return handle(result);
            }
            return result;
        }));
    }

    private static Object handle(Object handle) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = handle.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Modifier.isPublic(i.getModifiers())) {
                    interfaces.add(i);
                }
            }
        }
        InvocationHandler retrying = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(handle, args);
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                try {
                    return invoke(handle, method, args);
                } catch (StorageException e) {
                    boolean fenced = e.code().equals("storage.tenant_moving") || e.code().equals("storage.tenant_moved");
                    if (!fenced || System.nanoTime() > deadline) {
                        throw e;
                    }
                    RETRIED.incrementAndGet();
                    LockSupport.parkNanos(5_000_000);
                }
            }
        };
        return Proxy.newProxyInstance(FenceRetries.class.getClassLoader(), interfaces.toArray(new Class<?>[0]), retrying);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
