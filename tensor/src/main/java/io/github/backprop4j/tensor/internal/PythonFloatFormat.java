package io.github.backprop4j.tensor.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code '{:.Nf}'} and {@code '{:.Ne}'} for a double, digit for digit.
 *
 * <p>Python rounds the exact binary value of the double half-to-even ({@code '{:.2f}'} of 0.125
 * is {@code 0.12}); Java's {@code String.format} rounds the shortest decimal string half-up
 * ({@code 0.13}). So the digits come from {@link BigDecimal}, which holds the exact value.
 * Non-finite values print as {@code nan}, {@code inf}, {@code -inf}; the sign of −0.0 is kept.
 */
final class PythonFloatFormat {
    private PythonFloatFormat() {
    }

    /** {@code '{:.<decimals>f}'.format(v)}, e.g. fixed(1.09861, 4) = {@code 1.0986}. */
    static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        String digits = new BigDecimal(Math.abs(v)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        return sign(v) + digits;
    }

    /**
     * {@code '{:.<decimals>e}'.format(v)}: one digit, a point, {@code decimals} digits, then
     * {@code e}, a sign and at least two exponent digits, e.g. scientific(1e12, 4) = {@code 1.0000e+12}.
     */
    static String scientific(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return nonFinite(v);
        }
        String mantissa;
        int exponent;
        if (v == 0) {
            mantissa = "0".repeat(decimals + 1);
            exponent = 0;
        } else {
            MathContext significantDigits = new MathContext(decimals + 1, RoundingMode.HALF_EVEN);
            BigDecimal rounded = new BigDecimal(Math.abs(v)).round(significantDigits);
            String unscaled = rounded.unscaledValue().toString();
            exponent = unscaled.length() - 1 - rounded.scale();
            mantissa = unscaled + "0".repeat(decimals + 1 - unscaled.length());
        }
        String point = decimals > 0 ? "." + mantissa.substring(1) : "";
        String exponentDigits = Integer.toString(Math.abs(exponent));
        return sign(v) + mantissa.charAt(0) + point + "e" + (exponent < 0 ? "-" : "+")
                + (exponentDigits.length() < 2 ? "0" : "") + exponentDigits;
    }

    private static String sign(double v) {
        return v < 0 || (v == 0 && 1 / v < 0) ? "-" : "";
    }

    private static String nonFinite(double v) {
        return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
}
