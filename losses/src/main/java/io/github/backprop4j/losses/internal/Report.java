package io.github.backprop4j.losses.internal;

import io.github.backprop4j.losses.Explanation;
import io.github.backprop4j.tensor.Tensor;
import java.util.Locale;

/** Builds the text of an explanation: numbered steps, each a label, a formula and a tensor. */
final class Report {
    private final StringBuilder text = new StringBuilder();
    private int step;

    Report line(String s) {
        text.append(s).append('\n');
        return this;
    }

    /** A titled tensor, printed as PyTorch prints it, indented under the title. */
    Report tensor(String title, Tensor t) {
        text.append(title).append('\n');
        indented(t.toString(), "    ");
        return this;
    }

    /** The next numbered forward step. */
    Report step(String label, String formula, Tensor value) {
        step++;
        text.append(String.format(Locale.ROOT, "%2d. %-20s %s%n", step, label, formula));
        indented(value.toString(), "      ");
        return this;
    }

    /** A numbered step whose value is a plain sentence. */
    Report step(String label, String formula) {
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
    Explanation backward(String formula, String seed, Tensor closedForm, Tensor autograd) {
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
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Checks.cppDouble(v);
    }
}
