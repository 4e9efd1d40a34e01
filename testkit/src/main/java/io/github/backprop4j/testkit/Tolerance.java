package io.github.backprop4j.testkit;

import java.util.Arrays;
import org.opentest4j.AssertionFailedError;

/**
 * How far an actual number may be from the expected one: {@code |actual − expected| ≤ atol +
 * rtol·|expected|}, as {@code numpy.isclose} and {@code torch.allclose} — or, for numbers printed
 * to a few digits ({@link #largerOf}), {@code ≤ max(atol, rtol·|expected|)}. NaN matches only NaN
 * and ±∞ only itself, whatever the tolerance.
 *
 * @param rtol     relative tolerance, a fraction of |expected|
 * @param atol     absolute tolerance, the floor near zero
 * @param largerOf whether the bound is the larger of the two instead of their sum
 */
public record Tolerance(double rtol, double atol, boolean largerOf) {
    /** Bit for bit (NaN still matches NaN). */
    public static final Tolerance EXACT = new Tolerance(0, 0);

    public Tolerance {
        if (!(rtol >= 0 && atol >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got rtol " + rtol + ", atol " + atol);
        }
    }

    /** |actual − expected| ≤ atol + rtol·|expected|. */
    public Tolerance(double rtol, double atol) {
        this(rtol, atol, false);
    }

    /**
     * |actual − expected| ≤ max(atol, rtol·|expected|): the digits a document prints, e.g. four
     * decimals (atol 6e-5) or, for large magnitudes, four significant digits (rtol 1e-4).
     */
    public static Tolerance largerOf(double atol, double rtol) {
        return new Tolerance(rtol, atol, true);
    }

    /** |actual − expected| ≤ atol. */
    public static Tolerance absolute(double atol) {
        return new Tolerance(0, atol);
    }

    /** |actual − expected| ≤ rtol·|expected| + atol. */
    public static Tolerance of(double rtol, double atol) {
        return new Tolerance(rtol, atol);
    }

    /** Whether {@code actual} is within this tolerance of {@code expected}. */
    public boolean accepts(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            return expected == actual;
        }
        double relative = rtol * Math.abs(expected);
        return Math.abs(actual - expected) <= (largerOf ? Math.max(atol, relative) : atol + relative);
    }

    /** Fails unless the two numbers agree. */
    public void assertClose(double expected, double actual, String what) {
        if (!accepts(expected, actual)) {
            throw new AssertionFailedError(what + ": expected " + expected + " but was " + actual + " (" + this + ")",
                    expected, actual);
        }
    }

    /** Fails unless the arrays have the same length and agree element by element. */
    public void assertClose(double[] expected, double[] actual, String what) {
        if (expected.length != actual.length) {
            throw new AssertionFailedError(what + ": " + actual.length + " values instead of " + expected.length,
                    Arrays.toString(expected), Arrays.toString(actual));
        }
        for (int i = 0; i < expected.length; i++) {
            if (!accepts(expected[i], actual[i])) {
                throw new AssertionFailedError(String.format("%s: element %d is %.17g, expected %.17g (%s)%n"
                        + "expected %s%nactual   %s", what, i, actual[i], expected[i], this,
                        abbreviate(expected), abbreviate(actual)), Arrays.toString(expected), Arrays.toString(actual));
            }
        }
    }

    /** Fails unless the shapes are equal and the row-major values agree element by element. */
    public void assertClose(int[] expectedShape, double[] expected, int[] actualShape, double[] actual, String what) {
        if (!Arrays.equals(expectedShape, actualShape)) {
            throw new AssertionFailedError(what + ": shape " + Arrays.toString(actualShape) + " instead of "
                    + Arrays.toString(expectedShape), Arrays.toString(expectedShape), Arrays.toString(actualShape));
        }
        assertClose(expected, actual, what);
    }

    /** Largest |expected − actual| over the arrays: +∞ if they differ in length or where NaN is. */
    public static double maxAbsDifference(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            return Double.POSITIVE_INFINITY;
        }
        double m = 0;
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i]) != Double.isNaN(actual[i])) {
                return Double.POSITIVE_INFINITY;
            }
            if (!Double.isNaN(expected[i]) && expected[i] != actual[i]) {
                m = Math.max(m, Math.abs(expected[i] - actual[i]));
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return largerOf ? "max(atol " + atol + ", rtol " + rtol + "·|expected|)" : "rtol " + rtol + ", atol " + atol;
    }

    private static String abbreviate(double[] v) {
        return v.length <= 64 ? Arrays.toString(v) : Arrays.toString(Arrays.copyOf(v, 64)) + " ... (" + v.length + " values)";
    }
}
