package dev.backoffice.invoicing;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.money.MoneyMath;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.invoicing.jdbc.JdbcInvoiceStore;
import dev.backoffice.invoicing.memory.InMemoryInvoiceStore;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.LedgerStore;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import dev.backoffice.ledger.memory.InMemoryLedgerStore;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.joda.money.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.backoffice.invoicing.InvoicingFixtures.ACCOUNTS;
import static dev.backoffice.invoicing.InvoicingFixtures.ACME;
import static dev.backoffice.invoicing.InvoicingFixtures.GLOBEX;
import static dev.backoffice.invoicing.InvoicingFixtures.PLN;
import static dev.backoffice.invoicing.InvoicingFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales ledger's invariants over random sequences of issues, payments (with allocations
 * that may exceed what is open or what was paid), later allocations, cancellations and overdue
 * sweeps. Each generated integer decodes into one operation; refused ones must leave no trace.
 * After every operation:
 * <ul>
 *   <li>no payment has more allocated than its amount, no invoice more paid than its gross;</li>
 *   <li>what the payments allocated to each invoice is what the invoice says is paid;</li>
 *   <li>the receivable's balance is the sum of the open invoice balances, customer credit the
 *       sum of unallocated payments, the bank the sum of payments;</li>
 *   <li>the invoice series has no gap.</li>
 * </ul>
 */
public abstract class InvoicingProperties {

    private static final Map<StoreKind, Stores> STORES = new EnumMap<>(StoreKind.class);
    private static final Party KOWALSKI = Party.withoutTaxId("Jan Kowalski", "PL", "ul. Polna 3, 90-001 Lodz");

    private final StoreKind kind;

    protected InvoicingProperties(StoreKind kind) {
        this.kind = kind;
    }

    /** The stores of a kind, made once per JVM and shared by every try (each uses a fresh tenant). */
    private record Stores(InvoiceStore invoices, LedgerStore ledger) {
    }

