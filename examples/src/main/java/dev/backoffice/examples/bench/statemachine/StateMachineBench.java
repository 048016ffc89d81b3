package dev.backoffice.examples.bench.statemachine;

import dev.backoffice.examples.bench.statemachine.BenchOrder.Ctx;
import dev.backoffice.examples.bench.statemachine.BenchOrder.Event;
import dev.backoffice.examples.bench.statemachine.BenchOrder.Status;
import dev.backoffice.examples.bench.statemachine.BenchOrder.Step;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeUnit;

/**
 * The same order machine ({@link BenchOrder}) on this SDK's engine, COLA, squirrel-foundation
 * and Spring Statemachine 4, one thread each, in one run.
 *
 * <ul>
 *   <li><b>(a) fire</b>: one event for an entity already in its state. Stateless engines (ours,
 *       COLA) take the state as an argument; stateful ones (squirrel, Spring) keep a started
 *       machine in that state, and the event is an internal transition (PAY on PARTIALLY_PAID,
 *       guard "not paid in full") so the machine stays there and no restore is needed. Ours is
 *       also measured on a state-changing transition.</li>
 *   <li><b>(b) persisted entity</b>: take a stored state, fire an event, read the new state,
 *       cycling through a whole order life ({@link BenchOrder#LIFE}). Ours and COLA fire on the
 *       stored state. squirrel creates a machine in the stored state
 *       ({@code builder.newStateMachine(state)}, its way to restore). Spring reuses one machine
 *       per thread and restores it as its documentation prescribes: stop, reset every region to
 *       a {@code DefaultStateMachineContext} of the stored state, start, then send the event.</li>
 * </ul>
 * Every implementation is checked against {@link BenchOrder#LIFE} in {@code @Setup} before it
 * is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 3) // Spring and squirrel need the long warm-up; everyone gets it
@Measurement(iterations = 3, time = 3)
public class StateMachineBench {

    private static final Ctx NOT_PAID = new Ctx(false, false);

    // (a)'s inputs live in fields, not constants, so the JIT cannot fold the lookups away.
    private Status partiallyPaid = Status.PARTIALLY_PAID;
    private Status placed = Status.PLACED;
    private Event pay = Event.PAY;
    private Ctx notPaid = NOT_PAID;
    private Ctx paidInFull = new Ctx(true, false);

    private dev.backoffice.statemachine.StateMachine<Status, Event, Ctx> ours;
    private com.alibaba.cola.statemachine.StateMachine<Status, Event, Ctx> cola;
    private org.squirrelframework.foundation.fsm.StateMachineBuilder<PeerMachines.SquirrelOrder, Status, Event, Ctx> squirrelBuilder;
    private PeerMachines.SquirrelOrder squirrelRunning;
    private final PeerMachines.SpringCtx springCtx = new PeerMachines.SpringCtx();
    private org.springframework.statemachine.StateMachine<Status, Event> spring;
    private org.springframework.statemachine.StateMachine<Status, Event> springRunning;
    private final PeerMachines.SpringCtx springRunningCtx = new PeerMachines.SpringCtx();

    private Step[] life;
    /** The "database": the stored state of one entity per step of the life... */
    private Status[] stored;
    /** ...and where the new state is written back. */
    private Status[] written;
    private int next;

    @Setup
    public void setUp() throws Exception {
        ours = PeerMachines.backoffice();
        cola = PeerMachines.cola();
        squirrelBuilder = PeerMachines.squirrel();
        spring = PeerMachines.spring(springCtx);
        life = BenchOrder.LIFE.toArray(new Step[0]);
        stored = new Status[life.length];
        written = new Status[life.length];
        for (int i = 0; i < life.length; i++) {
            stored[i] = life[i].from();
        }
        // Every implementation must agree on the whole life before it is measured.
        for (Step s : life) {
            check("backoffice", s, ours.fire(s.from(), s.event(), s.ctx()).target());
            check("cola", s, cola.fireEvent(s.from(), s.event(), s.ctx()));
            check("squirrel", s, squirrelPersisted(s.from(), s.event(), s.ctx()));
            check("spring", s, springPersisted(s.from(), s.event(), s.ctx()));
        }
        squirrelRunning = squirrelBuilder.newStateMachine(Status.PARTIALLY_PAID);
        squirrelRunning.start(NOT_PAID);
        springRunning = PeerMachines.spring(springRunningCtx);
        restore(springRunning, Status.PARTIALLY_PAID);
        if (a_fire_squirrel() != Status.PARTIALLY_PAID || a_fire_spring() != Status.PARTIALLY_PAID) {
            throw new IllegalStateException("stateful machines left PARTIALLY_PAID");
        }
    }

    private static void check(String who, Step s, Status actual) {
        if (actual != s.expected()) {
            throw new IllegalStateException(who + ": " + s + " gave " + actual);
        }
    }

    // ---- (a) fire one event given a state -------------------------------------------------------

    @Benchmark
    public Status a_fire_backoffice() {
        return ours.fire(partiallyPaid, pay, notPaid).target();
    }

    @Benchmark
    public Status a_fire_backoffice_state_change() {
        return ours.fire(placed, pay, paidInFull).target();
    }

    @Benchmark
    public Status a_fire_cola() {
        return cola.fireEvent(partiallyPaid, pay, notPaid);
    }

    @Benchmark
    public Status a_fire_squirrel() {
        squirrelRunning.fire(pay, notPaid);
        return squirrelRunning.getCurrentState();
    }

    @Benchmark
    public Status a_fire_spring() {
        springRunningCtx.ctx = notPaid;
        springRunning.sendEvent(Mono.just(MessageBuilder.withPayload(pay).build())).blockLast();
        return springRunning.getState().getId();
    }

    // ---- (b) persisted entity: stored state -> fire -> new state --------------------------------

    /** Every (b) result is checked, the same cheap comparison for every library. */
    private static Status verified(Step s, Status actual) {
        if (actual != s.expected()) {
            throw new IllegalStateException(s + " gave " + actual);
        }
        return actual;
    }

    private Step step() {
        int i = next;
        next = i + 1 == life.length ? 0 : i + 1;
        return life[i];
    }

    @Benchmark
    public Status b_persisted_backoffice() {
        int i = next;
        Step s = step();
        return written[i] = verified(s, ours.fire(stored[i], s.event(), s.ctx()).target());
    }

    @Benchmark
    public Status b_persisted_cola() {
        int i = next;
        Step s = step();
        return written[i] = verified(s, cola.fireEvent(stored[i], s.event(), s.ctx()));
    }

    @Benchmark
    public Status b_persisted_squirrel() {
        int i = next;
        Step s = step();
        return written[i] = verified(s, squirrelPersisted(stored[i], s.event(), s.ctx()));
    }

    @Benchmark
    public Status b_persisted_spring() {
        int i = next;
        Step s = step();
        return written[i] = verified(s, springPersisted(stored[i], s.event(), s.ctx()));
    }

    private Status squirrelPersisted(Status state, Event event, Ctx ctx) {
        PeerMachines.SquirrelOrder machine = squirrelBuilder.newStateMachine(state);
        machine.fire(event, ctx);
        return machine.getCurrentState();
    }

    private Status springPersisted(Status state, Event event, Ctx ctx) {
        restore(spring, state);
        springCtx.ctx = ctx;
        StateMachineEventResult<Status, Event> result = spring
                .sendEvent(Mono.just(MessageBuilder.withPayload(event).build())).blockLast();
        if (result == null || result.getResultType() != StateMachineEventResult.ResultType.ACCEPTED) {
            throw new IllegalStateException("spring denied " + event + " in " + state);
        }
        return spring.getState().getId();
    }

    private static void restore(org.springframework.statemachine.StateMachine<Status, Event> machine, Status state) {
        machine.stopReactively().block();
        machine.getStateMachineAccessor().doWithAllRegions(access -> access
                .resetStateMachineReactively(new DefaultStateMachineContext<>(state, null, null, null)).block());
        machine.startReactively().block();
    }
}
