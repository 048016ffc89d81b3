package dev.backoffice.examples.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.backoffice.docs.Document;

import java.time.Instant;
import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering of the SDK as executable rules (issue #15 item 4). {@code ArchitectureTest} runs
 * them over every production class and proves each one fails on a deliberately violating class.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Nothing outside a module uses that module's {@code internal} packages. */
    static final ArchRule INTERNAL_STAYS_IN_ITS_MODULE = classes()
            .should(new ArchCondition<JavaClass>("use the internal packages of their own module only") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    Optional<String> from = Modules.module(origin);
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass();
                        if (Modules.isInternal(target) && Modules.root(target).isPresent()
                                && !Modules.module(target).equals(from)) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            });

    /**
     * Domain modules depend on {@code backoffice-core} only, never on each other; core depends on
     * no domain module. Only {@code examples} (the documented glue) sees every module.
     */
    static final ArchRule DOMAINS_DO_NOT_REACH_INTO_EACH_OTHER = classes()
            .should(new ArchCondition<JavaClass>("depend on their own module and backoffice-core only (examples: on any)") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    Optional<String> from = Modules.module(origin);
                    if (from.isEmpty() || from.get().equals(Modules.EXAMPLES)) {
                        return;
                    }
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        Optional<String> to = Modules.module(d.getTargetClass());
                        if (to.isPresent() && !to.equals(from) && !to.get().equals(Modules.CORE)) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            });

    /** Core's kernel (core, state machines) does not depend on the order domain it hosts. */
    static final ArchRule KERNEL_DOES_NOT_DEPEND_ON_ORDERS = noClasses()
            .that().resideInAnyPackage("dev.backoffice.core..", "dev.backoffice.statemachine..")
            .should().dependOnClassesThat().resideInAPackage("dev.backoffice.orders..");

    /**
     * Public classes of {@code internal} packages have no public constructor: their module builds
     * them through a static factory, so nothing else is invited to (records, plain values, are
     * exempt).
     */
    static final ArchRule NO_PUBLIC_CONSTRUCTORS_ON_INTERNAL_CLASSES = constructors()
            .that().areDeclaredInClassesThat(DescribedPredicate.describe("public non-record classes of internal packages",
                    (JavaClass c) -> Modules.isInternal(c) && c.getModifiers().contains(JavaModifier.PUBLIC) && !c.isRecord()))
            .should().notBePublic();

    /** Every class lives under a registered root package of a known module. */
    static final ArchRule EVERY_ROOT_PACKAGE_IS_REGISTERED = classes()
            .that().resideInAPackage("dev.backoffice..")
            .should(new ArchCondition<JavaClass>("live under a root package registered in Modules.ROOTS") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    if (Modules.module(c).isEmpty()) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " is under no registered root package"));
                    }
                }
            });

    /** The class of the archive whose {@code remove} is the one removal path (see its Javadoc). */
    static final String REMOVAL_GUARD = "dev.backoffice.docs.internal.RemovalGuard$Session";

    /**
     * Only the archive's removal guard turns a document into its disposed tombstone: the
     * property "nothing under a legal hold or inside its retention is removed" rests on one
     * check, which every removal path (disposition, review approval, delete, deleteEarly,
     * erasure) goes through (issue #15 item 5).
     */
    static final ArchRule ONLY_THE_REMOVAL_GUARD_DISPOSES = noClasses()
            .that().doNotHaveFullyQualifiedName(REMOVAL_GUARD)
            .should().callMethod(Document.class, "disposed", Instant.class);
}
