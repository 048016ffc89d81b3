package dev.backoffice.examples.readme;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level README's five-minute tours are the module guides' tours, verbatim; each guide's
 * tour is compiled and run by a test in its module (OrdersReadmeTest, LedgerTourTest,
 * the payroll and archive README tests). So every tour a newcomer reads compiles and runs.
 */
class ReadmeToursTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @ParameterizedTest
    @CsvSource({
            "backoffice-core/README-orders.md, 0",
            "backoffice-core/README-orders.md, 1",
            "backoffice-ledger/README.md, 0",
            "backoffice-hr/README.md, 0",
            "backoffice-docs/README.md, 0",
            "backoffice-ledger/README-invoicing.md, 0",
            "backoffice-ledger/README-invoicing.md, 1",
            "backoffice-ledger/README-invoicing.md, 2",
            "backoffice-ledger/README-inventory.md, 0",
            "backoffice-ledger/README-inventory.md, 1",
            "backoffice-ledger/README-inventory.md, 2"})
    void theReadmeShowsTheGuidesTourVerbatim(String guide, int block) throws IOException {
        Path root = Path.of("..");
        String readme = Files.readString(root.resolve("README.md"));
        String tour = javaBlocks(Files.readString(root.resolve(guide))).get(block);
        assertThat(readme).contains(tour);
    }
}
