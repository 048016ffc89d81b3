package dev.backoffice.ledger;

import org.joda.money.Money;

import java.util.List;

/** Plain-text rendering shared by the statements. */
final class Reports {
    private Reports() {
    }

    static void section(StringBuilder sb, String title, List<ReportLine> lines, Money total) {
        sb.append(title).append('\n');
        for (ReportLine l : lines) {
            sb.append(String.format("  %-38s %15s%n", "  ".repeat(l.depth()) + l.code() + " " + l.name(), l.total()));
        }
        sb.append(String.format("  %-38s %15s%n", "Total " + title.toLowerCase(java.util.Locale.ROOT), total));
    }
}
