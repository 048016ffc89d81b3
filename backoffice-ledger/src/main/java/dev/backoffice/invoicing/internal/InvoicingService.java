package dev.backoffice.invoicing.internal;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.jdbc.Reruns;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.page.CursorSigner;
import dev.backoffice.core.page.Page;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.validation.Check;
import dev.backoffice.invoicing.AccountMapping;
import dev.backoffice.invoicing.AccountRole;
import dev.backoffice.invoicing.AgingReport;
import dev.backoffice.invoicing.Allocation;
import dev.backoffice.invoicing.CancelInvoice;
import dev.backoffice.invoicing.AdvanceDeduction;
import dev.backoffice.invoicing.AdvanceReceipt;
import dev.backoffice.invoicing.ConvertProforma;
import dev.backoffice.invoicing.CorrectInvoice;
import dev.backoffice.invoicing.NewAdvanceInvoice;
import dev.backoffice.invoicing.NewFinalInvoice;
import dev.backoffice.invoicing.FxRate;
import dev.backoffice.invoicing.FxRates;
import dev.backoffice.invoicing.GapAudit;
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
import dev.backoffice.invoicing.LatePaymentClaim;
import dev.backoffice.invoicing.NewAllocation;
import dev.backoffice.invoicing.NewInvoice;
import dev.backoffice.invoicing.NewPayment;
import dev.backoffice.invoicing.NumberingPeriod;
import dev.backoffice.invoicing.Payment;
import dev.backoffice.invoicing.PaymentId;
import dev.backoffice.invoicing.PreparedIssue;
import dev.backoffice.invoicing.Series;
import dev.backoffice.invoicing.TenantInvoiceStore;
import dev.backoffice.invoicing.TenantInvoicing;
import dev.backoffice.invoicing.TenantPayables;
import dev.backoffice.invoicing.Unallocation;
import dev.backoffice.invoicing.VatRegister;
import dev.backoffice.invoicing.VatTotal;
import dev.backoffice.ledger.EntryId;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.Posting;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.statemachine.StateMachine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The per-tenant invoicing service behind {@link TenantInvoicing}: the rules, over a
 * {@link TenantInvoiceStore} (persistence and locking) and a {@link TenantLedger} (postings).
 *
 * <p>Every write is one {@link TenantInvoiceStore#write} unit, given its identity before the
 * first attempt and run through {@link Reruns#run} (metered: module "invoicing"); a rerun looks the identity
 * up first. The ledger posting is the unit's last step, so that in memory (where the two stores
 * cannot share a transaction) nothing can fail after it; on JDBC stores sharing a data source
 * the ledger joins the unit's transaction, and a refused posting (a closed period) rolls back the
 * invoice and its number with it.
 */
public final class InvoicingService implements TenantInvoicing {

    private static final StateMachine<InvoiceStatus, InvoiceEvent, Invoice> MACHINE = InvoiceLifecycle.machine();
    private static final CurrencyUnit PLN = CurrencyUnit.of("PLN");
    private static final String CURSOR_SCOPE = "invoicing.invoices";

    private final TenantId tenant;
    private final TenantInvoiceStore store;
    private final TenantLedger ledger;
    private final AccountMapping accounts;
    private final LedgerPostings postings;
    private final FxRates fxRates;
    private final Clock clock;
    private final AuditLog audit;
    private final CursorSigner cursors;
    /** Reruns after a lost commit acknowledgement, counted on the store's recorder as module "invoicing". */
    private final Reruns reruns;
    /** Series read so far: a series never changes once defined, so issuing reads it once. */
    private final Map<String, Series> knownSeries = new ConcurrentHashMap<>();
    /** The one poster of this service's issues (its identity lets a store group them). */
    private final Consumer<List<EntryRequest>> postAll = this::postAllEntries;
    /** The purchase ledger, reports and corrections (issue #16 AP part); set once by {@code create}, before publication. */
    private volatile Receivables receivables;

    private InvoicingService(TenantId tenant, TenantInvoiceStore store, TenantLedger ledger, AccountMapping accounts,
                             FxRates fxRates, Clock clock, AuditLog audit, CursorSigner cursors, MetricsRecorder metrics) {
        this.tenant = tenant;
        this.store = store;
        this.ledger = ledger;
        this.accounts = accounts;
        this.postings = new LedgerPostings(ledger, accounts);
        this.fxRates = fxRates;
        this.clock = clock;
        this.audit = audit;
        this.cursors = cursors;
        this.reruns = Reruns.metered(metrics, "invoicing");
    }

    /**
     * The service of {@code tenant}.
     *
     * @param ledger   the tenant's ledger, or null to post nothing
     * @param accounts the account mapping (required with a ledger)
     * @param fxRates  the FX-rate source, or null (a foreign-currency invoice of a Polish seller then fails)
     * @param metrics  where reruns after a lost commit acknowledgement are counted (module "invoicing"):
     *                 the store's {@code metrics()}
     */
    public static InvoicingService create(TenantId tenant, TenantInvoiceStore store, TenantLedger ledger, AccountMapping accounts,
                                          FxRates fxRates, Clock clock, AuditLog audit, CursorSigner cursors, MetricsRecorder metrics) {
        Check.that(ledger == null || accounts != null, "accounts", "must be given with a ledger", null);
        return new InvoicingService(Check.notNull(tenant, "tenant"), Check.notNull(store, "store"), ledger, accounts, fxRates,
                Check.notNull(clock, "clock"), Check.notNull(audit, "audit"), Check.notNull(cursors, "cursors"),
                Check.notNull(metrics, "metrics"));
    }

    /**
     * The service of {@code tenant} with its purchase ledger {@code payables} (null: none).
     *
     * @param metrics where reruns after a lost commit acknowledgement are counted (module "invoicing")
     */
    public static InvoicingService create(TenantId tenant, TenantInvoiceStore store, TenantLedger ledger, AccountMapping accounts,
                                          FxRates fxRates, Clock clock, AuditLog audit, CursorSigner cursors, MetricsRecorder metrics,
                                          PayablesService payables) {
        InvoicingService service = create(tenant, store, ledger, accounts, fxRates, clock, audit, cursors, metrics);
        service.receivables = Receivables.create(tenant, store, ledger, accounts, fxRates, clock, audit, payables, service.reruns);
        return service;
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    // ------------------------------------------------------------------ series

    @Override
    public Series defineSeries(Series series, String actor) {
        Check.notNull(series, "series");
        Check.text(actor, "actor", InvoicingLimits.MAX_ACTOR_LENGTH);
        return reruns.run(rerun -> store.write(tx -> {
            Optional<Series> stored = tx.series(series.code());
            if (stored.isEmpty() && tx.insertSeries(series)) {
                audit.append(AuditEvent.of(actor, "invoicing.series_defined", "series/" + series.code(),
                        Map.of("pattern", series.pattern(), "reset", series.reset().name())));
                return series;
            }
            Series existing = stored.or(() -> tx.series(series.code())).orElseThrow();
            if (!existing.equals(series)) {
                throw InvoicingErrorCode.SERIES_EXISTS.conflict("series " + series.code() + " exists with another definition: " + existing);
            }
            return existing;
        }), () -> "series " + series.code() + ": read it with series(code), or define it again (same definition: no change)");
    }

    @Override
    public Series series(String code) {
        Check.notBlank(code, "code");
        return store.read().series(code).orElseThrow(() -> seriesNotFound("code", code));
    }

    @Override
    public List<Series> series() {
        return store.read().allSeries();
    }

    @Override
    public GapAudit gapAudit(String series, NumberingPeriod period) {
        Check.notBlank(series, "series");
        Check.notNull(period, "period");
        series(series);
        return store.read().gapAudit(series, period);
    }

    // ------------------------------------------------------------------ invoices

    @Override
    public Invoice draft(NewInvoice command) {
        Check.notNull(command, "invoice");
        InvoiceId id = command.id().orElseGet(InvoiceId::newId); // the identity, before the first attempt
        Instant now = now();
        return reruns.run(rerun -> store.write(tx -> storeDraft(tx, command, id, now)),
                () -> whereToLook(id));
    }

    @Override
    public Invoice issue(InvoiceId id) {
        Check.notNull(id, "id");
        LocalDate today = today();
        return reruns.run(rerun -> store.write(tx -> {
            Invoice invoice = tx.lockInvoice(id).orElseThrow(() -> invoiceNotFound("id", id));
            if (invoice.isProforma()) {
                throw InvoicingErrorCode.NOT_A_PROFORMA.exception("id", "is a proforma, which is never issued: convert it with convertProforma", id);
            }
            return invoice.status() == InvoiceStatus.DRAFT ? issueLocked(tx, invoice, today) : invoice;
        }), () -> whereToLook(id));
    }

    /**
     * Checks and computes everything before any transaction ({@link #plan}), so that bad input
     * never reaches the store and never consumes a number, then lets the store issue it (the JDBC
     * store groups concurrent issues of a series into one transaction). A rerun after an unknown
     * outcome, and a caller's own id whose plan was refused (it may be a stored invoice, which is
     * answered as a retry), take the one-by-one path, which looks the id up first.
     */
    @Override
    public Invoice issue(NewInvoice command) {
        Check.notNull(command, "invoice");
        InvoiceId id = command.id().orElseGet(InvoiceId::newId);
        Instant now = now();
        LocalDate today = today();
        Function<InvoiceTx, Invoice> alone = tx -> {
            Invoice draft = storeDraft(tx, command, id, now);
            if (draft.status() != InvoiceStatus.DRAFT) {
                return draft; // issued before: this is a retry
            }
            return issueLocked(tx, tx.lockInvoice(id).orElseThrow(), today);
        };
        return reruns.run(rerun -> {
            if (rerun) {
                return store.write(alone);
            }
            PreparedIssue plan;
            try {
                plan = plan(command, id, now, today, alone);
            } catch (BackofficeException e) {
                if (command.id().isEmpty()) {
                    throw e;
                }
                return store.write(alone);
            }
            return store.issue(plan);
        }, () -> whereToLook(id));
    }

    /** The issue of {@code command} as {@code id}, checked and computed but for its number. */
    private PreparedIssue plan(NewInvoice command, InvoiceId id, Instant now, LocalDate today, Function<InvoiceTx, Invoice> alone) {
        Series series = knownSeries.get(command.series());
        if (series == null) {
            series = store.read().series(command.series()).orElseThrow(() -> seriesNotFound("series", command.series()));
            knownSeries.put(series.code(), series); // a series never changes once defined
        }
        Issuing issuing = issuing(newDraft(command, id, now), series, today);
        return IssuePlan.create(id, series.code(), issuing.period(), command.id().isPresent(), seq -> numbered(issuing, seq),
                this::entryOf, postAll, alone);
    }

    /** Stores the draft of {@code command} as {@code id}, or answers the invoice stored under that id. */
    private Invoice storeDraft(InvoiceTx tx, NewInvoice command, InvoiceId id, Instant now) {
        Optional<Invoice> stored = tx.invoice(id);
        if (stored.isPresent()) {
            return sameDraft(stored.get(), command);
        }
        tx.series(command.series()).orElseThrow(() -> seriesNotFound("series", command.series()));
        Invoice draft = newDraft(command, id, now);
        if (!tx.insertInvoice(draft)) {
            return sameDraft(tx.invoice(id).orElseThrow(), command); // a concurrent retry stored it first
        }
        return draft;
    }

    /** The draft of {@code command} as {@code id}, version 1. */
    private static Invoice newDraft(NewInvoice command, InvoiceId id, Instant now) {
        List<VatTotal> totals = VatMath.totals(command.lines(), command.currency());
        return Invariants.consistent(new Invoice(id, 1, InvoiceKind.INVOICE, InvoiceStatus.DRAFT, command.series(),
                Optional.empty(), Optional.empty(), 0, command.customer(), command.seller(), command.buyer(), command.currency(),
                command.lines(), List.of(), totals, VatMath.sum(totals, command.currency(), VatTotal::net),
                VatMath.sum(totals, command.currency(), VatTotal::vat), VatMath.sum(totals, command.currency(), VatTotal::gross),
                Optional.empty(), command.issueDate(), command.saleDate(), command.dueDate(), command.paymentDays(),
                Money.zero(command.currency()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now));
    }

    /** {@code stored} if it was made from {@code command} (a retry), else the id is taken. */
    private static Invoice sameDraft(Invoice stored, NewInvoice command) {
        return sameDraft(stored, command, InvoiceKind.INVOICE);
    }

    /** {@code stored} if it was made from {@code command} as a {@code kind} (a retry), else the id is taken. */
    private static Invoice sameDraft(Invoice stored, NewInvoice command, InvoiceKind kind) {
        boolean same = stored.kind() == kind && stored.series().equals(command.series())
                && stored.customer().equals(command.customer()) && stored.seller().equals(command.seller())
                && stored.buyer().equals(command.buyer()) && stored.currency().equals(command.currency())
                && stored.lines().equals(command.lines()) && stored.paymentDays() == command.paymentDays()
                && (command.issueDate().isEmpty() || command.issueDate().equals(stored.issueDate()))
                && (command.saleDate().isEmpty() || command.saleDate().equals(stored.saleDate()))
                && (command.dueDate().isEmpty() || command.dueDate().equals(stored.dueDate()));
        if (!same) {
            throw InvoicingErrorCode.INVOICE_EXISTS.conflict("id: invoice " + stored.id() + " exists with other content");
        }
        return stored;
    }

    /** Issues the locked draft {@code draft}: dates, local VAT, number, ledger entry. */
    private Invoice issueLocked(InvoiceTx tx, Invoice draft, LocalDate today) {
        MACHINE.requireDeclared(draft.status(), InvoiceEvent.ISSUE);
        Series series = tx.series(draft.series()).orElseThrow(() -> seriesNotFound("series", draft.series()));
        Issuing issuing = issuing(draft, series, today);
        Invoice issued = numbered(issuing, tx.nextSequence(series.code(), issuing.period()));
        tx.updateInvoice(issued);
        entryOf(issued).ifPresent(entry -> postings.post("issueDate", entry));
        return issued;
    }

    /** A draft on its way to being issued: everything checked and computed but its number. */
    private record Issuing(Invoice draft, Series series, LocalDate issueDate, LocalDate saleDate, LocalDate dueDate,
                           Optional<FxRate> rate, List<VatTotal> totals, NumberingPeriod period) {
    }

    /** Checks and computes the issue of {@code draft} in {@code series}: dates, accounts, local VAT, period. */
    private Issuing issuing(Invoice draft, Series series, LocalDate today) {
        LocalDate issueDate = draft.issueDate().orElse(today);
        LocalDate saleDate = draft.saleDate().orElse(issueDate);
        LocalDate dueDate = draft.dueDate().orElse(issueDate.plusDays(draft.paymentDays()));
        InvoicingLimits.checkDate(dueDate, "dueDate");
        if (dueDate.isBefore(issueDate)) {
            throw InvoicingErrorCode.INVALID_DATE.exception("dueDate", "must not be before the issue date " + issueDate, dueDate);
        }
        postings.requireAccounts(draft.currency(), AccountRole.RECEIVABLE, AccountRole.REVENUE, AccountRole.VAT_DUE);
        if (draft.isAdvance() || draft.isFinal()) {
            postings.requireAccounts(draft.currency(), AccountRole.ADVANCES_RECEIVED);
        }
        Optional<FxRate> rate = localRate(draft, saleDate);
        List<VatTotal> totals = rate.map(r -> VatMath.inLocal(draft.totals(), r)).orElse(draft.totals());
        return new Issuing(draft, series, issueDate, saleDate, dueDate, rate, totals, series.period(issueDate));
    }

    /** The issued invoice of {@code issuing} with sequence {@code seq}: numbered, {@code ISSUE} fired, checked. */
    private Invoice numbered(Issuing issuing, long seq) {
        Invoice draft = issuing.draft();
        LocalDate issueDate = issuing.issueDate();
        Optional<FxRate> rate = issuing.rate();
        List<VatTotal> totals = issuing.totals();
        NumberingPeriod period = issuing.period();
        String number = issuing.series().format(issueDate, seq);
        Optional<EntryId> entry = postsSomething(draft.gross()) || (ledger != null && draft.isFinal())
                ? Optional.of(EntryId.of(draft.id().value())) : Optional.empty();
        Invoice issued = new Invoice(draft.id(), draft.version() + 1, draft.kind(), InvoiceStatus.ISSUED, draft.series(),
                Optional.of(number), Optional.of(period), seq, draft.customer(), draft.seller(), draft.buyer(), draft.currency(),
                draft.lines(), draft.linesBefore(), totals, draft.net(), draft.vat(), draft.gross(), rate, Optional.of(issueDate),
                Optional.of(issuing.saleDate()), Optional.of(issuing.dueDate()), draft.paymentDays(), draft.paid(), draft.corrects(),
                draft.cancelledBy(), draft.reason(), entry, draft.createdAt(), draft.details());
        MACHINE.fire(draft.status(), InvoiceEvent.ISSUE, issued);
        return Invariants.consistent(issued);
    }

    /** The journal entry of the issued invoice {@code issued}, if it posts one. */
    private Optional<EntryRequest> entryOf(Invoice issued) {
        if (issued.isAdvance() || issued.isFinal()) {
            return issued.ledgerEntry().map(id -> Prepayments.entry(issued, postings));
        }
        String number = issued.number().orElseThrow();
        return issued.ledgerEntry().map(id -> EntryRequest.builder(issued.issueDate().orElseThrow(), "Invoice " + number)
                .id(id)
                .debit(postings.code(AccountRole.RECEIVABLE, issued.currency()), issued.gross())
                .postings(credits(issued))
                .metadata("invoiceId", issued.id().toString())
                .metadata("number", number)
                .build());
    }

    /** Posts the entries of a group of issues in one batch, in the store's transaction (see {@link PreparedIssue#postAll}). */
    private void postAllEntries(List<EntryRequest> entries) {
        if (!entries.isEmpty()) {
            ledger.postAllNew(entries); // their ids are the group's new invoices' ids (see PreparedIssue#postAll)
        }
    }

    /** The revenue and VAT credits of an issued invoice (the parts that are not zero). */
    private List<Posting> credits(Invoice invoice) {
        List<Posting> out = new ArrayList<>(2);
        if (invoice.net().isPositive()) {
            out.add(Posting.credit(postings.code(AccountRole.REVENUE, invoice.currency()), invoice.net()));
        }
        if (invoice.vat().isPositive()) {
            out.add(Posting.credit(postings.code(AccountRole.VAT_DUE, invoice.currency()), invoice.vat()));
        }
        return out;
    }

    /**
     * The rate the local VAT amounts of {@code invoice} are converted at: for a Polish seller
     * invoicing in another currency than PLN, the last rate published before the tax point
     * ({@code saleDate}); none otherwise.
     */
    private Optional<FxRate> localRate(Invoice invoice, LocalDate saleDate) {
        if (!invoice.seller().country().equals("PL") || invoice.currency().equals(PLN)) {
            return Optional.empty();
        }
        Optional<FxRate> rate = fxRates == null ? Optional.empty() : fxRates.lastBefore(invoice.currency(), PLN, saleDate);
        if (rate.isEmpty() || !rate.get().from().equals(invoice.currency()) || !rate.get().to().equals(PLN)
                || !rate.get().date().isBefore(saleDate)) {
            throw InvoicingErrorCode.FX_RATE_MISSING.exception("saleDate", "no " + invoice.currency() + "/PLN rate published before the tax point"
                    + (fxRates == null ? " (no FX-rate source was given to Invoicing)" : ""), saleDate);
        }
        return rate;
    }

    @Override
    public Invoice invoice(InvoiceId id) {
        Check.notNull(id, "id");
        return store.read().invoice(id).orElseThrow(() -> invoiceNotFound("id", id));
    }

    @Override
    public Optional<Invoice> invoiceByNumber(String number) {
        Check.notBlank(number, "number");
        return store.read().invoiceByNumber(number);
    }

    @Override
    public Page<Invoice> invoices(Optional<String> cursor, int pageSize) {
        Check.notNull(cursor, "cursor");
        Check.that(pageSize >= 1 && pageSize <= InvoicingLimits.MAX_PAGE_SIZE, "pageSize",
                "must be 1.." + InvoicingLimits.MAX_PAGE_SIZE, pageSize);
        Optional<InvoiceId> after = cursor.map(c -> InvoiceId.parse(cursors.verify(tenant, CURSOR_SCOPE, c)));
        List<Invoice> rows = store.read().invoicesAfter(after, pageSize + 1);
        if (rows.size() <= pageSize) {
            return Page.last(rows);
        }
        List<Invoice> page = rows.subList(0, pageSize);
        return Page.of(page, cursors.sign(tenant, CURSOR_SCOPE, page.get(pageSize - 1).id().toString()));
    }

    @Override
    public List<Invoice> markOverdue(LocalDate asOf) {
        InvoicingLimits.checkDate(asOf, "asOf");
        LocalDate today = today();
        if (asOf.isAfter(today)) {
            throw InvoicingErrorCode.INVALID_DATE.exception("asOf", "must not be after today " + today
                    + ": an invoice is never overdue before its time", asOf);
        }
        return store.write(tx -> {
            List<InvoiceId> ids = tx.overdueUnmarked(asOf, InvoicingLimits.MAX_SWEEP).stream().map(Invoice::id).toList();
            List<Invoice> marked = new ArrayList<>();
            for (Invoice invoice : tx.lockInvoices(ids)) {
                if (invoice.isOverdue(asOf) && MACHINE.canFire(invoice.status(), InvoiceEvent.MARK_OVERDUE, invoice)) {
                    InvoiceStatus target = MACHINE.fire(invoice.status(), InvoiceEvent.MARK_OVERDUE, invoice).target();
                    Invoice next = Invariants.consistent(invoice.withState(target, invoice.paid()));
                    tx.updateInvoice(next);
                    marked.add(next);
                }
            }
            return marked;
        });
    }

    @Override
    public Invoice cancel(InvoiceId invoiceId, CancelInvoice command) {
        Check.notNull(invoiceId, "invoice");
        Check.notNull(command, "command");
        InvoiceId creditNoteId = command.creditNoteId().orElseGet(InvoiceId::newId);
        LocalDate today = today();
        Instant now = now();
        return reruns.run(rerun -> store.write(tx -> {
            Optional<Invoice> stored = tx.invoice(creditNoteId);
            if (stored.isPresent()) {
                if (stored.get().corrects().equals(Optional.of(invoiceId))) {
                    return stored.get(); // a retry
                }
                throw InvoicingErrorCode.INVOICE_EXISTS.conflict("creditNoteId: " + creditNoteId + " is another document's id");
            }
            Invoice invoice = tx.lockInvoice(invoiceId).orElseThrow(() -> invoiceNotFound("invoice", invoiceId));
            if (invoice.kind() != InvoiceKind.INVOICE) {
                throw InvoicingErrorCode.ILLEGAL_TRANSITION.rule("invoice: " + invoiceId + " is a " + invoice.kind()
                        + (invoice.isProforma() ? ", not a tax document: there is nothing to correct" : "; correct the invoice instead"));
            }
            if (invoice.isAdvance() || invoice.isFinal()) {
                // their corrections are FA(3) KOR_ZAL / KOR_ROZ and move advances received: not done yet
                throw InvoicingErrorCode.ILLEGAL_TRANSITION.rule("invoice: " + invoice.number().orElse(invoiceId.toString())
                        + " is an advance or final invoice, whose correction (KOR_ZAL, KOR_ROZ) the SDK does not issue yet");
            }
            InvoiceStatus target = MACHINE.fire(invoice.status(), InvoiceEvent.CANCEL, invoice).target();
            Series series = tx.series(command.series()).orElseThrow(() -> seriesNotFound("series", command.series()));
            postings.requireAccounts(invoice.currency(), AccountRole.RECEIVABLE, AccountRole.REVENUE, AccountRole.VAT_DUE);
            LocalDate issueDate = command.issueDate().orElse(today);
            List<InvoiceLine> after = invoice.lines().stream().map(l -> l.withQuantity(BigDecimal.ZERO)).toList();
            List<VatTotal> totals = VatMath.correction(invoice.lines(), after, invoice.currency());
            if (invoice.fxRate().isPresent()) {
                totals = VatMath.inLocal(totals, invoice.fxRate().get()); // a correction keeps the invoice's rate
            }
            NumberingPeriod period = series.period(issueDate);
            long seq = tx.nextSequence(series.code(), period);
            String number = series.format(issueDate, seq);
            Money gross = VatMath.sum(totals, invoice.currency(), VatTotal::gross);
            Optional<EntryId> entry = postsSomething(gross.negated()) ? Optional.of(EntryId.of(creditNoteId.value())) : Optional.empty();
            Invoice creditNote = Invariants.consistent(new Invoice(creditNoteId, 1, InvoiceKind.CREDIT_NOTE, InvoiceStatus.ISSUED,
                    series.code(), Optional.of(number), Optional.of(period), seq, invoice.customer(), invoice.seller(), invoice.buyer(),
                    invoice.currency(), after, invoice.lines(), totals, VatMath.sum(totals, invoice.currency(), VatTotal::net),
                    VatMath.sum(totals, invoice.currency(), VatTotal::vat), gross, invoice.fxRate(), Optional.of(issueDate),
                    invoice.saleDate(), Optional.of(issueDate), 0, Money.zero(invoice.currency()), Optional.of(invoiceId),
                    Optional.empty(), Optional.of(command.reason()), entry, now));
            if (!tx.insertInvoice(creditNote)) {
                throw InvoicingErrorCode.INVOICE_EXISTS.conflict("creditNoteId: " + creditNoteId + " was stored by another request");
            }
            tx.updateInvoice(Invariants.consistent(invoice.withCancellation(creditNoteId, target)));
            entry.ifPresent(id -> {
                EntryRequest.Builder b = EntryRequest.builder(issueDate, "Credit note " + number + " cancelling " + invoice.number().orElseThrow())
                        .id(id);
                if (creditNote.net().isNegative()) {
                    b.debit(postings.code(AccountRole.REVENUE, invoice.currency()), creditNote.net().negated());
                }
                if (creditNote.vat().isNegative()) {
                    b.debit(postings.code(AccountRole.VAT_DUE, invoice.currency()), creditNote.vat().negated());
                }
                postings.post("issueDate", b.credit(postings.code(AccountRole.RECEIVABLE, invoice.currency()), gross.negated())
                        .metadata("invoiceId", creditNoteId.toString())
                        .metadata("corrects", invoiceId.toString())
                        .metadata("number", number)
                        .build());
            });
            audit.append(AuditEvent.of(command.actor(), "invoicing.invoice_cancelled", "invoice/" + invoice.number().orElseThrow(),
                    Map.of("creditNote", number, "reason", command.reason())));
            return creditNote;
        }), () -> whereToLook(creditNoteId));
    }

    // ------------------------------------------------------------------ payments

    @Override
    public Payment recordPayment(NewPayment command) {
        Check.notNull(command, "payment");
        PaymentId id = command.id().orElseGet(PaymentId::newId);
        Instant now = now();
        return reruns.run(rerun -> store.write(tx -> {
            Optional<Payment> stored = tx.payment(id);
            if (stored.isPresent()) {
                return LedgerPostings.samePayment(stored.get(), command);
            }
            CurrencyUnit currency = command.amount().getCurrencyUnit();
            Money allocated = LedgerPostings.total(command.allocations(), currency);
            Money credit = MoneyMath.minus(command.amount(), allocated);
            postings.requireAccounts(currency, AccountRole.BANK);
            if (allocated.isPositive()) {
                postings.requireAccounts(currency, AccountRole.RECEIVABLE);
            }
            if (credit.isPositive()) {
                postings.requireAccounts(currency, AccountRole.CUSTOMER_CREDIT);
            }
            Optional<EntryId> entry = ledger == null ? Optional.empty() : Optional.of(EntryId.of(id.value()));
            EntryId allocationEntry = EntryId.of(id.value());
            List<Allocation> made = settle(tx, command.allocations(), command.payer(), command.receivedOn(), allocationEntry, "allocations");
            Payment payment = Invariants.consistent(new Payment(id, 1, command.payer(), command.amount(), command.receivedOn(),
                    command.reference(), made, entry, now));
            if (!tx.insertPayment(payment)) {
                return LedgerPostings.samePayment(tx.payment(id).orElseThrow(), command); // a concurrent retry stored it first
            }
            entry.ifPresent(e -> {
                EntryRequest.Builder b = EntryRequest.builder(command.receivedOn(), "Payment " + command.reference())
                        .id(e)
                        .debit(postings.code(AccountRole.BANK, currency), command.amount());
                if (allocated.isPositive()) {
                    b.credit(postings.code(AccountRole.RECEIVABLE, currency), allocated);
                }
                if (credit.isPositive()) {
                    b.credit(postings.code(AccountRole.CUSTOMER_CREDIT, currency), credit);
                }
                postings.post("receivedOn", b.metadata("paymentId", id.toString()).metadata("payer", command.payer()).build());
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
        LocalDate today = today();
        return reruns.run(rerun -> store.write(tx -> {
            Payment payment = tx.lockPayment(paymentId).orElseThrow(() -> InvoicingErrorCode.PAYMENT_NOT_FOUND.notFound(
                    "payment: " + paymentId + " not found in tenant " + tenant));
            if (payment.allocations().stream().anyMatch(a -> a.entry().equals(batch))) {
                return payment; // a rerun of a write that landed
            }
            NewAllocation.checkAll(requested, payment.unallocated(), "allocations");
            CurrencyUnit currency = payment.amount().getCurrencyUnit();
            postings.requireAccounts(currency, AccountRole.CUSTOMER_CREDIT, AccountRole.RECEIVABLE);
            List<Allocation> made = settle(tx, requested, payment.payer(), today, batch, "allocations");
            List<Allocation> all = new ArrayList<>(payment.allocations());
            all.addAll(made);
            Payment next = Invariants.consistent(new Payment(payment.id(), payment.version() + 1, payment.payer(), payment.amount(),
                    payment.receivedOn(), payment.reference(), all, payment.ledgerEntry(), payment.createdAt()));
            tx.addAllocations(next, made);
            if (ledger != null) {
                Money sum = LedgerPostings.total(requested, currency);
                postings.post("allocations", EntryRequest.builder(today, "Allocation of payment " + payment.reference())
                        .id(batch)
                        .debit(postings.code(AccountRole.CUSTOMER_CREDIT, currency), sum)
                        .credit(postings.code(AccountRole.RECEIVABLE, currency), sum)
                        .metadata("paymentId", paymentId.toString())
                        .build());
            }
            return next;
        }), () -> "allocation " + batch + " of payment " + paymentId + ": read the payment with payment(id); its allocations carry entry " + batch);
    }

    /**
     * Settles the invoices of {@code requested} with a payment of {@code payer}: locks them (in id
     * order), checks each allocation against its invoice, fires {@code PAY} and stores the result.
     */
    private List<Allocation> settle(InvoiceTx tx, List<NewAllocation> requested, String payer, LocalDate date, EntryId entry,
                                    String field) {
        if (requested.isEmpty()) {
            return List.of();
        }
        TreeSet<InvoiceId> ids = new TreeSet<>();
        requested.forEach(a -> ids.add(a.invoice()));
        Map<InvoiceId, Invoice> locked = new HashMap<>();
        tx.lockInvoices(ids).forEach(i -> locked.put(i.id(), i));
        List<Allocation> made = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            String at = field + "[" + i + "]";
            NewAllocation a = requested.get(i);
            Invoice invoice = locked.get(a.invoice());
            if (invoice == null) {
                throw invoiceNotFound(at + ".invoice", a.invoice());
            }
            if (invoice.kind() != InvoiceKind.INVOICE) {
                throw InvoicingErrorCode.NOT_PAYABLE.rule(at + ".invoice: " + a.invoice() + " is a credit note");
            }
            if (!invoice.currency().equals(a.amount().getCurrencyUnit())) {
                throw InvoicingErrorCode.CURRENCY_MISMATCH.exception(at + ".amount", "must be in the invoice's currency "
                        + invoice.currency(), a.amount());
            }
            if (!invoice.customer().equals(payer)) {
                throw InvoicingErrorCode.CUSTOMER_MISMATCH.rule(at + ".invoice: invoice " + invoice.number().orElse(invoice.id().toString())
                        + " is customer " + invoice.customer() + "'s, the payment is " + payer + "'s");
            }
            MACHINE.requireDeclared(invoice.status(), InvoiceEvent.PAY);
            if (a.amount().isGreaterThan(invoice.open())) {
                throw InvoicingErrorCode.ALLOCATION_EXCEEDS_OPEN.rule(at + ".amount: " + a.amount() + " exceeds the "
                        + invoice.open() + " open on invoice " + invoice.number().orElseThrow());
            }
            Money paid = MoneyMath.plus(invoice.paid(), a.amount());
            InvoiceStatus target = MACHINE.fire(invoice.status(), InvoiceEvent.PAY, invoice.withState(invoice.status(), paid)).target();
            Invoice next = Invariants.consistent(invoice.withState(target, paid));
            tx.updateInvoice(next);
            locked.put(next.id(), next);
            made.add(new Allocation(invoice.id(), a.amount(), date, entry));
        }
        return made;
    }

    @Override
    public Payment payment(PaymentId id) {
        Check.notNull(id, "id");
        return store.read().payment(id).orElseThrow(() -> InvoicingErrorCode.PAYMENT_NOT_FOUND.notFound(
                "id: payment " + id + " not found in tenant " + tenant));
    }

    // ------------------------------------------------------------------ proformas, advance and final invoices (Prepayments)

    @Override
    public Invoice proforma(NewInvoice command) {
        Check.notNull(command, "proforma");
        InvoiceId id = command.id().orElseGet(InvoiceId::newId); // the identity, before the first attempt
        Instant now = now();
        return reruns.run(rerun -> store.write(tx -> {
            Optional<Invoice> stored = tx.invoice(id);
            if (stored.isPresent()) {
                return sameDraft(stored.get(), command, InvoiceKind.PROFORMA);
            }
            tx.series(command.series()).orElseThrow(() -> seriesNotFound("series", command.series()));
            Invoice proforma = Prepayments.proforma(newDraft(command, id, now));
            if (!tx.insertInvoice(proforma)) {
                return sameDraft(tx.invoice(id).orElseThrow(), command, InvoiceKind.PROFORMA);
            }
            return proforma;
        }), () -> whereToLook(id));
    }

    @Override
    public Invoice convertProforma(InvoiceId proformaId, ConvertProforma command) {
        Check.notNull(proformaId, "proforma");
        Check.notNull(command, "command");
        InvoiceId invoiceId = command.invoiceId().orElseGet(InvoiceId::newId);
        LocalDate today = today();
        Instant now = now();
        return reruns.run(rerun -> store.write(tx -> {
            Optional<Invoice> stored = tx.invoice(invoiceId);
            if (stored.isPresent()) {
                if (stored.get().details().fromProforma().equals(Optional.of(proformaId))) {
                    return stored.get(); // a retry
                }
                throw InvoicingErrorCode.INVOICE_EXISTS.conflict("invoiceId: " + invoiceId + " is another document's id");
            }
            Invoice proforma = tx.lockInvoice(proformaId).orElseThrow(() -> invoiceNotFound("proforma", proformaId));
            if (!proforma.isProforma()) {
                throw InvoicingErrorCode.NOT_A_PROFORMA.exception("proforma", "is a " + proforma.kind() + ", not a proforma", proformaId);
            }
            if (proforma.status() != InvoiceStatus.DRAFT) {
                throw InvoicingErrorCode.NOT_A_PROFORMA.exception("proforma", "was converted already, into invoice "
                        + proforma.details().convertedTo().map(InvoiceId::toString).orElse("?"), proformaId);
            }
            InvoiceStatus target = MACHINE.fire(proforma.status(), InvoiceEvent.CONVERT, proforma).target();
            tx.series(proforma.series()).orElseThrow(() -> seriesNotFound("series", proforma.series()));
            tx.updateInvoice(Invariants.consistent(proforma.withDetails(target, proforma.details().withConvertedTo(invoiceId))));
            if (!tx.insertInvoice(Prepayments.converted(proforma, invoiceId, command, now))) {
                throw InvoicingErrorCode.INVOICE_EXISTS.conflict("invoiceId: " + invoiceId + " was stored by another request");
            }
            Invoice issued = issueLocked(tx, tx.lockInvoice(invoiceId).orElseThrow(), today);
            audit.append(AuditEvent.of(command.actor(), "invoicing.proforma_converted", "invoice/" + issued.number().orElseThrow(),
                    Map.of("proforma", proformaId.toString())));
            return issued;
        }), () -> whereToLook(invoiceId));
    }

    @Override
    public Invoice issueAdvance(NewAdvanceInvoice command) {
        Check.notNull(command, "advance");
        NewInvoice order = command.order();
        InvoiceId id = order.id().orElseGet(InvoiceId::newId);
        Instant now = now();
        LocalDate today = today();
        AdvanceReceipt receipt = new AdvanceReceipt(command.received(), command.receivedOn());
        return reruns.run(rerun -> store.write(tx -> {
            Optional<Invoice> stored = tx.invoice(id);
            if (stored.isPresent()) {
                Invoice same = sameDraft(stored.get(), order);
                if (!same.details().advance().equals(Optional.of(receipt))) {
                    throw InvoicingErrorCode.INVOICE_EXISTS.conflict("id: invoice " + id + " exists with other content");
                }
                return same;
            }
            tx.series(order.series()).orElseThrow(() -> seriesNotFound("series", order.series()));
            tx.insertInvoice(Prepayments.advanceDraft(newDraft(order, id, now), command));
            return issueLocked(tx, tx.lockInvoice(id).orElseThrow(), today);
        }), () -> whereToLook(id));
    }

    @Override
    public Invoice issueFinal(NewFinalInvoice command) {
        Check.notNull(command, "final");
        NewInvoice order = command.order();
        InvoiceId id = order.id().orElseGet(InvoiceId::newId);
        Instant now = now();
        LocalDate today = today();
        return reruns.run(rerun -> store.write(tx -> {
            Optional<Invoice> stored = tx.invoice(id);
            if (stored.isPresent()) {
                Invoice same = sameDraft(stored.get(), order);
                if (!same.details().deductions().stream().map(AdvanceDeduction::advance).toList().equals(command.advances())) {
                    throw InvoicingErrorCode.INVOICE_EXISTS.conflict("id: invoice " + id + " exists with other content");
                }
                return same;
            }
            tx.series(order.series()).orElseThrow(() -> seriesNotFound("series", order.series()));
            Map<InvoiceId, Invoice> advances = new HashMap<>();
            tx.lockInvoices(command.advances()).forEach(a -> advances.put(a.id(), a));
            Invoice draft = Prepayments.finalDraft(newDraft(order, id, now), command.advances(), advances);
            for (InvoiceId a : command.advances()) {
                Invoice advance = advances.get(a);
                tx.updateInvoice(Invariants.consistent(advance.withDetails(advance.status(), advance.details().withSettledBy(id))));
            }
            tx.insertInvoice(draft);
            Invoice issued = issueLocked(tx, tx.lockInvoice(id).orElseThrow(), today);
            if (issued.gross().isZero()) { // prepaid in full: nothing left to collect
                Invoice paid = Invariants.consistent(issued.withState(
                        MACHINE.fire(issued.status(), InvoiceEvent.PAY, issued).target(), issued.paid()));
                tx.updateInvoice(paid);
                return paid;
            }
            return issued;
        }), () -> whereToLook(id));
    }

    // ------------------------------------------------------------------ payables, reports, corrections (Receivables)

    @Override
    public TenantPayables payables() {
        return receivables().payables();
    }

    @Override
    public VatRegister vatRegister(LocalDate from, LocalDate to) {
        return receivables().vatRegister(from, to);
    }

    @Override
    public AgingReport aging(LocalDate asOf) {
        return receivables().aging(asOf, Optional.empty());
    }

    @Override
    public AgingReport aging(LocalDate asOf, String customer) {
        Check.text(customer, "customer", InvoicingLimits.MAX_CUSTOMER_LENGTH);
        return receivables().aging(asOf, Optional.of(customer));
    }

    @Override
    public LatePaymentClaim lateClaim(InvoiceId invoice, LocalDate asOf) {
        return receivables().lateClaim(invoice, asOf);
    }

    @Override
    public Invoice correct(InvoiceId invoice, CorrectInvoice command) {
        return receivables().correct(invoice, command);
    }

    @Override
    public Payment unallocate(PaymentId payment, Unallocation command) {
        return receivables().unallocate(payment, command);
    }

    private Receivables receivables() {
        if (receivables == null) {
            receivables = Receivables.create(tenant, store, ledger, accounts, fxRates, clock, audit, null, reruns);
        }
        return receivables;
    }

    // ------------------------------------------------------------------ helpers

    /** Posts {@code request}; a closed ledger period becomes {@link InvoicingErrorCode#PERIOD_CLOSED} naming {@code dateField}. */

    private boolean postsSomething(Money gross) {
        return ledger != null && gross.isPositive();
    }




    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // the stores' precision: what is answered is what is stored
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    private static String whereToLook(InvoiceId id) {
        return "invoice " + id + ": read it with invoice(id), or repeat the request with this id (it returns the stored invoice)";
    }

    private BackofficeException seriesNotFound(String field, String code) {
        return InvoicingErrorCode.SERIES_NOT_FOUND.notFound(field + ": series " + code + " not found in tenant " + tenant);
    }

    private BackofficeException invoiceNotFound(String field, InvoiceId id) {
        return InvoicingErrorCode.INVOICE_NOT_FOUND.notFound(field + ": invoice " + id + " not found in tenant " + tenant);
    }
}