    private static synchronized Stores stores(StoreKind kind) {
        return STORES.computeIfAbsent(kind, k -> {
            if (!k.jdbc()) {
                return new Stores(InMemoryInvoiceStore.create(), InMemoryLedgerStore.create());
            }
            TestDatabase db = k.openDatabase();
            JdbcLedgerStore ledger = JdbcLedgerStore.create(db.dataSource());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ledger.close();
                db.close();
            }));
            return new Stores(JdbcInvoiceStore.create(db.dataSource()), ledger);
        });
    }

    /** One try's world: a fresh tenant, what it issued and received. */
    private static final class World {
        final AdjustableClock clock = AdjustableClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
        final TenantLedger ledger;
        final TenantInvoicing invoicing;
        final List<InvoiceId> invoices = new ArrayList<>();
        final List<PaymentId> payments = new ArrayList<>();

        World(Stores stores) {
            TenantId tenant = TenantId.of("p-" + UUID.randomUUID());
            Ledger ledgers = Ledger.builder().store(stores.ledger()).clock(clock).build();
            ledger = ledgers.forTenant(tenant);
            ledger.openAll(InvoicingFixtures.chart());
            invoicing = Invoicing.builder().store(stores.invoices()).ledger(ledgers, ACCOUNTS).clock(clock).build().forTenant(tenant);
            invoicing.defineSeries(Series.of("FV", "FV/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
            invoicing.defineSeries(Series.of("KOR", "KOR/{yyyy}/{seq}", NumberReset.YEARLY), "owner");
        }

        LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }

        InvoiceId invoice(int pick) {
            return invoices.isEmpty() ? InvoiceId.newId() : invoices.get(Math.floorMod(pick, invoices.size()));
        }
    }

    @Property(tries = 60)
    void allocations_never_exceed_payments_or_open_amounts_and_the_receivable_is_what_is_open(
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> operations) {
        World w = new World(stores(kind));
        for (int op : operations) {
            int journal = w.ledger.journal(0, 100_000).size();
            Money paidBefore = paidOnInvoices(w);
            try {
                apply(w, op);
                Statistics.label("outcome").collect("done");
            } catch (BackofficeException refused) {
                Statistics.label("outcome").collect(refused.code());
                assertThat(w.ledger.journal(0, 100_000)).as("a refused %s writes no entry", refused.code()).hasSize(journal);
                assertThat(paidOnInvoices(w)).as("a refused %s pays nothing", refused.code()).isEqualTo(paidBefore);
            }
            invariantsHold(w);
        }
    }

    private static void apply(World w, int op) {
        int arg = op / 8;
        boolean globex = (arg & 1) == 0;
        String payer = globex ? "PL7680002466" : "Jan Kowalski";
        switch (op % 8) {
            case 0, 1 -> {
                NewInvoice sale = NewInvoice.builder("FV", PLN).seller(ACME).buyer(globex ? GLOBEX : KOWALSKI)
                        .line(line("Goods", String.valueOf(1 + arg % 5), Money.ofMinor(PLN, 1 + arg % 20_000), VatRate.PL_23))
                        .paymentDays(arg % 20).build();
                w.invoices.add(w.invoicing.issue(sale).id());
            }
            case 2, 3 -> {
                NewPayment payment = NewPayment.of(payer, Money.ofMinor(PLN, 1 + arg % 30_000), w.today(), "transfer " + op);
                if (arg % 3 != 0) {
                    payment = payment.allocate(w.invoice(arg / 3), Money.ofMinor(PLN, 1 + arg % 25_000));
                }
                w.payments.add(w.invoicing.recordPayment(payment).id());
            }
            case 4 -> {
                if (!w.payments.isEmpty()) {
                    PaymentId p = w.payments.get(Math.floorMod(arg, w.payments.size()));
                    w.invoicing.allocate(p, List.of(NewAllocation.of(w.invoice(arg / 7), Money.ofMinor(PLN, 1 + arg % 15_000))));
                }
            }
            case 5 -> w.invoicing.cancel(w.invoice(arg), CancelInvoice.of("KOR", "property", "tester"));
            case 6 -> {
                w.clock.advance(Duration.ofDays(1 + arg % 10));
                w.invoicing.markOverdue(w.today());
            }
            default -> w.payments.add(w.invoicing.recordPayment(NewPayment.of(payer, Money.ofMinor(PLN, 1 + arg % 5_000), w.today(),
                    "many " + op).allocate(w.invoice(arg), Money.ofMinor(PLN, 1 + arg % 3_000))
                    .allocate(w.invoice(arg / 5 + 1), Money.ofMinor(PLN, 1 + arg % 2_000))).id());
        }
    }

    private static Money paidOnInvoices(World w) {
        Money sum = Money.zero(PLN);
        for (InvoiceId id : w.invoices) {
            sum = MoneyMath.plus(sum, w.invoicing.invoice(id).paid());
        }
        return sum;
    }

    private static void invariantsHold(World w) {
        Map<InvoiceId, Money> allocatedTo = new java.util.HashMap<>();
        Money received = Money.zero(PLN);
        Money unallocated = Money.zero(PLN);
        for (PaymentId id : w.payments) {
            Payment p = w.invoicing.payment(id);
            assertThat(p.allocated()).as("payment %s allocates at most its amount", id).isLessThanOrEqualTo(p.amount());
            received = MoneyMath.plus(received, p.amount());
            unallocated = MoneyMath.plus(unallocated, p.unallocated());
            p.allocations().forEach(a -> allocatedTo.merge(a.invoice(), a.amount(), MoneyMath::plus));
        }
        Money open = Money.zero(PLN);
        for (InvoiceId id : w.invoices) {
            Invoice i = w.invoicing.invoice(id);
            assertThat(i.paid()).as("invoice %s is paid at most its gross", i.number()).isLessThanOrEqualTo(i.gross());
            assertThat(i.paid()).as("what payments allocated to %s is what it says is paid", i.number())
                    .isEqualTo(allocatedTo.getOrDefault(id, Money.zero(PLN)));
            assertThat(i.status() == InvoiceStatus.PAID).isEqualTo(i.kind() == InvoiceKind.INVOICE && i.fullyPaid() && i.status() != InvoiceStatus.CANCELLED);
            open = MoneyMath.plus(open, i.open());
        }
        assertThat(w.ledger.balance("1100").posted()).as("receivable = sum of open invoice balances").isEqualTo(open);
        assertThat(w.ledger.balance("2400").posted()).as("customer credit = sum of unallocated payments").isEqualTo(unallocated);
        assertThat(w.ledger.balance("1010").posted()).as("bank = sum of payments").isEqualTo(received);
        assertThat(w.invoicing.gapAudit("FV", NumberingPeriod.year(Year.of(2026))).gapFree()).isTrue();
    }
}
