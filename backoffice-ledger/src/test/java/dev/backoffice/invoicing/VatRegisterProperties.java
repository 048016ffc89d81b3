package dev.backoffice.invoicing;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.jdbc.JdbcPayableStore;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.invoicing.memory.InMemoryPayableStore;
import dev.backoffice.ledger.AccountRef;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The VAT register equals the ledger's VAT accounts, over random sales (every Polish rate, full
 * and partial credit notes) and suppliers' invoices (approved or left waiting) dated across
 * three months: for every month and for the quarter, the register's sales VAT is the movement
 * of the VAT-due account and its purchase VAT the movement of the input-VAT account.
 */
public abstract class VatRegisterProperties {

    private static final Map<StoreKind, Object[]> STORES = new EnumMap<>(StoreKind.class);
    private static final VatRate[] RATES = {VatRate.PL_23, VatRate.PL_8, VatRate.PL_5, VatRate.PL_0, VatRate.PL_EXEMPT};

    private final StoreKind kind;

    protected VatRegisterProperties(StoreKind kind) {
        this.kind = kind;
    }

    private static synchronized Object[] stores(StoreKind kind) {
        return STORES.computeIfAbsent(kind, k -> {
            if (!k.jdbc()) {
                return new Object[] {InMemoryInvoiceStore.create(), InMemoryPayableStore.create(), InMemoryLedgerStore.create()};
            }
            TestDatabase db = k.openDatabase();
            JdbcLedgerStore ledger = JdbcLedgerStore.create(db.dataSource());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ledger.close();
                db.close();
            }));
            return new Object[] {JdbcInvoiceStore.create(db.dataSource()), JdbcPayableStore.create(db.dataSource()), ledger};
        });
    }

    @Property(tries = 40)
    void the_vat_register_equals_the_ledgers_vat_accounts(
            @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> operations) {
        Object[] s = stores(kind);
        AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-01-05T09:00:00Z"));
        TenantId tenant = TenantId.of("v-" + UUID.randomUUID());
        Ledger ledgers = Ledger.builder().store((LedgerStore) s[2]).clock(clock).build();
        TenantLedger ledger = ledgers.forTenant(tenant);
        ledger.openAll(ApFixtures.chart());
        TenantInvoicing books = Invoicing.builder().store((InvoiceStore) s[0]).payables((PayableStore) s[1])
                .ledger(ledgers, ApFixtures.ACCOUNTS).clock(clock).build().forTenant(tenant);
        books.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        books.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        List<Invoice> sales = new ArrayList<>();
        for (int op : operations) {
            int arg = op / 4;
            LocalDate date = LocalDate.of(2026, 1, 5).plusDays(arg % 85);
            VatRate rate = RATES[arg % RATES.length];
            Money net = Money.ofMinor(PLN, 1 + arg % 500_000);
            try {
                switch (op % 4) {
                    case 0 -> sales.add(books.issue(NewInvoice.builder("FV", PLN).seller(ACME).buyer(GLOBEX).issueDate(date).saleDate(date)
                            .line(line("Goods", String.valueOf(1 + arg % 3), net, rate))
                            .line(line("Other", "1", Money.ofMinor(PLN, 1 + arg % 777), RATES[(arg / 7) % RATES.length])).build()));
                    case 1 -> {
                        Money vat = net.multipliedBy(rate.percent().movePointLeft(2), RoundingMode.HALF_UP);
                        PurchaseInvoice p = books.payables().register(NewPurchaseInvoice.builder(PLN).seller(GLOBEX).buyer(ACME)
                                .supplierNumber("P/" + op).line(PurchaseLine.of("Supplies", rate, net, vat)).issueDate(date).build());
                        if (arg % 3 != 0) {
                            books.payables().approve(p.id(), "approver");
                        }
                    }
                    case 2 -> {
                        if (!sales.isEmpty()) {
                            Invoice i = sales.get(arg % sales.size());
                            books.cancel(i.id(), new CancelInvoice(java.util.Optional.empty(), "KOR", "cancelled", "clerk", java.util.Optional.of(date)));
                        }
                    }
                    default -> {
                        if (!sales.isEmpty()) {
                            Invoice i = sales.get(arg % sales.size());
                            List<InvoiceLine> after = new ArrayList<>(i.lines());
                            after.set(0, after.get(0).withQuantity(BigDecimal.ZERO));
                            books.correct(i.id(), CorrectInvoice.of("KOR", after, "first line returned", "clerk").withIssueDate(date));
                        }
                    }
                }
            } catch (BackofficeException refused) {
                // a refusal (a second cancellation, a correction of a corrected line) writes nothing; the check below covers it
            }
        }
        for (LocalDate[] p : List.of(new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)},
                new LocalDate[] {LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)},
                new LocalDate[] {LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)},
                new LocalDate[] {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)})) {
            VatRegister register = books.vatRegister(p[0], p[1]);
            assertThat(register.vat(VatRegister.Side.SALES, PLN)).isEqualTo(movement(ledger, "2200", p[0], p[1]));
            assertThat(register.vat(VatRegister.Side.PURCHASES, PLN)).isEqualTo(movement(ledger, "1300", p[0], p[1]));
            assertThat(register.vatPln(VatRegister.Side.SALES)).isEqualTo(register.vat(VatRegister.Side.SALES, PLN));
        }
    }

    private static Money movement(TenantLedger ledger, String code, LocalDate from, LocalDate to) {
        return ledger.balance(AccountRef.code(code), to).posted().minus(ledger.balance(AccountRef.code(code), from.minusDays(1)).posted());
    }
}
