package io.github.backprop4j.examples.jsonl;

import java.math.BigDecimal;

/**
 * Numbers as JSON tokens that Python's {@code json.loads} reads back to the same value.
 *
 * <ul>
 *   <li>NaN and ±infinity are the bare tokens {@code NaN}, {@code Infinity}, {@code -Infinity},
 *       as Python's {@code json} module writes and reads them.</li>
 *   <li>float64: the shortest decimal that {@link Double#toString} gives, which parses back to
 *       the same double.</li>
 *   <li>float32: the shortest decimal that identifies the float ({@link Float#toString}), e.g.
 *       {@code 0.1} for {@code 0.1f}. Python reads it as the double nearest to 0.1, and
 *       rounding that double to float32 ({@code numpy.float32(v)},
 *       {@code torch.tensor(v, dtype=torch.float32)}) gives back exactly the float that was
 *       written. The double itself is not the float's exact value
 *       (0.100000001490116…); compare float32 results in float32 or with a tolerance. Should
 *       the round trip through a double ever fail for some value, the float's exact value is
 *       written instead.</li>
 * </ul>
 */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    /** A float64 value as a JSON token. */
    public static String float64(double v) {
        String special = nonFinite(v);
        if (special != null) {
            return special;
        }
        String s = Double.toString(v);
        return Double.parseDouble(s) == v ? s : new BigDecimal(v).toString();
    }

    /** A float32 value (given as the float or as its exact double) as a JSON token. */
    public static String float32(double v) {
        float f = (float) v;
        String special = nonFinite(f);
        if (special != null) {
            return special;
        }
        String s = Float.toString(f);
        boolean roundTrips = (float) Double.parseDouble(s) == f
                && Math.copySign(1.0, Double.parseDouble(s)) == Math.copySign(1.0, f);
        return roundTrips ? s : float64(f);
    }

    /** An int64 value as a JSON token. */
    public static String int64(long v) {
        return Long.toString(v);
    }

    private static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return null;
    }
}
