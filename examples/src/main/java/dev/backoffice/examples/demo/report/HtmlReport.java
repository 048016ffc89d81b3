package dev.backoffice.examples.demo.report;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.examples.demo.ArchiveResult;
import dev.backoffice.examples.demo.EntityResult;
import dev.backoffice.ledger.BalanceSheet;
import dev.backoffice.ledger.IncomeStatement;
import dev.backoffice.ledger.ReportLine;
import dev.backoffice.ledger.TrialBalance;
import dev.backoffice.orders.OrderStatus;
import dev.backoffice.payroll.Payslip;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the demo's results as one self-contained HTML page (inline CSS and SVG, no scripts,
 * no external files): per company, the trial balance, income statement, balance sheet, payroll
 * summary with employer cost, order status counts, the invoices, receivables aging, late-payment
 * claims, VAT register, suppliers' invoices, stock on hand and its valuation with their
 * reconciliation to the ledger and links to the e-invoice files, archive and disposition
 * summary, and the audit-log verification.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** The whole page, linking the e-invoices in the folder {@code einvoices} beside it. */
    public static String render(String title, String storage, Instant generatedAt, List<EntityResult> entities) {
        return render(title, storage, generatedAt, entities, "einvoices");
    }

    /** The whole page, linking the e-invoices in {@code einvoiceFolder} (relative to the page). */
    public static String render(String title, String storage, Instant generatedAt, List<EntityResult> entities, String einvoiceFolder) {
        StringBuilder sb = new StringBuilder(32_768);
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>").append(CSS).append("</style></head><body>");
        sb.append("<header><h1>").append(Html.escape(title)).append("</h1><p class=\"meta\">Back Office SDK demo · storage: ")
                .append(Html.escape(storage)).append(" · generated ").append(generatedAt).append("</p>");
        sb.append("<nav>");
        for (EntityResult e : entities) {
            sb.append("<a href=\"#").append(Html.escape(e.tenant())).append("\">").append(Html.escape(e.name())).append("</a>");
        }
        sb.append("</nav></header>");
        for (EntityResult e : entities) {
            entity(sb, e, einvoiceFolder);
        }
        sb.append("<footer>Every figure above comes from the SDK's stores; money is exact (no floating point), "
                + "each tenant's books and documents are isolated from the other's.</footer></body></html>");
        return sb.toString();
    }

    private static void entity(StringBuilder sb, EntityResult e, String einvoiceFolder) {
        CurrencyUnit c = e.currency();
        sb.append("<section class=\"entity\" id=\"").append(Html.escape(e.tenant())).append("\"><h2>")
                .append(Html.escape(e.name())).append(" <small>tenant ").append(Html.escape(e.tenant())).append(" · ")
                .append(c).append("</small></h2>");
        if (e.rerun()) {
            sb.append("<p class=\"note\">This database already held this month: the rerun posted nothing twice.</p>");
        }
        Money employerCost = Money.zero(c);
        Money gross = Money.zero(c);
        Money net = Money.zero(c);
        for (Payslip p : e.payslips()) {
            employerCost = MoneyMath.plus(employerCost, p.employerCost());
            gross = MoneyMath.plus(gross, p.gross());
            net = MoneyMath.plus(net, p.net());
        }
        Money totalEmploymentCost = MoneyMath.plus(gross, employerCost);
        sb.append("<div class=\"cards\">");
        card(sb, "Revenue (net of returns)", money(e.income().totalIncome()));
        card(sb, "Net income", money(e.income().netIncome()));
        card(sb, "Cost of employment", money(totalEmploymentCost));
        card(sb, "Orders", Integer.toString(e.orderStatuses().values().stream().mapToInt(Integer::intValue).sum()));
        card(sb, "Receivables open", money(e.invoicing().openInvoices()));
        card(sb, "Stock at cost", money(e.stock().valuationTotal()));
        card(sb, "Documents archived", Integer.toString(e.archive().documents()));
        card(sb, "Audit chain", e.audit().intact() ? "intact ✔" : "BROKEN at #" + e.audit().firstBroken().orElseThrow());
        sb.append("</div>");

        sb.append("<div class=\"grid\">");
        sb.append("<div><h3>Trial balance</h3>").append(trialBalance(e.trialBalance(), c)).append("</div>");
        sb.append("<div><h3>Income statement</h3>").append(incomeStatement(e.income())).append("</div>");
        sb.append("<div><h3>Balance sheet</h3>").append(balanceSheet(e.balanceSheet())).append("</div>");
        sb.append("<div><h3>Where the money went</h3>").append(incomeChart(e.income())).append("</div>");
        sb.append("</div>");

        sb.append("<h3>Payroll ").append(e.payslips().isEmpty() ? "" : Html.escape(e.payslips().get(0).period().toString())).append("</h3>");
        sb.append(payroll(e.payslips(), c, gross, net, employerCost));
        if (!e.payslips().isEmpty()) {
            List<BarChart.Bar> bars = new ArrayList<>();
            for (Payslip p : e.payslips()) {
                Money cost = MoneyMath.plus(p.gross(), p.employerCost());
                bars.add(new BarChart.Bar(p.employeeName(), cost.getAmount().doubleValue(), money(cost)));
            }
            sb.append(BarChart.svg("Total cost of employment per employee (gross pay + employer contributions)", bars));
        }

        sb.append("<div class=\"grid\"><div><h3>Orders by status</h3>").append(orders(e.orderStatuses())).append("</div>");
        List<BarChart.Bar> statusBars = new ArrayList<>();
        e.orderStatuses().forEach((status, n) -> statusBars.add(new BarChart.Bar(status.name(), n, Integer.toString(n))));
        sb.append("<div>").append(BarChart.svg("Orders by final state", statusBars)).append("</div></div>");

        LedgersSection.render(sb, e.invoicing(), e.stock(), einvoiceFolder);

        sb.append("<h3>Archive and disposition</h3>").append(archive(e.archive()));
        sb.append("<h3>Audit log</h3><p class=\"").append(e.audit().intact() ? "ok" : "bad").append("\">")
                .append(e.auditRecords()).append(" records; hash chain ")
                .append(e.audit().intact() ? "verified intact from the first record to the last."
                        : "BROKEN at record " + e.audit().firstBroken().orElseThrow() + ": " + e.audit().reason().orElse(""))
                .append("</p>");
        List<List<String>> actions = new ArrayList<>();
        e.auditActions().forEach((action, n) -> actions.add(List.of(action, Integer.toString(n))));
        sb.append(Html.table(List.of("Audited action", "Records"), actions)).append("</section>");
    }

    private static void card(StringBuilder sb, String label, String value) {
        sb.append("<div class=\"card\"><div class=\"label\">").append(Html.escape(label)).append("</div><div class=\"value\">")
                .append(Html.escape(value)).append("</div></div>");
    }

    private static String trialBalance(TrialBalance tb, CurrencyUnit c) {
        List<List<String>> rows = new ArrayList<>();
        for (TrialBalance.Row r : tb.rows()) {
            if (r.debit().isZero() && r.credit().isZero()) {
                continue;
            }
            rows.add(List.of(r.code(), r.name(), blankIfZero(r.debit()), blankIfZero(r.credit())));
        }
        rows.add(List.of("Total", "", money(tb.totalDebits(c)), money(tb.totalCredits(c))));
        return Html.table(List.of("Account", "Name", "Debit", "Credit"), rows);
    }

    private static String incomeStatement(IncomeStatement is) {
        List<List<String>> rows = new ArrayList<>();
        lines(rows, is.income());
        rows.add(List.of("Total income", money(is.totalIncome())));
        lines(rows, is.expenses());
        rows.add(List.of("Total expenses", money(is.totalExpense())));
        rows.add(List.of("Total: net income", money(is.netIncome())));
        return Html.table(List.of("", is.from() + " – " + is.to()), rows);
    }

    private static String balanceSheet(BalanceSheet bs) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Assets", ""));
        lines(rows, bs.assets());
        rows.add(List.of("Total assets", money(bs.totalAssets())));
        rows.add(List.of("Liabilities", ""));
        lines(rows, bs.liabilities());
        rows.add(List.of("Total liabilities", money(bs.totalLiabilities())));
        rows.add(List.of("Equity", ""));
        lines(rows, bs.equity());
        rows.add(List.of("Current earnings", money(bs.currentEarnings())));
        rows.add(List.of("Total equity and liabilities",
                money(MoneyMath.plus(MoneyMath.plus(bs.totalLiabilities(), bs.totalEquity()), bs.currentEarnings()))));
        return Html.table(List.of("", "as of " + bs.asOf()), rows);
    }

    private static void lines(List<List<String>> rows, List<ReportLine> lines) {
        for (ReportLine l : lines) {
            if (l.total().isZero()) {
                continue;
            }
            rows.add(List.of("\u00a0\u00a0".repeat(l.depth() + 1) + l.code() + " " + l.name(), money(l.total())));
        }
    }

    private static String incomeChart(IncomeStatement is) {
        List<BarChart.Bar> bars = new ArrayList<>();
        bars.add(new BarChart.Bar("Income", is.totalIncome().getAmount().doubleValue(), money(is.totalIncome())));
        for (ReportLine l : is.expenses()) {
            if (l.depth() > 0 && !l.total().isZero()) {
                bars.add(new BarChart.Bar(l.name(), l.total().getAmount().doubleValue(), money(l.total())));
            }
        }
        bars.add(new BarChart.Bar("Net income", is.netIncome().getAmount().doubleValue(), money(is.netIncome())));
        return BarChart.svg("Income, expenses by account, and what is left", bars);
    }

    private static String payroll(List<Payslip> payslips, CurrencyUnit c, Money gross, Money net, Money employerCost) {
        if (payslips.isEmpty()) {
            return "<p>No payroll this month.</p>";
        }
        List<List<String>> rows = new ArrayList<>();
        Money deductions = Money.zero(c);
        for (Payslip p : payslips) {
            deductions = MoneyMath.plus(deductions, p.deductions());
            rows.add(List.of(p.employeeName(), p.jurisdiction() + " " + p.taxYear(), money(p.gross()), money(p.deductions()),
                    money(p.net()), money(p.employerCost()), money(MoneyMath.plus(p.gross(), p.employerCost()))));
        }
        rows.add(List.of("Total", "", money(gross), money(deductions), money(net), money(employerCost),
                money(MoneyMath.plus(gross, employerCost))));
        return Html.table(List.of("Employee", "Rules", "Gross", "Employee deductions", "Net pay", "Employer contributions",
                "Cost of employment"), rows);
    }

    private static String orders(Map<OrderStatus, Integer> statuses) {
        List<List<String>> rows = new ArrayList<>();
        statuses.forEach((s, n) -> rows.add(List.of(s.name(), Integer.toString(n))));
        return Html.table(List.of("Status", "Orders"), rows);
    }

    private static String archive(ArchiveResult a) {
        StringBuilder sb = new StringBuilder();
        List<List<String>> rows = new ArrayList<>();
        a.documentsByClass().forEach((k, n) -> rows.add(List.of(k, Integer.toString(n))));
        rows.add(List.of("Total", Integer.toString(a.documents())));
        sb.append("<div class=\"grid\"><div>").append(Html.table(List.of("Document class", "Archived"), rows)).append("</div><div>");
        sb.append(BarChart.svg("Disposition run as of " + a.disposedAsOf(), List.of(
                new BarChart.Bar("Disposed", a.disposed().size(), Integer.toString(a.disposed().size())),
                new BarChart.Bar("Kept: legal hold", a.keptUnderHold().size(), Integer.toString(a.keptUnderHold().size())),
                new BarChart.Bar("Kept: still retained", a.stillRetained(), Integer.toString(a.stillRetained())))));
        sb.append("</div></div>");
        sb.append("<p>Disposition as of <b>").append(a.disposedAsOf()).append("</b>: ").append(a.disposed().size())
                .append(" disposed, ").append(a.keptUnderHold().size()).append(" kept under legal hold, ")
                .append(a.stillRetained()).append(" still inside their retention period; ").append(a.certificates())
                .append(" disposal certificates written to the audit log.</p>");
        if (!a.disposed().isEmpty()) {
            sb.append("<h4>Disposed</h4>").append(archiveLines(a.disposed()));
        }
        if (!a.keptUnderHold().isEmpty()) {
            sb.append("<h4>Kept under legal hold</h4>").append(archiveLines(a.keptUnderHold()));
        }
        return sb.toString();
    }

    private static String archiveLines(List<ArchiveResult.Line> lines) {
        List<List<String>> rows = new ArrayList<>();
        for (ArchiveResult.Line l : lines) {
            rows.add(List.of(l.documentClass(), l.title(), l.detail()));
        }
        return Html.table(List.of("Class", "Document", "Why"), rows);
    }

    private static String blankIfZero(Money m) {
        return m.isZero() ? "" : money(m);
    }

    static String money(Money m) {
        return m.getAmount().toPlainString() + " " + m.getCurrencyUnit().getCode();
    }

    private static final String CSS = """
            body{font-family:'DejaVu Sans',Arial,sans-serif;margin:0;color:#1d2733;background:#f4f6f8}
            header{background:#1f3b57;color:#fff;padding:18px 32px}
            header h1{margin:0 0 4px 0;font-size:24px} .meta{margin:0;opacity:.8;font-size:13px}
            nav a{color:#cfe3f5;margin-right:18px;font-size:14px}
            section.entity{background:#fff;margin:22px 32px;padding:8px 26px 20px;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
            h2 small{font-weight:normal;color:#66727f;font-size:14px} h3{margin-top:26px;border-bottom:1px solid #e1e5ea;padding-bottom:4px}
            .cards{display:flex;flex-wrap:wrap;gap:12px}
            .card{background:#eef3f8;border-radius:6px;padding:10px 14px;min-width:150px}
            .card .label{font-size:12px;color:#5b6875} .card .value{font-size:18px;font-weight:bold}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:10px 30px}
            table{border-collapse:collapse;font-size:13px;margin:6px 0;min-width:320px}
            th,td{padding:3px 10px;border-bottom:1px solid #edf0f3;text-align:left} th{background:#f0f3f6}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap} tr.total td{font-weight:bold;border-top:2px solid #9aa6b2}
            .chart{margin:8px 0} .chart-title{font-size:13px;font-weight:bold;fill:#1d2733}
            .chart-label{font-size:12px;fill:#33414f} .chart-value{font-size:12px;fill:#33414f}
            .note{background:#fff7e0;padding:6px 10px;border-left:4px solid #e0a800}
            .ok{color:#23703a;font-weight:bold} .bad{color:#b0261e;font-weight:bold}
            footer{margin:10px 32px 30px;color:#66727f;font-size:12px}
            .meta-small{font-size:12px;color:#5b6875;margin:2px 0} ul.files{font-size:13px}
            """;
}
