package io.github.backprop4j.tensor.internal.simd;

import io.github.backprop4j.tensor.internal.BinaryOp;
import io.github.backprop4j.tensor.internal.FloatExp;
import io.github.backprop4j.tensor.internal.FloatKernels;
import io.github.backprop4j.tensor.internal.UnaryOp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jspecify.annotations.Nullable;

/**
 * {@link FloatKernels} on the Vector API, in the machine's preferred vector width (16 floats with
 * AVX-512, 8 with AVX2). Each loop runs whole vectors up to {@code S.loopBound(n)} and passes
 * the remaining {@code n mod lanes} elements to the plain method it overrides, so the formulas
 * stay those documented there (expSum, sumExp and expScale instead take them in one more vector
 * that ends at n).
 *
 * <p>+, −, ·, /, negation, |x|, relu, x² and √x are exactly the plain results (IEEE operations,
 * one rounding each). e^x is {@link FloatExp}, in the vector lanes and (through {@link #exp})
 * in the tails alike, within 0.895 ulp. Sums (the softmax denominator) add lane-wise partial
 * sums, then the lanes in order: a different order from the plain left-to-right sum.
 *
 * <p>Every result is a fixed sequence of IEEE operations chosen by the lengths alone, so it has
 * the same bits interpreted and compiled; the Vector API's own EXP and its float
 * {@code reduceLanes(ADD)} do not promise that, and are not used.
 */
