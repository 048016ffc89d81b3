package dev.backoffice.examples.demo.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A month in the back office of a company group, as a tester writes it in JSON (see
 * {@code scenarios/nordwind-2026-03.json}). Amounts are decimal strings, dates ISO-8601.
 *
 * @param name            shown in the report
 * @param month           the month being run
 * @param actor           who the demo acts as (audit logs, order history)
 * @param chartOfAccounts the chart every entity opens, in its own currency
 * @param postingAccounts which account code plays which role in the glue (bank, sales, VAT, payroll roles...)
 * @param entities        the companies, one tenant each
 * @param disposition     when the archive's disposition runs (years after the month)
 */
public record Scenario(String name, YearMonth month, String actor, List<AccountSpec> chartOfAccounts,
                       Map<String, String> postingAccounts, List<Entity> entities, Disposition disposition) {

    /** One account of the chart. {@code type}: ASSET, LIABILITY, EQUITY, INCOME, EXPENSE. */
    public record AccountSpec(String code, String name, String type, Optional<String> parent, Optional<List<String>> flags) {
    }

    /**
     * One company: a tenant with its own books, staff, customers and orders. {@code retention}
     * names, per document class the company archives ({@code invoice}, {@code payroll-record},
     * {@code employee-file}), the entry of the archive's policy catalogue that applies.
     */
    public record Entity(String tenant, String name, String country, String currency, LocalDate payDate,
                         InvoicingSpec invoicing, StockSpec stock,
                         List<JournalSpec> journal, List<EmployeeSpec> employees, List<CustomerSpec> customers,
                         List<OrderSpec> orders, Map<String, String> retention, Optional<LegalHoldSpec> legalHold) {
    }

    /**
     * The company as a seller: its tax id and address on every invoice, its numbering series for
     * invoices and credit notes, the payment terms (days) of ordinary and pay-later orders, the
     * unit its invoice lines are in ({@code szt.} in Poland, the UN/ECE code {@code C62} for
     * Peppol), the account customers pay to (on a Peppol invoice), and exchange rates (for a
     * Polish late-payment compensation, converted from euros).
     */
    public record InvoicingSpec(String taxId, String address, Optional<String> bankAccount, SeriesSpec invoiceSeries,
                                SeriesSpec creditNoteSeries, int paymentDays, int payLaterDays, String unit,
                                Optional<List<FxRateSpec>> fxRates) {
    }

    /** A numbering series: {@code reset} is {@code NEVER}, {@code YEARLY} or {@code MONTHLY}. */
    public record SeriesSpec(String code, String pattern, String reset) {
    }

    /** One exchange rate of a published table (from one unit of {@code from} to {@code to}). */
    public record FxRateSpec(String from, String to, LocalDate date, String rate, String table, Optional<String> comment) {
    }

    /**
     * The company's stock: one warehouse, its items with their opening balance, receipts of goods
     * from suppliers (each with the supplier's invoice), and stock counts.
     */
    public record StockSpec(String warehouse, List<ItemSpec> items, List<ReceiptSpec> receipts, List<CountSpec> counts) {
    }

    /** An item; {@code costing} is {@code FIFO} or {@code MOVING_AVERAGE}; opening stock on the first day of the month. */
    public record ItemSpec(String sku, String name, String costing, int openingQuantity, BigDecimal openingUnitCost) {
    }

    /** Goods received from a supplier, and the supplier's invoice for them (registered, approved, paid on {@code paidOn} if given). */
    public record ReceiptSpec(String ref, LocalDate date, SupplierSpec supplier, String supplierNumber, LocalDate issueDate,
                              LocalDate dueDate, Optional<LocalDate> paidOn, List<ReceiptLineSpec> lines) {
    }

    /** A supplier. */
    public record SupplierSpec(String ref, String name, String country, String taxId, String address) {
    }

    /** One line of a receipt: {@code taxRate} in percent, the VAT the supplier charges. */
    public record ReceiptLineSpec(String sku, int quantity, BigDecimal unitCost, BigDecimal taxRate) {
    }

    /** A stock count of one item in the warehouse. */
    public record CountSpec(LocalDate date, String sku, int counted, Optional<String> comment) {
    }

    /** A manual journal entry; {@code key} makes reruns idempotent. */
    public record JournalSpec(String key, LocalDate date, String description, List<LineSpec> lines) {
    }

    /** One line of a manual entry: exactly one of debit or credit. */
    public record LineSpec(String account, Optional<BigDecimal> debit, Optional<BigDecimal> credit) {
    }

    /**
     * An employee with one employment contract. Polish staff: {@code ppk} enrolment; UK staff:
     * {@code taxCode}, {@code niCategory}, optional {@code studentLoan} (PLAN_1, PLAN_2, PLAN_4, PLAN_5, POSTGRADUATE).
     */
    public record EmployeeSpec(String ref, String givenName, String familyName, LocalDate birthDate, LocalDate start,
                               Optional<LocalDate> end, BigDecimal monthlySalary, Optional<BigDecimal> bonus,
                               Optional<Boolean> ppk, Optional<String> taxCode, Optional<String> niCategory,
                               Optional<String> studentLoan) {
    }

    /** A customer, as the buyer on its invoices. */
    public record CustomerSpec(String ref, String name, String country, String taxId, String address) {
    }

    /** An order and what happens to it during the month, in order. */
    public record OrderSpec(String ref, String customer, LocalDate date, Optional<Boolean> payLater,
                            List<OrderLineSpec> lines, List<OrderEventSpec> events) {
    }

    /** An order line; {@code taxRate} in percent. */
    public record OrderLineSpec(String sku, Optional<String> description, int quantity, BigDecimal unitPrice, BigDecimal taxRate) {
    }

    /**
     * Something that happens to an order: {@code place}, {@code pay} (no amount = the balance
     * due), {@code ship} and {@code return} (with {@code items} by SKU), {@code deliver},
     * {@code complete}, {@code cancel}, {@code refund}.
     */
    public record OrderEventSpec(String type, LocalDate date, Optional<BigDecimal> amount, Optional<String> reference,
                                 Optional<Map<String, Integer>> items, Optional<String> reason, Optional<String> comment) {
    }

    /** A legal hold on an employee's whole file. */
    public record LegalHoldSpec(String employee, String name, String reason) {
    }

    /** When the disposition run happens. */
    public record Disposition(LocalDate asOf) {
    }
}
