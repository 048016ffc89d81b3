package dev.backoffice.core.jdbc;

import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.error.StorageException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How an unknown commit outcome is resolved by rerunning an identified write. */
class RerunsTest {

    private static OutcomeUnknownException unknown() {
        return new OutcomeUnknownException("test", null);
    }

    @Test
    void aWriteThatSucceedsRunsOnceAsAFirstAttempt() {
        List<Boolean> attempts = new ArrayList<>();
        boolean result = Reruns.afterUnknownOutcome(rerun -> attempts.add(rerun), () -> "x");
        assertThat(result).isTrue();
        assertThat(attempts).containsExactly(false);
    }

    @Test
    void anUnknownOutcomeIsFollowedByARerunThatLooksItsIdentityUp() {
        List<Boolean> attempts = new ArrayList<>();
        String result = Reruns.afterUnknownOutcome(rerun -> {
            attempts.add(rerun);
            if (!rerun) {
                throw unknown();
            }
            return "stored";
        }, () -> "x");
        assertThat(result).isEqualTo("stored");
        assertThat(attempts).containsExactly(false, true);
    }

    @Test
    void aBusinessRejectionOfTheRerunIsTheAnswer() {
        assertThatThrownBy(() -> Reruns.afterUnknownOutcome(rerun -> {
            if (!rerun) {
                throw unknown();
            }
            throw new RuleViolationException("test.rule", "no");
        }, () -> "x")).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aStorageFailureOfEveryRerunLeavesTheOutcomeUnknownNamingTheIdentity() {
        assertThatThrownBy(() -> Reruns.afterUnknownOutcome(rerun -> {
            if (!rerun) {
                throw unknown();
            }
            throw new StorageException("database down", null);
        }, () -> "entry 42: read it with entry(id)"))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("entry 42")
                .satisfies(e -> assertThat(((OutcomeUnknownException) e).howToFindOut()).isEqualTo("entry 42: read it with entry(id)"));
    }

    @Test
    void aFailureOfTheFirstAttemptThatProvesNothingWasWrittenIsNotRerun() {
        List<Boolean> attempts = new ArrayList<>();
        assertThatThrownBy(() -> Reruns.afterUnknownOutcome(rerun -> {
            attempts.add(rerun);
            throw new StorageException("database down", null);
        }, () -> "x")).isNotInstanceOf(OutcomeUnknownException.class);
        assertThat(attempts).containsExactly(false);
    }
}
