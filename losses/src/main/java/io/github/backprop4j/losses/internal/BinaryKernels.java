package io.github.backprop4j.losses.internal;

/** Scalar formulas shared by the binary losses, in PyTorch's evaluation order. */
public final class BinaryKernels {
    /** BCE's gradient floor: PyTorch's {@code EPSILON = 1e-12} as a float, widened. */
    public static final double BCE_EPS = (double) (float) 1e-12;

    private BinaryKernels() {
    }

    /** σ(x) = 1 / (1 + e^−x), without overflow for any x. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** log σ(x) = min(x, 0) − log1p(e^−|x|): finite for every finite x (PyTorch's log_sigmoid). */
    public static double logSigmoid(double x) {
        return Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * One BCE term (losses.md §5.2): (y − 1)·max(log1p(−x), −100) − y·max(log x, −100).
     * The clamp keeps x ∈ {0, 1} finite (x = 0, y = 1 → 100).
     */
    public static double bce(double x, double y) {
        return (y - 1) * Math.max(Math.log1p(-x), -100) - y * Math.max(Math.log(x), -100);
    }

    /** d bce / dx = (x − y) / max(x·(1 − x), EPS) — the backward ignores the clamp (±1e12 at 0 and 1). */
    public static double bceGrad(double x, double y) {
        return (x - y) / Math.max((1 - x) * x, BCE_EPS);
    }

    /**
     * One BCE-with-logits term (losses.md §6.2): (1 − y)·x − lw·logσ(x), lw = 1 + (pw − 1)·y
     * (lw = 1 when {@code hasPw} is false).
     */
    public static double bceWithLogits(double x, double y, boolean hasPw, double pw) {
        double ls = logSigmoid(x);
        double weighted = hasPw ? ls * ((pw - 1) * y + 1) : ls;
        return (1 - y) * x - weighted;
    }

    /** d/dx of {@link #bceWithLogits}: (pw·y + 1 − y)·σ(x) − pw·y, or σ(x) − y without pos_weight. */
    public static double bceWithLogitsGrad(double x, double y, boolean hasPw, double pw) {
        if (!hasPw) {
            return sigmoid(x) - y;
        }
        double t = pw * y;
        return (t + 1 - y) * sigmoid(x) - t;
    }

    /** One multi-label soft-margin term (losses.md §7.2): −(y·logσ(x) + (1 − y)·logσ(−x)). */
    public static double softMargin(double x, double y) {
        return -(y * logSigmoid(x) + (1 - y) * logSigmoid(-x));
    }
}
