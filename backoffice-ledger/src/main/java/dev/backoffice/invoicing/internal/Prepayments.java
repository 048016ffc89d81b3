package dev.backoffice.invoicing.internal;

import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.invoicing.AccountRole;
import dev.backoffice.invoicing.AdvanceDeduction;
import dev.backoffice.invoicing.AdvanceReceipt;
import dev.backoffice.invoicing.ConvertProforma;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceDetails;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceStatus;
import dev.backoffice.invoicing.InvoicingErrorCode;
import dev.backoffice.invoicing.NewAdvanceInvoice;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatTotal;
import dev.backoffice.ledger.EntryRequest;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents of a sale paid before it is made, as pure functions over the draft the service
 * made of the command: proformas (not tax documents), advance invoices (faktura zaliczkowa, art.
 * 106b ust. 1 pkt 4 and art. 106f ust. 1-2 ustawy o VAT) and the final invoice that deducts them
 * (art. 106f ust. 3), with their journal entries. {@link InvoicingService} runs them in its units
 * of work; nothing here touches a store.
 */
final class Prepayments {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Prepayments() {
    }

    /** The proforma of {@code draft}: the same document, of kind proforma (no number, no entry, ever). */
    static Invoice proforma(Invoice draft) {
        return Invariants.consistent(copy(draft, InvoiceKind.PROFORMA, draft.totals(), draft.saleDate(), draft.details()));
    }

    /**
     * The draft of the invoice {@code proforma} becomes: its parties, lines, currency, series and
     * payment term, dated by {@code command} (today when it names no date), linked back to it.
     */
    static Invoice converted(Invoice proforma, InvoiceId invoiceId, ConvertProforma command, Instant now) {
        return Invariants.consistent(new Invoice(invoiceId, 1, InvoiceKind.INVOICE, InvoiceStatus.DRAFT, proforma.series(),
                Optional.empty(), Optional.empty(), 0, proforma.customer(), proforma.seller(), proforma.buyer(), proforma.currency(),
                proforma.lines(), List.of(), proforma.totals(), proforma.net(), proforma.vat(), proforma.gross(), Optional.empty(),
                command.issueDate(), command.saleDate(), Optional.empty(), proforma.paymentDays(), Money.zero(proforma.currency()),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now, InvoiceDetails.fromProforma(proforma.id())));
    }

    /**
     * The advance invoice's draft: the order's lines, the totals of the amount received. The
     * amount is split over the order's rates in proportion to their gross values (half up, the
     * last rate taking the rest, so the parts add up to the amount), and each part's VAT is
     * {@code part x rate / (100 + rate)} rounded half up to the grosz (art. 106f ust. 1 pkt 3, art.
     * 106e ust. 11); the net is the part less its VAT. The tax point is the day it was received
     * (art. 19a ust. 8), so that is the sale date and the day of the FX rate (art. 31a ust. 2).
     */
    static Invoice advanceDraft(Invoice order, NewAdvanceInvoice command) {
        CurrencyUnit currency = order.currency();
        Money received = command.received();
        if (received.isGreaterThan(order.gross())) {
            throw InvoicingErrorCode.ADVANCE_EXCEEDS_ORDER.exception("received", "exceeds the order's gross value " + order.gross(), received);
        }
        List<VatTotal> parts = new ArrayList<>(order.totals().size());
        Money left = received;
        for (int i = 0; i < order.totals().size(); i++) {
            VatTotal t = order.totals().get(i);
            Money part = i == order.totals().size() - 1 ? left
                    : Money.of(currency, received.getAmount().multiply(t.gross().getAmount())
                    .divide(order.gross().getAmount(), currency.getDecimalPlaces() + 10, RoundingMode.HALF_UP), RoundingMode.HALF_UP);
            left = MoneyMath.minus(left, part);
            Money vat = vatOfGross(part, t.rate());
            parts.add(new VatTotal(t.rate(), MoneyMath.minus(part, vat), vat, part, Optional.empty(), Optional.empty()));
        }
        Invoice draft = copy(order, InvoiceKind.INVOICE, parts, Optional.of(command.receivedOn()),
                InvoiceDetails.advance(new AdvanceReceipt(received, command.receivedOn())));
        return Invariants.consistent(draft);
    }

    /** The VAT in a gross amount at {@code rate}: {@code gross x rate / (100 + rate)}, half up (art. 106f ust. 1 pkt 3). */
    static Money vatOfGross(Money gross, VatRate rate) {
        BigDecimal p = rate.percent();
        if (p.signum() == 0) {
            return Money.zero(gross.getCurrencyUnit());
        }
        return Money.of(gross.getCurrencyUnit(), gross.getAmount().multiply(p).divide(HUNDRED.add(p),
                gross.getCurrencyUnit().getDecimalPlaces() + 10, RoundingMode.HALF_UP), RoundingMode.HALF_UP);
    }

