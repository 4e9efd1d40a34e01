package io.github.backprop4j.losses.internal;

import io.github.backprop4j.tensor.DType;
import java.util.Arrays;
import java.util.Locale;

/** How PyTorch prints the names and numbers that its messages contain. */
public final class TorchText {
    private TorchText() {
    }

    /** PyTorch's scalar type name: Float, Double, Long. */
    public static String typeName(DType t) {
        return switch (t) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
        };
    }

    /** How PyTorch prints a torch.Size: {@code torch.Size([2, 3])}. */
    public static String torchSize(int[] shape) {
        return "torch.Size(" + Arrays.toString(shape) + ")";
    }

    /** A double as C++'s {@code operator<<} prints it (6 significant digits, no trailing zeros): 1.5, 2, 1e-07. */
    public static String cppDouble(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        String g = String.format(Locale.ROOT, "%.6g", v);
        int e = g.indexOf('e');
        String mantissa = e < 0 ? g : g.substring(0, e);
        String exponent = e < 0 ? "" : g.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }
}
