package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;

/**
 * How each element of a printed tensor is written: PyTorch's {@code _Formatter}. It looks at
 * every shown value once, picks one of four modes and one width, and right-aligns each
 * element to that width.
 *
 * <ul>
 *   <li>int64: the decimal integer ({@code -40}).
 *   <li>Float, every nonzero finite value an integer: {@code '{:.0f}'} and a point ({@code 2.}).
 *   <li>Float, scientific ({@code '{:.4e}'}, e.g. {@code 1.0000e+12}) when, over the nonzero
 *       finite |values|, max / min &gt; 1000 or max &gt; 1e8, or (values not all integers)
 *       min &lt; 1e-4.
 *   <li>Float otherwise: four decimals ({@code '{:.4f}'}, e.g. {@code 1.0986}).
 * </ul>
 *
 * <p>The width is the longest formatted nonzero finite value (integers count their point), at
 * least 1; {@code nan}, {@code inf} and zeros are padded to it but do not set it.
 */
final class ElementFormat {
    private final boolean floating;
    private final boolean intMode;
    private final boolean sciMode;
    private final int width;

    private ElementFormat(boolean floating, boolean intMode, boolean sciMode, int width) {
        this.floating = floating;
        this.intMode = intMode;
        this.sciMode = sciMode;
        this.width = width;
    }

    /** The format for a tensor of {@code dtype} whose shown values are the elements of {@code shown}. */
    static ElementFormat of(DType dtype, List<Tensor> shown) {
        if (dtype == DType.INT64) {
            int width = 1;
            for (Tensor t : shown) {
                width = Math.max(width, Long.toString(t.getLong()).length());
            }
            return new ElementFormat(false, false, false, width);
        }
        double minAbs = Double.POSITIVE_INFINITY;
        double maxAbs = 0;
        boolean allIntegers = true;
        int count = 0;
        for (Tensor t : shown) {
            double v = t.getDouble();
            if (Double.isFinite(v) && v != 0) {
                count++;
                minAbs = Math.min(minAbs, Math.abs(v));
                maxAbs = Math.max(maxAbs, Math.abs(v));
                allIntegers &= v == Math.ceil(v);
            }
        }
        if (count == 0) {
            return new ElementFormat(true, true, false, 1);
        }
        boolean wideRange = maxAbs / minAbs > 1000.0 || maxAbs > 1.0e8;
        boolean sci = allIntegers ? wideRange : wideRange || minAbs < 1.0e-4;
        ElementFormat probe = new ElementFormat(true, allIntegers, sci, 0);
        int width = 1;
        for (Tensor t : shown) {
            double v = t.getDouble();
            if (Double.isFinite(v) && v != 0) {
                width = Math.max(width, probe.unpadded(v).length());
            }
        }
        return new ElementFormat(true, allIntegers, sci, width);
    }

    /** The common width of every element. */
    int width() {
        return width;
    }

    /** The one element of the 0-d tensor {@code t}, padded on the left to {@link #width()}. */
    String format(Tensor t) {
        String s = floating ? unpadded(t.getDouble()) : Long.toString(t.getLong());
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    private String unpadded(double v) {
        if (sciMode) {
            return PythonFloatFormat.scientific(v, TensorFormat.PRECISION);
        }
        if (intMode) {
            return PythonFloatFormat.fixed(v, 0) + (Double.isFinite(v) ? "." : "");
        }
        return PythonFloatFormat.fixed(v, TensorFormat.PRECISION);
    }
}
