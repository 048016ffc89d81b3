package dev.backoffice.invoicing.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Reruns;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.invoicing.AccountMapping;
import dev.backoffice.invoicing.AccountRole;
import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.CorrectInvoice;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceEvent;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoiceKind;
import dev.backoffice.invoicing.InvoiceLifecycle;
import dev.backoffice.invoicing.InvoiceLine;
import dev.backoffice.invoicing.InvoiceStatus;
import dev.backoffice.invoicing.InvoiceTx;
import dev.backoffice.invoicing.InvoicingErrorCode;
import dev.backoffice.invoicing.InvoicingLimits;
import dev.backoffice.invoicing.NumberingPeriod;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoiceStore;
import dev.backoffice.invoicing.Unallocation;
import dev.backoffice.invoicing.VatTotal;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.LedgerErrorCode;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.statemachine.StateMachine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Partial credit notes and unallocations of sales invoices. Each is one unit of the invoice
 * store with its identity given before the first attempt, run through
 * {@link Reruns#run} (metered: module "invoicing"); the ledger posting is the unit's last step (as in
 * {@link InvoicingService}). Locking order: payment, then invoice, then counter, then ledger.
 */
final class Corrections {

    private static final StateMachine<InvoiceStatus, InvoiceEvent, Invoice> MACHINE = InvoiceLifecycle.machine();

    private final TenantId tenant;
    private final TenantInvoiceStore store;
    private final TenantLedger ledger;
    private final AccountMapping accounts;
    private final Clock clock;
    private final AuditLog audit;
    /** The invoicing service's reruns (counted as module "invoicing"). */
    private final Reruns reruns;

    Corrections(TenantId tenant, TenantInvoiceStore store, TenantLedger ledger, AccountMapping accounts, Clock clock, AuditLog audit,
                Reruns reruns) {
        this.tenant = tenant;
        this.store = store;
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
        this.reruns = reruns;
    }

    // ------------------------------------------------------------------ partial credit notes

