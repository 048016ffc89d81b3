package dev.backoffice.core.store.placement;

import dev.backoffice.core.audit.AuditEvent;
import dev.backoffice.core.audit.AuditLog;
import dev.backoffice.core.audit.AuditStore;
import dev.backoffice.core.audit.InMemoryAuditStore;
import dev.backoffice.core.audit.JdbcAuditStore;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.jdbc.Jdbc;
import dev.backoffice.core.store.MultiTenantStore;
import dev.backoffice.core.tenant.TenantId;
import dev.backoffice.core.testing.TestDatabase;
import dev.backoffice.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementTest {

    static final TenantId EU_TENANT = TenantId.of("acme-gmbh");
    static final TenantId UK_TENANT = TenantId.of("acme-ltd");
    static final TenantPlacement PLACEMENT = TenantPlacement.of(Map.of(EU_TENANT, "eu", UK_TENANT, "uk"));
    static final Clock CLOCK = Clock.systemUTC();

    @Test
    void each_tenants_calls_go_to_the_store_of_its_database_and_nowhere_else() {
        AuditStore eu = InMemoryAuditStore.create(CLOCK);
        AuditStore uk = InMemoryAuditStore.create(CLOCK);
        AuditStore placed = Placement.route(PLACEMENT, Map.of("eu", eu, "uk", uk));

        placed.forTenant(EU_TENANT).append(AuditEvent.of("alice", "test.done", "x"));
        placed.forTenant(UK_TENANT).append(AuditEvent.of("bob", "test.done", "y"));

        assertThat(eu.forTenant(EU_TENANT).read(1, 10)).hasSize(1);
        assertThat(uk.forTenant(UK_TENANT).read(1, 10)).hasSize(1);
        assertThat(eu.forTenant(UK_TENANT).read(1, 10)).isEmpty();
        assertThat(uk.forTenant(EU_TENANT).read(1, 10)).isEmpty();
        assertThat(placed.forTenant(EU_TENANT).read(1, 10)).singleElement().satisfies(r -> assertThat(r.event().actor()).isEqualTo("alice"));
    }

    @Test
    void a_tenant_not_placed_is_a_typed_error_naming_it_and_touches_no_database() {
        AuditStore eu = InMemoryAuditStore.create(CLOCK);
        AuditStore placed = Placement.route(AuditStore.class, PLACEMENT, Map.of("eu", eu, "uk", InMemoryAuditStore.create(CLOCK)));
        assertThatThrownBy(() -> placed.forTenant(TenantId.of("stranger")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_not_placed"))
                .hasMessageContaining("stranger");
        assertThatThrownBy(() -> placed.forTenant(null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void a_placement_naming_a_database_without_a_store_is_a_typed_error() {
        AuditStore placed = Placement.route(PLACEMENT, Map.of("eu", InMemoryAuditStore.create(CLOCK)));
        assertThatThrownBy(() -> placed.forTenant(UK_TENANT))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.placement_unknown"))
                .hasMessageContaining("acme-ltd").hasMessageContaining("'uk'");
        assertThat(placed.forTenant(EU_TENANT)).isNotNull();
    }

    @Test
    void a_rule_placement_asks_the_rule_and_a_blank_answer_means_not_placed() {
        TenantPlacement byPrefix = TenantPlacement.by(t -> t.value().startsWith("eu-") ? "eu" : null);
        assertThat(byPrefix.placeOf(TenantId.of("eu-1"))).isEqualTo("eu");
        assertThatThrownBy(() -> byPrefix.placeOf(TenantId.of("us-1")))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_not_placed"));
        assertThat(TenantPlacement.single("main").placeOf(TenantId.of("anyone"))).isEqualTo("main");
        assertThatThrownBy(() -> TenantPlacement.of(Map.of(EU_TENANT, " "))).isInstanceOf(InvalidRequestException.class);
    }

    /** A store interface with a door that does not take the tenant cannot be routed. */
    interface CrossTenant extends MultiTenantStore<Object> {
        List<TenantId> tenants();
    }

    @Test
    void only_interfaces_whose_every_method_takes_the_tenant_first_can_be_routed() {
        CrossTenant store = new CrossTenant() {
            @Override
            public Object forTenant(TenantId tenant) {
                return tenant;
            }

            @Override
            public List<TenantId> tenants() {
                return List.of();
            }
        };
        assertThatThrownBy(() -> Placement.route(CrossTenant.class, PLACEMENT, Map.of("eu", store)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("tenants");
        assertThatThrownBy(() -> Placement.route(AuditStore.class, PLACEMENT, Map.of()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void stores_built_per_database_install_their_schema_in_each_and_keep_tenants_apart() {
        try (TestDatabase eu = TestDatabases.h2(); TestDatabase uk = TestDatabases.h2()) {
            AtomicInteger built = new AtomicInteger();
            try (Placement<DataSource> placement = Placement.of(PLACEMENT, Map.of("eu", eu.dataSource(), "uk", uk.dataSource()))) {
                AuditStore audit = placement.route(AuditStore.class, ds -> {
                    built.incrementAndGet();
                    return JdbcAuditStore.create(Jdbc.of(ds), CLOCK);
                });
                assertThat(built).hasValue(2);
                AuditLog euLog = audit.forTenant(EU_TENANT);
                euLog.append(AuditEvent.of("alice", "test.done", "x"));
                audit.forTenant(UK_TENANT).append(AuditEvent.of("bob", "test.done", "y"));
                audit.forTenant(UK_TENANT).append(AuditEvent.of("bob", "test.done", "z"));

                assertThat(tenantsIn(eu)).containsExactly("acme-gmbh");
                assertThat(tenantsIn(uk)).containsExactly("acme-ltd");
                assertThat(audit.forTenant(UK_TENANT).verify().intact()).isTrue();
                assertThat(placement.databaseOf(EU_TENANT)).isSameAs(eu.dataSource());
                assertThatThrownBy(() -> placement.databaseOf(TenantId.of("stranger")))
                        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.code()).isEqualTo("storage.tenant_not_placed"));
            }
        }
    }

    private static List<String> tenantsIn(TestDatabase db) {
        return db.jdbc().inTransaction(c -> Jdbc.query(c, "SELECT DISTINCT tenant_id FROM audit_log ORDER BY tenant_id", rs -> rs.getString(1)));
    }
}
