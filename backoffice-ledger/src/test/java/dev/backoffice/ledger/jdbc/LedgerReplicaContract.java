package dev.backoffice.ledger.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.StoreKind;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.time.AdjustableClock;
import dev.backoffice.ledger.AccountRef;
import dev.backoffice.ledger.AccountType;
import dev.backoffice.ledger.EntryRequest;
import dev.backoffice.ledger.JournalEntry;
import dev.backoffice.ledger.Ledger;
import dev.backoffice.ledger.OpenAccount;
import dev.backoffice.ledger.Statement;
import dev.backoffice.ledger.StatementLine;
import dev.backoffice.ledger.TenantLedger;
import dev.backoffice.ledger.TrialBalance;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reports from a replica ({@code Ledger.builder().reportsFrom(...)}): a second database the test
 * controls stands for the standby. It receives a copy of the primary's rows only when a test
 * calls {@link #catchUp()}, and every account name and entry description of the copy is marked
 * {@value #MARK}, so a report shows where it was served from. The replica's store is
 * {@code readOnly} and reads through read-only connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LedgerReplicaContract {

    private static final String MARK = " (replica)";
    private static final List<String> TABLES = List.of("ledger_account", "ledger_entry", "ledger_entry_link", "ledger_hold",
            "ledger_movement", "ledger_account_day", "ledger_period");
    private static final CurrencyUnit EUR = CurrencyUnit.EUR;
    private static final LocalDate D1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate D2 = LocalDate.of(2026, 3, 2);

    private final StoreKind kind;
    private TestDatabase primaryDb;
    private TestDatabase replicaDb;
    private HikariDataSource readOnlyPool;
    private JdbcLedgerStore primary;
    private JdbcLedgerStore replica;

    private AdjustableClock clock;
    private TenantId tenant;
    /** Another node: writes to the primary, knows nothing of the replica. */
    private TenantLedger otherNode;
    /** The ledger under test: writes to the primary, reports from the replica. */
    private TenantLedger ledger;

    protected LedgerReplicaContract(StoreKind kind) {
        if (!kind.jdbc()) {
            throw new IllegalArgumentException("the replica tests copy rows between two databases: a JDBC kind");
        }
        this.kind = kind;
    }

    @BeforeAll
    void openDatabases() {
        primaryDb = kind.openDatabase();
        replicaDb = kind.openDatabase();
        primary = JdbcLedgerStore.create(primaryDb.dataSource());
        JdbcLedgerStore.create(replicaDb.dataSource()).close(); // the standby's schema, as streaming replication would bring it
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(replicaDb.url());
        config.setUsername(replicaDb.user());
        config.setPassword(replicaDb.password());
        config.setReadOnly(true); // PostgreSQL refuses writes on these connections, as a hot standby does
        config.setMaximumPoolSize(4);
        readOnlyPool = new HikariDataSource(config);
        replica = JdbcLedgerStore.builder(readOnlyPool).readOnly(true).build();
    }

    @AfterAll
    void closeDatabases() {
        replica.close();
        primary.close();
        readOnlyPool.close();
        replicaDb.close();
        primaryDb.close();
    }

    @BeforeEach
    void books() {
        clock = AdjustableClock.startingAt(Instant.parse("2026-03-05T10:00:00Z"));
        tenant = TenantId.of("t-" + UUID.randomUUID());
        otherNode = Ledger.builder().store(primary).clock(clock).build().forTenant(tenant);
        ledger = Ledger.builder().store(primary).reportsFrom(replica).clock(clock).build().forTenant(tenant);
        otherNode.openAll(List.of(
                OpenAccount.of("1000", "Cash", AccountType.ASSET, EUR),
                OpenAccount.of("3000", "Capital", AccountType.EQUITY, EUR),
                OpenAccount.of("4000", "Sales", AccountType.INCOME, EUR)));
        otherNode.post(entry(D1, "Capital paid in", "3000", "100.00"));
        catchUp();
    }

    private static EntryRequest entry(LocalDate day, String description, String credit, String amount) {
        Money m = Money.of(EUR, new java.math.BigDecimal(amount));
        return EntryRequest.builder(day, description).debit("1000", m).credit(credit, m).build();
    }

    private static Money eur(String amount) {
        return Money.of(EUR, new java.math.BigDecimal(amount));
    }

    private TrialBalance.Row cashRow(TrialBalance tb) {
        return tb.rows().stream().filter(r -> r.code().equals("1000")).findFirst().orElseThrow();
    }

    private Statement cashStatement() {
        return ledger.statement(AccountRef.code("1000"), D1, D2, Optional.empty(), 100);
    }

    private static boolean fromReplica(TrialBalance tb) {
        return !tb.rows().isEmpty() && tb.rows().stream().allMatch(r -> r.name().endsWith(MARK));
    }

    private static boolean fromReplica(Statement s) {
        return !s.lines().isEmpty() && s.lines().stream().allMatch(l -> l.description().endsWith(MARK));
    }

    @Test
    void withoutALocalWriteReportsComeFromTheReplica() {
        TrialBalance tb = ledger.trialBalance(D2);
        assertThat(fromReplica(tb)).isTrue();
        assertThat(cashRow(tb).debit()).isEqualTo(eur("100.00"));
        assertThat(fromReplica(cashStatement())).isTrue();
        assertThat(ledger.journal(0, 10)).extracting(JournalEntry::description).containsExactly("Capital paid in" + MARK);
        assertThat(ledger.balanceSheet(D2, EUR).assets()).allSatisfy(l -> assertThat(l.name()).endsWith(MARK));
        assertThat(ledger.incomeStatement(D1, D2, EUR).netIncome()).isEqualTo(eur("0.00"));
        // what is not a report reads the primary: the account's own name, unmarked
        assertThat(ledger.account("1000").name()).isEqualTo("Cash");
    }

    @Test
    void anotherNodesWriteIsMissingUntilTheReplicaReplaysIt() {
        otherNode.post(entry(D2, "Sale", "4000", "50.00"));

        TrialBalance tb = ledger.trialBalance(D2);
        assertThat(fromReplica(tb)).isTrue();
        assertThat(cashRow(tb).debit()).as("the documented lag: no guarantee across processes").isEqualTo(eur("100.00"));

        catchUp();
        assertThat(cashRow(ledger.trialBalance(D2)).debit()).isEqualTo(eur("150.00"));
    }

    @Test
    void aReportAfterALocalPostIncludesItFromThePrimary() {
        JournalEntry sale = ledger.post(entry(D2, "Sale", "4000", "50.00"));

        TrialBalance tb = ledger.trialBalance(D2);
        assertThat(fromReplica(tb)).isFalse();
        assertThat(cashRow(tb).debit()).isEqualTo(eur("150.00"));
        Statement s = cashStatement();
        assertThat(fromReplica(s)).isFalse();
        assertThat(s.lines()).extracting(StatementLine::entryId).contains(sale.id());
        assertThat(s.closingBalance()).isEqualTo(eur("150.00"));
        assertThat(ledger.balance(AccountRef.code("1000"), D2).posted()).isEqualTo(eur("150.00"));
        assertThat(ledger.journal(0, 10)).extracting(JournalEntry::id).contains(sale.id());
        assertThat(ledger.incomeStatement(D1, D2, EUR).netIncome()).isEqualTo(eur("50.00"));
    }

    @Test
    void onceTheReplicaHoldsTheLocalWritesReportsComeFromItAgain() {
        for (int i = 0; i < 5; i++) {
            ledger.post(entry(D2, "Sale " + i, "4000", "10.00"));
        }
        assertThat(fromReplica(ledger.trialBalance(D2))).isFalse();

        catchUp();
        TrialBalance tb = ledger.trialBalance(D2);
        assertThat(fromReplica(tb)).isTrue();
        assertThat(cashRow(tb).debit()).isEqualTo(eur("150.00"));
        assertThat(fromReplica(cashStatement())).isTrue();
        assertThat(cashStatement().lines()).hasSize(6);
    }

    @Test
    void concurrentLocalWritesAreAllSeenBeforeTheReplicaIsUsedAgain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JournalEntry>> posts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                posts.add(pool.submit(() -> ledger.post(entry(D2, "Sale " + n, "4000", "1.00"))));
            }
            for (Future<JournalEntry> f : posts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        TrialBalance tb = ledger.trialBalance(D2);
        assertThat(fromReplica(tb)).isFalse();
        assertThat(cashRow(tb).debit()).isEqualTo(eur("140.00"));

        catchUp();
        tb = ledger.trialBalance(D2);
        assertThat(fromReplica(tb)).isTrue();
        assertThat(cashRow(tb).debit()).isEqualTo(eur("140.00"));
    }

    @Test
    void batchesReversalsAndHoldsCountAsLocalWritesToo() {
        ledger.postAll(List.of(entry(D2, "Sale a", "4000", "10.00"), entry(D2, "Sale b", "4000", "20.00")));
        assertThat(cashRow(ledger.trialBalance(D2)).debit()).isEqualTo(eur("130.00"));
        catchUp();
        assertThat(fromReplica(ledger.trialBalance(D2))).isTrue();

        JournalEntry first = ledger.journal(0, 10).get(1);
        ledger.reverse(first.id(), "mistake");
        assertThat(fromReplica(ledger.trialBalance(LocalDate.of(2026, 3, 5)))).isFalse();
        assertThat(cashRow(ledger.trialBalance(LocalDate.of(2026, 3, 5))).debit()).isEqualTo(eur("120.00"));
    }

    @Test
    void writesNeverTouchTheReplica() throws SQLException {
        long before = replicaRows();
        ledger.open(OpenAccount.of("6000", "Expenses", AccountType.EXPENSE, EUR));
        ledger.post(entry(D2, "Sale", "4000", "50.00"));
        ledger.closePeriod(D1, "alice");
        ledger.trialBalance(D2);
        assertThat(replicaRows()).isEqualTo(before);

        assertThatThrownBy(() -> replica.forTenant(tenant).write(tx -> tx.nextSequence()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
    }

    @Test
    void aReadOnlyStoreVerifiesTheSchemaAndNeverInstallsIt() throws SQLException {
        try (TestDatabase empty = kind.openDatabase()) {
            assertThatThrownBy(() -> JdbcLedgerStore.builder(empty.dataSource()).readOnly(true).build())
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.code()).isEqualTo("storage.schema_missing"));
            try (Connection c = empty.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables "
                         + "WHERE table_schema = CURRENT_SCHEMA AND (LOWER(table_name) LIKE 'ledger%' "
                         + "OR LOWER(table_name) = 'backoffice_schema_history')")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    @Test
    void aLedgerWithoutAReplicaReadsThePrimary() {
        TenantLedger plain = Ledger.builder().store(primary).clock(clock).build().forTenant(tenant);
        assertThat(fromReplica(plain.trialBalance(D2))).isFalse();
        assertThat(plain.trialBalance(D2).rows()).extracting(TrialBalance.Row::name).contains("Cash", "Capital");
    }

    private long replicaRows() throws SQLException {
        long n = 0;
        try (Connection c = replicaDb.dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    n += rs.getLong(1);
                }
            }
        }
        return n;
    }

    /** The replica replays the primary: every ledger row copied over, then marked. */
    private void catchUp() {
        try (Connection from = primaryDb.dataSource().getConnection(); Connection to = replicaDb.dataSource().getConnection()) {
            to.setAutoCommit(false);
            for (String table : TABLES) {
                copy(from, to, table);
            }
            try (java.sql.Statement st = to.createStatement()) {
                st.executeUpdate("UPDATE ledger_account SET name = name || '" + MARK + "'");
                st.executeUpdate("UPDATE ledger_entry SET description = description || '" + MARK + "'");
            }
            to.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the primary to the replica", e);
        }
    }

    private static void copy(Connection from, Connection to, String table) throws SQLException {
        try (java.sql.Statement del = to.createStatement()) {
            del.executeUpdate("DELETE FROM " + table);
        }
        try (java.sql.Statement st = from.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            StringBuilder cols = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                cols.append(i > 1 ? ", " : "").append(md.getColumnName(i));
                marks.append(i > 1 ? ", ?" : "?");
            }
            try (PreparedStatement ins = to.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")")) {
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        if (v == null) {
                            ins.setNull(i, md.getColumnType(i));
                        } else {
                            ins.setObject(i, v);
                        }
                    }
                    ins.addBatch();
                }
                ins.executeBatch();
            }
        }
    }
}
