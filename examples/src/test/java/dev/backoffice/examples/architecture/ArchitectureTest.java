package dev.backoffice.examples.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.backoffice.docs.internal.archfixture.DisposesOutsideTheGuard;
import dev.backoffice.docs.internal.archfixture.PublicConstructor;
import dev.backoffice.examples.architecture.fixture.ReachesIntoLedgerInternal;
import dev.backoffice.ledger.archfixture.LedgerReachesIntoPayroll;
import dev.backoffice.ledger.internal.Invariants;
import dev.backoffice.payroll.EmployeeId;
import dev.backoffice.statemachine.archfixture.KernelReachesIntoOrders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Layering that is enforced, not only named (issue #15 item 4): the rules of
 * {@link ArchitectureRules} hold over every production class of every module, and each rule is
 * shown to fail on a deliberately violating class of this test tree (so a rule that matched
 * nothing could not pass unnoticed).
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = Modules.production();
    }

    @Test
    void theImportSeesEveryModuleAndNoTestClass() {
        assertThat(production.contain(Invariants.class)).isTrue();
        assertThat(production.contain(EmployeeId.class)).isTrue();
        assertThat(production.contain(dev.backoffice.docs.Archive.class)).isTrue();
        assertThat(production.contain(dev.backoffice.orders.Orders.class)).isTrue();
        assertThat(production.contain(ReachesIntoLedgerInternal.class)).isFalse();
        assertThat(production.contain(PublicConstructor.class)).isFalse();
    }

    @Test
    void internalPackagesAreUsedOnlyInsideTheirModule() {
        ArchitectureRules.INTERNAL_STAYS_IN_ITS_MODULE.check(production);
    }

    @Test
    void domainModulesDoNotReachIntoEachOther() {
        ArchitectureRules.DOMAINS_DO_NOT_REACH_INTO_EACH_OTHER.check(production);
    }

    @Test
    void theKernelDoesNotDependOnOrders() {
        ArchitectureRules.KERNEL_DOES_NOT_DEPEND_ON_ORDERS.check(production);
    }

    @Test
    void internalClassesHaveNoPublicConstructors() {
        ArchitectureRules.NO_PUBLIC_CONSTRUCTORS_ON_INTERNAL_CLASSES.check(production);
    }

    @Test
    void onlyTheArchivesRemovalGuardDisposesOfADocument() {
        ArchitectureRules.ONLY_THE_REMOVAL_GUARD_DISPOSES.check(production);
        // and the guard is the one that does: the rule cannot pass because nobody disposes
        assertThat(production.get(ArchitectureRules.REMOVAL_GUARD).getMethodCallsFromSelf())
                .anyMatch(call -> call.getTarget().getOwner().isEquivalentTo(dev.backoffice.docs.Document.class)
                        && call.getName().equals("disposed"));
    }

    @Test
    void everyPackageIsUnderARegisteredRoot() {
        ArchitectureRules.EVERY_ROOT_PACKAGE_IS_REGISTERED.check(production);
    }

    @Test
    void theHrJarHasOneRootPackage() {
        assertThat(Modules.ROOTS.entrySet().stream().filter(e -> e.getValue().equals(Modules.HR)).map(e -> e.getKey()))
                .containsExactly("payroll");
        assertThat(production.stream().filter(c -> c.getPackageName().startsWith("dev.backoffice.hr"))).isEmpty();
    }

    // ------------------------------------------------------------------ each rule fails on a violation

    private static void failsOn(ArchRule rule, Class<?> violator, Class<?>... others) {
        List<Class<?>> all = new ArrayList<>(List.of(others));
        all.add(violator);
        JavaClasses classes = new ClassFileImporter().importClasses(all);
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(violator.getName());
    }

    @Test
    void usingAnotherModulesInternalPackageFails() {
        failsOn(ArchitectureRules.INTERNAL_STAYS_IN_ITS_MODULE, ReachesIntoLedgerInternal.class, Invariants.class);
    }

    @Test
    void aDomainReachingIntoAnotherFails() {
        failsOn(ArchitectureRules.DOMAINS_DO_NOT_REACH_INTO_EACH_OTHER, LedgerReachesIntoPayroll.class, EmployeeId.class);
    }

    @Test
    void theKernelReachingIntoOrdersFails() {
        failsOn(ArchitectureRules.KERNEL_DOES_NOT_DEPEND_ON_ORDERS, KernelReachesIntoOrders.class);
    }

    @Test
    void aPublicConstructorOnAnInternalClassFails() {
        failsOn(ArchitectureRules.NO_PUBLIC_CONSTRUCTORS_ON_INTERNAL_CLASSES, PublicConstructor.class);
    }

    @Test
    void disposingOfADocumentOutsideTheRemovalGuardFails() {
        failsOn(ArchitectureRules.ONLY_THE_REMOVAL_GUARD_DISPOSES, DisposesOutsideTheGuard.class);
    }

    // ------------------------------------------------------------------ package-info

    /**
     * Every production package of every module has a {@code package-info.java} with a Javadoc
     * line saying what the package is for (checked on the sources: javac writes no class for a
     * package-info without annotations).
     */
    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> missing = new ArrayList<>();
        int packages = 0;
        for (String module : List.of("backoffice-core", "backoffice-ledger", "backoffice-hr", "backoffice-docs", "examples")) {
            Path src = root.resolve(module).resolve("src/main/java");
            try (Stream<Path> dirs = Files.walk(src)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    boolean hasClasses;
                    try (Stream<Path> files = Files.list(dir)) {
                        hasClasses = files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
                    }
                    if (!hasClasses) {
                        continue;
                    }
                    packages++;
                    Path info = dir.resolve("package-info.java");
                    if (!Files.exists(info) || !Files.readString(info).matches("(?s).*/\\*\\*\\s*\\S.*\\*/\\s*package .*")) {
                        missing.add(root.relativize(dir).toString());
                    }
                }
            }
        }
        assertThat(packages).as("packages found").isGreaterThan(30);
        assertThat(missing).as("packages without a documented package-info.java").isEmpty();
    }
}
