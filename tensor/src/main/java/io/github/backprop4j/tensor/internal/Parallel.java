package io.github.backprop4j.tensor.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The library's own worker pool for large kernels: {@code threads() − 1} daemon threads (so it
 * never keeps a program alive), the calling thread doing a share of the work itself, so that one
 * thread in all means no pool at all.
 *
 * <p>{@code threads()} is the number of available processors, or {@code -Dbackprop4j.threads=N}
 * (N ≥ 1; 1 turns parallel kernels off). The pool is started on first use.
 *
 * <p>A worker that has finished a part keeps polling for the next one for {@link #SPIN_NANOS}
 * before it parks, as OpenMP's threads do (PyTorch's pool): a training step hands out its
 * parallel kernels a fraction of a millisecond apart, and waking a parked thread took 68 µs on a
 * 2-vCPU virtual machine (an empty {@code forRange} with a parked worker), against about 1 µs
 * for a polling one. The caller polls for its workers' parts likewise, then yields.
 */
public final class Parallel {
    /** The system property that sets {@link #threads()}. */
    public static final String PROPERTY = "backprop4j.threads";

    /** How long an idle worker polls for a new part before it parks: 1 ms. */
    static final long SPIN_NANOS = 1_000_000;

    private static final int THREADS = configuredThreads();

    private Parallel() {
    }

    /** Work on the index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    /** How many threads a parallel kernel uses: the caller plus {@code threads() − 1} workers. */
    public static int threads() {
        return THREADS;
    }

    private static int configuredThreads() {
        String p = System.getProperty(PROPERTY);
        if (p != null) {
            try {
                return Math.max(1, Integer.parseInt(p.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be a positive integer, got '" + p + "'", e);
            }
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code task} over {@code [0, count)} cut into at most {@link #threads()} consecutive
     * parts whose boundaries are multiples of {@code grain}; the caller runs the first part,
     * each other part goes to a worker (or, if that worker is busy with another caller's part,
     * to the caller after its own), and returns when all are done. A task's exception is
     * rethrown here.
     */
    public static void forRange(int count, int grain, RangeTask task) {
        int grains = (count + grain - 1) / grain;
        int parts = Math.min(THREADS, grains);
        if (parts <= 1) {
            task.run(0, count);
            return;
        }
        Worker[] posted = new Worker[parts - 1];
        Runnable[] leftOver = new Runnable[parts - 1];
        for (int part = 1; part < parts; part++) {
            int from = boundary(part, parts, grains, grain, count);
            int to = boundary(part + 1, parts, grains, grain, count);
            Runnable work = () -> task.run(from, to);
            Worker w = Pool.WORKERS[part - 1];
            if (w.tryPost(work)) {
                posted[part - 1] = w;
            } else {
                leftOver[part - 1] = work;
            }
        }
        Throwable failure = null;
        try {
            task.run(0, boundary(1, parts, grains, grain, count));
            for (Runnable work : leftOver) {
                if (work != null) {
                    work.run();
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Worker w : posted) { // always wait: the workers write into the caller's arrays
            if (w != null) {
                Throwable f = w.awaitAndRelease();
                failure = failure != null ? failure : f;
            }
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error err) {
            throw err;
        }
    }

    /** Start of part {@code part} of {@code parts}: grains shared out as evenly as possible. */
    private static int boundary(int part, int parts, int grains, int grain, int count) {
        return Math.min(count, (int) ((long) grains * part / parts) * grain);
    }

    /**
     * One worker thread and its slot for one part at a time. A caller claims the worker, posts
     * its part, and after waiting for it releases the worker. The volatile {@code task} carries
     * the part to the worker and, set back to null, the part's writes back to the caller.
     */
    private static final class Worker implements Runnable {
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile @Nullable Runnable task;
        private volatile boolean parked;
        private @Nullable Throwable failure; // written before task = null, read after
        private final Thread thread;

        Worker(int number) {
            thread = new Thread(this, "backprop4j-worker-" + number);
            thread.setDaemon(true);
            thread.start();
        }

        /** Hands {@code work} to this worker, or returns false if another caller holds it. */
        boolean tryPost(Runnable work) {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            failure = null;
            task = work;
            if (parked) { // the worker sets parked before it re-checks task, so one of us sees the other
                LockSupport.unpark(thread);
            }
            return true;
        }

        /** Waits until the posted part is done (polling, then yielding), frees the worker, returns the part's exception. */
        @Nullable Throwable awaitAndRelease() {
            long start = System.nanoTime();
            while (task != null) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable f = failure;
            claimed.set(false);
            return f;
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                Runnable work = task;
                if (work == null) {
                    if (System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (task == null) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                    continue;
                }
                try {
                    work.run();
                } catch (Throwable e) {
                    failure = e;
                }
                task = null;
                idleSince = System.nanoTime();
            }
        }
    }

    /** Started on first use, so programs that never run a large kernel start no threads. */
    private static final class Pool {
        static final Worker[] WORKERS = new Worker[Math.max(0, THREADS - 1)];

        static {
            for (int i = 0; i < WORKERS.length; i++) {
                WORKERS[i] = new Worker(i + 1);
            }
        }
    }
}
