package dev.backoffice.ledger.jdbc.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Coalesces requests from many threads into groups, one lane per key (a tenant): while a lane's
 * group runs, newcomers queue, and the next group takes every queued request up to
 * {@code maxGroup}. At most one group per lane runs at a time; different lanes run in parallel on
 * a small pool of committer threads. The runner must complete every request of the group it is
 * given (each request carries its own completion).
 *
 * <p>Under low load a group holds one request, so the latency is one transaction plus a thread
 * hand-off; under high load a group holds up to {@code maxGroup} requests for the cost of one
 * transaction. The queue of a lane is bounded: {@link #offer} refuses work when it is full, and
 * the caller runs its request alone instead (back-pressure without deadlock).
 *
 * @param <K> lane key
 * @param <R> request
 */
public final class GroupCommitter<K, R> implements AutoCloseable {

    /** Groups a committer thread runs for one lane before handing the lane back to the pool. */
    static final int GROUPS_PER_TURN = 16;

    private final Map<K, Lane<R>> lanes = new ConcurrentHashMap<>();
    private final BiConsumer<K, List<R>> runner;
    private final ExecutorService executor;
    private final int maxGroup;
    private final int queueCapacity;


    /** A new instance (internal classes have no public constructor). */
    public static <K, R> GroupCommitter<K, R> create(BiConsumer<K, List<R>> runner, int threads, int maxGroup, int queueCapacity, String name) {
        return new GroupCommitter<>(runner, threads, maxGroup, queueCapacity, name);
    }

    /**
     * @param runner        runs one group of one lane; must complete each request
     * @param threads       committer threads shared by all lanes
     * @param maxGroup      most requests per group
     * @param queueCapacity most requests queued per lane
     */
    GroupCommitter(BiConsumer<K, List<R>> runner, int threads, int maxGroup, int queueCapacity, String name) {
        this.runner = runner;
        this.maxGroup = maxGroup;
        this.queueCapacity = queueCapacity;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /**
     * Queues {@code request} on the lane of {@code key}; false when the lane is full or the
     * committer is closed (the caller then runs the request itself).
     */
    public boolean offer(K key, R request) {
        Lane<R> lane = lanes.computeIfAbsent(key, k -> new Lane<>());
        boolean schedule;
        synchronized (lane) {
            if (lane.queue.size() >= queueCapacity || executor.isShutdown()) {
                return false;
            }
            lane.queue.add(request);
            schedule = !lane.scheduled;
            lane.scheduled = true;
        }
        if (schedule) {
            return schedule(key, lane) || takeBack(lane, request);
        }
        return true;
    }

    private boolean takeBack(Lane<R> lane, R request) {
        synchronized (lane) {
            // The executor refused (closing): hand the request back to its caller if still queued.
            boolean removed = lane.queue.remove(request);
            lane.scheduled = false;
            return !removed;
        }
    }

    private boolean schedule(K key, Lane<R> lane) {
        try {
            executor.execute(() -> drain(key, lane));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Runs the lane's groups on this thread while requests keep arriving, up to
     * {@value #GROUPS_PER_TURN} groups, then hands the lane back to the pool so that other lanes
     * get a turn. Staying on the thread saves a hand-off per group: on a busy two-core machine
     * waking another pool thread costs as much as a statement round trip.
     */
    private void drain(K key, Lane<R> lane) {
        boolean again = true;
        try {
            for (int turn = 0; turn < GROUPS_PER_TURN && again; turn++) {
                List<R> group;
                synchronized (lane) {
                    int n = Math.min(lane.queue.size(), maxGroup);
                    group = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        group.add(lane.queue.poll());
                    }
                }
                if (!group.isEmpty()) {
                    runner.accept(key, group);
                }
                synchronized (lane) {
                    again = !lane.queue.isEmpty();
                    lane.scheduled = again;
                }
            }
        } finally {
            if (again) {
                synchronized (lane) {
                    lane.scheduled = true; // a runner that threw left requests queued: schedule them
                }
                if (!schedule(key, lane)) {
                    drainRest(key, lane);
                }
            }
        }
    }

    /** After close: run what is left on this thread rather than strand its callers. */
    private void drainRest(K key, Lane<R> lane) {
        while (true) {
            List<R> group = new ArrayList<>();
            synchronized (lane) {
                while (!lane.queue.isEmpty() && group.size() < maxGroup) {
                    group.add(lane.queue.poll());
                }
                if (group.isEmpty()) {
                    lane.scheduled = false;
                    return;
                }
            }
            runner.accept(key, group);
        }
    }

    /** Stops taking work, lets queued groups finish (up to 30 s). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Lane<R> {
        final ArrayDeque<R> queue = new ArrayDeque<>();
        boolean scheduled;
    }
}
