package dev.backoffice.core.testing;

import dev.backoffice.core.error.BackofficeException;
import dev.backoffice.core.error.OutcomeUnknownException;
import dev.backoffice.core.error.StorageException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check behind every "what a failure means" test (DESIGN.md section 11): run a write under
 * one injected fault, then compare what the caller was told with what is stored. Told done: the
 * write is stored exactly once, and it is what the caller got. Told not done
 * ({@code storage.failure}, {@code storage.retries_exhausted} or a business error): nothing is
 * stored. Told outcome unknown: stored at most once.
 */
public final class CommitOutcomes {

    private CommitOutcomes() {
    }

    /** A fault to inject, by name. */
    public record Fault(String name, Runnable arm) {
    }

    /**
     * What one unfaulted run of a write executes.
     *
     * @param statements statement executions
     * @param commits    commits (a write may read in transactions of its own first)
     */
    public record Probe(int statements, int commits) {
    }

    /**
     * Every fault for a write measured by {@code probe}: for each of its commits, the
     * acknowledgement lost and the connection dropped while committing; for each of its
     * statements, a lost connection (SQLSTATE 08006) and a plain database error (XX000).
     */
    public static List<Fault> faults(FaultyDataSource ds, Probe probe) {
        List<Fault> all = new ArrayList<>();
        for (int n = 1; n <= probe.commits(); n++) {
            int k = n;
            String which = probe.commits() == 1 ? "" : " " + n;
            all.add(new Fault("commit" + which + " lands, ack lost", () -> ds.loseCommitAck(k)));
            all.add(new Fault("connection dropped while committing" + which, () -> ds.dropConnectionAtCommit(k)));
        }
        int statements = probe.statements();
        for (int n = 1; n <= statements; n++) {
            int k = n;
            all.add(new Fault("connection lost at statement " + n, () -> ds.failStatement(k, "08006")));
            all.add(new Fault("statement " + n + " fails", () -> ds.failStatement(k, "XX000")));
        }
        return all;
    }

    /**
     * What one unfaulted run of a write executes: the second of two runs, so that one-off work
     * of the first (caches, sequence blocks, head rows) is not counted.
     */
    public static Probe probe(FaultyDataSource ds, Runnable first, Runnable second) {
        first.run();
        int statements = ds.statementsExecuted();
        int commits = ds.commits();
        second.run();
        return new Probe(ds.statementsExecuted() - statements, ds.commits() - commits);
    }

    /**
     * Runs {@code write} under {@code fault} (which must fire), then checks what the caller was
     * told against {@code stored}, the number of rows of this write now stored.
     *
     * @param storedFor how many stored rows equal the result the caller was told
     * @param once      the number of rows the write makes when done
     * @return the exception the caller got, or null when told done
     */
    public static <T> RuntimeException toldMatchesStored(FaultyDataSource ds, Fault fault, Supplier<T> write,
                                                         ToIntFunction<T> storedFor, IntSupplier stored, int once) {
        int fired = ds.faultsFired();
        fault.arm().run();
        T result = null;
        RuntimeException error = null;
        try {
            result = write.get();
        } catch (RuntimeException e) {
            error = e;
        } finally {
            ds.disarm();
        }
        assertThat(ds.faultsFired() - fired).as(fault.name() + " fired").isEqualTo(1);
        int count = stored.getAsInt();
        String what = fault.name() + (error == null ? ": told done" : ": told " + error);
        if (error == null) {
            assertThat(count).as(what + ", so it is stored exactly once").isEqualTo(once);
            assertThat(storedFor.applyAsInt(result)).as(what + ", and what the caller got is what is stored").isEqualTo(once);
        } else if (error instanceof OutcomeUnknownException) {
            assertThat(count).as(what + ": stored at most once").isIn(0, once);
        } else {
            assertThat(error).as(what).isInstanceOf(BackofficeException.class);
            if (error instanceof StorageException s) {
                assertThat(s.code()).as(what).isIn(StorageException.FAILURE, StorageException.RETRIES_EXHAUSTED);
            }
            assertThat(count).as(what + ", so nothing is stored").isZero();
        }
        return error;
    }
}
