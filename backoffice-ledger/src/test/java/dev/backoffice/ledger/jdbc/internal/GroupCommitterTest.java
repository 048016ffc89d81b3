package dev.backoffice.ledger.jdbc.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The group committer: every request runs exactly once, groups form under load, lanes take turns. */
class GroupCommitterTest {

    @Test
    void everyRequestFromManyThreadsAndLanesRunsExactlyOnce() throws Exception {
        ConcurrentHashMap<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        int threads = 8;
        int perThread = 2_000;
        CountDownLatch done = new CountDownLatch(threads * perThread);
        try (GroupCommitter<String, Integer> committer = new GroupCommitter<>((lane, group) -> {
            for (Integer r : group) {
                runs.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet();
                done.countDown();
            }
        }, 2, 64, 100_000, "test")) {
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int request = me * perThread + i;
                        assertThat(committer.offer("lane-" + (request % 3), request)).isTrue();
                    }
                });
                callers.add(thread);
                thread.start();
            }
            for (Thread thread : callers) {
                thread.join();
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(runs).hasSize(threads * perThread);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void requestsArrivingWhileAGroupRunsFormTheNextGroup() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(11);
        try (GroupCommitter<String, Integer> committer = new GroupCommitter<>((lane, group) -> {
            sizes.add(group.size());
            if (group.contains(0)) {
                firstRunning.countDown();
                await(release);
            }
            group.forEach(r -> done.countDown());
        }, 1, 64, 1_000, "test")) {
            committer.offer("t", 0);
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 10; i++) {
                committer.offer("t", i);
            }
            release.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sizes).containsExactly(1, 10);
    }

    @Test
    void aBusyLaneHandsItsThreadBackSoThatOtherLanesRun() throws Exception {
        AtomicInteger busyGroups = new AtomicInteger();
        CountDownLatch otherRan = new CountDownLatch(1);
        AtomicInteger busyGroupsBeforeOther = new AtomicInteger(-1);
        java.util.concurrent.atomic.AtomicReference<GroupCommitter<String, Integer>> holder = new java.util.concurrent.atomic.AtomicReference<>();
        try (GroupCommitter<String, Integer> committer = new GroupCommitter<>((lane, group) -> {
            if (lane.equals("busy")) {
                if (busyGroups.incrementAndGet() == 1) {
                    holder.get().offer("other", 1); // queued behind the busy lane on the only thread
                }
                if (otherRan.getCount() > 0) {
                    holder.get().offer("busy", 0); // the busy lane never runs dry on its own
                }
            } else {
                busyGroupsBeforeOther.set(busyGroups.get());
                otherRan.countDown();
            }
        }, 1, 64, 1_000, "test")) {
            holder.set(committer);
            committer.offer("busy", 0);
            assertThat(otherRan.await(10, TimeUnit.SECONDS)).isTrue();
        }
        // a fixed bound, not the constant itself: the turn must stay short whatever it is set to
        assertThat(GroupCommitter.GROUPS_PER_TURN).isLessThanOrEqualTo(64);
        assertThat(busyGroupsBeforeOther.get()).isBetween(1, GroupCommitter.GROUPS_PER_TURN);
    }

    @Test
    void aRunnerThatThrowsDoesNotStrandTheRequestsQueuedBehindIt() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch laterRan = new CountDownLatch(1);
        try (GroupCommitter<String, Integer> committer = new GroupCommitter<>((lane, group) -> {
            if (group.contains(0)) {
                firstRunning.countDown();
                await(release);
                throw new IllegalStateException("runner failed");
            }
            laterRan.countDown();
        }, 1, 64, 1_000, "test")) {
            committer.offer("t", 0);
            assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
            committer.offer("t", 1);
            release.countDown();
            assertThat(laterRan.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
