package io.github.backprop4j.examples.seeds;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.tensor.Tensor;
import java.io.PrintWriter;

/**
 * {@code multi-class-vs-multi-label}: the same five logits read two ways. Multi-class (one true
 * class, softmax over the classes): cross-entropy with target 2 is 1.7804. Multi-label (each
 * label true or false on its own, a sigmoid per label): with the multi-hot target
 * {@code [0, 1, 0, 1, 0]}, BCELoss on the sigmoid, BCEWithLogitsLoss and MultiLabelSoftMarginLoss
 * all give 0.7644, as does the per-label loop by hand.
 */
final class MultiClassVsMultiLabel implements Walkthrough {
    static final double[] LOGITS = {0.15, -0.34, 0.12, 0.67, 0.55};
    static final int TARGET_CLASS = 2;
    static final double[] MULTI_HOT = {0, 1, 0, 1, 0};

    @Override
    public String name() {
        return "multi-class-vs-multi-label";
    }


    @Override
    public void run(PrintWriter printer) {
        Report out = new Report(printer);
        out.heading(name(), "one true class, or several true labels");
        Tensor x = Tensor.of(new float[][] {toFloats(LOGITS)});
        out.show("x", x);
        out.blank();
        multiClass(out, x);
        out.blank();
        multiLabel(out, x);
    }

    /** Softmax over the classes, minus the log of the target's probability. */
    private static void multiClass(Report out, Tensor x) {
        Tensor target = Tensor.of((long) TARGET_CLASS);
        out.line("Multi-class: exactly one class is true, here class " + TARGET_CLASS + ".");
        out.show("target", target);
        out.show("CrossEntropyLoss()(x, target)",
                Losses.crossEntropy(Variable.of(x), Variable.of(target), LossOptions.defaults()));
        double[] exp = new double[LOGITS.length];
        double sum = 0;
        for (int i = 0; i < LOGITS.length; i++) {
            exp[i] = Math.exp(LOGITS[i]);
            sum += exp[i];
        }
        double total = sum;
        out.line("  by hand: exp(x) = [" + Report.joined(exp, v -> Report.fixed(v, 4), ", ") + "]");
        out.line("           normalise by their sum " + Report.fixed(sum, 4) + ": p = ["
                + Report.joined(exp, v -> Report.fixed(v / total, 4), ", ") + "]");
        double p = exp[TARGET_CLASS] / sum;
        out.line("           -log p[" + TARGET_CLASS + "] = -log " + Report.fixed(p, 4) + " = "
                + Report.fixed(-Math.log(p), 4));
    }

    /** A sigmoid per label, a binary cross-entropy per label, averaged over the labels. */
    private static void multiLabel(Report out, Tensor x) {
        Tensor y = Tensor.of(new float[][] {toFloats(MULTI_HOT)});
        out.line("Multi-label: each label is true or false on its own; the multi-hot target marks the true ones.");
        out.show("y", y);
        Tensor probabilities = x.sigmoid();
        out.show("sigmoid(x)", probabilities);
        LossOptions mean = LossOptions.defaults();
        out.show("BCELoss()(sigmoid(x), y)",
                Losses.binaryCrossEntropy(Variable.of(probabilities), Variable.of(y), mean));
        out.show("BCEWithLogitsLoss()(x, y)",
                Losses.binaryCrossEntropyWithLogits(Variable.of(x), Variable.of(y), mean));
        out.show("MultiLabelSoftMarginLoss()(x, y)",
                Losses.multilabelSoftMarginLoss(Variable.of(x), Variable.of(y), mean));
        out.line("  by hand, label by label: loss_c = -ln sigmoid(x_c) if y_c = 1, else -ln(1 - sigmoid(x_c))");
        double sum = 0;
        for (int c = 0; c < LOGITS.length; c++) {
            double s = 1 / (1 + Math.exp(-LOGITS[c]));
            boolean positive = MULTI_HOT[c] == 1;
            double loss = positive ? -Math.log(s) : -Math.log(1 - s);
            sum += loss;
            out.line("    label " + c + ": y = " + (positive ? 1 : 0) + ", sigmoid(" + Report.plain(LOGITS[c]) + ") = "
                    + Report.fixed(s, 4) + ", " + (positive ? "-ln " + Report.fixed(s, 4)
                            : "-ln(1 - " + Report.fixed(s, 4) + ")") + " = " + Report.fixed(loss, 4));
        }
        out.line("    mean over the " + LOGITS.length + " labels: " + Report.fixed(sum, 4) + " / " + LOGITS.length
                + " = " + Report.fixed(sum / LOGITS.length, 4));
    }

    private static float[] toFloats(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}