    /**
     * The final invoice's draft: the whole order's lines, its totals per rate the order's less the
     * deducted advances' (art. 106f ust. 3). Each of {@code advances} (locked by the caller, by id)
     * must be an issued advance invoice of the same seller, customer and currency, not cancelled
     * and not deducted before; together they must not exceed the order at any rate.
     */
    static Invoice finalDraft(Invoice order, List<InvoiceId> ids, Map<InvoiceId, Invoice> advances) {
        List<AdvanceDeduction> deductions = new ArrayList<>(ids.size());
        Map<VatRate, Money[]> left = new LinkedHashMap<>();
        order.totals().forEach(t -> left.put(t.rate(), new Money[] {t.net(), t.vat()}));
        for (int i = 0; i < ids.size(); i++) {
            String at = "advances[" + i + "]";
            Invoice a = advances.get(ids.get(i));
            if (a == null) {
                throw InvoicingErrorCode.INVOICE_NOT_FOUND.notFound(at + ": invoice " + ids.get(i) + " not found");
            }
            String why = a.kind() != InvoiceKind.INVOICE || !a.isAdvance() ? "is not an advance invoice"
                    : a.number().isEmpty() ? "is not issued"
                    : a.status() == InvoiceStatus.CANCELLED ? "is cancelled"
                    : a.details().settledBy().isPresent() ? "was deducted already by invoice " + a.details().settledBy().get()
                    : !a.currency().equals(order.currency()) ? "is in " + a.currency() + ", the order in " + order.currency()
                    : !a.seller().equals(order.seller()) || !a.customer().equals(order.customer()) ? "is another seller's or customer's"
                    : null;
            if (why != null) {
                throw InvoicingErrorCode.ADVANCE_NOT_DEDUCTIBLE.exception(at, why, a.number().orElse(a.id().toString()));
            }
            for (VatTotal t : a.totals()) {
                Money[] l = left.get(t.rate());
                if (l == null) {
                    throw InvoicingErrorCode.ADVANCE_NOT_DEDUCTIBLE.exception(at, "has rate " + t.rate() + ", which the order has not",
                            a.number().orElseThrow());
                }
                l[0] = MoneyMath.minus(l[0], t.net());
                l[1] = MoneyMath.minus(l[1], t.vat());
            }
            deductions.add(new AdvanceDeduction(a.id(), a.number().orElseThrow(), a.issueDate().orElseThrow(), a.totals()));
        }
        List<VatTotal> remainder = new ArrayList<>(left.size());
        for (Map.Entry<VatRate, Money[]> e : left.entrySet()) {
            Money net = e.getValue()[0];
            Money vat = e.getValue()[1];
            if (net.isNegative() || vat.isNegative()) {
                throw InvoicingErrorCode.ADVANCE_NOT_DEDUCTIBLE.exception("advances", "deduct more than the order's net or VAT at "
                        + e.getKey(), net + " / " + vat);
            }
            remainder.add(new VatTotal(e.getKey(), net, vat, MoneyMath.plus(net, vat), Optional.empty(), Optional.empty()));
        }
        return Invariants.consistent(copy(order, InvoiceKind.INVOICE, remainder, order.saleDate(), InvoiceDetails.finalInvoice(deductions)));
    }

    /**
     * The journal entry of an issued advance or final invoice. An advance invoice: receivable
     * debited with the amount, the advances-received liability credited with its net and VAT due
     * with its VAT (no revenue before the supply). A final invoice: receivable debited with what
     * remains, advances received debited with the deducted net, revenue credited with the whole
     * order's net, VAT due with the VAT that remains. Zero amounts are left out.
     */
    static EntryRequest entry(Invoice issued, LedgerPostings postings) {
        CurrencyUnit c = issued.currency();
        String number = issued.number().orElseThrow();
        EntryRequest.Builder b = EntryRequest.builder(issued.issueDate().orElseThrow(),
                        (issued.isAdvance() ? "Advance invoice " : "Final invoice ") + number)
                .id(issued.ledgerEntry().orElseThrow())
                .metadata("invoiceId", issued.id().toString())
                .metadata("number", number);
        if (issued.gross().isPositive()) {
            b.debit(postings.code(AccountRole.RECEIVABLE, c), issued.gross());
        }
        Money revenue = issued.net();
        if (issued.isFinal()) {
            Money deducted = Money.zero(c);
            for (AdvanceDeduction d : issued.details().deductions()) {
                deducted = MoneyMath.plus(deducted, VatMath.sum(d.totals(), c, VatTotal::net));
            }
            if (deducted.isPositive()) {
                b.debit(postings.code(AccountRole.ADVANCES_RECEIVED, c), deducted);
            }
            revenue = MoneyMath.plus(revenue, deducted);
        }
        if (revenue.isPositive()) {
            b.credit(postings.code(issued.isAdvance() ? AccountRole.ADVANCES_RECEIVED : AccountRole.REVENUE, c), revenue);
        }
        if (issued.vat().isPositive()) {
            b.credit(postings.code(AccountRole.VAT_DUE, c), issued.vat());
        }
        return b.build();
    }

    /** {@code draft} as {@code kind} with {@code totals} (and its sums), {@code saleDate} and {@code details}. */
    private static Invoice copy(Invoice d, InvoiceKind kind, List<VatTotal> totals, Optional<java.time.LocalDate> saleDate,
                                InvoiceDetails details) {
        CurrencyUnit c = d.currency();
        return new Invoice(d.id(), d.version(), kind, d.status(), d.series(), d.number(), d.period(), d.sequence(), d.customer(),
                d.seller(), d.buyer(), c, d.lines(), d.linesBefore(), totals, VatMath.sum(totals, c, VatTotal::net),
                VatMath.sum(totals, c, VatTotal::vat), VatMath.sum(totals, c, VatTotal::gross), d.fxRate(), d.issueDate(), saleDate,
                d.dueDate(), d.paymentDays(), d.paid(), d.corrects(), d.cancelledBy(), d.reason(), d.ledgerEntry(), d.createdAt(), details);
    }
}
