package dev.backoffice.examples.bench.statemachine;

import dev.backoffice.examples.bench.statemachine.BenchOrder.Ctx;
import dev.backoffice.examples.bench.statemachine.BenchOrder.Event;
import dev.backoffice.examples.bench.statemachine.BenchOrder.Status;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.squirrelframework.foundation.fsm.AnonymousCondition;
import org.squirrelframework.foundation.fsm.Condition;
import org.squirrelframework.foundation.fsm.StateMachineBuilderFactory;
import org.squirrelframework.foundation.fsm.impl.AbstractStateMachine;

import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.backoffice.examples.bench.statemachine.BenchOrder.Event.CANCEL;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Event.COMPLETE;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Event.DELIVER;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Event.PAY;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Event.PLACE;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Event.SHIP;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Status.CANCELLED;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Status.COMPLETED;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Status.DELIVERED;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Status.DRAFT;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Status.PAID;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Status.PARTIALLY_PAID;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Status.PARTIALLY_SHIPPED;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Status.PLACED;
import static dev.backoffice.examples.bench.statemachine.BenchOrder.Status.SHIPPED;

/** {@link BenchOrder} written with this SDK's engine and with each peer library. */
public final class PeerMachines {
    private PeerMachines() {
    }

    // ---- Back Office SDK ------------------------------------------------------------------------

    /** The machine on {@code dev.backoffice.statemachine}. */
    public static dev.backoffice.statemachine.StateMachine<Status, Event, Ctx> backoffice() {
        return dev.backoffice.statemachine.StateMachine.builder(Status.class, Event.class, Ctx.class)
                .name("order")
                .initial(DRAFT)
                .states(Status.values())
                .finalStates(COMPLETED, CANCELLED)
                .transition(DRAFT, PLACE, PLACED)
                .transition(DRAFT, CANCEL, CANCELLED)
                .transition(PLACED, PAY, PAID).guard("paid in full", Ctx::fullyPaid)
                .transition(PLACED, PAY, PARTIALLY_PAID)
                .transition(PLACED, CANCEL, CANCELLED)
                .transition(PARTIALLY_PAID, PAY, PAID).guard("paid in full", Ctx::fullyPaid)
                .internal(PARTIALLY_PAID, PAY)
                .transition(PARTIALLY_PAID, CANCEL, CANCELLED)
                .transition(PAID, SHIP, SHIPPED).guard("all shipped", Ctx::allShipped)
                .transition(PAID, SHIP, PARTIALLY_SHIPPED)
                .transition(PAID, CANCEL, CANCELLED)
                .transition(PARTIALLY_SHIPPED, SHIP, SHIPPED).guard("all shipped", Ctx::allShipped)
                .internal(PARTIALLY_SHIPPED, SHIP)
                .transition(SHIPPED, DELIVER, DELIVERED)
                .transition(DELIVERED, COMPLETE, COMPLETED)
                .build();
    }

    // ---- COLA (stateless, like ours) -------------------------------------------------------------

    /** The machine on COLA's stateless state machine. */
    public static com.alibaba.cola.statemachine.StateMachine<Status, Event, Ctx> cola() {
        com.alibaba.cola.statemachine.builder.StateMachineBuilder<Status, Event, Ctx> b =
                com.alibaba.cola.statemachine.builder.StateMachineBuilderFactory.create();
        com.alibaba.cola.statemachine.Action<Status, Event, Ctx> none = (from, to, event, ctx) -> { };
        b.externalTransition().from(DRAFT).to(PLACED).on(PLACE).perform(none);
        b.externalTransition().from(DRAFT).to(CANCELLED).on(CANCEL).perform(none);
        b.externalTransition().from(PLACED).to(PAID).on(PAY).when(Ctx::fullyPaid).perform(none);
        b.externalTransition().from(PLACED).to(PARTIALLY_PAID).on(PAY).when(c -> !c.fullyPaid()).perform(none);
        b.externalTransition().from(PLACED).to(CANCELLED).on(CANCEL).perform(none);
        b.externalTransition().from(PARTIALLY_PAID).to(PAID).on(PAY).when(Ctx::fullyPaid).perform(none);
        b.internalTransition().within(PARTIALLY_PAID).on(PAY).when(c -> !c.fullyPaid()).perform(none);
        b.externalTransition().from(PARTIALLY_PAID).to(CANCELLED).on(CANCEL).perform(none);
        b.externalTransition().from(PAID).to(SHIPPED).on(SHIP).when(Ctx::allShipped).perform(none);
        b.externalTransition().from(PAID).to(PARTIALLY_SHIPPED).on(SHIP).when(c -> !c.allShipped()).perform(none);
        b.externalTransition().from(PAID).to(CANCELLED).on(CANCEL).perform(none);
        b.externalTransition().from(PARTIALLY_SHIPPED).to(SHIPPED).on(SHIP).when(Ctx::allShipped).perform(none);
        b.internalTransition().within(PARTIALLY_SHIPPED).on(SHIP).when(c -> !c.allShipped()).perform(none);
        b.externalTransition().from(SHIPPED).to(DELIVERED).on(DELIVER).perform(none);
        b.externalTransition().from(DELIVERED).to(COMPLETED).on(COMPLETE).perform(none);
        return b.build("bench-order-" + UUID.randomUUID()); // COLA registers machines by id
    }

    // ---- squirrel-foundation (stateful: one machine object per entity) ---------------------------

    /** squirrel's machine type. Public with a no-argument constructor: squirrel instantiates it reflectively. */
    public static class SquirrelOrder extends AbstractStateMachine<SquirrelOrder, Status, Event, Ctx> {
    }

