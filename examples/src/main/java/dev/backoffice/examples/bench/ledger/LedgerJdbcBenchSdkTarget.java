package dev.backoffice.examples.bench.ledger;

import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.ledger.AccountId;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.jdbc.JdbcLedgerStore;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SDK under benchmark: {@link JdbcLedgerStore} with its defaults (group commit on) behind the
 * public {@link TenantLedger} API, posting by account id, every entry with an idempotency key (as
 * a real caller would; the textbook baseline has none, so the comparison does not favour us).
 */
final class LedgerJdbcBenchSdkTarget implements LedgerJdbcBenchTarget {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;

    private final DataSource dataSource;
    private final JdbcLedgerStore store;
    private final TenantLedger ledger;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong keys = new AtomicLong();
    private AccountId[] ids;

    private LedgerJdbcBenchSdkTarget(DataSource dataSource) {
        this.dataSource = dataSource;
        this.store = JdbcLedgerStore.builder(dataSource).lanesPerTenant(Integer.getInteger("bench.lanes", 1))
                .groupCommit(!"false".equals(System.getProperty("bench.group"))).build();
        this.ledger = Ledger.builder().store(store).build().forTenant(TenantId.of("bench"));
    }

    static LedgerJdbcBenchTarget create(DataSource dataSource) {
        return new LedgerJdbcBenchSdkTarget(dataSource);
    }

    @Override
    public String name() {
        return "sdk";
    }

    @Override
    public void setUp(int accounts) {
        ids = new AccountId[accounts + 1];
        for (int from = 0; from <= accounts; from += 1000) {
            List<OpenAccount> chunk = new ArrayList<>();
            for (int i = from; i <= accounts && i < from + 1000; i++) {
                ids[i] = AccountId.newId();
                chunk.add(OpenAccount.of(String.format("A%06d", i), i == accounts ? "Hot fee account" : "Account " + i,
                        AccountType.ASSET, EUR).id(ids[i]));
            }
            ledger.openAll(chunk);
        }
    }

    private EntryRequest request(int debit, int credit, long amount) {
        Money m = Money.ofMinor(EUR, amount);
        return EntryRequest.builder(DAY, "bench").debit(ids[debit], m).credit(ids[credit], m)
                .idempotencyKey(run + "-" + keys.incrementAndGet()).build();
    }

    @Override
    public void post(int debit, int credit, long amount) {
        ledger.post(request(debit, credit, amount));
    }

    @Override
    public void postBatch(int[] debits, int[] credits, long[] amounts) {
        List<EntryRequest> batch = new ArrayList<>(debits.length);
        for (int i = 0; i < debits.length; i++) {
            batch.add(request(debits[i], credits[i], amounts[i]));
        }
        ledger.postAll(batch);
    }

    @Override
    public long verify() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ledger_account a WHERE a.tenant_id = 'bench' AND "
                    + "a.debits_posted - a.credits_posted <> (SELECT COALESCE(SUM(CASE WHEN m.side = 'D' THEN m.amount ELSE -m.amount END), 0) "
                    + "FROM ledger_movement m WHERE m.tenant_id = a.tenant_id AND m.account_id = a.account_id AND m.pending = FALSE)")) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException("sdk: " + rs.getLong(1) + " balances differ from their movements");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(debits_posted - credits_posted), 0) FROM ledger_account "
                    + "WHERE tenant_id = 'bench'")) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException("sdk: balances sum to " + rs.getLong(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ledger_entry WHERE tenant_id = 'bench'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
