package dev.backoffice.invoicing.internal;

import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.jdbc.Reruns;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.AccountMapping;
import dev.backoffice.invoicing.CorrectInvoice;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.Unallocation;
import dev.backoffice.invoicing.Invoice;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.LatePaymentClaim;
import dev.backoffice.invoicing.AgingReport;
import dev.backoffice.invoicing.FxRates;
import dev.backoffice.invoicing.InvoicingErrorCode;
import dev.backoffice.invoicing.InvoicingLimits;
import dev.backoffice.invoicing.VatRegister;
import dev.backoffice.invoicing.TenantInvoiceStore;
import dev.backoffice.invoicing.TenantPayables;
import dev.backoffice.ledger.TenantLedger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What {@link InvoicingService} delegates the purchase ledger, the reports (VAT register, aging,
 * late-payment claims) and the corrections (partial credit notes, unallocation) to, so that
 * the service's own issue and payment paths stay as they are. Immutable.
 */
final class Receivables {

    private final TenantId tenant;
    private final TenantInvoiceStore store;
    private final TenantLedger ledger;
    private final AccountMapping accounts;
    private final FxRates fxRates;
    private final Clock clock;
    private final AuditLog audit;
    private final PayablesService payables;
    private final Corrections corrections;

    private Receivables(TenantId tenant, TenantInvoiceStore store, TenantLedger ledger, AccountMapping accounts, FxRates fxRates,
                        Clock clock, AuditLog audit, PayablesService payables, Reruns reruns) {
        this.tenant = tenant;
        this.store = store;
        this.ledger = ledger;
        this.accounts = accounts;
        this.fxRates = fxRates;
        this.clock = clock;
        this.audit = audit;
        this.payables = payables;
        this.corrections = new Corrections(tenant, store, ledger, accounts, clock, audit, reruns);
    }

    static Receivables create(TenantId tenant, TenantInvoiceStore store, TenantLedger ledger, AccountMapping accounts, FxRates fxRates,
                              Clock clock, AuditLog audit, PayablesService payables, Reruns reruns) {
        return new Receivables(tenant, store, ledger, accounts, fxRates, clock, audit, payables, reruns);
    }

    VatRegister vatRegister(LocalDate from, LocalDate to) {
        InvoicingLimits.checkDate(from, "from");
        InvoicingLimits.checkDate(to, "to");
        if (to.isBefore(from)) {
            throw InvoicingErrorCode.INVALID_DATE.exception("to", "must not be before from " + from, to);
        }
        return VatRegisters.of(from, to, store.read(), payables == null ? null : payables.reads());
    }

    AgingReport aging(LocalDate asOf, Optional<String> customer) {
        InvoicingLimits.checkDate(asOf, "asOf");
        // a past date: what was open then (payments and credit notes after it undone); else what is open now
        return asOf.isBefore(LocalDate.ofInstant(clock.instant(), clock.getZone()))
                ? Aging.asOfPast(asOf, customer, store.read())
                : Aging.of(asOf, customer, store.read());
    }

    LatePaymentClaim lateClaim(InvoiceId id, LocalDate asOf) {
        Check.notNull(id, "invoice");
        InvoicingLimits.checkDate(asOf, "asOf");
        Invoice invoice = store.read().invoice(id).orElseThrow(() -> InvoicingErrorCode.INVOICE_NOT_FOUND.notFound(
                "invoice: invoice " + id + " not found in tenant " + tenant));
        return LateClaims.of(invoice, asOf, fxRates);
    }

    Invoice correct(InvoiceId invoice, CorrectInvoice command) {
        Check.notNull(invoice, "invoice");
        Check.notNull(command, "command");
        return corrections.correct(invoice, command);
    }

    Payment unallocate(PaymentId payment, Unallocation command) {
        Check.notNull(payment, "payment");
        Check.notNull(command, "command");
        return corrections.unallocate(payment, command);
    }

    TenantPayables payables() {
        if (payables == null) {
            throw new IllegalStateException("no purchase ledger: give Invoicing.builder().payables(store) a PayableStore");
        }
        return payables;
    }
}
