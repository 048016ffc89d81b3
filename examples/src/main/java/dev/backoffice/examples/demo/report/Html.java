package dev.backoffice.examples.demo.report;

import java.util.List;

/** The few HTML pieces the report needs, with escaping. No template engine: the report is small. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * A table; cells that look like amounts (start with a digit or minus and contain a digit) are
     * right-aligned. Rows whose first cell starts with "Total" are bold.
     */
    static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder("<table><thead><tr>");
        for (String h : headers) {
            sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            boolean total = !row.isEmpty() && row.get(0).startsWith("Total");
            sb.append(total ? "<tr class=\"total\">" : "<tr>");
            for (String cell : row) {
                boolean numeric = cell.matches("-?[0-9][0-9 ,.]*( [A-Z]{3})?");
                sb.append(numeric ? "<td class=\"num\">" : "<td>").append(escape(cell)).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }
}
