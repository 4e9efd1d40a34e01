package io.github.backprop4j.tensor;

/**
 * The element type of a tensor.
 *
 * <p>{@link #FLOAT32} is the default, as in PyTorch. {@link #FLOAT64} is for gradient checks and
 * exact comparisons. {@link #INT64} holds class-index targets, indices and masks (0 or 1);
 * its values are exact up to 2<sup>53</sup> in arithmetic, which is computed in double precision.
 */
public enum DType {
    /** 32-bit IEEE 754 floats ({@code torch.float32}), the default for new floating-point tensors. */
    FLOAT32("torch.float32"),
    /** 64-bit IEEE 754 doubles ({@code torch.float64}), for gradient checks and exact comparisons. */
    FLOAT64("torch.float64"),
    /** 64-bit signed integers ({@code torch.int64}): class indices, indices and 0/1 masks. */
    INT64("torch.int64");

    private final String torchName;

    DType(String torchName) {
        this.torchName = torchName;
    }

    /**
     * Whether this is a floating-point type, as {@code dtype.is_floating_point} in PyTorch.
     *
     * @return true for FLOAT32 and FLOAT64, false for INT64
     */
    public boolean isFloatingPoint() {
        return this != INT64;
    }

    /**
     * The name PyTorch prints for this dtype.
     *
     * @return {@code torch.float32}, {@code torch.float64} or {@code torch.int64}
     */
    public String torchName() {
        return torchName;
    }

    /**
     * The dtype of a binary operation's result, following PyTorch's promotion: any float wins
     * over INT64, and FLOAT64 over FLOAT32.
     *
     * @param a the dtype of the first operand
     * @param b the dtype of the second operand
     * @return the wider of the two: FLOAT64 if either is FLOAT64, else FLOAT32 if either is
     *     FLOAT32, else INT64
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

    /**
     * The short name used in messages and JSON; {@link #parse(String)} reads it back.
     *
     * @return {@code float32}, {@code float64} or {@code int64}
     */
    public String shortName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Parses a dtype's {@link #shortName()}, ignoring case.
     *
     * @param name {@code float32}, {@code float64} or {@code int64}, in any case
     * @return the dtype of that name
     * @throws IllegalArgumentException if {@code name} is none of the three
     */
    public static DType parse(String name) {
        for (DType t : values()) {
            if (t.shortName().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "' (expected float32, float64 or int64)");
    }

    /**
     * PyTorch's ScalarType name, as its dtype messages print it (e.g. "expected scalar type Float").
     *
     * @return {@code Float}, {@code Double} or {@code Long}
     */
    public String scalarTypeName() {
        return switch (this) {
            case FLOAT32 -> "Float";
            case FLOAT64 -> "Double";
            case INT64 -> "Long";
        };
    }
}
