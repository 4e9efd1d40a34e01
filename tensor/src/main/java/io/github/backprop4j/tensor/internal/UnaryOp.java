package io.github.backprop4j.tensor.internal;

/** The elementwise functions of one argument, each as its formula in double precision. */
public enum UnaryOp {
    NEG("neg") { @Override public double apply(double x) { return -x; } },
    ABS("abs") { @Override public double apply(double x) { return Math.abs(x); } },
    SIGN("sign") { @Override public double apply(double x) { return Math.signum(x); } },
    EXP("exp") { @Override public double apply(double x) { return Math.exp(x); } },
    LOG("log") { @Override public double apply(double x) { return Math.log(x); } },
    LOG1P("log1p") { @Override public double apply(double x) { return Math.log1p(x); } },
    EXPM1("expm1") { @Override public double apply(double x) { return Math.expm1(x); } },
    SQRT("sqrt") { @Override public double apply(double x) { return Math.sqrt(x); } },
    TANH("tanh") { @Override public double apply(double x) { return Math.tanh(x); } },
    /** σ(x) = 1 / (1 + e^−x), evaluated as e^x / (1 + e^x) for x &lt; 0 so neither branch overflows. */
    SIGMOID("sigmoid") {
        @Override public double apply(double x) {
            if (x >= 0) {
                return 1.0 / (1.0 + Math.exp(-x));
            }
            double e = Math.exp(x);
            return e / (1.0 + e);
        }
    },
    /** log σ(x) = min(x, 0) − log1p(e^−|x|), PyTorch's log_sigmoid. */
    LOG_SIGMOID("log_sigmoid") {
        @Override public double apply(double x) { return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x))); }
    },
    /** max(x, 0); NaN stays NaN as in PyTorch. */
    RELU("relu") { @Override public double apply(double x) { return x > 0 || Double.isNaN(x) ? x : 0.0; } },
    RECIPROCAL("reciprocal") { @Override public double apply(double x) { return 1.0 / x; } },
    SQUARE("square") { @Override public double apply(double x) { return x * x; } },
    IS_NAN("isnan") { @Override public double apply(double x) { return Double.isNaN(x) ? 1 : 0; } },
    IS_FINITE("isfinite") { @Override public double apply(double x) { return Double.isFinite(x) ? 1 : 0; } };

    private final String opName;

    UnaryOp(String opName) {
        this.opName = opName;
    }

    public abstract double apply(double x);

    /**
     * The op on an int64 value with an int64 result, in exact {@code long} arithmetic (neg and
     * abs of {@code Long.MIN_VALUE} wrap to itself, as in PyTorch); the ops whose result is
     * floating never get here.
     */
    public long applyLong(long x) {
        return switch (this) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SIGN -> Long.signum(x);
            case RELU -> Math.max(x, 0);
            case SQUARE -> x * x;
            case IS_NAN -> 0;
            case IS_FINITE -> 1;
            default -> throw new IllegalStateException(opName + " has no int64 result");
        };
    }

    /** The PyTorch name, used in messages. */
    public String opName() {
        return opName;
    }
}
