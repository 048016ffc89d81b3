package dev.backoffice.core.testing;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class or method that needs the test PostgreSQL server.
 *
 * <p>Without {@code BACKOFFICE_TEST_PG_URL} the whole class (or method) is skipped before any of
 * its set-up runs, with a message saying how to run it: no {@code @BeforeAll}, no teardown on a
 * store that was never made, no jqwik property trying 200 times. That is a newcomer's first
 * {@code mvn verify}. Under CI ({@code CI=true}) a missing server fails instead, so CI can never
 * pass by skipping these tests. Works for JUnit Jupiter classes (an execution condition) and jqwik
 * containers (a skip hook) alike.
 *
 * <p>Every test class that calls {@link TestDatabases#postgres()} carries this annotation, on the
 * class or on the method; {@code .ci/run} checks that and proves, in a run without a server, that
 * every such test is skipped and none fails.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(PostgresGate.class)
@AddLifecycleHook(PostgresGate.ForJqwik.class)
public @interface RequiresPostgres {
}
