package io.github.backprop4j.nn.internal;

/**
 * The error function {@code erf(x) = 2/√π ∫₀ˣ e^(−t²) dt} in double precision, for GELU. Java's
 * standard library has none.
 *
 * <p>For |x| &lt; 1.5, the series with positive terms (no cancellation):
 * {@code erf(x) = 2/√π · e^(−x²) · Σₙ 2ⁿ x^(2n+1) / (1·3·5···(2n+1))}. For 1.5 ≤ |x| &lt; 6,
 * {@code erf(x) = 1 − erfc(x)} with erfc's continued fraction
 * {@code erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))}, evaluated by
 * the modified Lentz method. From 6 on, erfc(x) &lt; 2.2e-17, so erf(x) is 1 in double precision.
 * Odd: erf(−x) = −erf(x). Accurate to a few units in the last place (within 5e-16 of the
 * correctly rounded value).
 */
public final class ErrorFunction {
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double SERIES_LIMIT = 1.5;
    private static final double ONE_LIMIT = 6.0;

    private ErrorFunction() {
    }

    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double a = Math.abs(x);
        double r;
        if (a < SERIES_LIMIT) {
            r = series(a);
        } else if (a < ONE_LIMIT) {
            r = 1 - erfcContinuedFraction(a);
        } else {
            r = 1.0;
        }
        return Math.copySign(r, x);
    }

    /** 2/√π · e^(−a²) · Σ 2ⁿ a^(2n+1) / (2n+1)!!, summed until the terms stop mattering. */
    private static double series(double a) {
        double a2 = a * a;
        double term = a;
        double sum = a;
        for (int n = 1; term > sum * 1e-18; n++) {
            term *= 2 * a2 / (2 * n + 1);
            sum += term;
        }
        return TWO_OVER_SQRT_PI * Math.exp(-a2) * sum;
    }

    /** erfc(a) for a ≥ 1.5 by its continued fraction, with partial numerators n/2 and denominators a. */
    private static double erfcContinuedFraction(double a) {
        final double tiny = 1e-300;
        double f = a;
        double c = a;
        double d = 0;
        for (int n = 1; n < 1000; n++) {
            double numerator = n / 2.0;
            d = a + numerator * d;
            d = d == 0 ? tiny : d;
            c = a + numerator / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (delta == 1) { // converged: further factors no longer change f
                break;
            }
        }
        return Math.exp(-a * a) / Math.sqrt(Math.PI) / f;
    }
}