    Invoice correct(InvoiceId invoiceId, CorrectInvoice command) {
        InvoiceId creditNoteId = command.creditNoteId().orElseGet(InvoiceId::newId); // the identity, before the first attempt
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return reruns.run(rerun -> store.write(tx -> {
            Optional<Invoice> stored = tx.invoice(creditNoteId);
            if (stored.isPresent()) {
                if (stored.get().corrects().equals(Optional.of(invoiceId))) {
                    return stored.get(); // a retry
                }
                throw InvoicingErrorCode.INVOICE_EXISTS.conflict("creditNoteId: " + creditNoteId + " is another document's id");
            }
            Invoice invoice = tx.lockInvoice(invoiceId).orElseThrow(() -> InvoicingErrorCode.INVOICE_NOT_FOUND.notFound(
                    "invoice: invoice " + invoiceId + " not found in tenant " + tenant));
            if (invoice.kind() != InvoiceKind.INVOICE) {
                throw InvoicingErrorCode.ILLEGAL_TRANSITION.rule("invoice: " + invoiceId + " is a " + invoice.kind()
                        + (invoice.isProforma() ? ", not a tax document: there is nothing to correct" : "; correct the invoice instead"));
            }
            if (invoice.isAdvance() || invoice.isFinal()) {
                // their corrections are FA(3) KOR_ZAL / KOR_ROZ and move advances received: not done yet
                throw InvoicingErrorCode.ILLEGAL_TRANSITION.rule("invoice: " + invoice.number().orElse(invoiceId.toString())
                        + " is an advance or final invoice, whose correction (KOR_ZAL, KOR_ROZ) the SDK does not issue yet");
            }
            MACHINE.requireDeclared(invoice.status(), InvoiceEvent.PAY);
            List<InvoiceLine> before = current(tx, invoice);
            List<InvoiceLine> after = command.lines();
            checkCorrection(before, after, invoice.currency());
            List<VatTotal> totals = VatMath.correction(before, after, invoice.currency());
            if (invoice.fxRate().isPresent()) {
                totals = VatMath.inLocal(totals, invoice.fxRate().get()); // a correction keeps the invoice's rate
            }
            CurrencyUnit currency = invoice.currency();
            Money net = VatMath.sum(totals, currency, VatTotal::net);
            Money vat = VatMath.sum(totals, currency, VatTotal::vat);
            Money gross = MoneyMath.plus(net, vat);
            if (!gross.isNegative()) {
                throw InvoicingErrorCode.INVALID_CORRECTION.exception("lines", "take nothing back (the difference is " + gross + ")", gross);
            }
            Money credit = gross.negated();
            if (credit.isGreaterThan(invoice.open())) {
                throw InvoicingErrorCode.CREDIT_EXCEEDS_INVOICE.exception("lines", "take back " + credit + ", more than the "
                        + invoice.open() + " open on invoice " + invoice.number().orElseThrow(), credit);
            }
            Series series = tx.series(command.series()).orElseThrow(() -> InvoicingErrorCode.SERIES_NOT_FOUND.notFound(
                    "series: series " + command.series() + " not found in tenant " + tenant));
            requireAccounts(currency, AccountRole.RECEIVABLE, AccountRole.REVENUE, AccountRole.VAT_DUE);
            Money paid = MoneyMath.plus(invoice.paid(), credit);
            InvoiceStatus target = MACHINE.fire(invoice.status(), InvoiceEvent.PAY, invoice.withState(invoice.status(), paid)).target();
            LocalDate issueDate = command.issueDate().orElse(today);
            NumberingPeriod period = series.period(issueDate);
            long seq = tx.nextSequence(series.code(), period);
            String number = series.format(issueDate, seq);
            Optional<EntryId> entry = ledger != null ? Optional.of(EntryId.of(creditNoteId.value())) : Optional.empty();
            Invoice creditNote = Invariants.consistent(new Invoice(creditNoteId, 1, InvoiceKind.CREDIT_NOTE, InvoiceStatus.ISSUED,
                    series.code(), Optional.of(number), Optional.of(period), seq, invoice.customer(), invoice.seller(), invoice.buyer(),
                    currency, after, before, totals, net, vat, gross, invoice.fxRate(), Optional.of(issueDate), invoice.saleDate(),
                    Optional.of(issueDate), 0, Money.zero(currency), Optional.of(invoiceId), Optional.empty(),
                    Optional.of(command.reason()), entry, now));
            if (!tx.insertInvoice(creditNote)) {
                throw InvoicingErrorCode.INVOICE_EXISTS.conflict("creditNoteId: " + creditNoteId + " was stored by another request");
            }
            tx.updateInvoice(Invariants.consistent(invoice.withState(target, paid)));
            audit.append(AuditEvent.of(command.actor(), "invoicing.invoice_corrected", "invoice/" + invoice.number().orElseThrow(),
                    Map.of("creditNote", number, "credit", credit.toString(), "reason", command.reason())));
            entry.ifPresent(id -> {
                EntryRequest.Builder b = EntryRequest.builder(issueDate, "Credit note " + number + " correcting "
                        + invoice.number().orElseThrow()).id(id);
                if (net.isNegative()) {
                    b.debit(code(AccountRole.REVENUE, currency), net.negated());
                }
                if (vat.isNegative()) {
                    b.debit(code(AccountRole.VAT_DUE, currency), vat.negated());
                }
                if (net.isPositive()) { // a rate whose VAT rounding moved against its net: keep the entry balanced
                    b.credit(code(AccountRole.REVENUE, currency), net);
                }
                if (vat.isPositive()) {
                    b.credit(code(AccountRole.VAT_DUE, currency), vat);
                }
                post("issueDate", b.credit(code(AccountRole.RECEIVABLE, currency), credit)
                        .metadata("invoiceId", creditNoteId.toString())
                        .metadata("corrects", invoiceId.toString())
                        .metadata("number", number)
                        .build());
            });
            return creditNote;
        }), () -> "credit note " + creditNoteId + ": read it with invoice(id), or repeat the request with this id");
    }

