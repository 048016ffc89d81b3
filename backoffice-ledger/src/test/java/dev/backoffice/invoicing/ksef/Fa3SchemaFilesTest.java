package dev.backoffice.invoicing.ksef;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped FA(3) schema files are the Ministry's, byte for byte: each matches the SHA-256 SOURCE.md records. */
class Fa3SchemaFilesTest {

    private static final String DIR = "dev/backoffice/invoicing/ksef/fa3/";

    private static byte[] read(String name) throws Exception {
        try (InputStream in = Fa3SchemaFilesTest.class.getClassLoader().getResourceAsStream(DIR + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void every_schema_file_matches_its_recorded_sha256() throws Exception {
        String source = new String(read("SOURCE.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\| `([^`]+\\.xsd)` \\| `([0-9a-f]{64})` \\|").matcher(source);
        Map<String, String> recorded = new LinkedHashMap<>();
        while (m.find()) {
            recorded.put(m.group(1), m.group(2));
        }
        assertThat(recorded).containsOnlyKeys("schemat_FA(3)_v1-0E.xsd", "StrukturyDanych_v10-0E.xsd",
                "ElementarneTypyDanych_v10-0E.xsd", "KodyKrajow_v10-0E.xsd");
        for (Map.Entry<String, String> e : recorded.entrySet()) {
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(read(e.getKey())));
            assertThat(actual).as(e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(source).contains("https://github.com/CIRFMF/ksef-docs").contains("faktury/schemy/FA/");
        assertThat(new String(read("LICENSE.txt"), StandardCharsets.UTF_8)).startsWith("MIT License");
    }
}
