package dev.backoffice.invoicing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GapAuditTest {

    private static final NumberingPeriod P = NumberingPeriod.whole();

    @Test
    void one_to_n_with_the_counter_at_n_is_gap_free() {
        GapAudit a = GapAudit.of("FV", P, 4, List.of(3L, 1L, 4L, 2L));
        assertThat(a).returns(1L, GapAudit::first).returns(4L, GapAudit::last).returns(4L, GapAudit::count)
                .returns(0L, GapAudit::holeCount).returns(true, GapAudit::gapFree);
    }

    @Test
    void holes_inside_and_after_the_last_number_are_listed() {
        GapAudit a = GapAudit.of("FV", P, 7, List.of(1L, 2L, 5L));
        assertThat(a.holes()).containsExactly(3L, 4L, 6L, 7L);
        assertThat(a.holeCount()).isEqualTo(4);
        assertThat(a.gapFree()).isFalse();
    }

    @Test
    void a_duplicate_is_counted_and_breaks_the_audit() {
        GapAudit a = GapAudit.of("FV", P, 3, List.of(1L, 2L, 2L, 3L));
        assertThat(a.duplicates()).isEqualTo(1);
        assertThat(a.holeCount()).isZero();
        assertThat(a.gapFree()).isFalse();
    }

    @Test
    void an_empty_period_is_gap_free_only_with_its_counter_at_zero() {
        assertThat(GapAudit.of("FV", P, 0, List.of()).gapFree()).isTrue();
        assertThat(GapAudit.of("FV", P, 2, List.of()).holes()).containsExactly(1L, 2L);
    }

    @Test
    void a_huge_hole_is_counted_without_listing_it_all() {
        GapAudit a = GapAudit.of("FV", P, 10_000_000_000L, List.of(1L));
        assertThat(a.holeCount()).isEqualTo(9_999_999_999L);
        assertThat(a.holes()).hasSize(InvoicingLimits.MAX_AUDIT_HOLES);
    }
}
