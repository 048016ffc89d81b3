package dev.backoffice.payroll;

import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.json.BackofficeJson;
import dev.backoffice.core.validation.Check;
import org.joda.money.Money;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Renders payslips for people: plain text (fixed width) and a self-contained HTML page, each
 * with every line, its rule and parameter, the totals and the employer cost; and JSON through
 * the SDK's shared mapper.
 */
public final class PayslipRenderer {
    private PayslipRenderer() {
    }

    /** JSON through {@link BackofficeJson#mapper()}; {@code mapper().readValue(json, Payslip.class)} reads it back. */
    public static String json(Payslip payslip) {
        Check.notNull(payslip, "payslip");
        try {
            return BackofficeJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(payslip);
        } catch (JsonProcessingException e) {
            throw PayrollErrorCode.RENDER_FAILED.storage("cannot render payslip as JSON", e);
        }
    }

    /** A fixed-width text payslip. */
    public static String text(Payslip p) {
        Check.notNull(p, "payslip");
        StringBuilder sb = new StringBuilder();
        sb.append("PAYSLIP ").append(p.period()).append(p.kind() == RunKind.CORRECTION ? " (CORRECTION)" : "").append('\n');
        sb.append("Employee: ").append(p.employeeName()).append(" (").append(p.employeeId()).append(")\n");
        sb.append("Pay date: ").append(p.payDate()).append("   Tax year: ").append(p.taxYear()).append("   Rules: ").append(p.jurisdiction()).append('\n');
        PayrollComponent current = null;
        for (PayslipLine l : p.lines()) {
            if (l.component() != current) {
                current = l.component();
                sb.append('\n').append(current.name().replace('_', ' ')).append('\n');
            }
            String marker = switch (l.effect()) {
                case EARNING -> "+";
                case DEDUCTION -> "-";
                case EMPLOYER -> "e";
                case INFO -> " ";
            };
            sb.append(String.format("  %s %-58s %14s", marker, truncate(l.label(), 58), amount(l.amount())));
            if (l.base() != null) {
                sb.append("  (").append(l.rate() == null ? "" : l.rate() + " of ").append(amount(l.base())).append(')');
            }
            sb.append('\n');
            sb.append("      rule: ").append(l.rule()).append('\n');
            if (l.parameter() != null) {
                sb.append("      parameter: ").append(l.parameter()).append('\n');
            }
        }
        sb.append('\n');
        sb.append(String.format("  %-60s %14s%n", "GROSS PAY", amount(p.gross())));
        sb.append(String.format("  %-60s %14s%n", "DEDUCTIONS", amount(p.deductions())));
        sb.append(String.format("  %-60s %14s%n", "NET PAY", amount(p.net())));
        sb.append(String.format("  %-60s %14s%n", "EMPLOYER CONTRIBUTIONS", amount(p.employerCost())));
        sb.append(String.format("  %-60s %14s%n", "TOTAL EMPLOYER COST", amount(p.totalCost())));
        return sb.toString();
    }

    /** A self-contained HTML payslip (escaped, no scripts). */
    public static String html(Payslip p) {
        Check.notNull(p, "payslip");
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Payslip ").append(esc(p.employeeName())).append(' ')
                .append(p.period()).append("</title>\n<style>body{font-family:sans-serif}td,th{padding:2px 8px;text-align:left}"
                        + "td.n{text-align:right;font-variant-numeric:tabular-nums}.r{color:#666;font-size:smaller}</style></head><body>\n");
        sb.append("<h1>Payslip ").append(p.period()).append(p.kind() == RunKind.CORRECTION ? " (correction)" : "").append("</h1>\n");
        sb.append("<p>").append(esc(p.employeeName())).append(" &middot; pay date ").append(p.payDate()).append(" &middot; tax year ")
                .append(esc(p.taxYear())).append(" &middot; ").append(esc(p.jurisdiction())).append("</p>\n");
        sb.append("<table>\n<tr><th>Component</th><th>Line</th><th>Base</th><th>Rate</th><th>Amount</th><th>Rule / parameter</th></tr>\n");
        for (PayslipLine l : p.lines()) {
            sb.append("<tr class=\"").append(l.effect().name().toLowerCase(java.util.Locale.ROOT)).append("\"><td>")
                    .append(l.component().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append("</td><td>").append(esc(l.label()))
                    .append("</td><td class=\"n\">").append(l.base() == null ? "" : amount(l.base())).append("</td><td>")
                    .append(l.rate() == null ? "" : esc(l.rate())).append("</td><td class=\"n\">").append(amount(l.amount()))
                    .append("</td><td class=\"r\">").append(esc(l.rule())).append(l.parameter() == null ? "" : "<br>" + esc(l.parameter()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n<table>\n");
        row(sb, "Gross pay", p.gross());
        row(sb, "Deductions", p.deductions());
        row(sb, "Net pay", p.net());
        row(sb, "Employer contributions", p.employerCost());
        row(sb, "Total employer cost", p.totalCost());
        sb.append("</table>\n</body></html>\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, Money m) {
        sb.append("<tr><th>").append(label).append("</th><td class=\"n\">").append(amount(m)).append("</td></tr>\n");
    }

    private static String amount(Money m) {
        return m.getAmount().toPlainString() + " " + m.getCurrencyUnit().getCode();
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
