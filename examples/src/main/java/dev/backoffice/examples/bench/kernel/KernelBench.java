package dev.backoffice.examples.bench.kernel;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.id.Ids;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import org.joda.money.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Costs of the kernel's hot helpers: id generation, allocation, audit append. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Its own heap, touched up front: inherited from `bench` (6 GB, not pre-touched) the first passes
// through a fresh 3 GB young generation paid the kernel's page faults inside the measurement.
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
public class KernelBench {

    private final Money total = Money.parse("PLN 12345.67");
    private AuditLog audit;
    private final AuditEvent event = AuditEvent.of("bench", "bench.event", "subject");

    @Setup(Level.Iteration)
    public void setUp() {
        audit = InMemoryAuditStore.create(Clock.systemUTC()).forTenant(TenantId.of("bench"));
    }

    @Benchmark
    public UUID newTimeOrderedId() {
        return Ids.newId();
    }

    @Benchmark
    public List<Money> allocateThreeWays() {
        return MoneyMath.allocate(total, 1, 2, 3);
    }

    @Benchmark
    public Object appendToHashChainedAuditLog() {
        return audit.append(event);
    }
}
