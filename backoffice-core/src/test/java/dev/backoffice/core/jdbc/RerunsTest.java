package dev.backoffice.core.jdbc;

import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.error.RuleViolationException;
import dev.backoffice.core.error.InvalidRequestException;
import dev.backoffice.core.error.StorageException;
import dev.backoffice.core.metrics.Meters;
import dev.backoffice.core.metrics.MetricsRecorder;
import dev.backoffice.core.testing.RecordingMetrics;
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

    // ------------------------------------------------------------------ counted (the failover drill's "resolved by lookup")

    @Test
    void aCallWhoseFirstAttemptAnswersRecordsNothing() {
        RecordingMetrics metrics = new RecordingMetrics();
        Reruns reruns = Reruns.metered(metrics, "ledger");
        String answered = reruns.run(rerun -> "ok", () -> "x");
        assertThat(answered).isEqualTo("ok");
        assertThatThrownBy(() -> reruns.run(rerun -> {
            throw new RuleViolationException("test.rule", "no");
        }, () -> "x")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> reruns.run(rerun -> {
            throw new StorageException("database down", null);
        }, () -> "x")).isInstanceOf(StorageException.class);
        assertThat(metrics.toString()).isEqualTo("{}");
    }

    @Test
    void aCallARerunSettledIsCountedAsResolvedByLookupForItsModule() {
        RecordingMetrics metrics = new RecordingMetrics();
        Reruns reruns = Reruns.metered(metrics, "orders");
        String settled = reruns.run(rerun -> {
            if (!rerun) {
                throw unknown();
            }
            return "stored";
        }, () -> "x");
        assertThat(settled).isEqualTo("stored");
        assertThat(metrics.get(Meters.OUTCOME_RESOLVED + "|module|orders")).isEqualTo(1);
        assertThat(metrics.get(Meters.OUTCOME_UNKNOWN)).isZero();
    }

    @Test
    void aRerunThatNeedsSeveralTriesIsCountedOnce() {
        RecordingMetrics metrics = new RecordingMetrics();
        Reruns reruns = Reruns.metered(metrics, "ledger");
        int[] runs = {0};
        reruns.run(rerun -> {
            if (++runs[0] < 3) {
                throw runs[0] == 1 ? unknown() : new StorageException("standby not promoted yet", null);
            }
            return true;
        }, () -> "x");
        assertThat(runs[0]).isEqualTo(3);
        assertThat(metrics.get(Meters.OUTCOME_RESOLVED + "|module|ledger")).isEqualTo(1);
    }

    @Test
    void aBusinessAnswerOfTheRerunIsResolvedToo() {
        RecordingMetrics metrics = new RecordingMetrics();
        Reruns reruns = Reruns.metered(metrics, "payroll");
        assertThatThrownBy(() -> reruns.run(rerun -> {
            if (!rerun) {
                throw unknown();
            }
            throw new RuleViolationException("test.rule", "no");
        }, () -> "x")).isInstanceOf(RuleViolationException.class);
        assertThat(metrics.get(Meters.OUTCOME_RESOLVED + "|module|payroll")).isEqualTo(1);
    }

    @Test
    void aCallNoRerunCouldSettleIsCountedAsOutcomeUnknownOnce() {
        RecordingMetrics metrics = new RecordingMetrics();
        Reruns reruns = Reruns.metered(metrics, "ledger");
        assertThatThrownBy(() -> reruns.run(rerun -> {
            throw unknown();
        }, () -> "x")).isInstanceOf(OutcomeUnknownException.class);
        assertThat(metrics.get(Meters.OUTCOME_UNKNOWN + "|module|ledger")).isEqualTo(1);
        assertThat(metrics.get(Meters.OUTCOME_RESOLVED)).isZero();
    }

    @Test
    void aMeteredInstanceNeedsARecorderAndAModule() {
        assertThatThrownBy(() -> Reruns.metered(null, "ledger")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Reruns.metered(MetricsRecorder.NONE, " ")).isInstanceOf(InvalidRequestException.class);
        int one = Reruns.metered(MetricsRecorder.NONE, "ledger").run(rerun -> 1, () -> "x");
        assertThat(one).isEqualTo(1);
    }
}
