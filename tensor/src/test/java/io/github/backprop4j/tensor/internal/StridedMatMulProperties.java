package io.github.backprop4j.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link MatMul#multiply} with offsets and strides on every operand, for both a row-major and a
 * transposed layout of A and B, agrees with a naive double-precision loop that reads the same
 * elements. Sizes span both sides of {@link SmallMatMul#THRESHOLD}, so the small kernel and the
 * blocked kernels are each held to it.
 */
class StridedMatMulProperties {
    @Test
    void agreesWithANaiveLoopForAnyOffsetsAndLayouts() {
        qt().withFixedSeed(20261123L).withExamples(300)
                .forAll(integers().between(1, 40), integers().between(1, 40), integers().between(1, 40), longs().all())
                .checkAssert(StridedMatMulProperties::check);
    }

    /** {@code seed} also picks the layout: A and/or B transposed, A and/or B at an offset. */
    private static void check(int m, int k, int n, long seed) {
        Random r = new Random(seed);
        int layout = r.nextInt(16);
        boolean aT = (layout & 1) != 0;
        boolean bT = (layout & 2) != 0;
        int aOff = (layout & 4) != 0 ? 1 + r.nextInt(7) : 0;
        int bOff = (layout & 8) != 0 ? 1 + r.nextInt(7) : 0;
        int cOff = r.nextInt(5);
        int ars = aT ? 1 : k;
        int acs = aT ? m : 1;
        int brs = bT ? 1 : n;
        int bcs = bT ? k : 1;
        float[] a = random(r, aOff + m * k);
        float[] b = random(r, bOff + k * n);
        float[] c = new float[cOff + m * n];
        MatMul.multiply(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, m, k, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double expected = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double term = (double) a[aOff + i * ars + p * acs] * b[bOff + p * brs + j * bcs];
                    expected += term;
                    magnitude += Math.abs(term);
                }
                assertEquals(expected, c[cOff + i * n + j], 1e-5 * magnitude + 1e-6,
                        "C[" + i + "][" + j + "] of " + m + "x" + k + "x" + n + " layout " + layout);
            }
        }
        for (int i = 0; i < cOff; i++) {
            assertEquals(0f, c[i], "nothing is written before cOff");
        }
    }

    private static float[] random(Random r, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
