package dev.backoffice.invoicing.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Reruns;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.AccountMapping;
import dev.backoffice.invoicing.AccountRole;
import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.FxRate;
import dev.backoffice.invoicing.FxRates;
import dev.backoffice.invoicing.InvoiceId;
import dev.backoffice.invoicing.InvoicingErrorCode;
import dev.backoffice.invoicing.InvoicingLimits;
import dev.backoffice.invoicing.NewAllocation;
import dev.backoffice.invoicing.NewPayment;
import dev.backoffice.invoicing.NewPurchaseInvoice;
import dev.backoffice.invoicing.NewSupplierCreditNote;
import dev.backoffice.invoicing.PayableReads;
import dev.backoffice.invoicing.PayableTx;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.PurchaseEvent;
import dev.backoffice.invoicing.PurchaseInvoice;
import dev.backoffice.invoicing.PurchaseLifecycle;
import dev.backoffice.invoicing.PurchaseLimits;
import dev.backoffice.invoicing.PurchaseLine;
import dev.backoffice.invoicing.PurchaseStatus;
import dev.backoffice.invoicing.TenantPayableStore;
import dev.backoffice.invoicing.TenantPayables;
import dev.backoffice.invoicing.VatRate;
import dev.backoffice.invoicing.VatTotal;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.statemachine.StateMachine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The per-tenant purchase ledger behind {@link TenantPayables}: the rules, over a
 * {@link TenantPayableStore} and a {@link TenantLedger}. Built like {@link InvoicingService}:
 * every write is one store unit with its identity given before the first attempt and run
 * through {@link Reruns#run} (metered: module "invoicing"); the ledger posting is the unit's last step.
 */
public final class PayablesService implements TenantPayables {

    private static final StateMachine<PurchaseStatus, PurchaseEvent, PurchaseInvoice> MACHINE = PurchaseLifecycle.machine();
    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");

    private final TenantId tenant;
    private final TenantPayableStore store;
    private final TenantLedger ledger;
    private final AccountMapping accounts;
    private final LedgerPostings postings;
    private final FxRates fxRates;
    private final Clock clock;
    private final AuditLog audit;
    /** Reruns after a lost commit acknowledgement, counted on the store's recorder as module "invoicing". */
    private final Reruns reruns;

    private PayablesService(TenantId tenant, TenantPayableStore store, TenantLedger ledger, AccountMapping accounts, FxRates fxRates,
                            Clock clock, AuditLog audit, MetricsRecorder metrics) {
        this.tenant = tenant;
        this.store = store;
        this.ledger = ledger;
        this.accounts = accounts;
        this.postings = new LedgerPostings(ledger, accounts);
        this.fxRates = fxRates;
        this.clock = clock;
        this.audit = audit;
        this.reruns = Reruns.metered(metrics, "invoicing");
    }

    /**
     * The purchase ledger of {@code tenant}.
     *
     * @param ledger   the tenant's ledger, or null to post nothing
     * @param accounts the account mapping (required with a ledger)
     * @param fxRates  the FX-rate source, or null
     * @param metrics  where reruns after a lost commit acknowledgement are counted (module "invoicing"):
     *                 the store's {@code metrics()}
     */
    public static PayablesService create(TenantId tenant, TenantPayableStore store, TenantLedger ledger, AccountMapping accounts,
                                         FxRates fxRates, Clock clock, AuditLog audit, MetricsRecorder metrics) {
        Check.that(ledger == null || accounts != null, "accounts", "must be given with a ledger", null);
        return new PayablesService(Check.notNull(tenant, "tenant"), Check.notNull(store, "store"), ledger, accounts, fxRates,
                Check.notNull(clock, "clock"), Check.notNull(audit, "audit"), Check.notNull(metrics, "metrics"));
    }

    /** The committed reads of the purchase ledger (the VAT register reads them). */
    PayableReads reads() {
        return store.read();
    }

    // ------------------------------------------------------------------ invoices

    @Override
    public PurchaseInvoice register(NewPurchaseInvoice command) {
        Check.notNull(command, "invoice");
        InvoiceId id = command.id().orElseGet(InvoiceId::newId); // the identity, before the first attempt
        Instant now = now();
        return reruns.run(rerun -> store.write(tx -> {
            Optional<PurchaseInvoice> stored = tx.purchase(id);
            if (stored.isPresent()) {
                return same(stored.get(), command);
            }
            refuseDuplicate(tx, command);
            LocalDate saleDate = command.saleDate().orElse(command.issueDate());
            List<VatTotal> totals = totals(command.lines(), command.currency());
            List<VatTotal> selfAssessed = selfAssessed(command.lines(), command.currency());
            Optional<FxRate> rate = localRate(command, saleDate);
            if (rate.isPresent()) {
                totals = VatMath.inLocal(totals, rate.get());
                selfAssessed = VatMath.inLocal(selfAssessed, rate.get());
            }
            Money net = VatMath.sum(totals, command.currency(), VatTotal::net);
            Money vat = VatMath.sum(totals, command.currency(), VatTotal::vat);
            PurchaseInvoice invoice = new PurchaseInvoice(id, 1, PurchaseStatus.RECEIVED, command.supplier(), command.supplierNumber(),
                    command.seller(), command.buyer(), command.currency(), command.lines(), totals, net, vat, MoneyMath.plus(net, vat),
                    rate, command.issueDate(), saleDate, command.receivedOn(), command.dueDate(), Money.zero(command.currency()),
                    Optional.empty(), Optional.empty(), Optional.empty(), now, Optional.empty(), selfAssessed);
            if (!tx.insertPurchase(invoice)) {
                Optional<PurchaseInvoice> raced = tx.purchase(id);
                if (raced.isPresent()) {
                    return same(raced.get(), command); // a concurrent retry stored it first
                }
                refuseDuplicate(tx, command);
                throw new IllegalStateException("purchase invoice " + id + " was refused by the store for no known reason");
            }
            return invoice;
        }), () -> whereToLook(id));
    }

    @Override
    public PurchaseInvoice registerCreditNote(InvoiceId purchaseId, NewSupplierCreditNote command) {
        Check.notNull(purchaseId, "purchase");
        Check.notNull(command, "creditNote");
        InvoiceId id = command.id().orElseGet(InvoiceId::newId); // the identity, before the first attempt
        Instant now = now();
        return reruns.run(rerun -> store.write(tx -> {
            Optional<PurchaseInvoice> stored = tx.purchase(id);
            if (stored.isPresent()) {
                if (stored.get().corrects().equals(Optional.of(purchaseId)) && stored.get().supplierNumber().equals(command.supplierNumber())) {
                    return stored.get(); // a retry
                }
                throw InvoicingErrorCode.INVOICE_EXISTS.conflict("id: invoice " + id + " exists with other content");
            }
            PurchaseInvoice invoice = tx.lockPurchase(purchaseId).orElseThrow(() -> notFound("purchase", purchaseId));
            if (invoice.isCreditNote() || invoice.approvedBy().isEmpty() || invoice.status() == PurchaseStatus.REJECTED) {
                throw InvoicingErrorCode.ILLEGAL_TRANSITION.rule("purchase: " + invoice.supplierNumber() + " is "
                        + (invoice.isCreditNote() ? "a credit note" : invoice.status().name().toLowerCase(java.util.Locale.ROOT))
                        + ": a credit note corrects an approved (posted) supplier's invoice");
            }
            MACHINE.requireDeclared(invoice.status(), PurchaseEvent.PAY);
            Optional<PurchaseInvoice> taken = tx.purchaseBySupplierNumber(invoice.supplier(), command.supplierNumber());
            if (taken.isPresent()) {
                throw InvoicingErrorCode.DUPLICATE_SUPPLIER_NUMBER.exception("supplierNumber", "supplier " + invoice.supplier()
                        + "'s document with this number is registered already as " + taken.get().id(), command.supplierNumber());
            }
            CurrencyUnit currency = invoice.currency();
            for (int i = 0; i < command.lines().size(); i++) {
                PurchaseLine l = command.lines().get(i);
                if (!l.net().getCurrencyUnit().equals(currency) || !l.vat().getCurrencyUnit().equals(currency)) {
                    throw InvoicingErrorCode.CURRENCY_MISMATCH.exception("lines[" + i + "].net", "must be in the invoice's currency "
                            + currency, l.net());
                }
                List<VatTotal> of = l.reverseCharge() ? invoice.selfAssessed() : invoice.totals();
                if (of.stream().noneMatch(t -> t.rate() == l.vatRate())) {
                    throw InvoicingErrorCode.INVALID_CORRECTION.exception("lines[" + i + "].vatRate", "is not a rate of the corrected "
                            + "invoice" + (l.reverseCharge() ? "'s reverse-charge lines" : ""), l.vatRate());
                }
            }
            List<VatTotal> taken0 = totals(command.lines(), currency);
            List<VatTotal> selfAssessed0 = selfAssessed(command.lines(), currency);
            for (VatTotal t : taken0) {
                VatTotal original = invoice.totals().stream().filter(o -> o.rate() == t.rate()).findFirst().orElseThrow();
                if (t.net().isGreaterThan(original.net()) || t.vat().isGreaterThan(original.vat())) {
                    throw InvoicingErrorCode.CREDIT_EXCEEDS_INVOICE.rule("lines: " + t.net() + " + " + t.vat() + " at " + t.rate()
                            + " exceeds the invoice's " + original.net() + " + " + original.vat());
                }
            }
            Money credit = VatMath.sum(taken0, currency, VatTotal::gross);
            if (credit.isGreaterThan(invoice.open())) {
                throw InvoicingErrorCode.CREDIT_EXCEEDS_INVOICE.rule("lines: the credit note takes back " + credit + ", more than the "
                        + invoice.open() + " open on the supplier's invoice " + invoice.supplierNumber());
            }
            List<VatTotal> totals = negated(taken0);
            List<VatTotal> selfAssessed = negated(selfAssessed0);
            if (invoice.fxRate().isPresent()) { // a correction keeps the invoice's rate
                totals = VatMath.inLocal(totals, invoice.fxRate().get());
                selfAssessed = VatMath.inLocal(selfAssessed, invoice.fxRate().get());
            }
            Money net = VatMath.sum(totals, currency, VatTotal::net);
            Money vat = VatMath.sum(totals, currency, VatTotal::vat);
            Optional<EntryId> entry = ledger != null ? Optional.of(EntryId.of(id.value())) : Optional.empty();
            PurchaseInvoice note = new PurchaseInvoice(id, 1, PurchaseStatus.PAID, invoice.supplier(), command.supplierNumber(),
                    invoice.seller(), invoice.buyer(), currency, command.lines(), totals, net, vat, MoneyMath.plus(net, vat),
                    invoice.fxRate(), command.issueDate(), command.issueDate(), command.receivedOn(), command.receivedOn(),
                    Money.zero(currency), Optional.empty(), Optional.empty(), entry, now, Optional.of(purchaseId), selfAssessed);
            Money paid = MoneyMath.plus(invoice.paid(), credit);
            PurchaseStatus target = MACHINE.fire(invoice.status(), PurchaseEvent.PAY, invoice.withState(invoice.status(), paid)).target();
            if (!tx.insertPurchase(note)) {
                throw InvoicingErrorCode.INVOICE_EXISTS.conflict("id: " + id + " was stored by another request");
            }
            tx.updatePurchase(invoice.withState(target, paid));
            audit.append(AuditEvent.of("supplier " + invoice.supplier(), "invoicing.supplier_credit_note", "purchase/" + invoice.supplier()
                    + "/" + invoice.supplierNumber(), Map.of("creditNote", command.supplierNumber(), "reason", command.reason())));
            entry.ifPresent(e -> {
                Money selfAssessedVat = note.selfAssessedVat().negated();
                EntryRequest.Builder b = EntryRequest.builder(command.receivedOn(), "Supplier credit note " + command.supplierNumber()
                        + " of " + invoice.supplier()).id(e);
                if (credit.isPositive()) {
                    b.debit(postings.code(AccountRole.PAYABLE, currency), credit);
                }
                if (selfAssessedVat.isPositive()) {
                    b.debit(postings.code(AccountRole.VAT_DUE, currency), selfAssessedVat);
                }
                if (net.isNegative()) {
                    b.credit(postings.code(AccountRole.EXPENSE, currency), net.negated());
                }
                Money inputVat = MoneyMath.plus(vat.negated(), selfAssessedVat);
                if (inputVat.isPositive()) {
                    b.credit(postings.code(AccountRole.INPUT_VAT, currency), inputVat);
                }
                postings.post("receivedOn", b.metadata("purchaseId", id.toString()).metadata("corrects", purchaseId.toString()).build());
            });
            return note;
        }), () -> whereToLook(id));
    }

    private static List<VatTotal> negated(List<VatTotal> totals) {
        return totals.stream().map(t -> new VatTotal(t.rate(), t.net().negated(), t.vat().negated(), t.gross().negated(),
                Optional.empty(), Optional.empty())).toList();
    }

    private static void refuseDuplicate(PayableTx tx, NewPurchaseInvoice command) {
        Optional<PurchaseInvoice> taken = tx.purchaseBySupplierNumber(command.supplier(), command.supplierNumber());
        if (taken.isPresent()) {
            throw InvoicingErrorCode.DUPLICATE_SUPPLIER_NUMBER.exception("supplierNumber", "supplier " + command.supplier()
                    + "'s invoice with this number is registered already as " + taken.get().id(), command.supplierNumber());
        }
    }

    /** {@code stored} if it was registered from {@code command} (a retry), else the id is taken. */
    private static PurchaseInvoice same(PurchaseInvoice stored, NewPurchaseInvoice c) {
        boolean same = stored.supplier().equals(c.supplier()) && stored.supplierNumber().equals(c.supplierNumber())
                && stored.seller().equals(c.seller()) && stored.buyer().equals(c.buyer()) && stored.currency().equals(c.currency())
                && stored.lines().equals(c.lines()) && stored.issueDate().equals(c.issueDate())
                && stored.receivedOn().equals(c.receivedOn()) && stored.dueDate().equals(c.dueDate());
        if (!same) {
            throw InvoicingErrorCode.INVOICE_EXISTS.conflict("id: invoice " + stored.id() + " exists with other content");
        }
        return stored;
    }

    /** The totals per rate of the supplier's lines, as printed (net and VAT summed per rate). */
    /**
     * The VAT the buyer self-assesses on the reverse-charge lines, per rate: the net sum of each
     * rate and its VAT computed once from that sum, rounded half up (as a sale's, art. 106e ust. 1
     * pkt 14 and ust. 11 ustawy o VAT, applied to the buyer's own tax calculation).
     */
    static List<VatTotal> selfAssessed(List<PurchaseLine> lines, CurrencyUnit currency) {
        Map<VatRate, Money> byRate = new LinkedHashMap<>();
        for (PurchaseLine l : lines) {
            if (l.reverseCharge()) {
                byRate.merge(l.vatRate(), l.net(), MoneyMath::plus);
            }
        }
        List<VatTotal> out = new ArrayList<>(byRate.size());
        byRate.forEach((rate, net) -> {
            Money vat = MoneyMath.percent(net, rate.percent(), java.math.RoundingMode.HALF_UP);
            out.add(new VatTotal(rate, net, vat, MoneyMath.plus(net, vat), Optional.empty(), Optional.empty()));
        });
        return out;
    }

    static List<VatTotal> totals(List<PurchaseLine> lines, CurrencyUnit currency) {
        Map<VatRate, Money[]> byRate = new LinkedHashMap<>();
        for (PurchaseLine l : lines) {
            // a reverse-charge line is on the supplier's invoice without VAT ("odwrotne obciążenie")
            VatRate printed = l.reverseCharge() ? VatRate.PL_REVERSE_CHARGE : l.vatRate();
            Money[] sums = byRate.computeIfAbsent(printed, r -> new Money[] {Money.zero(currency), Money.zero(currency)});
            sums[0] = MoneyMath.plus(sums[0], l.net());
            sums[1] = MoneyMath.plus(sums[1], l.vat());
        }
        List<VatTotal> out = new ArrayList<>(byRate.size());
        byRate.forEach((rate, s) -> out.add(new VatTotal(rate, s[0], s[1], MoneyMath.plus(s[0], s[1]), Optional.empty(), Optional.empty())));
        return out;
    }

    /** For a Polish buyer invoiced in another currency: the last rate published before the tax point (art. 31a). */
    private Optional<FxRate> localRate(NewPurchaseInvoice invoice, LocalDate saleDate) {
        if (!invoice.buyer().country().equals("PL") || invoice.currency().equals(PLN)) {
            return Optional.empty();
        }
        Optional<FxRate> rate = fxRates == null ? Optional.empty() : fxRates.lastBefore(invoice.currency(), PLN, saleDate);
        if (rate.isEmpty() || !rate.get().from().equals(invoice.currency()) || !rate.get().to().equals(PLN)
                || !rate.get().date().isBefore(saleDate)) {
            throw InvoicingErrorCode.FX_RATE_MISSING.exception("saleDate", "no " + invoice.currency()
                    + "/PLN rate published before the tax point", saleDate);
        }
        return rate;
    }

    @Override
    public PurchaseInvoice approve(InvoiceId id, String actor) {
        Check.notNull(id, "invoice");
        Check.text(actor, "actor", InvoicingLimits.MAX_ACTOR_LENGTH);
        return reruns.run(rerun -> store.write(tx -> {
            PurchaseInvoice invoice = tx.lockPurchase(id).orElseThrow(() -> notFound("invoice", id));
            if (invoice.status() != PurchaseStatus.RECEIVED && invoice.approvedBy().isPresent()) {
                return invoice; // approved before: a retry
            }
            MACHINE.requireDeclared(invoice.status(), PurchaseEvent.APPROVE);
            postings.requireAccounts(invoice.currency(), AccountRole.EXPENSE, AccountRole.INPUT_VAT, AccountRole.PAYABLE);
            Money selfAssessedVat = invoice.selfAssessedVat();
            if (selfAssessedVat.isPositive()) {
                postings.requireAccounts(invoice.currency(), AccountRole.VAT_DUE);
            }
            Optional<EntryId> entry = ledger != null && invoice.gross().isPositive() ? Optional.of(EntryId.of(id.value())) : Optional.empty();
            PurchaseInvoice approved = invoice.approved(actor, entry);
            MACHINE.fire(invoice.status(), PurchaseEvent.APPROVE, approved);
            tx.updatePurchase(approved);
            audit.append(AuditEvent.of(actor, "invoicing.purchase_approved", "purchase/" + invoice.supplier() + "/"
                    + invoice.supplierNumber(), Map.of("gross", invoice.gross().toString())));
            entry.ifPresent(e -> {
                EntryRequest.Builder b = EntryRequest.builder(invoice.receivedOn(), "Purchase invoice " + invoice.supplierNumber()
                        + " of " + invoice.supplier()).id(e);
                if (invoice.net().isPositive()) {
                    b.debit(postings.code(AccountRole.EXPENSE, invoice.currency()), invoice.net());
                }
                Money inputVat = MoneyMath.plus(invoice.vat(), selfAssessedVat); // reverse charge: deducted as input VAT ...
                if (inputVat.isPositive()) {
                    b.debit(postings.code(AccountRole.INPUT_VAT, invoice.currency()), inputVat);
                }
                if (selfAssessedVat.isPositive()) { // ... and due as output VAT (art. 86 ust. 2 pkt 4, art. 17 ust. 1 pkt 4 ustawy o VAT)
                    b.credit(postings.code(AccountRole.VAT_DUE, invoice.currency()), selfAssessedVat);
                }
                postings.post("receivedOn", b.credit(postings.code(AccountRole.PAYABLE, invoice.currency()), invoice.gross())
                        .metadata("purchaseId", id.toString())
                        .metadata("supplierNumber", invoice.supplierNumber())
                        .build());
            });
            return approved;
        }), () -> whereToLook(id));
    }

    @Override
    public PurchaseInvoice reject(InvoiceId id, String actor, String reason) {
        Check.notNull(id, "invoice");
        Check.text(actor, "actor", InvoicingLimits.MAX_ACTOR_LENGTH);
        Check.text(reason, "reason", InvoicingLimits.MAX_REASON_LENGTH);
        return reruns.run(rerun -> store.write(tx -> {
            PurchaseInvoice invoice = tx.lockPurchase(id).orElseThrow(() -> notFound("invoice", id));
            if (invoice.status() == PurchaseStatus.REJECTED && invoice.rejection().equals(Optional.of(reason))) {
                return invoice; // a retry
            }
            PurchaseInvoice rejected = invoice.rejected(reason);
            MACHINE.fire(invoice.status(), PurchaseEvent.REJECT, rejected);
            tx.updatePurchase(rejected);
            audit.append(AuditEvent.of(actor, "invoicing.purchase_rejected", "purchase/" + invoice.supplier() + "/"
                    + invoice.supplierNumber(), Map.of("reason", reason)));
            return rejected;
        }), () -> whereToLook(id));
    }

    @Override
    public PurchaseInvoice purchase(InvoiceId id) {
        Check.notNull(id, "id");
        return store.read().purchase(id).orElseThrow(() -> notFound("id", id));
    }

    @Override
    public Optional<PurchaseInvoice> purchaseBySupplierNumber(String supplier, String supplierNumber) {
        Check.notBlank(supplier, "supplier");
        Check.notBlank(supplierNumber, "supplierNumber");
        return store.read().purchaseBySupplierNumber(supplier, supplierNumber);
    }

    @Override
    public List<PurchaseInvoice> dueBy(LocalDate date) {
        InvoicingLimits.checkDate(date, "date");
        return store.read().dueBy(date, PurchaseLimits.MAX_DUE_LIST);
    }

    // ------------------------------------------------------------------ payments

    @Override
    public Payment pay(NewPayment command) {
        Check.notNull(command, "payment");
        PaymentId id = command.id().orElseGet(PaymentId::newId);
        Instant now = now();
        return reruns.run(rerun -> store.write(tx -> {
            Optional<Payment> stored = tx.supplierPayment(id);
            if (stored.isPresent()) {
                return LedgerPostings.samePayment(stored.get(), command);
            }
            CurrencyUnit currency = command.amount().getCurrencyUnit();
            Money allocated = LedgerPostings.total(command.allocations(), currency);
            Money advance = MoneyMath.minus(command.amount(), allocated);
            postings.requireAccounts(currency, AccountRole.BANK);
            if (allocated.isPositive()) {
                postings.requireAccounts(currency, AccountRole.PAYABLE);
            }
            if (advance.isPositive()) {
                postings.requireAccounts(currency, AccountRole.SUPPLIER_ADVANCE);
            }
            Optional<EntryId> entry = ledger == null ? Optional.empty() : Optional.of(EntryId.of(id.value()));
            List<Allocation> made = settle(tx, command.allocations(), command.payer(), command.receivedOn(), EntryId.of(id.value()));
            Payment payment = Invariants.consistent(new Payment(id, 1, command.payer(), command.amount(), command.receivedOn(),
                    command.reference(), made, entry, now));
            if (!tx.insertSupplierPayment(payment)) {
                return LedgerPostings.samePayment(tx.supplierPayment(id).orElseThrow(), command);
            }
            entry.ifPresent(e -> {
                EntryRequest.Builder b = EntryRequest.builder(command.receivedOn(), "Payment to supplier " + command.reference()).id(e);
                if (allocated.isPositive()) {
                    b.debit(postings.code(AccountRole.PAYABLE, currency), allocated);
                }
                if (advance.isPositive()) {
                    b.debit(postings.code(AccountRole.SUPPLIER_ADVANCE, currency), advance);
                }
                postings.post("receivedOn", b.credit(postings.code(AccountRole.BANK, currency), command.amount())
                        .metadata("supplierPaymentId", id.toString()).metadata("supplier", command.payer()).build());
            });
            return payment;
        }), () -> "payment " + id + ": read it with payment(id), or record it again with this id (it returns the stored payment)");
    }


    @Override
    public Payment allocate(PaymentId paymentId, List<NewAllocation> allocations) {
        Check.notNull(paymentId, "payment");
        Check.notEmpty(allocations, "allocations");
        List<NewAllocation> requested = List.copyOf(allocations);
        EntryId batch = EntryId.newId(); // the identity, before the first attempt
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return reruns.run(rerun -> store.write(tx -> {
            Payment payment = tx.lockSupplierPayment(paymentId).orElseThrow(() -> InvoicingErrorCode.PAYMENT_NOT_FOUND.notFound(
                    "payment: " + paymentId + " not found in tenant " + tenant));
            if (payment.allocations().stream().anyMatch(a -> a.entry().equals(batch))) {
                return payment; // a rerun of a write that landed
            }
            NewAllocation.checkAll(requested, payment.unallocated(), "allocations");
            CurrencyUnit currency = payment.amount().getCurrencyUnit();
            postings.requireAccounts(currency, AccountRole.SUPPLIER_ADVANCE, AccountRole.PAYABLE);
            List<Allocation> made = settle(tx, requested, payment.payer(), today, batch);
            List<Allocation> all = new ArrayList<>(payment.allocations());
            all.addAll(made);
            Payment next = Invariants.consistent(new Payment(payment.id(), payment.version() + 1, payment.payer(), payment.amount(),
                    payment.receivedOn(), payment.reference(), all, payment.ledgerEntry(), payment.createdAt()));
            tx.addSupplierAllocations(next, made);
            if (ledger != null) {
                Money sum = LedgerPostings.total(requested, currency);
                postings.post("allocations", EntryRequest.builder(today, "Allocation of payment to supplier " + payment.reference())
                        .id(batch)
                        .debit(postings.code(AccountRole.PAYABLE, currency), sum)
                        .credit(postings.code(AccountRole.SUPPLIER_ADVANCE, currency), sum)
                        .metadata("supplierPaymentId", paymentId.toString())
                        .build());
            }
            return next;
        }), () -> "allocation " + batch + " of payment " + paymentId + ": read the payment with payment(id); its allocations carry entry " + batch);
    }

    /** Settles the suppliers' invoices of {@code requested} (locked in id order) with a payment to {@code supplier}. */
    private List<Allocation> settle(PayableTx tx, List<NewAllocation> requested, String supplier, LocalDate date, EntryId entry) {
        if (requested.isEmpty()) {
            return List.of();
        }
        TreeSet<InvoiceId> ids = new TreeSet<>();
        requested.forEach(a -> ids.add(a.invoice()));
        Map<InvoiceId, PurchaseInvoice> locked = new HashMap<>();
        tx.lockPurchases(ids).forEach(i -> locked.put(i.id(), i));
        List<Allocation> made = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            String at = "allocations[" + i + "]";
            NewAllocation a = requested.get(i);
            PurchaseInvoice invoice = locked.get(a.invoice());
            if (invoice == null) {
                throw notFound(at + ".invoice", a.invoice());
            }
            if (!invoice.currency().equals(a.amount().getCurrencyUnit())) {
                throw InvoicingErrorCode.CURRENCY_MISMATCH.exception(at + ".amount", "must be in the invoice's currency "
                        + invoice.currency(), a.amount());
            }
            if (!invoice.supplier().equals(supplier)) {
                throw InvoicingErrorCode.CUSTOMER_MISMATCH.rule(at + ".invoice: invoice " + invoice.supplierNumber() + " is supplier "
                        + invoice.supplier() + "'s, the payment goes to " + supplier);
            }
            MACHINE.requireDeclared(invoice.status(), PurchaseEvent.PAY);
            if (a.amount().isGreaterThan(invoice.open())) {
                throw InvoicingErrorCode.ALLOCATION_EXCEEDS_OPEN.rule(at + ".amount: " + a.amount() + " exceeds the "
                        + invoice.open() + " open on supplier's invoice " + invoice.supplierNumber());
            }
            Money paid = MoneyMath.plus(invoice.paid(), a.amount());
            PurchaseStatus target = MACHINE.fire(invoice.status(), PurchaseEvent.PAY, invoice.withState(invoice.status(), paid)).target();
            PurchaseInvoice next = invoice.withState(target, paid);
            tx.updatePurchase(next);
            locked.put(next.id(), next);
            made.add(new Allocation(invoice.id(), a.amount(), date, entry));
        }
        return made;
    }

    @Override
    public Payment payment(PaymentId id) {
        Check.notNull(id, "id");
        return store.read().supplierPayment(id).orElseThrow(() -> InvoicingErrorCode.PAYMENT_NOT_FOUND.notFound(
                "id: payment " + id + " not found in tenant " + tenant));
    }

    // ------------------------------------------------------------------ helpers





    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String whereToLook(InvoiceId id) {
        return "purchase invoice " + id + ": read it with purchase(id), or repeat the request with this id (it returns the stored invoice)";
    }

    private BackofficeException notFound(String field, InvoiceId id) {
        return InvoicingErrorCode.INVOICE_NOT_FOUND.notFound(field + ": purchase invoice " + id + " not found in tenant " + tenant);
    }
}
