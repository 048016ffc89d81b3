package dev.backoffice.examples.demo.report;

import dev.backoffice.examples.demo.InvoicingResult;
import dev.backoffice.examples.demo.StockResult;
import dev.backoffice.inventory.ItemValuation;
import dev.backoffice.inventory.StockLevel;
import dev.backoffice.invoicing.AgingReport;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.LatePaymentClaim;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.VatRegister;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static dev.backoffice.examples.demo.report.HtmlReport.money;

/**
 * The report's sales, purchase and stock ledger sections of one company: invoices, aging,
 * late-payment claims, the VAT register, suppliers' invoices, stock on hand with its valuation,
 * the reconciliation of each to the general ledger, and links to the e-invoice files.
 */
final class LedgersSection {

    private LedgersSection() {
    }

    static void render(StringBuilder sb, InvoicingResult inv, StockResult stock, String einvoiceFolder) {
        sb.append("<h3>Invoices and credit notes</h3>").append(invoices(inv.invoices()));
        sb.append("<div class=\"grid\"><div><h3>Receivables aging as of ").append(inv.aging().asOf()).append("</h3>")
                .append(aging(inv.aging())).append("</div>");
        sb.append("<div><h3>Late-payment claims</h3>").append(claims(inv.lateClaims())).append("</div></div>");
        sb.append("<div class=\"grid\"><div><h3>VAT register ").append(inv.vatRegister().from()).append(" – ")
                .append(inv.vatRegister().to()).append("</h3>").append(vatRegister(inv.vatRegister())).append("</div>");
        sb.append("<div><h3>Suppliers' invoices</h3>").append(purchases(inv.purchases())).append("</div></div>");
        sb.append("<div class=\"grid\"><div><h3>Stock on hand in ").append(Html.escape(stock.warehouse())).append("</h3>")
                .append(stockOnHand(stock)).append("</div>");
        sb.append("<div><h3>Reconciliation with the ledger</h3>").append(reconciliation(inv, stock)).append("</div></div>");
        sb.append("<h3>E-invoice files</h3>").append(files(inv.files(), einvoiceFolder));
    }