    /** The squirrel builder (expensive; build once, then {@code newStateMachine(state)} per entity). */
    public static org.squirrelframework.foundation.fsm.StateMachineBuilder<SquirrelOrder, Status, Event, Ctx> squirrel() {
        org.squirrelframework.foundation.fsm.StateMachineBuilder<SquirrelOrder, Status, Event, Ctx> b =
                StateMachineBuilderFactory.create(SquirrelOrder.class, Status.class, Event.class, Ctx.class);
        Condition<Ctx> paid = when(Ctx::fullyPaid);
        Condition<Ctx> notPaid = when(c -> !c.fullyPaid());
        Condition<Ctx> shipped = when(Ctx::allShipped);
        Condition<Ctx> notShipped = when(c -> !c.allShipped());
        b.externalTransition().from(DRAFT).to(PLACED).on(PLACE);
        b.externalTransition().from(DRAFT).toFinal(CANCELLED).on(CANCEL);
        b.externalTransition().from(PLACED).to(PAID).on(PAY).when(paid);
        b.externalTransition().from(PLACED).to(PARTIALLY_PAID).on(PAY).when(notPaid);
        b.externalTransition().from(PLACED).toFinal(CANCELLED).on(CANCEL);
        b.externalTransition().from(PARTIALLY_PAID).to(PAID).on(PAY).when(paid);
        b.internalTransition().within(PARTIALLY_PAID).on(PAY).when(notPaid);
        b.externalTransition().from(PARTIALLY_PAID).toFinal(CANCELLED).on(CANCEL);
        b.externalTransition().from(PAID).to(SHIPPED).on(SHIP).when(shipped);
        b.externalTransition().from(PAID).to(PARTIALLY_SHIPPED).on(SHIP).when(notShipped);
        b.externalTransition().from(PAID).toFinal(CANCELLED).on(CANCEL);
        b.externalTransition().from(PARTIALLY_SHIPPED).to(SHIPPED).on(SHIP).when(shipped);
        b.internalTransition().within(PARTIALLY_SHIPPED).on(SHIP).when(notShipped);
        b.externalTransition().from(SHIPPED).to(DELIVERED).on(DELIVER);
        b.externalTransition().from(DELIVERED).toFinal(COMPLETED).on(COMPLETE);
        return b;
    }

    private static Condition<Ctx> when(Predicate<Ctx> test) {
        return new AnonymousCondition<>() {
            @Override
            public boolean isSatisfied(Ctx context) {
                return test.test(context);
            }
        };
    }

    // ---- Spring Statemachine 4 (stateful, reactive) ----------------------------------------------

    /** Holds the context Spring's guards read (Spring passes no context object to guards). */
    public static final class SpringCtx {
        /** The context of the event being sent. */
        public Ctx ctx = BenchOrder.PARTIAL;
    }

    /** A Spring machine, not started; its guards read {@code holder}. */
    public static org.springframework.statemachine.StateMachine<Status, Event> spring(SpringCtx holder) throws Exception {
        StateMachineBuilder.Builder<Status, Event> b = StateMachineBuilder.builder();
        b.configureConfiguration().withConfiguration().autoStartup(false);
        // COMPLETED and CANCELLED are not declared end() states: once a Spring machine has reached
        // an end state, reset + start leaves it accepting events without moving (4.0.2), so a
        // reused machine could not be restored any more. Nothing leaves them anyway.
        b.configureStates().withStates().initial(DRAFT).states(EnumSet.allOf(Status.class));
        org.springframework.statemachine.guard.Guard<Status, Event> paid = c -> holder.ctx.fullyPaid();
        org.springframework.statemachine.guard.Guard<Status, Event> notPaid = c -> !holder.ctx.fullyPaid();
        org.springframework.statemachine.guard.Guard<Status, Event> shipped = c -> holder.ctx.allShipped();
        org.springframework.statemachine.guard.Guard<Status, Event> notShipped = c -> !holder.ctx.allShipped();
        b.configureTransitions()
                .withExternal().source(DRAFT).target(PLACED).event(PLACE).and()
                .withExternal().source(DRAFT).target(CANCELLED).event(CANCEL).and()
                .withExternal().source(PLACED).target(PAID).event(PAY).guard(paid).and()
                .withExternal().source(PLACED).target(PARTIALLY_PAID).event(PAY).guard(notPaid).and()
                .withExternal().source(PLACED).target(CANCELLED).event(CANCEL).and()
                .withExternal().source(PARTIALLY_PAID).target(PAID).event(PAY).guard(paid).and()
                .withInternal().source(PARTIALLY_PAID).event(PAY).guard(notPaid).and()
                .withExternal().source(PARTIALLY_PAID).target(CANCELLED).event(CANCEL).and()
                .withExternal().source(PAID).target(SHIPPED).event(SHIP).guard(shipped).and()
                .withExternal().source(PAID).target(PARTIALLY_SHIPPED).event(SHIP).guard(notShipped).and()
                .withExternal().source(PAID).target(CANCELLED).event(CANCEL).and()
                .withExternal().source(PARTIALLY_SHIPPED).target(SHIPPED).event(SHIP).guard(shipped).and()
                .withInternal().source(PARTIALLY_SHIPPED).event(SHIP).guard(notShipped).and()
                .withExternal().source(SHIPPED).target(DELIVERED).event(DELIVER).and()
                .withExternal().source(DELIVERED).target(COMPLETED).event(COMPLETE);
        return b.build();
    }
}
