package io.github.backprop4j.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link FloatExp#exp(float)} against {@code Math.exp} in double (whose error, under 1 ulp of a
 * double, is 2^−29 of a float ulp): the error in float ulps of the true value, over a sample of
 * every float and over every float where the result overflows, underflows or is subnormal.
 */
class FloatExpTest {
    /** The largest error over all 2^32 floats, measured once by a full sweep (0.8942 ulp, at x = 26.688702), rounded up. */
    static final double MAX_ULPS = 0.895;

    /** |exp(x) − e^x| in ulps of e^x rounded to float; special results must be exactly Math.exp's. */
    private static double ulpError(float x) {
        float got = FloatExp.exp(x);
        double exact = Math.exp(x);
        float rounded = (float) exact;
        if (Float.isInfinite(rounded) || rounded == 0f || Float.isNaN(rounded)) {
            assertEquals(rounded, got, () -> "exp(" + x + ")"); // assertEquals(float, float) takes NaN = NaN
            return 0;
        }
        assertTrue(Float.isFinite(got), () -> "exp(" + x + ") = " + got + ", want " + rounded);
        return Math.abs(got - exact) / Math.ulp(rounded);
    }

    /** The largest error over the floats with bit patterns {@code from, from + step, ... ≤ to}. */
    private static double maxError(long from, long to, int step) {
        double worst = 0;
        for (long bits = from; bits <= to; bits += step) {
            float x = Float.intBitsToFloat((int) bits);
            double e = ulpError(x);
            assertTrue(e <= MAX_ULPS, () -> "exp(" + x + ") is " + e + " ulps off");
            worst = Math.max(worst, e);
        }
        return worst;
    }

    @Test
    void withinItsStatedErrorOverASampleOfEveryFloat() {
        // every 2039th bit pattern of all 2^32: NaNs, ±∞, ±0, subnormals and both signs
        double worst = maxError(0, 0xFFFF_FFFFL, 2039);
        assertTrue(worst > 0.5, "a polynomial is not correctly rounded everywhere; the sample should see it: " + worst);
    }

    /**
     * Every float, which is how {@link #MAX_ULPS} was measured: some minutes, so only with
     * {@code -Dbackprop4j.test.expFullSweep=true}.
     */
    @Test
    void withinItsStatedErrorOnEveryFloatWhenAskedFor() {
        assumeTrue(Boolean.getBoolean("backprop4j.test.expFullSweep"), "set -Dbackprop4j.test.expFullSweep=true");
        System.out.println("largest error over every float: " + maxError(0, 0xFFFF_FFFFL, 1) + " ulp");
    }

    @Test
    void withinItsStatedErrorNearOverflowInTheSubnormalRangeAndNearZero() {
        maxError(Float.floatToRawIntBits(88f), Float.floatToRawIntBits(90f), 1); // every float
        // from −85 (results near 2^−122) to −105 (results that round to 0): every third float
        maxError(Float.floatToRawIntBits(-85f) & 0xFFFF_FFFFL, Float.floatToRawIntBits(-105f) & 0xFFFF_FFFFL, 3);
        // |x| ≤ 0.01, where e^x ≈ 1 + x
        maxError(Float.floatToRawIntBits(-0f) & 0xFFFF_FFFFL, Float.floatToRawIntBits(-0.01f) & 0xFFFF_FFFFL, 509);
        maxError(0, Float.floatToRawIntBits(0.01f), 509);
    }

    @Test
    void specialValues() {
        assertEquals(1f, FloatExp.exp(0f));
        assertEquals(1f, FloatExp.exp(-0f));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(Float.POSITIVE_INFINITY));
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(FloatExp.exp(Float.NEGATIVE_INFINITY)));
        assertTrue(Float.isNaN(FloatExp.exp(Float.NaN)));
        assertTrue(Float.isNaN(FloatExp.exp(Float.intBitsToFloat(0xFFC0_0001))));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(Float.MAX_VALUE));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(88.72284f)); // e^88.72284 > Float.MAX_VALUE
        assertEquals(3.4027985e38f, FloatExp.exp(88.72283f), Math.ulp(3.4027985e38f));
        assertEquals(0f, FloatExp.exp(-Float.MAX_VALUE));
        assertEquals(Float.MIN_VALUE, FloatExp.exp(-103.27893f)); // e^x = 1.0000·2^−149
        assertEquals(0f, FloatExp.exp(-103.9721f)); // just below 2^−150, half the smallest subnormal
        assertEquals((float) Math.E, FloatExp.exp(1f), Math.ulp((float) Math.E));
    }
}
