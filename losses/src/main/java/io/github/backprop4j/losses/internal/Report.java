package io.github.backprop4j.losses.internal;

import io.github.backprop4j.autograd.Autograd;
import io.github.backprop4j.autograd.BackwardOptions;
import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.Explanation;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Builds the text of an explanation: numbered steps, each a label, a formula and a tensor, then
 * the backward comparison. Every explanation first {@link #run runs} the real loss (so bad input
 * fails with the loss's own exception), then recomputes the forward step by step with plain
 * tensor operations, independently of the fused kernels, and sets the closed-form gradient next
 * to the one autograd computed through the fused node.
 */
public final class Report {
    private final StringBuilder text = new StringBuilder();
    private int step;

    public Report line(String s) {
        text.append(s).append('\n');
        return this;
    }

    /** A titled tensor, printed as PyTorch prints it, indented under the title. */
    public Report tensor(String title, Tensor t) {
        text.append(title).append('\n');
        indented(t.toString(), "    ");
        return this;
    }

    /** The next numbered forward step. */
    public Report step(String label, String formula, Tensor value) {
        step++;
        text.append(String.format(Locale.ROOT, "%2d. %-20s %s%n", step, label, formula));
        indented(value.toString(), "      ");
        return this;
    }

    /** A numbered step whose value is a plain sentence. */
    public Report step(String label, String formula) {
        step++;
        text.append(String.format(Locale.ROOT, "%2d. %-20s %s%n", step, label, formula));
        return this;
    }

    private void indented(String block, String indent) {
        for (String l : block.split("\n", -1)) {
            text.append(indent).append(l).append('\n');
        }
    }

    /** Ends with the backward comparison and returns the explanation. */
    public Explanation backward(String formula, String seed, Tensor closedForm, Tensor autograd) {
        double diff = maxDifference(closedForm, autograd);
        line("");
        line("Backward (" + seed + ")");
        tensor("closed form   " + formula, closedForm);
        tensor("autograd      the gradient the engine computed through the fused node", autograd);
        line(String.format(Locale.ROOT, "largest |closed form − autograd| = %.3e", diff));
        return new Explanation(text.toString(), diff);
    }

    /** max |a − b| over elements; NaN or ±inf in the same place in both count as agreement. */
    static double maxDifference(Tensor a, Tensor b) {
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        if (x.length != y.length) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i]) || Double.isInfinite(x[i]) || Double.isInfinite(y[i])) {
                boolean same = (Double.isNaN(x[i]) && Double.isNaN(y[i])) || x[i] == y[i];
                if (!same) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            max = Math.max(max, Math.abs(x[i] - y[i]));
        }
        return max;
    }

    /** A number as Python's repr prints it to 6 significant digits: 0.214399, 2, nan. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return TorchText.cppDouble(v);
    }

    // ------------------------------------------------------------------ shared steps

    /**
     * Prints the reduction step; returns the per-row scale of the gradient for a seed of ones.
     * A mean over a denominator of 0 says why its result is NaN (or ±inf).
     */
    public Tensor reduce(Tensor l, Reduction reduction, double denominator, String denominatorName) {
        return reduce(l, reduction, denominator, denominatorName, null);
    }

    /**
     * {@link #reduce(Tensor, Reduction, double, String)}, where {@code zeroDenominator} (if not
     * null) is what a mean over a denominator of 0 gives, and why, in place of Σ l / 0.
     */
    public Tensor reduce(Tensor l, Reduction reduction, double denominator, String denominatorName,
                         @Nullable String zeroDenominator) {
        DType dt = l.dtype();
        double total = l.to(DType.FLOAT64).sum().item();
        switch (reduction) {
            case NONE -> {
                step("reduction", "none: the per-sample losses are the result");
                return Tensor.scalar(1, dt);
            }
            case SUM -> {
                step("reduction", "sum = Σ l = " + num(total));
                return Tensor.scalar(1, dt);
            }
            default -> {
                String mean = num(total / denominator);
                if (denominator == 0) {
                    mean = zeroDenominator != null ? zeroDenominator
                            : mean + "   (" + denominatorName + " is 0" + (Double.isNaN(total / denominator)
                                    ? ": 0/0 is NaN, as in PyTorch)" : ")");
                }
                step("reduction", "mean = Σ l / " + denominatorName + " = " + num(total) + " / "
                        + num(denominator) + " = " + mean);
                return Tensor.scalar(1 / denominator, dt);
            }
        }
    }

    /** " / name   (name = value)" for a mean, else nothing. */
    public static String meanSuffix(Reduction reduction, String name, double value) {
        return reduction == Reduction.MEAN ? " / " + name + "   (" + name + " = " + num(value) + ")" : "";
    }

    /** The words for the backward's seed. */
    public static String seedWords(Reduction reduction) {
        return reduction == Reduction.NONE ? "seed: ones, i.e. the gradient of the sum of the per-sample losses"
                : "seed 1";
    }

    /** The options as PyTorch's keyword arguments: {@code reduction=mean, weight=None, ...}. */
    public static String describe(LossOptions o, boolean smoothing) {
        StringBuilder sb = new StringBuilder("reduction=" + o.reduction().pytorchName());
        sb.append(", weight=").append(o.weight() == null ? "None" : o.weight().toString());
        if (o.ignoreIndex() != LossOptions.DEFAULT_IGNORE_INDEX) {
            sb.append(", ignore_index=").append(o.ignoreIndex());
        }
        if (smoothing) {
            sb.append(", label_smoothing=").append(num(o.labelSmoothing()));
        }
        if (o.posWeight() != null) {
            sb.append(", pos_weight=").append(o.posWeight());
        }
        return sb.toString();
    }

    /** "R × C (rows × classes):". */
    public static String shapeWords(Tensor rowsByClasses) {
        return rowsByClasses.size(0) + " × " + rowsByClasses.size(1) + " (rows × classes):";
    }

    /** {@code x} viewed as rows × classes: the class dim moved last, the rest flattened. */
    public static Tensor rows(Tensor x, int classDim) {
        if (x.dim() == 0) {
            return x.reshape(1, 1);
        }
        int[] perm = new int[x.dim()];
        for (int d = 0, k = 0; d < x.dim(); d++) {
            if (d != classDim) {
                perm[k++] = d;
            }
        }
        perm[x.dim() - 1] = classDim;
        return x.permute(perm).contiguous().reshape(-1, x.size(classDim));
    }

    /** What the fused node gave: its result, and the gradient autograd computed through it for the input. */
    public record Run(Tensor result, Tensor grad) {
    }

    /** {@link #run(UnaryOperator, Tensor, UnaryOperator)} with a seed of ones. */
    public static Run run(UnaryOperator<Variable> loss, Tensor input) {
        return run(loss, input, Tensor::onesLike);
    }

    /**
     * Runs {@code loss} on {@code input}: first without gradients, so that bad input fails with the
     * loss's own exception, then on {@code input} as a parameter, back-propagating the seed
     * {@code seedFor(result)}.
     */
    public static Run run(UnaryOperator<Variable> loss, Tensor input, UnaryOperator<Tensor> seedFor) {
        try (GradMode.Scope s = GradMode.noGrad()) {
            loss.apply(Variable.of(input));
        }
        Variable x = Variable.parameter(input);
        Variable out = loss.apply(x);
        Variable seed = Variable.of(seedFor.apply(out.value()));
        @Nullable Variable[] g = Autograd.grad(List.of(out), List.of(x), List.of(seed), BackwardOptions.DEFAULT);
        return new Run(out.value(), g[0] == null ? input.zerosLike() : g[0].value());
    }
}
