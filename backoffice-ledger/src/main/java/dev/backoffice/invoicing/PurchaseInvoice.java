package dev.backoffice.invoicing;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.validation.Check;
import dev.backoffice.ledger.EntryId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A supplier's invoice as registered (accounts payable): immutable; every change is a new value
 * with the next {@link #version()}.
 *
 * @param id             the id (an {@link InvoiceId}, unique among the tenant's sales and purchase invoices)
 * @param version        1 when registered, one more on every change
 * @param status         where it is in its lifecycle
 * @param supplier       the caller's key of the supplier, which payments to it name ({@code payer})
 * @param supplierNumber the supplier's own number of the invoice, unique per supplier
 * @param seller         the supplier
 * @param buyer          the tenant's company, whose country's VAT it deducts
 * @param currency       the currency
 * @param lines          the lines as printed
 * @param totals         the totals per VAT rate, in the order of first use, with the amounts in
 *                       zloty for a foreign-currency invoice of a Polish buyer
 * @param net            the sum of the net amounts
 * @param vat            the sum of the VAT amounts
 * @param gross          {@code net + vat}
 * @param fxRate         the rate of the zloty amounts, if converted
 * @param issueDate      the supplier's issue date
 * @param saleDate       the date of supply
 * @param receivedOn     the day it was received: the date of its journal entry and of its VAT
 *                       register period (art. 86 ust. 10b pkt 1: the input VAT is deducted no
 *                       earlier than in the period the invoice was received)
 * @param dueDate        the payment due date
 * @param paid           how much of {@code gross} payments to the supplier have settled
 * @param approvedBy     who approved it
 * @param rejection      why it was rejected
 * @param ledgerEntry    the journal entry of its approval, if posted
 * @param createdAt      when it was registered
 * @param corrects       a supplier's credit note: the supplier's invoice it corrects
 *                       ({@link TenantPayables#registerCreditNote}); its totals are then the (negative) change
 * @param selfAssessed   the VAT the buyer self-assesses on reverse-charge lines, per rate (output VAT
 *                       due and input VAT deducted alike, art. 86 ust. 2 pkt 4 ustawy o VAT); empty if none
 */
public record PurchaseInvoice(InvoiceId id, long version, PurchaseStatus status, String supplier, String supplierNumber,
                              Party seller, Party buyer, CurrencyUnit currency, List<PurchaseLine> lines, List<VatTotal> totals,
                              Money net, Money vat, Money gross, Optional<FxRate> fxRate, LocalDate issueDate, LocalDate saleDate,
                              LocalDate receivedOn, LocalDate dueDate, Money paid, Optional<String> approvedBy,
                              Optional<String> rejection, Optional<EntryId> ledgerEntry, Instant createdAt,
                              Optional<InvoiceId> corrects, List<VatTotal> selfAssessed) {

    public PurchaseInvoice {
        Check.notNull(id, "id");
        Check.notNull(status, "status");
        Check.notNull(supplier, "supplier");
        Check.notNull(supplierNumber, "supplierNumber");
        Check.notNull(seller, "seller");
        Check.notNull(buyer, "buyer");
        Check.notNull(currency, "currency");
        lines = List.copyOf(Check.notNull(lines, "lines"));
        totals = List.copyOf(Check.notNull(totals, "totals"));
        Check.notNull(net, "net");
        Check.notNull(vat, "vat");
        Check.notNull(gross, "gross");
        Check.notNull(fxRate, "fxRate");
        Check.notNull(issueDate, "issueDate");
        Check.notNull(saleDate, "saleDate");
        Check.notNull(receivedOn, "receivedOn");
        Check.notNull(dueDate, "dueDate");
        Check.notNull(paid, "paid");
        Check.notNull(approvedBy, "approvedBy");
        Check.notNull(rejection, "rejection");
        Check.notNull(ledgerEntry, "ledgerEntry");
        Check.notNull(createdAt, "createdAt");
        Check.notNull(corrects, "corrects");
        selfAssessed = List.copyOf(Check.notNull(selfAssessed, "selfAssessed"));
    }

    /** A supplier's invoice without reverse charge that corrects nothing. */
    public PurchaseInvoice(InvoiceId id, long version, PurchaseStatus status, String supplier, String supplierNumber,
                           Party seller, Party buyer, CurrencyUnit currency, List<PurchaseLine> lines, List<VatTotal> totals,
                           Money net, Money vat, Money gross, Optional<FxRate> fxRate, LocalDate issueDate, LocalDate saleDate,
                           LocalDate receivedOn, LocalDate dueDate, Money paid, Optional<String> approvedBy,
                           Optional<String> rejection, Optional<EntryId> ledgerEntry, Instant createdAt) {
        this(id, version, status, supplier, supplierNumber, seller, buyer, currency, lines, totals, net, vat, gross, fxRate, issueDate,
                saleDate, receivedOn, dueDate, paid, approvedBy, rejection, ledgerEntry, createdAt, Optional.empty(), List.of());
    }

    /** Whether it is a supplier's credit note (faktura korygująca received). */
    public boolean isCreditNote() {
        return corrects.isPresent();
    }

    /** The self-assessed VAT of its reverse-charge lines (zero if none). */
    public Money selfAssessedVat() {
        Money sum = Money.zero(currency);
        for (VatTotal t : selfAssessed) {
            sum = MoneyMath.plus(sum, t.vat());
        }
        return sum;
    }

    /** What is left to pay: {@code gross - paid} while open ({@link PurchaseStatus#isOpen()}), zero otherwise. */
    public Money open() {
        return status.isOpen() ? MoneyMath.minus(gross, paid) : Money.zero(currency);
    }

    /** Whether {@link #paid()} covers {@link #gross()}. */
    public boolean fullyPaid() {
        return paid.compareTo(gross) >= 0;
    }

    /** The next version in {@code newStatus} with {@code newPaid} paid. */
    public PurchaseInvoice withState(PurchaseStatus newStatus, Money newPaid) {
        return new PurchaseInvoice(id, version + 1, newStatus, supplier, supplierNumber, seller, buyer, currency, lines, totals, net,
                vat, gross, fxRate, issueDate, saleDate, receivedOn, dueDate, newPaid, approvedBy, rejection, ledgerEntry, createdAt, corrects,
                selfAssessed);
    }

    /** The next version, approved by {@code actor} and posted as {@code entry} (if posted). */
    public PurchaseInvoice approved(String actor, Optional<EntryId> entry) {
        return new PurchaseInvoice(id, version + 1, PurchaseStatus.APPROVED, supplier, supplierNumber, seller, buyer, currency, lines,
                totals, net, vat, gross, fxRate, issueDate, saleDate, receivedOn, dueDate, paid, Optional.of(actor), rejection, entry,
                createdAt, corrects, selfAssessed);
    }

    /** The next version, rejected for {@code reason}. */
    public PurchaseInvoice rejected(String reason) {
        return new PurchaseInvoice(id, version + 1, PurchaseStatus.REJECTED, supplier, supplierNumber, seller, buyer, currency, lines,
                totals, net, vat, gross, fxRate, issueDate, saleDate, receivedOn, dueDate, paid, approvedBy, Optional.of(reason),
                ledgerEntry, createdAt, corrects, selfAssessed);
    }
}
