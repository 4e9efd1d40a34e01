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

    /** The PyTorch name, used in messages. */
    public String opName() {
        return opName;
    }

    /** True for the comparisons, whose result is an INT64 mask of 0s and 1s. */
    public boolean isComparison() {
        return ordinal() >= EQ.ordinal();
    }
}
