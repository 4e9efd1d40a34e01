package io.github.backprop4j.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Splitting the rows of C, across threads or bands, never changes a bit of the product; the
 * pool's hand-out covers every index exactly once; a failing part fails the call.
 */
class MatMulSplitTest {

    private static float[] normals(long seed, int size) {
        Random r = new Random(seed);
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    @Test
    void anySplitOfTheRowsGivesTheSameBits() {
        int m = 37;
        int k = 53;
        int n = 45;
        float[] a = normals(1, m * k);
        float[] b = normals(2, k * n);
        for (FloatKernels kernels : new FloatKernels[] {Kernels.plain(), Kernels.active()}) {
            float[] whole = new float[m * n];
            kernels.matmulRows(a, 0, k, 1, b, 0, n, 1, whole, 0, 0, m, k, n);
            for (int cut = 0; cut <= m; cut++) {
                float[] split = new float[m * n];
                kernels.matmulRows(a, 0, k, 1, b, 0, n, 1, split, 0, 0, cut, k, n);
                kernels.matmulRows(a, 0, k, 1, b, 0, n, 1, split, 0, cut, m, k, n);
                assertArrayEquals(whole, split, kernels.describe() + ", rows cut at " + cut);
            }
        }
    }

    @Test
    void aProductLargeEnoughForThePoolEqualsTheOneThreadProduct() {
        int m = 150;
        int k = 300;
        int n = 190;
        assertTrue(2L * m * k * n >= Kernels.active().parallelFlops(), "the product must be large enough to be split");
        float[] a = normals(3, m * k);
        float[] b = normals(4, k * n);
        float[] oneThread = new float[m * n];
        Kernels.active().matmulRows(a, 0, k, 1, b, 0, n, 1, oneThread, 0, 0, m, k, n);
        float[] pooled = new float[m * n];
        MatMul.multiply(a, 0, b, 0, pooled, 0, m, k, n);
        assertArrayEquals(oneThread, pooled);
    }

    /**
     * Wider than tall: the pool splits C's columns (each thread packing its own part of B), with
     * B row-major or transposed and a last part of columns narrower than the grain; taller than
     * wide: it splits the rows. Either gives the one-thread bits.
     */
    @Test
    void splittingColumnsOrRowsGivesTheOneThreadBits() {
        int[][] shapes = {{24, 400, 270}, {64, 128, 256}, {300, 100, 70}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            assertTrue(2L * m * k * n >= Kernels.active().parallelFlops(), "large enough to be split: " + m + "×" + k + "×" + n);
            float[] a = normals(5, m * k);
            float[] b = normals(6, k * n);
            float[] bt = new float[k * n];
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    bt[j * k + p] = b[p * n + j];
                }
            }
            float[] oneThread = new float[m * n];
            Kernels.active().matmulRows(a, 0, k, 1, b, 0, n, 1, oneThread, 0, 0, m, k, n);
            float[] pooled = new float[m * n];
            MatMul.multiply(a, 0, k, 1, b, 0, n, 1, pooled, 0, m, k, n);
            assertArrayEquals(oneThread, pooled, m + "×" + k + "×" + n);
            float[] pooledT = new float[m * n];
            MatMul.multiply(a, 0, k, 1, bt, 0, 1, k, pooledT, 0, m, k, n);
            assertArrayEquals(oneThread, pooledT, m + "×" + k + "×" + n + ", B transposed");
        }
    }

    @Test
    void partsCoverTheRangeOnceOnGrainBoundaries() {
        for (int count : new int[] {0, 1, 3, 4, 5, 17, 64, 1001}) {
            AtomicInteger covered = new AtomicInteger();
            ConcurrentHashMap<Integer, Integer> starts = new ConcurrentHashMap<>();
            Parallel.forRange(count, 4, (from, to) -> {
                covered.addAndGet(to - from);
                starts.put(from, to);
            });
            assertEquals(count, covered.get(), "count " + count);
            int at = 0;
            while (starts.containsKey(at) && at < count) {
                assertEquals(0, at % 4, "parts start on a multiple of the grain");
                at = starts.get(at);
            }
            assertEquals(count, count == 0 ? 0 : at, "the parts chain from 0 to " + count);
        }
    }

    @Test
    void anExceptionInAnyPartIsRethrownToTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                Parallel.forRange(400, 4, (from, to) -> {
                    if (to == 400) {
                        throw new IllegalStateException("last part failed");
                    }
                }));
        assertEquals("last part failed", e.getMessage());
    }
}
