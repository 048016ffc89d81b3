package dev.backoffice.core.store;

import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantScopedStoreTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    private static final class Handle extends TenantScope {
        Handle(TenantId tenant) {
            super(tenant);
        }
    }

    private static final class Store extends TenantScopedStore<Handle> {
        final AtomicInteger opened = new AtomicInteger();

        Store(Handles handles) {
            super(handles);
        }

        @Override
        protected Handle open(TenantId tenant) {
            opened.incrementAndGet();
            return new Handle(tenant);
        }
    }

    @Test
    void a_kept_handle_is_made_once_per_tenant() {
        Store store = new Store(TenantScopedStore.Handles.KEPT);
        assertThat(store.forTenant(ACME)).isSameAs(store.forTenant(ACME));
        assertThat(store.forTenant(GLOBEX)).isNotSameAs(store.forTenant(ACME));
        assertThat(store.opened).hasValue(2);
    }

    @Test
    void a_per_call_handle_is_new_on_every_call() {
        Store store = new Store(TenantScopedStore.Handles.PER_CALL);
        assertThat(store.forTenant(ACME)).isNotSameAs(store.forTenant(ACME));
        assertThat(store.opened).hasValue(2);
    }

    @Test
    void every_handle_is_scoped_to_the_tenant_it_was_asked_for() {
        Store store = new Store(TenantScopedStore.Handles.KEPT);
        assertThat(store.forTenant(GLOBEX).tenant()).isEqualTo(GLOBEX);
        assertThat(store.forTenant(GLOBEX).t).isEqualTo("globex");
    }

    @Test
    void a_null_tenant_is_refused_naming_the_field() {
        Store store = new Store(TenantScopedStore.Handles.PER_CALL);
        assertThatThrownBy(() -> store.forTenant(null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("tenant");
        assertThat(store.opened).hasValue(0);
    }
}
