package dev.backoffice.examples.logging;

import dev.backoffice.core.logging.LogContext;

import dev.backoffice.core.tenant.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link LogContext} against a binding whose MDC keeps values (slf4j-simple's MDC keeps none, so
 * this runs with {@link CapturingServiceProvider} in the logging-check execution).
 */
class LogContextTest {

    static {
        System.setProperty("slf4j.provider", CapturingServiceProvider.class.getName());
    }

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void putsTenantAndOperationWhileOpenAndRemovesThemOnClose() {
        try (LogContext ignored = LogContext.open(ACME, "ledger.post")) {
            assertThat(MDC.get(LogContext.TENANT_KEY)).isEqualTo("acme");
            assertThat(MDC.get(LogContext.OPERATION_KEY)).isEqualTo("ledger.post");
        }
        assertThat(MDC.get(LogContext.TENANT_KEY)).isNull();
        assertThat(MDC.get(LogContext.OPERATION_KEY)).isNull();
    }

    @Test
    void restoresTheHostsOwnValuesOnClose() {
        MDC.put(LogContext.TENANT_KEY, "host-tenant");
        MDC.put(LogContext.OPERATION_KEY, "host-op");
        MDC.put("requestId", "r-1");
        try (LogContext ignored = LogContext.open(ACME, "orders.pay")) {
            assertThat(MDC.get(LogContext.TENANT_KEY)).isEqualTo("acme");
            assertThat(MDC.get(LogContext.OPERATION_KEY)).isEqualTo("orders.pay");
            assertThat(MDC.get("requestId")).isEqualTo("r-1");
        }
        assertThat(MDC.get(LogContext.TENANT_KEY)).isEqualTo("host-tenant");
        assertThat(MDC.get(LogContext.OPERATION_KEY)).isEqualTo("host-op");
        assertThat(MDC.get("requestId")).isEqualTo("r-1");
    }

    @Test
    void aNestedCallForTheSameTenantKeepsTheOutermostOperation() {
        try (LogContext outer = LogContext.open(ACME, "payroll.approve")) {
            try (LogContext inner = LogContext.open(ACME, "ledger.post")) {
                assertThat(MDC.get(LogContext.OPERATION_KEY)).isEqualTo("payroll.approve");
            }
            assertThat(MDC.get(LogContext.OPERATION_KEY)).isEqualTo("payroll.approve");
            assertThat(MDC.get(LogContext.TENANT_KEY)).isEqualTo("acme");
        }
        assertThat(MDC.get(LogContext.OPERATION_KEY)).isNull();
    }

    @Test
    void aNestedCallForAnotherTenantNamesItselfAndRestoresTheOuter() {
        try (LogContext outer = LogContext.open(ACME, "docs.dispose")) {
            try (LogContext inner = LogContext.open(GLOBEX, "ledger.post")) {
                assertThat(MDC.get(LogContext.TENANT_KEY)).isEqualTo("globex");
                assertThat(MDC.get(LogContext.OPERATION_KEY)).isEqualTo("ledger.post");
            }
            assertThat(MDC.get(LogContext.TENANT_KEY)).isEqualTo("acme");
            assertThat(MDC.get(LogContext.OPERATION_KEY)).isEqualTo("docs.dispose");
        }
    }

    @Test
    void closesOnAnExceptionToo() {
        assertThatThrownBy(() -> {
            try (LogContext ignored = LogContext.open(ACME, "orders.ship")) {
                throw new IllegalStateException("boom");
            }
        }).isInstanceOf(IllegalStateException.class);
        assertThat(MDC.get(LogContext.TENANT_KEY)).isNull();
        assertThat(MDC.get(LogContext.OPERATION_KEY)).isNull();
    }

    @Test
    void refusesNulls() {
        assertThatThrownBy(() -> LogContext.open(null, "x")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> LogContext.open(ACME, null)).isInstanceOf(NullPointerException.class);
    }
}
