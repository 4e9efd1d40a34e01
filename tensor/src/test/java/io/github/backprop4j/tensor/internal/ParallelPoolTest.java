package io.github.backprop4j.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The pool's polling workers: a part goes to a worker thread whether the worker is still
 * polling or has parked; callers on several threads at once, and a part that itself calls
 * {@link Parallel#forRange}, each get every index exactly once (a busy worker's part runs on
 * the caller); a failed part leaves the pool usable.
 */
class ParallelPoolTest {

    /** The threads that ran each part of one forRange over [0, 2·grain) in two parts. */
    private static ConcurrentHashMap<Integer, String> threadsOfTwoParts() {
        ConcurrentHashMap<Integer, String> byStart = new ConcurrentHashMap<>();
        Parallel.forRange(2, 1, (from, to) -> byStart.put(from, Thread.currentThread().getName()));
        return byStart;
    }

    @Test
    void theSecondPartRunsOnAWorkerWhetherItWasPollingOrParked() throws InterruptedException {
        assumeTrue(Parallel.threads() >= 2, "a pool needs two threads");
        String caller = Thread.currentThread().getName();
        ConcurrentHashMap<Integer, String> polling = threadsOfTwoParts(); // starts the pool
        polling = threadsOfTwoParts(); // within the polling time of the first call
        assertEquals(caller, polling.get(0));
        assertTrue(polling.get(1).startsWith("backprop4j-worker-"), "part 1 ran on " + polling.get(1));
        Thread.sleep(50 * Parallel.SPIN_NANOS / 1_000_000); // long past the polling: the worker has parked
        ConcurrentHashMap<Integer, String> parked = threadsOfTwoParts();
        assertTrue(parked.get(1).startsWith("backprop4j-worker-"), "part 1 ran on " + parked.get(1));
    }

    @Test
    void callersOnSeveralThreadsEachGetEveryIndexOnce() throws InterruptedException {
        int callers = 4;
        int count = 1000;
        AtomicIntegerArray[] hits = new AtomicIntegerArray[callers];
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            AtomicIntegerArray mine = hits[c] = new AtomicIntegerArray(count);
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int round = 0; round < 200; round++) {
                        Parallel.forRange(count, 8, (from, to) -> {
                            for (int i = from; i < to; i++) {
                                mine.incrementAndGet(i);
                            }
                        });
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertEquals(List.of(), failures);
        for (int c = 0; c < callers; c++) {
            for (int i = 0; i < count; i++) {
                assertEquals(200, hits[c].get(i), "caller " + c + ", index " + i);
            }
        }
    }

    @Test
    void aPartMayItselfRunAParallelLoop() {
        AtomicIntegerArray hits = new AtomicIntegerArray(64 * 64);
        Parallel.forRange(64, 1, (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int row = r;
                Parallel.forRange(64, 4, (c0, c1) -> {
                    for (int c = c0; c < c1; c++) {
                        hits.incrementAndGet(row * 64 + c);
                    }
                });
            }
        });
        for (int i = 0; i < hits.length(); i++) {
            assertEquals(1, hits.get(i), "element " + i);
        }
    }

    @Test
    void theWorkersServeTheNextCallAfterAPartFailed() {
        for (int round = 0; round < 3; round++) {
            assertThrows(ArithmeticException.class, () -> Parallel.forRange(100, 1, (from, to) -> {
                if (from > 0) {
                    throw new ArithmeticException("a worker's part failed");
                }
            }));
            AtomicIntegerArray hits = new AtomicIntegerArray(100);
            Parallel.forRange(100, 1, (from, to) -> {
                for (int i = from; i < to; i++) {
                    hits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(1, hits.get(i), "round " + round + ", index " + i);
            }
        }
    }
}
