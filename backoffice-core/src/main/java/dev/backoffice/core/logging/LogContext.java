package dev.backoffice.core.logging;

import dev.backoffice.core.tenant.TenantId;
import org.slf4j.MDC;

import java.util.Objects;

/**
 * Puts the tenant and the operation of an SDK call into the SLF4J {@link MDC} for as long as
 * the call runs, so that every log line the SDK writes meanwhile (and every line the host
 * writes from a callback on the same thread) can be attributed without parsing messages.
 *
 * <pre>{@code
 * try (LogContext ignored = LogContext.open(tenant, "ledger.post")) {
 *     ... // log lines here carry backoffice.tenant=acme, backoffice.operation=ledger.post
 * }
 * }</pre>
 *
 * <p>Keys: {@value #TENANT_KEY} (the tenant's {@link TenantId#value() key}) and
 * {@value #OPERATION_KEY} (a stable name such as {@code ledger.post}, {@code orders.pay},
 * {@code payroll.approve}, {@code docs.ingest}). Neither carries personal data.
 *
 * <p>Closing restores what the two keys held before, so a host that sets its own values keeps
 * them. When the same tenant is already in the MDC with an operation (an SDK front door called
 * from inside another, for example the payroll engine reading its store), {@link #open} changes
 * nothing and returns a shared instance whose {@link #close} does nothing: the outermost
 * operation names the work. The SDK opens a context only at its service front doors, once per
 * call, never per entry or per row: the cost is two MDC reads, two writes and two restores per
 * call.
 *
 * <p>A context belongs to the thread that opened it (the SLF4J MDC is per thread): the JDBC
 * ledger's group committer, which writes on its own threads, opens one per group for the
 * group's tenant ({@code ledger.groupCommit}).
 */
public final class LogContext implements AutoCloseable {

    /** MDC key of the tenant: {@value}. */
    public static final String TENANT_KEY = "backoffice.tenant";

    /** MDC key of the operation: {@value}. */
    public static final String OPERATION_KEY = "backoffice.operation";

    private static final LogContext NESTED = new LogContext(null, null);

    private final String previousTenant;
    private final String previousOperation;

    private LogContext(String previousTenant, String previousOperation) {
        this.previousTenant = previousTenant;
        this.previousOperation = previousOperation;
    }

    /**
     * Puts {@code tenant} and {@code operation} into the MDC until the returned context is closed.
     *
     * @param tenant the tenant the call works for, not null
     * @param operation a stable operation name such as {@code ledger.post}, not null; never put
     *        personal data in it
     * @return the context to close (in a try-with-resources), restoring the previous values
     * @throws NullPointerException if an argument is null
     */
    public static LogContext open(TenantId tenant, String operation) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(operation, "operation");
        String tenantKey = tenant.value();
        String previousTenant = MDC.get(TENANT_KEY);
        String previousOperation = MDC.get(OPERATION_KEY);
        if (previousOperation != null && tenantKey.equals(previousTenant)) {
            return NESTED;
        }
        MDC.put(TENANT_KEY, tenantKey);
        MDC.put(OPERATION_KEY, operation);
        return new LogContext(previousTenant, previousOperation);
    }

    /** Restores the two MDC keys to what they held when this context was opened. */
    @Override
    public void close() {
        if (this == NESTED) {
            return;
        }
        restore(TENANT_KEY, previousTenant);
        restore(OPERATION_KEY, previousOperation);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
