package dev.backoffice.core.testing;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * The decision behind {@link RequiresPostgres}: run when a server is configured, skip with a
 * message when not, fail under CI when not. One rule for JUnit Jupiter and jqwik.
 */
public final class PostgresGate implements ExecutionCondition {

    /** Why to skip in this process's environment, or null to run; throws under CI without a server. */
    static String skipReason() {
        return skipReason(System.getenv());
    }

    /** Why to skip in the given environment, or null to run; throws under CI without a server. */
    static String skipReason(Map<String, String> env) {
        String url = env.get(TestDatabases.PG_URL);
        if (url != null && !url.isBlank()) {
            return null;
        }
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            throw new IllegalStateException("CI must run the PostgreSQL tests, but " + TestDatabases.PG_URL + " is not set");
        }
        return TestDatabases.SKIP_MESSAGE;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = skipReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled(TestDatabases.PG_URL + " is set");
        }
        System.err.println("[backoffice] " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /** The same gate as a jqwik hook: jqwik containers do not see JUnit Jupiter extensions. */
    public static final class ForJqwik implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            String reason = skipReason();
            if (reason == null) {
                return SkipResult.doNotSkip();
            }
            System.err.println("[backoffice] " + context.label() + ": " + reason);
            return SkipResult.skip(reason);
        }
    }
}