public final class SimdFloatKernels extends FloatKernels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    /**
     * @throws UnsupportedOperationException where the Vector API would be slower than plain Java:
     *     vectors narrower than 128 bits. ({@code Kernels} has already refused a JVM without the
     *     C2 compiler, which alone optimises the API's objects away, unless told to force them.)
     */
    public SimdFloatKernels() {
        if (S.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("the preferred vector size is only " + S.vectorBitSize() + " bits");
        }
    }

    @Override
    public String describe() {
        return "SIMD (jdk.incubator.vector, " + S.vectorBitSize() + "-bit vectors of " + S.length() + " floats)";
    }

    /**
     * A quarter of the plain kernel's: the pool's hand-off costs about a microsecond (its workers
     * poll), so a product of a million flops (64×64·64×128, some 25 µs on one thread) already
     * gains from a second thread: a 64-128-10 step, interleaved in one JVM with 2^24 (where no
     * product of the step was split), median 77 against 84 µs, faster in 11 of 15 rounds.
     */
    @Override
    public long parallelFlops() {
        return 1L << 20;
    }

    // ------------------------------------------------------------------ elementwise

    /** {@link FloatExp}: the tails' e^x has the bits of the vector lanes'. */
    @Override
    protected float exp(float x) {
        return FloatExp.exp(x);
    }

    @Override
    public void binary(BinaryOp op, float[] x, int xo, float[] y, int yo, float[] out, int oo, int n) {
        if (n < S.length()) { // no whole vector: skip setting up the vector constants
            super.binary(op, x, xo, y, yo, out, oo, n);
            return;
        }
        int i = 0;
        int bound = S.loopBound(n);
        switch (op) {
            case ADD -> { for (; i < bound; i += S.length()) { load(x, xo + i).add(load(y, yo + i)).intoArray(out, oo + i); } }
            case SUB -> { for (; i < bound; i += S.length()) { load(x, xo + i).sub(load(y, yo + i)).intoArray(out, oo + i); } }
            case MUL -> { for (; i < bound; i += S.length()) { load(x, xo + i).mul(load(y, yo + i)).intoArray(out, oo + i); } }
            case DIV -> { for (; i < bound; i += S.length()) { load(x, xo + i).div(load(y, yo + i)).intoArray(out, oo + i); } }
            default -> { }
        }
        super.binary(op, x, xo + i, y, yo + i, out, oo + i, n - i);
    }

    @Override
    public void binaryScalarRight(BinaryOp op, float[] x, int xo, float s, float[] out, int oo, int n) {
        if (n < S.length()) { // no whole vector: skip setting up the vector constants
            super.binaryScalarRight(op, x, xo, s, out, oo, n);
            return;
        }
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector v = FloatVector.broadcast(S, s);
        switch (op) {
            case ADD -> { for (; i < bound; i += S.length()) { load(x, xo + i).add(v).intoArray(out, oo + i); } }
            case SUB -> { for (; i < bound; i += S.length()) { load(x, xo + i).sub(v).intoArray(out, oo + i); } }
            case MUL -> { for (; i < bound; i += S.length()) { load(x, xo + i).mul(v).intoArray(out, oo + i); } }
            case DIV -> { for (; i < bound; i += S.length()) { load(x, xo + i).div(v).intoArray(out, oo + i); } }
            default -> { }
        }
        super.binaryScalarRight(op, x, xo + i, s, out, oo + i, n - i);
    }

    @Override
    public void binaryScalarLeft(BinaryOp op, float s, float[] y, int yo, float[] out, int oo, int n) {
        if (n < S.length()) { // no whole vector: skip setting up the vector constants
            super.binaryScalarLeft(op, s, y, yo, out, oo, n);
            return;
        }
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector v = FloatVector.broadcast(S, s);
        switch (op) {
            case ADD -> { for (; i < bound; i += S.length()) { v.add(load(y, yo + i)).intoArray(out, oo + i); } }
            case SUB -> { for (; i < bound; i += S.length()) { v.sub(load(y, yo + i)).intoArray(out, oo + i); } }
            case MUL -> { for (; i < bound; i += S.length()) { v.mul(load(y, yo + i)).intoArray(out, oo + i); } }
            case DIV -> { for (; i < bound; i += S.length()) { v.div(load(y, yo + i)).intoArray(out, oo + i); } }
            default -> { }
        }
        super.binaryScalarLeft(op, s, y, yo + i, out, oo + i, n - i);
    }

    @Override
    public void addToRows(float[] v, int vo, float[] c, int co, int rows, int n) {
        if (n < S.length()) { // no whole vector: skip setting up the vector constants
            super.addToRows(v, vo, c, co, rows, n);
            return;
        }
        int bound = S.loopBound(n);
        for (int j = 0; j < bound; j += S.length()) {
            FloatVector vj = load(v, vo + j);
            for (int r = 0, o = co + j; r < rows; r++, o += n) {
                load(c, o).add(vj).intoArray(c, o);
            }
        }
        for (int r = 0, o = co; r < rows; r++, o += n) {
            for (int j = bound; j < n; j++) {
                c[o + j] += v[vo + j];
            }
        }
    }

    @Override
    public void subtractScaled(float[] x, int xo, float s, float[] y, int yo, float[] out, int oo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector factor = FloatVector.broadcast(S, s);
        for (; i < bound; i += S.length()) {
            load(x, xo + i).sub(load(y, yo + i).mul(factor)).intoArray(out, oo + i);
        }
        super.subtractScaled(x, xo + i, s, y, yo + i, out, oo + i, n - i);
    }

    /** Two vectors of columns at a time, each lane a column's sum in the plain order (so the same bits). */
    @Override
    public void columnSums(float[] x, int xo, int rows, int n, float[] out, int oo) {
        int j = 0;
        int end = xo + rows * n;
        for (; j + 2 * S.length() <= n; j += 2 * S.length()) {
            FloatVector s0 = FloatVector.zero(S);
            FloatVector s1 = FloatVector.zero(S);
            for (int o = xo + j; o < end; o += n) {
                s0 = s0.add(load(x, o));
                s1 = s1.add(load(x, o + S.length()));
            }
            s0.intoArray(out, oo + j);
            s1.intoArray(out, oo + j + S.length());
        }
        columnSumsFrom(j, x, xo, rows, n, out, oo);
    }

    @Override
    public void unary(UnaryOp op, float[] x, int xo, float[] out, int oo, int n) {
        if (n < S.length()) { // no whole vector: skip setting up the vector constants
            super.unary(op, x, xo, out, oo, n);
            return;
        }
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        switch (op) {
            case NEG -> { for (; i < bound; i += S.length()) { load(x, xo + i).neg().intoArray(out, oo + i); } }
            case ABS -> { for (; i < bound; i += S.length()) { load(x, xo + i).abs().intoArray(out, oo + i); } }
            case RELU -> {
                for (; i < bound; i += S.length()) {
                    FloatVector v = load(x, xo + i);
                    v.blend(zero, v.compare(VectorOperators.LE, zero)).intoArray(out, oo + i); // NaN is not ≤ 0: kept
                }
            }
            case SQUARE -> { for (; i < bound; i += S.length()) { FloatVector v = load(x, xo + i); v.mul(v).intoArray(out, oo + i); } }
            case EXP -> { for (; i < bound; i += S.length()) { SimdExp.exp(load(x, xo + i)).intoArray(out, oo + i); } }
            case SQRT -> { for (; i < bound; i += S.length()) { load(x, xo + i).lanewise(VectorOperators.SQRT).intoArray(out, oo + i); } }
            default -> { }
        }
        super.unary(op, x, xo + i, out, oo + i, n - i);
    }

    @Override
    public void reluBackward(float[] x, int xo, float[] g, int go, float[] out, int oo, int n) {
        if (n < S.length()) { // no whole vector: skip setting up the vector constants
            super.reluBackward(x, xo, g, go, out, oo, n);
            return;
        }
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        for (; i < bound; i += S.length()) {
            load(g, go + i).blend(zero, load(x, xo + i).compare(VectorOperators.LE, zero)).intoArray(out, oo + i);
        }
        super.reluBackward(x, xo + i, g, go + i, out, oo + i, n - i);
    }

    // ------------------------------------------------------------------ row reductions

    @Override
    public float max(float[] x, int xo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        float m = Float.NEGATIVE_INFINITY;
        if (bound > 0) {
            FloatVector acc = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            VectorMask<Float> nan = S.maskAll(false);
            for (; i < bound; i += S.length()) {
                FloatVector v = load(x, xo + i);
                nan = nan.or(v.test(VectorOperators.IS_NAN));
                acc = acc.lanewise(VectorOperators.MAX, v);
            }
            if (nan.anyTrue()) {
                return Float.NaN;
            }
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        float tail = super.max(x, xo + i, n - i);
        return tail != tail || tail > m ? tail : m;
    }

    @Override
    public double max(double[] x, int xo, int n) {
        int i = 0;
        int bound = D.loopBound(n);
        double m = Double.NEGATIVE_INFINITY;
        if (bound > 0) {
            DoubleVector acc = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY);
            VectorMask<Double> nan = D.maskAll(false);
            for (; i < bound; i += D.length()) {
                DoubleVector v = DoubleVector.fromArray(D, x, xo + i);
                nan = nan.or(v.test(VectorOperators.IS_NAN));
                acc = acc.lanewise(VectorOperators.MAX, v);
            }
            if (nan.anyTrue()) {
                return Double.NaN;
            }
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        double tail = super.max(x, xo + i, n - i);
        return tail != tail || tail > m ? tail : m;
    }

    @Override
    public double expSum(float[] x, int xo, float shift, float[] out, int oo, int n) {
        if (n < S.length() || out == x) { // no whole vector, or a tail overlapping what was written
            return super.expSum(x, xo, shift, out, oo, n);
        }
        return vectorExpSum(x, xo, shift, out, oo, n);
    }

    @Override
    public double sumExp(float[] x, int xo, float shift, int n) {
        return n < S.length() ? super.sumExp(x, xo, shift, n) : vectorExpSum(x, xo, shift, null, 0, n);
    }

    /**
     * Σ e^(x[xo + i] − shift) over whole vectors, then the last {@code n mod L} elements in one
     * more vector ending at n, whose other lanes (already counted) are masked out of the sum. Each
     * e^x is also written to {@code out} unless it is null; the last vector rewrites a few with
     * the same values. n ≥ L; out is not x.
     */
    private static double vectorExpSum(float[] x, int xo, float shift, float @Nullable [] out, int oo, int n) {
        FloatVector sh = FloatVector.broadcast(S, shift);
        FloatVector acc = FloatVector.zero(S);
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += S.length()) {
            FloatVector e = SimdExp.exp(load(x, xo + i).sub(sh));
            if (out != null) {
                e.intoArray(out, oo + i);
            }
            acc = acc.add(e);
        }
        if (bound < n) {
            int last = n - S.length();
            FloatVector e = SimdExp.exp(load(x, xo + last).sub(sh));
            if (out != null) {
                e.intoArray(out, oo + last);
            }
            acc = acc.add(FloatVector.zero(S).blend(e, lastLanes(n - bound)));
        }
        return sumLanes(acc);
    }

    /** The lanes added in double, lane 0 first: one fixed order, unlike {@code reduceLanes(ADD)}'s. */
    private static double sumLanes(FloatVector v) {
        double s = 0;
        for (float lane : v.toArray()) {
            s += lane;
        }
        return s;
    }

    /** The lanes 0, 1, ..., L − 1 as floats. */
    private static final FloatVector LANE_INDEX = FloatVector.fromArray(S, laneIndex(), 0);

    private static float[] laneIndex() {
        float[] index = new float[S.length()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        return index;
    }

    /** The last {@code count} lanes. */
    private static VectorMask<Float> lastLanes(int count) {
        return LANE_INDEX.compare(VectorOperators.GE, S.length() - count);
    }

    @Override
    public void expScale(float[] x, int xo, float shift, float scale, float[] out, int oo, int n) {
        if (n < S.length()) { // no whole vector: skip setting up the vector constants
            super.expScale(x, xo, shift, scale, out, oo, n);
            return;
        }
        int bound = S.loopBound(n);
        FloatVector sh = FloatVector.broadcast(S, shift);
        FloatVector sc = FloatVector.broadcast(S, scale);
        for (int i = 0; i < bound; i += S.length()) {
            SimdExp.exp(load(x, xo + i).sub(sh)).mul(sc).intoArray(out, oo + i);
        }
        if (bound < n) {
            if (out == x) { // the last vector would reread elements already written
                super.expScale(x, xo + bound, shift, scale, out, oo + bound, n - bound);
            } else { // one more vector ending at n: it rewrites a few elements with the same values
                int last = n - S.length();
                SimdExp.exp(load(x, xo + last).sub(sh)).mul(sc).intoArray(out, oo + last);
            }
        }
    }

    // ------------------------------------------------------------------ matrix product

    /**
     * Rows [i0, i1) of C = A·B on vectors, B read through its strides as {@link SimdMatMul}
     * packs it. A product narrower than one vector (n &lt; L, a
     * classifier's last layer) has no vector along C's rows, and the blocked kernel would hand it
     * all to the plain one; it is computed as a small product of the band's rows instead, which
     * puts C's columns in vectors ({@link #matmulSmall}). In a 64-128-10 training step the plain
     * kernel spent over a third of the time on the 64×128·128×10 product.
     */
    @Override
    public void matmulRows(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                           float[] c, int cOff, int ldc, int i0, int i1, int k, int n) {
        if (n >= S.length()) {
            SimdMatMul.rows(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, i0, i1, k, n);
        } else if (ldc == n) {
            matmulSmall(a, aOff + i0 * ars, ars, acs, b, bOff, brs, bcs, c, cOff + i0 * n, i1 - i0, k, n);
        } else {
            float[] band = new float[(i1 - i0) * n];
            matmulSmall(a, aOff + i0 * ars, ars, acs, b, bOff, brs, bcs, band, 0, i1 - i0, k, n);
            for (int i = i0; i < i1; i++) {
                System.arraycopy(band, (i - i0) * n, c, cOff + i * ldc, n);
            }
        }
    }

    /**
     * A small product on vectors, every element the chain {@code s = fma(A[i][p], B[p][j], s)}
     * over p = 0, 1, ... as in {@link SimdMatMul}, whatever the layout. Two ways to put the
     * product in vectors:
     * <ul>
     *   <li>along C's rows: C = A·B with B's rows as vectors, B copied into a buffer with its rows
     *       padded with zeros to whole vectors unless they already are whole contiguous vectors;
     *   <li>along C's columns: Cᵀ = Bᵀ·Aᵀ with A's columns as vectors, likewise copied, and the
     *       result transposed into C.
     * </ul>
     * The way with fewer vector multiply-adds plus copied elements is taken. Products where even
     * the better way would use under a quarter of the vector lanes (m·k·n &lt; 4 × its vector
     * multiply-adds: a row and a column both much narrower than a vector) take the plain small
     * kernel instead; that choice depends on m, k and n only, so layouts give identical results.
     */
    @Override
    public void matmulSmall(float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                            float[] c, int cOff, int m, int k, int n) {
        int lanes = S.length();
        int nPad = (n + lanes - 1) / lanes * lanes;
        int mPad = (m + lanes - 1) / lanes * lanes;
        int alongRows = m * k * (nPad / lanes);
        int alongColumns = n * k * (mPad / lanes);
        if (m * k * n < 4 * Math.min(alongRows, alongColumns)) {
            super.matmulSmall(a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, m, k, n);
            return;
        }
        boolean copyB = bcs != 1 || nPad != n;
        boolean copyA = ars != 1 || mPad != m;
        int rowsCost = alongRows + (copyB ? k * n : 0) + (nPad != n ? m * n : 0);
        int columnsCost = alongColumns + (copyA ? k * m : 0) + m * n;
        if (rowsCost <= columnsCost) {
            if (!copyB) {
                SimdMatMul.rows(a, aOff, ars, acs, b, bOff, brs, 1, c, cOff, n, 0, m, k, n);
                return;
            }
            float[] bp = padded(b, bOff, brs, bcs, k, n, nPad);
            float[] cp = nPad == n ? c : new float[m * nPad];
            SimdMatMul.rows(a, aOff, ars, acs, bp, 0, nPad, 1, cp, nPad == n ? cOff : 0, nPad, 0, m, k, nPad);
            if (cp != c) {
                for (int i = 0; i < m; i++) {
                    System.arraycopy(cp, i * nPad, c, cOff + i * n, n);
                }
            }
        } else {
            // Aᵀ[p][i] = A[i][p] takes B's role
            float[] at = copyA ? padded(a, aOff, acs, ars, k, m, mPad) : a;
            float[] ct = new float[n * mPad];
            SimdMatMul.rows(b, bOff, bcs, brs, at, copyA ? 0 : aOff, copyA ? mPad : acs, 1, ct, 0, mPad, 0, n, k, mPad);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    c[cOff + i * n + j] = ct[j * mPad + i];
                }
            }
        }
    }

    /** The rows × cols matrix {@code x[off + r·rs + q·cs]} copied row-major, each row padded with zeros to {@code width}. */
    private static float[] padded(float[] x, int off, int rs, int cs, int rows, int cols, int width) {
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int q = 0, src = off + r * rs, o = r * width; q < cols; q++, src += cs) {
                out[o + q] = x[src];
            }
        }
        return out;
    }

    private static FloatVector load(float[] x, int offset) {
        return FloatVector.fromArray(S, x, offset);
    }
}
