package io.github.backprop4j.tensor.internal;

/**
 * e^x in float32 as one fixed sequence of float additions, multiplications and fused
 * multiply-adds, so that it gives the same bits wherever it runs: in this scalar method, in
 * every lane of the SIMD version ({@code internal.simd.SimdExp}, the same steps on vectors),
 * interpreted or compiled. The Vector API's own {@code EXP} does not: the interpreter computes
 * it with {@code Math.exp} and C2 with a different library, so a result changed with when the JIT
 * compiled a kernel.
 *
 * <p>The method, as in fast vectorised exp implementations:
 * <pre>
 *   x  = clamp(x, −104, 89)                       (beyond: e^x rounds to 0 or overflows to ∞)
 *   k  = round(x · log2(e))                       (by adding and subtracting 1.5·2^23)
 *   r  = x − k·ln2                                (ln2 in two parts; |r| ≤ ln2/2 + a little)
 *   e^r ≈ 1 + r·(1 + r·(1/2 + r·(c3 + r·(c4 + r·(c5 + r·(c6 + r·c7))))))   (Cephes' expf minimax coefficients)
 *   e^x = e^r · 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋)            (each factor a normal float built from its exponent bits)
 * </pre>
 * Two scale factors let 2^k range from 2^−150 (results that round to 0) to 2^128 (results that
 * overflow to ∞) with each factor a normal float. NaN stays NaN, e^∞ = ∞, e^−∞ = 0.
 *
 * <p>Accuracy, measured against {@code Math.exp} in double over every float: at most 0.8942 ulp
 * (at x = 26.688702; a correctly rounded result is within 0.5), subnormal results included, and
 * every overflow, underflow and NaN as {@code Math.exp}'s. FloatExpTest checks a sample.
 */
public final class FloatExp {
    /** Below this, e^x &lt; 2^−150 rounds to 0. */
    public static final float LOW = -104f;
    /** Above this, e^x &gt; Float.MAX_VALUE overflows to ∞. */
    public static final float HIGH = 89f;
    public static final float LOG2E = 1.44269504088896341f;
    /** 1.5·2^23: adding it to |v| &lt; 2^22 rounds v to an integer, which is then the low bits. */
    public static final float ROUNDER = 12582912f;
    /** ln 2 = LN2_HI + LN2_LO, LN2_HI with few enough bits that k·LN2_HI is exact. */
    public static final float LN2_HI = 0.693359375f;
    public static final float LN2_LO = -2.12194440e-4f;
    /** Coefficients of r^7 down to r^2 (Cephes expf). */
    public static final float C7 = 1.9875691500e-4f;
    public static final float C6 = 1.3981999507e-3f;
    public static final float C5 = 8.3334519073e-3f;
    public static final float C4 = 4.1665795894e-2f;
    public static final float C3 = 1.6666665459e-1f;
    public static final float C2 = 5.0000001201e-1f;
    /** The float exponent bias: the bits of 2^e are (e + BIAS) &lt;&lt; 23. */
    public static final int BIAS = 127;

    private FloatExp() {
    }

    /** e^x, within 0.895 ulp; the same bits as every lane of the SIMD version. */
    public static float exp(float x) {
        float xc = Math.min(Math.max(x, LOW), HIGH);
        float shifted = Math.fma(xc, LOG2E, ROUNDER);
        float k = shifted - ROUNDER;
        int ki = Float.floatToRawIntBits(shifted) - Float.floatToRawIntBits(ROUNDER);
        float r = Math.fma(k, -LN2_HI, xc);
        r = Math.fma(k, -LN2_LO, r);
        float p = Math.fma(C7, r, C6);
        p = Math.fma(p, r, C5);
        p = Math.fma(p, r, C4);
        p = Math.fma(p, r, C3);
        p = Math.fma(p, r, C2);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        int half = ki >> 1;
        return p * Float.intBitsToFloat((half + BIAS) << 23) * Float.intBitsToFloat((ki - half + BIAS) << 23);
    }
}