    /**
     * The invoice's lines as its credit notes left them: follows the chain from the invoice's
     * lines through each credit note whose lines before are the current ones. Each correction
     * lowers at least one line and raises none, so no state repeats and the chain is unique.
     */
    private static List<InvoiceLine> current(InvoiceTx tx, Invoice invoice) {
        List<InvoiceLine> lines = invoice.lines();
        List<Invoice> notes = new ArrayList<>(tx.creditNotesOf(invoice.id()));
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int i = 0; i < notes.size(); i++) {
                if (notes.get(i).linesBefore().equals(lines)) {
                    lines = notes.remove(i).lines();
                    moved = true;
                    break;
                }
            }
        }
        return lines;
    }

    /** Each line after is its line before with a quantity and unit price no higher; errors name the field. */
    private static void checkCorrection(List<InvoiceLine> before, List<InvoiceLine> after, CurrencyUnit currency) {
        if (after.size() != before.size()) {
            throw InvoicingErrorCode.INVALID_CORRECTION.exception("lines", "must hold the invoice's " + before.size()
                    + " lines, in its order, as they should be", after.size());
        }
        for (int i = 0; i < after.size(); i++) {
            String at = "lines[" + i + "]";
            InvoiceLine a = after.get(i);
            InvoiceLine b = before.get(i);
            if (a == null) {
                throw InvoicingErrorCode.INVALID_CORRECTION.exception(at, "must not be null", null);
            }
            if (!a.description().equals(b.description()) || !a.unit().equals(b.unit())) {
                throw InvoicingErrorCode.INVALID_CORRECTION.exception(at + ".description", "must be the line's own ('" + b.description()
                        + "', " + b.unit() + "): lines are corrected in place", a.description());
            }
            if (a.vatRate() != b.vatRate()) {
                throw InvoicingErrorCode.INVALID_CORRECTION.exception(at + ".vatRate", "must stay " + b.vatRate()
                        + " (a rate change is a credit of the line and a new invoice)", a.vatRate());
            }
            if (a.discountPercent().compareTo(b.discountPercent()) != 0) {
                throw InvoicingErrorCode.INVALID_CORRECTION.exception(at + ".discountPercent", "must stay " + b.discountPercent(),
                        a.discountPercent());
            }
            if (!a.unitNetPrice().getCurrencyUnit().equals(currency)) {
                throw InvoicingErrorCode.CURRENCY_MISMATCH.exception(at + ".unitNetPrice", "must be in the invoice's currency " + currency,
                        a.unitNetPrice());
            }
            if (a.quantity().signum() < 0 || a.quantity().stripTrailingZeros().scale() > InvoicingLimits.MAX_QUANTITY_SCALE) {
                throw InvoicingErrorCode.INVALID_QUANTITY.exception(at + ".quantity", "must be 0 or more with at most "
                        + InvoicingLimits.MAX_QUANTITY_SCALE + " decimals", a.quantity());
            }
            if (a.quantity().compareTo(b.quantity()) > 0) {
                throw InvoicingErrorCode.INVALID_CORRECTION.exception(at + ".quantity", "must not exceed the " + b.quantity()
                        + " it corrects (a credit note takes back; invoice more with a new invoice)", a.quantity());
            }
            if (a.unitNetPrice().isNegative() || a.unitNetPrice().getAmount().stripTrailingZeros().scale() > InvoicingLimits.MAX_PRICE_SCALE) {
                throw InvoicingErrorCode.INVALID_PRICE.exception(at + ".unitNetPrice", "must be 0 or more with at most "
                        + InvoicingLimits.MAX_PRICE_SCALE + " decimals", a.unitNetPrice());
            }
            if (a.unitNetPrice().compareTo(b.unitNetPrice()) > 0) {
                throw InvoicingErrorCode.INVALID_CORRECTION.exception(at + ".unitNetPrice", "must not exceed the " + b.unitNetPrice()
                        + " it corrects", a.unitNetPrice());
            }
        }
        if (after.equals(before)) {
            throw InvoicingErrorCode.INVALID_CORRECTION.exception("lines", "change nothing: lower a quantity or a price", null);
        }
    }

    // ------------------------------------------------------------------ unallocation

    Payment unallocate(PaymentId paymentId, Unallocation command) {
        EntryId batch = EntryId.newId(); // the identity, before the first attempt
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return reruns.run(rerun -> store.write(tx -> {
            Payment payment = tx.lockPayment(paymentId).orElseThrow(() -> InvoicingErrorCode.PAYMENT_NOT_FOUND.notFound(
                    "payment: " + paymentId + " not found in tenant " + tenant));
            if (payment.allocations().stream().anyMatch(a -> a.entry().equals(batch))) {
                return payment; // a rerun of a write that landed
            }
            CurrencyUnit currency = payment.amount().getCurrencyUnit();
            if (!command.amount().getCurrencyUnit().equals(currency)) {
                throw InvoicingErrorCode.CURRENCY_MISMATCH.exception("amount", "must be in the payment's currency " + currency,
                        command.amount());
            }
            Money allocated = Money.zero(currency);
            for (Allocation a : payment.allocations()) {
                if (a.invoice().equals(command.invoice())) {
                    allocated = MoneyMath.plus(allocated, a.amount());
                }
            }
            if (command.amount().isGreaterThan(allocated)) {
                throw InvoicingErrorCode.UNALLOCATION_EXCEEDS_ALLOCATED.exception("amount", "exceeds the " + allocated
                        + " payment " + payment.reference() + " has allocated to invoice " + command.invoice(), command.amount());
            }
            requireAccounts(currency, AccountRole.RECEIVABLE, AccountRole.CUSTOMER_CREDIT);
            Invoice invoice = tx.lockInvoice(command.invoice()).orElseThrow(() -> InvoicingErrorCode.INVOICE_NOT_FOUND.notFound(
                    "invoice: invoice " + command.invoice() + " not found in tenant " + tenant));
            Money paid = MoneyMath.minus(invoice.paid(), command.amount());
            InvoiceStatus target = MACHINE.fire(invoice.status(), InvoiceEvent.UNALLOCATE, invoice.withState(invoice.status(), paid)).target();
            tx.updateInvoice(Invariants.consistent(invoice.withState(target, paid)));
            Allocation reversal = new Allocation(command.invoice(), command.amount().negated(), today, batch);
            List<Allocation> all = new ArrayList<>(payment.allocations());
            all.add(reversal);
            Payment next = Invariants.consistent(new Payment(payment.id(), payment.version() + 1, payment.payer(), payment.amount(),
                    payment.receivedOn(), payment.reference(), all, payment.ledgerEntry(), payment.createdAt()));
            tx.addAllocations(next, List.of(reversal));
            audit.append(AuditEvent.of(command.actor(), "invoicing.allocation_reversed", "invoice/" + invoice.number().orElseThrow(),
                    Map.of("payment", paymentId.toString(), "amount", command.amount().toString(), "reason", command.reason())));
            if (ledger != null) {
                post("amount", EntryRequest.builder(today, "Allocation of payment " + payment.reference() + " to "
                                + invoice.number().orElseThrow() + " taken back: " + command.reason())
                        .id(batch)
                        .debit(code(AccountRole.RECEIVABLE, currency), command.amount())
                        .credit(code(AccountRole.CUSTOMER_CREDIT, currency), command.amount())
                        .metadata("paymentId", paymentId.toString())
                        .metadata("invoiceId", command.invoice().toString())
                        .build());
            }
            return next;
        }), () -> "unallocation " + batch + " of payment " + paymentId + ": read the payment with payment(id); its allocations carry entry " + batch);
    }

    // ------------------------------------------------------------------ helpers

    private void post(String dateField, EntryRequest request) {
        try {
            ledger.post(request);
        } catch (BackofficeException e) {
            if (e.code().equals(LedgerErrorCode.PERIOD_CLOSED.code())) {
                throw InvoicingErrorCode.PERIOD_CLOSED.exception(dateField, "falls in a closed ledger period (" + e.getMessage() + ")",
                        request.effectiveDate());
            }
            throw e;
        }
    }

    private void requireAccounts(CurrencyUnit currency, AccountRole... roles) {
        if (ledger == null) {
            return;
        }
        for (AccountRole role : roles) {
            if (accounts.code(role, currency).isEmpty()) {
                throw InvoicingErrorCode.ACCOUNT_NOT_MAPPED.exception("currency", "has no " + role + " account in the account mapping",
                        currency);
            }
        }
    }

    private String code(AccountRole role, CurrencyUnit currency) {
        return accounts.code(role, currency).orElseThrow();
    }
}
