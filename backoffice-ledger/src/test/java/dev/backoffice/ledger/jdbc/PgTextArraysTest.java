package dev.backoffice.ledger.jdbc;

import dev.backoffice.core.testing.RequiresPostgres;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import dev.backoffice.ledger.jdbc.internal.PgTextArrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A column sent as an array literal's text ({@link PgTextArrays}) reaches PostgreSQL unchanged, element for element. */
@RequiresPostgres
class PgTextArraysTest {

    private static TestDatabase db;

    @BeforeAll
    static void open() {
        db = TestDatabases.postgres();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void everyTextArrivesAsItWasSent() throws Exception {
        String[] texts = {"plain", "", "NULL", null, "with \"quotes\" and \\backslashes\\", "{braces},commas, spaces ",
                " leading and trailing ", "ąćęłńóśźż € 日本", "line\nbreak\ttab", "{\"json\":\"doc\",\"n\":[1,2]}", "\\\"", "'"};
        assertThat(roundTrip(texts, "text")).containsExactlyElementsOf(Arrays.asList(texts));
    }

    @Test
    void uuidsAndDatesAreCastByTheStatement() throws Exception {
        UUID a = UUID.randomUUID();
        assertThat(roundTrip(new Object[] {a, null}, "uuid")).containsExactly(a.toString(), null);
        assertThat(roundTrip(new Object[] {"2026-03-16", null}, "date")).containsExactly("2026-03-16", null);
    }

    private static List<String> roundTrip(Object[] column, String type) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT v::text FROM unnest(?::" + type + "[]) WITH ORDINALITY AS u(v, i) ORDER BY i")) {
            ps.setString(1, PgTextArrays.literal(column));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
