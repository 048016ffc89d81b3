package dev.backoffice.examples.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.Map;
import java.util.Optional;

/**
 * The SDK's modules (jars) and the root packages each one holds, the map the architecture and
 * error-code tests share. A new domain or root package is registered here (CONTRIBUTING.md,
 * "adding a module or a store"); an unregistered root fails {@code ArchitectureTest}.
 */
final class Modules {

    static final String CORE = "backoffice-core";
    static final String LEDGER = "backoffice-ledger";
    static final String HR = "backoffice-hr";
    static final String DOCS = "backoffice-docs";
    static final String EXAMPLES = "examples";

    /** Root package (the segment after {@code dev.backoffice}) to the module that holds it. */
    static final Map<String, String> ROOTS = Map.of(
            "core", CORE, "statemachine", CORE, "orders", CORE,
            "ledger", LEDGER, "invoicing", LEDGER, "inventory", LEDGER,
            "payroll", HR,
            "docs", DOCS,
            "examples", EXAMPLES);

    private Modules() {
    }

    /** {@code ledger} for {@code dev.backoffice.ledger.jdbc.internal}, empty outside {@code dev.backoffice}. */
    static Optional<String> root(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith("dev.backoffice.")) {
            return Optional.empty();
        }
        String rest = p.substring("dev.backoffice.".length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** The module of {@code c} (empty outside {@code dev.backoffice} or for an unregistered root). */
    static Optional<String> module(JavaClass c) {
        return root(c).map(ROOTS::get);
    }

    /** Whether {@code c} lives in an {@code internal} package (at any depth). */
    static boolean isInternal(JavaClass c) {
        return ("." + c.getPackageName() + ".").contains(".internal.");
    }

    /** The production classes of every module (no test classes, no test jars), as users get them. */
    static JavaClasses production() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("dev.backoffice");
    }
}
