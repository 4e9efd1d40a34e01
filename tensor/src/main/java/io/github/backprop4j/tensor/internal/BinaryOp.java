package io.github.backprop4j.tensor.internal;

/** The elementwise functions of two arguments, each as its formula in double precision. */
public enum BinaryOp {
    ADD("add") { @Override public double apply(double a, double b) { return a + b; } },
    SUB("sub") { @Override public double apply(double a, double b) { return a - b; } },
    MUL("mul") { @Override public double apply(double a, double b) { return a * b; } },
    DIV("div") { @Override public double apply(double a, double b) { return a / b; } },
    POW("pow") { @Override public double apply(double a, double b) { return Math.pow(a, b); } },
    /** Larger of the two; NaN if either is NaN, as torch.maximum. */
    MAXIMUM("maximum") { @Override public double apply(double a, double b) { return Math.max(a, b); } },
    /** Smaller of the two; NaN if either is NaN, as torch.minimum. */
    MINIMUM("minimum") { @Override public double apply(double a, double b) { return Math.min(a, b); } },
    EQ("eq") { @Override public double apply(double a, double b) { return a == b ? 1 : 0; } },
    NE("ne") { @Override public double apply(double a, double b) { return a != b ? 1 : 0; } },
    LT("lt") { @Override public double apply(double a, double b) { return a < b ? 1 : 0; } },
    LE("le") { @Override public double apply(double a, double b) { return a <= b ? 1 : 0; } },
    GT("gt") { @Override public double apply(double a, double b) { return a > b ? 1 : 0; } },
    GE("ge") { @Override public double apply(double a, double b) { return a >= b ? 1 : 0; } };

    private final String opName;

    BinaryOp(String opName) {
        this.opName = opName;
    }

    public abstract double apply(double a, double b);

    /**
     * The op on two int64 values in exact {@code long} arithmetic: add, sub, mul and pow wrap
     * around on overflow (two's complement, as PyTorch's int64 does), comparisons give 0 or 1.
     * {@code DIV} has no int64 result: division of integers is true division, in float32.
     */
    public long applyLong(long a, long b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case POW -> powLong(a, b);
            case MAXIMUM -> Math.max(a, b);
            case MINIMUM -> Math.min(a, b);
            case EQ -> a == b ? 1 : 0;
            case NE -> a != b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case DIV -> throw new IllegalStateException("int64 / int64 is true division, computed in float32");
        };
    }

    /** base^exponent for exponent ≥ 0 by repeated squaring, wrapping around like every long product. */
    private static long powLong(long base, long exponent) {
        long result = 1;
        for (long b = base, e = exponent; e > 0; e >>>= 1, b *= b) {
            if ((e & 1) != 0) {
                result *= b;
            }
        }
        return result;
    }

    /** The PyTorch name, used in messages. */
    public String opName() {
        return opName;
    }

    /** True for the comparisons, whose result is an INT64 mask of 0s and 1s. */
    public boolean isComparison() {
        return ordinal() >= EQ.ordinal();
    }
}
