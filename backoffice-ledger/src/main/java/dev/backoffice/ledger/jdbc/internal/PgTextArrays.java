package dev.backoffice.ledger.jdbc.internal;

/**
 * A column of a bulk statement as the text of a PostgreSQL array literal ({@code {"a","b",NULL}}),
 * bound as one string parameter and cast by the statement ({@code ?::text[]}, {@code ?::uuid[]}).
 * The driver's own encoding of a {@code String[]} ({@code createArrayOf}) copies every string's
 * bytes into its buffer one byte at a time; for a group's columns of descriptions, metadata and
 * invoice documents that was the largest part of a committer thread's time (measured with JFR on
 * the invoicing benchmark). Every element is quoted, with {@code "} and {@code \} escaped by a
 * backslash, so any text travels unchanged; null elements are {@code NULL}.
 */
public final class PgTextArrays {

    private PgTextArrays() {
    }

    /** The array literal of {@code column}: each element's {@code toString()}, or NULL. */
    public static String literal(Object[] column) {
        int size = 2;
        for (Object o : column) {
            size += o == null ? 5 : (o instanceof String s ? s.length() + (s.length() >> 2) + 8 : 40); // room for escapes
        }
        StringBuilder sb = new StringBuilder(size).append('{');
        for (int i = 0; i < column.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object o = column[i];
            if (o == null) {
                sb.append("NULL");
                continue;
            }
            String s = o.toString();
            sb.append('"');
            int from = 0;
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                if (ch == '"' || ch == '\\') {
                    sb.append(s, from, k).append('\\');
                    from = k; // the escaped character goes out with the next run
                }
            }
            sb.append(s, from, s.length()).append('"');
        }
        return sb.append('}').toString();
    }
}