    private static String invoices(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return "<p>No invoices this month.</p>";
        }
        List<List<String>> rows = new ArrayList<>();
        for (Invoice i : invoices) {
            boolean note = i.kind() == InvoiceKind.CREDIT_NOTE;
            rows.add(List.of(i.number().orElse(""), note ? "credit note" : "invoice", i.buyer().name(),
                    i.issueDate().map(Object::toString).orElse(""), note ? "" : i.dueDate().map(Object::toString).orElse(""), money(i.net()), money(i.vat()),
                    money(i.gross()), note ? "" : money(i.paid()), note ? "" : money(i.open()), i.status().name()));
        }
        return Html.table(List.of("Number", "Kind", "Customer", "Issued", "Due", "Net", "VAT", "Gross", "Settled", "Open", "Status"), rows);
    }

    private static String aging(AgingReport aging) {
        if (aging.rows().isEmpty()) {
            return "<p>Nothing open.</p>";
        }
        List<List<String>> rows = new ArrayList<>();
        for (AgingReport.Row r : aging.rows()) {
            rows.add(List.of(r.customer(), money(r.current()), money(r.days1to30()), money(r.days31to60()), money(r.days61to90()),
                    money(r.over90()), money(r.total())));
        }
        return Html.table(List.of("Customer", "Current", "1-30", "31-60", "61-90", "> 90", "Total open"), rows);
    }

    private static String claims(List<LatePaymentClaim> claims) {
        if (claims.isEmpty()) {
            return "<p>No invoice is overdue.</p>";
        }
        List<List<String>> rows = new ArrayList<>();
        StringBuilder sources = new StringBuilder();
        for (LatePaymentClaim c : claims) {
            rows.add(List.of(c.number(), c.dueDate().toString(), Long.toString(c.daysLate()), money(c.principal()), money(c.interest()),
                    money(c.compensation()), money(c.total())));
            sources.append("<p class=\"meta-small\">").append(Html.escape(c.number())).append(": ")
                    .append(Html.escape(String.join("; ", c.sources()))).append(". Compensation: ")
                    .append(Html.escape(c.compensationBasis())).append("</p>");
        }
        return Html.table(List.of("Invoice", "Due", "Days late", "Open", "Statutory interest", "Compensation", "May claim"), rows)
                + sources;
    }

    private static String vatRegister(VatRegister register) {
        if (register.rows().isEmpty()) {
            return "<p>No VAT this month.</p>";
        }
        List<List<String>> rows = new ArrayList<>();
        for (VatRegister.Row r : register.rows()) {
            rows.add(List.of(r.side() == VatRegister.Side.SALES ? "sales" : "purchases", r.rate().code(), Integer.toString(r.documents()),
                    money(r.net()), money(r.vat())));
        }
        return Html.table(List.of("Register", "Rate", "Documents", "Net", "VAT"), rows);
    }

    private static String purchases(List<PurchaseInvoice> purchases) {
        if (purchases.isEmpty()) {
            return "<p>No suppliers' invoices this month.</p>";
        }
        List<List<String>> rows = new ArrayList<>();
        for (PurchaseInvoice p : purchases) {
            rows.add(List.of(p.supplierNumber(), p.seller().name(), p.receivedOn().toString(), p.dueDate().toString(), money(p.net()),
                    money(p.vat()), money(p.gross()), money(p.paid()), p.status().name()));
        }
        return Html.table(List.of("Supplier's number", "Supplier", "Received", "Due", "Net", "Input VAT", "Gross", "Paid", "Status"), rows);
    }

    private static String stockOnHand(StockResult stock) {
        List<List<String>> rows = new ArrayList<>();
        for (StockLevel l : stock.levels()) {
            ItemValuation v = stock.valuation().items().stream().filter(i -> i.sku().equals(l.sku())).findFirst().orElse(null);
            rows.add(List.of(l.sku(), plain(l.onHand()), plain(l.reserved()), plain(l.available()),
                    v == null ? "0" : plain(v.quantity()), v == null ? "" : money(v.value())));
        }
        rows.add(List.of("Total valuation", "", "", "", "", money(stock.valuationTotal())));
        return Html.table(List.of("Item", "On hand", "Reserved", "Available", "Valued", "Value at cost"), rows)
                + "<p>Cost of goods sold this month " + Html.escape(money(stock.cogsInLedger())) + "; stock-count losses "
                + Html.escape(money(stock.lossesInLedger())) + ".</p>";
    }

    private static String reconciliation(InvoicingResult inv, StockResult stock) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(check("Receivables account = open invoices", inv.receivableInLedger(), inv.openInvoices()));
        Money outputVat = inv.vatRegister().vat(VatRegister.Side.SALES, inv.openInvoices().getCurrencyUnit());
        Money inputVat = inv.vatRegister().vat(VatRegister.Side.PURCHASES, inv.openInvoices().getCurrencyUnit());
        rows.add(check("VAT-due account (month) = VAT register, sales", inv.outputVatInLedger(), outputVat));
        rows.add(check("Input-VAT account (month) = VAT register, purchases", inv.inputVatInLedger(), inputVat));
        rows.add(check("Inventory account = stock valuation", stock.inventoryInLedger(), stock.valuationTotal()));
        return Html.table(List.of("Check", "Ledger", "Sub-ledger", ""), rows);
    }

    private static List<String> check(String what, Money ledger, Money subLedger) {
        return List.of(what, money(ledger), money(subLedger), ledger.isEqual(subLedger) ? "agrees ✔" : "DIFFERS ✘");
    }

    private static String files(List<InvoicingResult.EInvoiceFile> files, String folder) {
        if (files.isEmpty()) {
            return "<p>No e-invoices this month.</p>";
        }
        StringBuilder sb = new StringBuilder("<ul class=\"files\">");
        for (InvoicingResult.EInvoiceFile f : files) {
            String href = folder + "/" + f.fileName();
            sb.append("<li><a href=\"").append(Html.escape(href)).append("\">").append(Html.escape(href)).append("</a> · ")
                    .append(Html.escape(f.format())).append(" · ").append(Html.escape(f.number())).append("</li>");
        }
        return sb.append("</ul>").toString();
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }
}
