package io.github.backprop4j.tensor.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The library's own worker pool for large kernels: {@code threads() − 1} daemon threads (so it
 * never keeps a program alive), the calling thread doing a share of the work itself, so that one
 * thread in all means no pool at all.
 *
 * <p>{@code threads()} is the number of available processors, or {@code -Dbackprop4j.threads=N}
 * (N ≥ 1; 1 turns parallel kernels off). The pool is started on first use.
 */
public final class Parallel {
    /** The system property that sets {@link #threads()}. */
    public static final String PROPERTY = "backprop4j.threads";

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
     * parts whose boundaries are multiples of {@code grain}; the caller runs the first part and
     * then waits for the others. A task's exception is rethrown here.
     */
    public static void forRange(int count, int grain, RangeTask task) {
        int grains = (count + grain - 1) / grain;
        int parts = Math.min(THREADS, grains);
        if (parts <= 1) {
            task.run(0, count);
            return;
        }
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int part = 1; part < parts; part++) {
            int from = boundary(part, parts, grains, grain, count);
            int to = boundary(part + 1, parts, grains, grain, count);
            futures[part - 1] = Pool.EXECUTOR.submit(() -> task.run(from, to));
        }
        Throwable failure = null;
        try {
            task.run(0, boundary(1, parts, grains, grain, count));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<?> f : futures) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // finish waiting: the workers write into the caller's arrays
                } catch (ExecutionException e) {
                    failure = failure != null ? failure : e.getCause();
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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

    /** Started on first use, so programs that never run a large kernel start no threads. */
    private static final class Pool {
        static final AtomicInteger NEXT = new AtomicInteger();
        static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(Math.max(1, THREADS - 1), r -> {
            Thread t = new Thread(r, "backprop4j-worker-" + NEXT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
