package dev.strata.kernels.jvm;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A team of long-lived threads that runs one parallel region at a time, the OpenMP model: {@link #run} hands the
 * same body to every member (the caller is rank 0, workers are ranks 1..size-1), members synchronise with
 * {@link #barrier} between the parts of the region, and {@link #run} returns when all have finished. Starting a
 * region costs one store and one unpark per worker instead of a task per chunk on a pool; the barrier spins, so a
 * step of a stencil pays microseconds, not the tens of microseconds of a fork-join round trip.
 *
 * <p>Workers start on the first region, spin briefly and then park between regions, and retire after
 * {@link #KEEP_ALIVE_NANOS} idle (a backend nobody closes leaves no threads behind); the next region starts them
 * again. A region asked for while another runs (another thread, or a worker calling in) is refused:
 * {@link #tryRun} returns false and the caller runs the work itself.
 *
 * <p>Why hand-written: {@link java.util.concurrent.Phaser} and {@link java.util.concurrent.CyclicBarrier} park
 * after a few spins, and the fork-join pool re-partitions work per call; neither keeps a row band on the thread
 * (and core cache) that had it the step before, which is what a stencil sweep wants.
 */
final class WorkerTeam implements AutoCloseable {
    /** Idle time after which a worker thread exits. */
    static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Busy-wait iterations before a waiting member yields (barrier) or parks (between regions). */
    private static final int SPINS = 1 << 14;

    private static final int WAITING = 0;
    private static final int CLAIMED = 1;
    private static final int RETIRED = 2;

    private final int size;
    private final String name;
    private final Worker[] workers;
    /** Held while a region runs; not reentrant, so a member asking for a region from inside one is refused. */
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger arrived = new AtomicInteger();
    private final boolean[] localSense;
    private volatile boolean sense;
    private volatile IntConsumer body;
    private volatile boolean closed;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** @param size members including the caller (>= 1) */
    WorkerTeam(int size, String name) {
        if (size < 1) {
            throw new IllegalArgumentException("team size must be >= 1, got " + size);
        }
        this.size = size;
        this.name = name;
        this.workers = new Worker[size - 1];
        this.localSense = new boolean[size];
        this.arrived.set(size);
    }

    int size() {
        return size;
    }

    /**
     * Runs {@code body.accept(rank)} on every member and returns when all are done; false (nothing run) if the team
     * is busy with another region. A throwable from any member is rethrown here after all have finished; a body
     * must reach the same number of {@link #barrier} calls on every member even when a part of it fails.
     */
    boolean tryRun(IntConsumer region) {
        if (closed) {
            throw new IllegalStateException("the JVM backend " + name + " is closed");
        }
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            failure.set(null);
            body = region;
            for (int w = 0; w < workers.length; w++) {
                claim(w);
            }
            runMember(region, 0);
            awaitWorkers();
            Throwable t = failure.getAndSet(null);
            body = null;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
            return true;
        } finally {
            busy.set(false);
        }
    }

    /** Waits until every member of the running region has called it (a sense-reversing barrier). */
    void barrier(int rank) {
        boolean mine = !localSense[rank];
        localSense[rank] = mine;
        if (arrived.decrementAndGet() == 0) {
            arrived.set(size);
            sense = mine;
            return;
        }
        int spins = 0;
        while (sense != mine) {
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private void runMember(IntConsumer region, int rank) {
        try {
            region.accept(rank);
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** Hands the region to worker w: claims a waiting one, or starts a new one where it retired or never ran. */
    private void claim(int w) {
        Worker worker = workers[w];
        if (worker != null && worker.state.compareAndSet(WAITING, CLAIMED)) {
            LockSupport.unpark(worker);
            return;
        }
        worker = new Worker(w + 1);
        workers[w] = worker;
        worker.start();
    }

    private void awaitWorkers() {
        int spins = 0;
        for (Worker worker : workers) {
            while (worker.state.get() == CLAIMED) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
    }

    /** Stops the workers; a later {@link #tryRun} throws. */
    @Override
    public void close() {
        closed = true;
        for (Worker worker : workers) {
            if (worker != null) {
                LockSupport.unpark(worker);
            }
        }
    }

    /** A member of rank >= 1: waits for a claim, runs the region's body, and repeats until idle too long. */
    private final class Worker extends Thread {
        final AtomicInteger state = new AtomicInteger(CLAIMED);
        private final int rank;

        Worker(int rank) {
            super(name + "-" + rank);
            this.rank = rank;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                runMember(body, rank);
                state.set(WAITING);
                if (!awaitClaim()) {
                    return;
                }
            }
        }

        /** True once claimed for the next region; false when retiring (idle too long, or the team closed). */
        private boolean awaitClaim() {
            long idleSince = System.nanoTime();
            int spins = 0;
            while (state.get() != CLAIMED) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                    continue;
                }
                if ((closed || System.nanoTime() - idleSince > KEEP_ALIVE_NANOS)
                        && state.compareAndSet(WAITING, RETIRED)) {
                    return false;
                }
                LockSupport.parkNanos(this, KEEP_ALIVE_NANOS / 8);
            }
            return true;
        }
    }
}
