package io.github.backprop4j.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Each SIMD kernel against the plain one on random data: lengths 0..70 (so with 4, 8 or 16 lanes
 * every tail length occurs), random offsets into the arrays, and values that include NaN, ±∞ and
 * ±0. Runs in the surefire execution that starts the JVM with the vector module; skipped in the
 * plain one (where {@link Kernels#simd()} is null).
 */
class SimdKernelProperties {
    private final FloatKernels plain = Kernels.plain();
    private FloatKernels simd = plain;

    @BeforeEach
    void simdKernels() {
        FloatKernels s = Kernels.simd();
        if (Boolean.getBoolean("backprop4j.test.expectSimd")) {
            assertNotNull(s, "this JVM was started with the vector module, so the SIMD kernels must load: "
                    + Kernels.reason());
        }
        assumeTrue(s != null, "no SIMD kernels in this JVM (start it with --add-modules jdk.incubator.vector)");
        simd = s;
        assertTrue(simd != plain);
    }

    /** A run of {@code length} floats starting at {@code offset} in a longer array; {@code seed} fills it. */
    record Run(int length, int offset, long seed) {
    }

    private static Gen<Run> runs() {
        return integers().between(0, 70).zip(integers().between(0, 5), longs().all(), Run::new);
    }

    private static QuickTheory qt(long seed) {
        return QuickTheory.qt().withFixedSeed(seed).withExamples(150);
    }

    /** Mostly normal values times 3, sometimes a special value: NaN, ±∞, ±0. */
    static float[] floats(Random r, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = switch (r.nextInt(40)) {
                case 0 -> Float.NaN;
                case 1 -> Float.POSITIVE_INFINITY;
                case 2 -> Float.NEGATIVE_INFINITY;
                case 3 -> 0f;
                case 4 -> -0f;
                default -> (float) (3 * r.nextGaussian());
            };
        }
        return v;
    }

    /** Normal values only, for the kernels whose special cases are tested elsewhere. */
    static float[] normals(Random r, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (3 * r.nextGaussian());
        }
        return v;
    }

    private static final BinaryOp[] BINARY = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV};

    @Test
    void binaryLoopsAreExactlyThePlainOnes() {
        qt(61).forAll(runs()).checkAssert(run -> {
            Random r = new Random(run.seed());
            int size = run.offset() + run.length() + 3;
            float[] x = floats(r, size);
            float[] y = floats(r, size);
            float s = floats(r, 1)[0];
            for (BinaryOp op : BINARY) {
                float[] want = new float[size];
                float[] got = new float[size];
                plain.binary(op, x, run.offset(), y, 2, want, 1, run.length());
                simd.binary(op, x, run.offset(), y, 2, got, 1, run.length());
                assertArrayEquals(want, got, op + " " + run);
                plain.binaryScalarRight(op, x, run.offset(), s, want, 0, run.length());
                simd.binaryScalarRight(op, x, run.offset(), s, got, 0, run.length());
                assertArrayEquals(want, got, op + " scalar right " + run);
                plain.binaryScalarLeft(op, s, y, run.offset(), want, 3, run.length());
                simd.binaryScalarLeft(op, s, y, run.offset(), got, 3, run.length());
                assertArrayEquals(want, got, op + " scalar left " + run);
            }
        });
    }

    @Test
    void unaryLoopsAreThePlainOnesAndExpWithinAnUlp() {
        UnaryOp[] exact = {UnaryOp.NEG, UnaryOp.ABS, UnaryOp.RELU, UnaryOp.SQUARE, UnaryOp.SQRT};
        qt(62).forAll(runs()).checkAssert(run -> {
            Random r = new Random(run.seed());
            int size = run.offset() + run.length();
            float[] x = floats(r, size);
            for (UnaryOp op : exact) {
                float[] want = new float[run.length()];
                float[] got = new float[run.length()];
                plain.unary(op, x, run.offset(), want, 0, run.length());
                simd.unary(op, x, run.offset(), got, 0, run.length());
                assertArrayEquals(want, got, op + " " + run);
            }
            float[] want = new float[run.length()];
            float[] got = new float[run.length()];
            plain.unary(UnaryOp.EXP, x, run.offset(), want, 0, run.length());
            simd.unary(UnaryOp.EXP, x, run.offset(), got, 0, run.length());
            for (int i = 0; i < want.length; i++) {
                assertWithinUlps(want[i], got[i], 1, "exp(" + x[run.offset() + i] + ")");
            }
        });
    }

    @Test
    void reluBackwardIsThePlainOne() {
        qt(68).forAll(runs()).checkAssert(run -> {
            Random r = new Random(run.seed());
            int size = run.offset() + run.length() + 2;
            float[] x = floats(r, size);
            float[] g = floats(r, size);
            float[] want = new float[size];
            float[] got = new float[size];
            plain.reluBackward(x, run.offset(), g, 2, want, 1, run.length());
            simd.reluBackward(x, run.offset(), g, 2, got, 1, run.length());
            assertArrayEquals(want, got, run.toString());
            for (int i = 0; i < run.length(); i++) {
                float xi = x[run.offset() + i];
                float expected = xi > 0 || Float.isNaN(xi) ? g[2 + i] : 0f;
                assertEquals(expected, want[1 + i], "relu'(" + xi + ")·g");
            }
        });
    }

    @Test
    void addToRowsIsThePlainOneAndAddsTheVectorToEveryRow() {
        qt(67).forAll(runs(), integers().between(0, 4)).checkAssert((run, rows) -> {
            Random r = new Random(run.seed());
            int n = run.length();
            float[] v = floats(r, run.offset() + n);
            float[] c = floats(r, 2 + rows * n);
            float[] want = c.clone();
            float[] got = c.clone();
            plain.addToRows(v, run.offset(), want, 2, rows, n);
            simd.addToRows(v, run.offset(), got, 2, rows, n);
            assertArrayEquals(want, got, run + ", " + rows + " rows");
            for (int i = 0; i < rows * n; i++) {
                assertEquals(c[2 + i] + v[run.offset() + i % n], want[2 + i], "element " + i);
            }
        });
    }

    @Test
    void subtractScaledIsThePlainOneAndRoundsTheProductFirst() {
        qt(73).forAll(runs()).checkAssert(run -> {
            Random r = new Random(run.seed());
            int n = run.length();
            float[] x = floats(r, run.offset() + n);
            float[] y = floats(r, 3 + n);
            float s = (float) r.nextGaussian();
            float[] want = floats(r, n);
            float[] got = want.clone();
            plain.subtractScaled(x, run.offset(), s, y, 3, want, 0, n);
            simd.subtractScaled(x, run.offset(), s, y, 3, got, 0, n);
            assertArrayEquals(want, got, run + ", s = " + s);
            for (int i = 0; i < n; i++) {
                float product = s * y[3 + i];
                assertEquals(x[run.offset() + i] - product, want[i], "element " + i);
            }
        });
    }

    @Test
    void columnSumsAreThePlainOnesAndEachColumnsSumInRowOrder() {
        qt(71).forAll(runs(), integers().between(0, 9)).checkAssert((run, rows) -> {
            Random r = new Random(run.seed());
            int n = run.length();
            float[] x = floats(r, run.offset() + rows * n);
            float[] want = floats(r, 1 + n);
            float[] got = want.clone();
            plain.columnSums(x, run.offset(), rows, n, want, 1);
            simd.columnSums(x, run.offset(), rows, n, got, 1);
            assertArrayEquals(want, got, run + ", " + rows + " rows");
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int i = 0; i < rows; i++) {
                    s += x[run.offset() + i * n + j];
                }
                assertEquals(s, want[1 + j], "column " + j);
            }
        });
    }

    private static void assertWithinUlps(float want, float got, int ulps, String what) {
        boolean same = Float.compare(want, got) == 0 || (Float.isNaN(want) && Float.isNaN(got));
        assertTrue(same || Math.abs(want - got) <= ulps * Math.ulp(want), what + ": want " + want + ", got " + got);
    }

    @Test
    void rowMaxIsThePlainOne() {
        qt(63).forAll(runs()).checkAssert(run -> {
            Random r = new Random(run.seed());
            float[] x = floats(r, run.offset() + run.length());
            // half the time no NaN at all, so that the comparisons themselves are tested
            if (r.nextBoolean()) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = Float.isNaN(x[i]) ? 1f : x[i];
                }
            }
            double[] xd = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                xd[i] = x[i] * 1.0000001;
            }
            float want = plain.max(x, run.offset(), run.length());
            float got = simd.max(x, run.offset(), run.length());
            assertTrue(want == got || Float.isNaN(want) && Float.isNaN(got), "max " + want + " vs " + got); // ±0 alike
            double wantD = plain.max(xd, run.offset(), run.length());
            double gotD = simd.max(xd, run.offset(), run.length());
            assertTrue(wantD == gotD || Double.isNaN(wantD) && Double.isNaN(gotD), "max " + wantD + " vs " + gotD);
        });
    }

    @Test
    void expSumAgreesWithThePlainOne() {
        qt(64).forAll(runs()).checkAssert(run -> {
            Random r = new Random(run.seed());
            float[] x = normals(r, run.offset() + run.length());
            float shift = plain.max(x, run.offset(), run.length());
            float[] want = new float[run.length()];
            float[] got = new float[run.length()];
            double sumWant = plain.expSum(x, run.offset(), shift, want, 0, run.length());
            double sumGot = simd.expSum(x, run.offset(), shift, got, 0, run.length());
            for (int i = 0; i < want.length; i++) {
                assertWithinUlps(want[i], got[i], 1, "exp");
            }
            // n terms in (0, 1], added in float lanes: relative error below n·2⁻²⁴ plus the ulps above
            assertEquals(sumWant, sumGot, (run.length() + 2) * 1.2e-7 * sumWant, "sum");
            assertEquals(sumWant, plain.sumExp(x, run.offset(), shift, run.length()), "plain sum alone");
            assertEquals(sumWant, simd.sumExp(x, run.offset(), shift, run.length()),
                    (run.length() + 2) * 1.2e-7 * sumWant, "SIMD sum alone");

            double[] xd = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                xd[i] = x[i] + r.nextGaussian() * 1e-3;
            }
            double shiftD = plain.max(xd, run.offset(), run.length());
            double[] wantD = new double[run.length()];
            double[] gotD = new double[run.length()];
            double sumWantD = plain.expSum(xd, run.offset(), shiftD, wantD, 0, run.length());
            double sumGotD = simd.expSum(xd, run.offset(), shiftD, gotD, 0, run.length());
            for (int i = 0; i < wantD.length; i++) {
                assertEquals(wantD[i], gotD[i], 2 * Math.ulp(wantD[i]), "exp");
            }
            assertEquals(sumWantD, sumGotD, (run.length() + 2) * 2.3e-16 * sumWantD, "sum");
        });
    }

    /**
     * Every e^x of the SIMD kernels, in a vector lane or in a tail, in place or not, has the bits
     * of {@link FloatExp#exp}: which loop computes an element depends on n and the offset, so
     * equal bits everywhere are what makes a result independent of where it sits.
     */
    @Test
    void everySimdExpIsFloatExpBitForBit() {
        qt(69).forAll(runs()).checkAssert(run -> {
            Random r = new Random(run.seed());
            int n = run.length();
            float[] x = floats(r, run.offset() + n);
            for (int i = 0; i < x.length; i += 7) {
                x[i] *= 40; // reach the overflow and underflow ranges too
            }
            float shift = (float) r.nextGaussian();
            float[] unary = new float[n];
            float[] rows = new float[n];
            float[] scaled = new float[n];
            float[] inPlace = x.clone();
            simd.unary(UnaryOp.EXP, x, run.offset(), unary, 0, n);
            double sum = simd.expSum(x, run.offset(), shift, rows, 0, n);
            simd.expScale(x, run.offset(), shift, 1f, scaled, 0, n);
            simd.unary(UnaryOp.EXP, inPlace, run.offset(), inPlace, run.offset(), n);
            for (int i = 0; i < n; i++) {
                float xi = x[run.offset() + i];
                String at = "element " + i + " of " + run;
                assertEquals(Float.floatToIntBits(FloatExp.exp(xi)), Float.floatToIntBits(unary[i]), "exp " + at);
                assertEquals(Float.floatToIntBits(FloatExp.exp(xi)), Float.floatToIntBits(inPlace[run.offset() + i]),
                        "exp in place " + at);
                float shifted = FloatExp.exp(xi - shift);
                assertEquals(Float.floatToIntBits(shifted), Float.floatToIntBits(rows[i]), "expSum " + at);
                assertEquals(Float.floatToIntBits(shifted), Float.floatToIntBits(scaled[i]), "expScale " + at);
            }
            assertEquals(Double.doubleToLongBits(sum), Double.doubleToLongBits(simd.sumExp(x, run.offset(), shift, n)),
                    "sumExp is expSum's sum");
        });
    }

    @Test
    void expScaleAgreesWithThePlainOne() {
        qt(66).forAll(runs()).checkAssert(run -> {
            Random r = new Random(run.seed());
            float[] x = floats(r, run.offset() + run.length());
            float shift = (float) (3 * r.nextGaussian());
            float scale = (float) r.nextGaussian();
            float[] want = new float[run.length()];
            float[] got = new float[run.length()];
            plain.expScale(x, run.offset(), shift, scale, want, 0, run.length());
            simd.expScale(x, run.offset(), shift, scale, got, 0, run.length());
            for (int i = 0; i < want.length; i++) {
                // e^x within 1 ulp, then one rounded product: within 2 ulps; NaN, ±∞ and ±0 alike
                assertWithinUlps(want[i], got[i], 2, "exp·scale");
            }
            float[] inPlace = x.clone(); // out = x: each element read before it is written
            simd.expScale(inPlace, run.offset(), shift, scale, inPlace, run.offset(), run.length());
            for (int i = 0; i < want.length; i++) {
                assertWithinUlps(want[i], inPlace[run.offset() + i], 2, "exp·scale in place");
            }
        });
    }

    /** A product's sizes, an A layout (row-major or transposed) and a seed. */
    record Product(int m, int k, int n, boolean transposedA, long seed) {
    }

    /**
     * Bands with a whole 6-row block pack A and B and split k into passes of 256 steps, each tile
     * resuming the sums it stored in C: still the same chain, so the same bits as the plain
     * kernel, with A row-major or transposed (read in place up to 16K floats, packed beyond: m·k
     * runs from 1.5K to 42K), and element [0][0] (always in a packed tile) is the chain written out.
     */
    @Test
    void packedMatmulSplittingKIsThePlainProductBitForBit() {
        Gen<Integer> rows = integers().between(6, 60);
        Gen<Integer> steps = integers().between(257, 700);
        Gen<Integer> columns = integers().between(32, 70);
        QuickTheory.qt().withFixedSeed(66).withExamples(30).forAll(rows, steps, columns, longs().all())
                .checkAssert((m, k, n, seed) -> {
                    Random r = new Random(seed);
                    boolean transposedA = (seed & 1) == 1;
                    boolean transposedB = (seed & 2) == 2;
                    int ars = transposedA ? 1 : k;
                    int acs = transposedA ? m : 1;
                    int brs = transposedB ? 1 : n;
                    int bcs = transposedB ? k : 1;
                    float[] a = normals(r, m * k);
                    float[] b = normals(r, k * n);
                    float[] want = new float[m * n];
                    float[] got = new float[m * n];
                    plain.matmulRows(a, 0, ars, acs, b, 0, brs, bcs, want, 0, 0, m, k, n);
                    simd.matmulRows(a, 0, ars, acs, b, 0, brs, bcs, got, 0, 0, m, k, n);
                    String product = m + "×" + k + "×" + n + (transposedA ? ", A transposed" : "")
                            + (transposedB ? ", B transposed" : "");
                    assertArrayEquals(want, got, product);
                    float s = 0;
                    for (int q = 0; q < k; q++) {
                        s = Math.fma(a[q * acs], b[q * brs], s);
                    }
                    assertEquals(s, got[0], "C[0][0] of " + product);
                    // two bands, as threads split the rows: each band packs its own blocks
                    int split = 1 + r.nextInt(m - 1);
                    float[] banded = new float[m * n];
                    simd.matmulRows(a, 0, ars, acs, b, 0, brs, bcs, banded, 0, 0, split, k, n);
                    simd.matmulRows(a, 0, ars, acs, b, 0, brs, bcs, banded, 0, split, m, k, n);
                    assertArrayEquals(want, banded, product + ", rows split at " + split);
                });
    }

    private static Gen<Product> products() {
        Gen<Integer> size = integers().between(0, 40);
        return size.zip(size, integers().between(0, 70), (m, k, n) -> new int[] {m, k, n})
                .zip(integers().between(0, 1), longs().all(), (d, t, s) -> new Product(d[0], d[1], d[2], t == 1, s));
    }

    /**
     * Both paths compute every element of C as the chain s = fma(A[i][p], B[p][j], s) over p
     * ascending, so their products are the same bits: the blocked kernel and the small one, with
     * A row-major or transposed.
     */
    @Test
    void matmulIsThePlainProductBitForBit() {
        QuickTheory.qt().withFixedSeed(65).withExamples(200).forAll(products()).checkAssert(p -> {
            Random r = new Random(p.seed());
            float[] a = normals(r, p.m() * p.k() + 1);
            float[] b = normals(r, p.k() * p.n() + 2);
            int ars = p.transposedA() ? 1 : p.k();
            int acs = p.transposedA() ? p.m() : 1;
            float[] want = new float[p.m() * p.n()];
            float[] got = new float[p.m() * p.n()];
            plain.matmulRows(a, 1, ars, acs, b, 2, p.n(), 1, want, 0, 0, p.m(), p.k(), p.n());
            simd.matmulRows(a, 1, ars, acs, b, 2, p.n(), 1, got, 0, 0, p.m(), p.k(), p.n());
            assertArrayEquals(want, got, "blocked kernels, " + p);
            // B transposed: B[q][j] = bt[2 + j·k + q], read through its strides
            float[] bt = new float[p.k() * p.n() + 2];
            for (int q = 0; q < p.k(); q++) {
                for (int j = 0; j < p.n(); j++) {
                    bt[2 + j * p.k() + q] = b[2 + q * p.n() + j];
                }
            }
            float[] gotT = new float[p.m() * p.n()];
            simd.matmulRows(a, 1, ars, acs, bt, 2, 1, p.k(), gotT, 0, 0, p.m(), p.k(), p.n());
            assertArrayEquals(want, gotT, "blocked kernels, B transposed, " + p);
            // the fma chain itself, written out, for one element
            if (p.m() > 0 && p.n() > 0) {
                float s = 0;
                for (int q = 0; q < p.k(); q++) {
                    s = Math.fma(a[1 + (p.m() - 1) * ars + q * acs], b[2 + q * p.n() + p.n() - 1], s);
                }
                assertEquals(s, got[p.m() * p.n() - 1], "C[m-1][n-1] of " + p);
            }
            float[] smallWant = new float[p.m() * p.n()];
            float[] smallGot = new float[p.m() * p.n()];
            plain.matmulSmall(a, 1, ars, acs, b, 2, p.n(), 1, smallWant, 0, p.m(), p.k(), p.n());
            simd.matmulSmall(a, 1, ars, acs, b, 2, p.n(), 1, smallGot, 0, p.m(), p.k(), p.n());
            assertArrayEquals(want, smallWant, "small plain kernel, " + p);
            assertArrayEquals(want, smallGot, "small SIMD kernel, " + p);
        });
    }
}
