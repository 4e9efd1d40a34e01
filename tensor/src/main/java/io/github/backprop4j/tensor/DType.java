package io.github.backprop4j.tensor;

/**
 * The element type of a tensor.
 *
 * <p>{@link #FLOAT32} is the default, as in PyTorch. {@link #FLOAT64} is for gradient checks and
 * exact comparisons. {@link #INT64} holds class-index targets, indices and masks (0 or 1);
 * its values are exact up to 2<sup>53</sup> in arithmetic, which is computed in double precision.
 */
public enum DType {
    FLOAT32("torch.float32"),
    FLOAT64("torch.float64"),
    INT64("torch.int64");

    private final String torchName;

    DType(String torchName) {
        this.torchName = torchName;
    }

    /** True for FLOAT32 and FLOAT64. */
    public boolean isFloatingPoint() {
        return this != INT64;
    }

    /** The name PyTorch prints, e.g. {@code torch.float64}. */
    public String torchName() {
        return torchName;
    }

    /**
     * The dtype of a binary operation's result, following PyTorch's promotion: any float wins
     * over INT64, and FLOAT64 over FLOAT32.
     */
    public static DType promote(DType a, DType b) {
        if (a == FLOAT64 || b == FLOAT64) {
            return FLOAT64;
        }
        if (a == FLOAT32 || b == FLOAT32) {
            return FLOAT32;
        }
        return INT64;
    }

    /** The short name used in messages and JSON: {@code float32}, {@code float64}, {@code int64}. */
    public String shortName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code float32}, {@code float64} or {@code int64} (case-insensitive). */
    public static DType parse(String name) {
        for (DType t : values()) {
            if (t.shortName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "' (expected float32, float64 or int64)");
    }

    /** PyTorch's ScalarType name (Float, Double, Long), as its dtype messages print it. */
    public String scalarTypeName() {
        return switch (this) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
        };
    }
}
