package io.github.backprop4j.playground;

import java.util.Map;

/**
 * The vector-Jacobian product of each op the explorer's graphs contain, as the page shows it:
 * g is the gradient arriving at the op's output, N the mean's denominator (1 for sum and none).
 */
final class VjpFormulas {
    private static final Map<String, String> BY_OP = Map.of(
            "LogSoftmaxBackward0", "∂x = g − softmax(x) · Σ_c g_c",
            "SoftmaxBackward0", "∂x = y ⊙ (g − Σ_c g_c · y_c)",
            "NllLossBackward0", "∂x[i, t_i] = −w[t_i] · g / N, 0 elsewhere",
            "CrossEntropyLossBackward0", "∂x = g · w[t] · (softmax(x) − onehot(t)) / N   "
                    + "(label smoothing ε: onehot → (1 − ε)·onehot + ε/C)",
            "BinaryCrossEntropyBackward0", "∂x = g · w · (x − y) / (x · (1 − x)) / N",
            "BinaryCrossEntropyWithLogitsBackward0", "∂x = g · w · (σ(x) · (1 + (p − 1)·y) − p·y) / N   "
                    + "(p = pos_weight)",
            "MultilabelSoftMarginLossBackward0", "∂x = g · w · (σ(x) − y) / (C · N)");

    private VjpFormulas() {
    }

    /** The formula for the op called {@code name}, or an empty string for one not listed. */
    static String of(String name) {
        return BY_OP.getOrDefault(name, "");
    }
}
