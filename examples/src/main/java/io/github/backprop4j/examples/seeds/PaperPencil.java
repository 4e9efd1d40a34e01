package io.github.backprop4j.examples.seeds;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.io.PrintWriter;

/**
 * {@code paper-pencil}: cross-entropy of three samples over four classes, the way one computes
 * it on paper — softmax of each row, the probability of each target, the mean of their negative
 * logs: {@code (-ln 0.87005 - ln 0.92046 - ln 0.92046) / 3 = 0.10166}; the library prints 0.1017.
 */
final class PaperPencil implements Walkthrough {
    static final double[][] LOGITS = {{1, 4, 1, 1}, {5, 1, 2, 1}, {1, 2, 5, 1}};
    static final long[] TARGET = {1, 0, 2};

    @Override
    public String name() {
        return "paper-pencil";
    }


    @Override
    public void run(PrintWriter printer) {
        Report out = new Report(printer);
        out.heading(name(), "cross-entropy with paper and pencil");
        Tensor logits = Tensor.of(LOGITS).to(DType.FLOAT32);
        Tensor target = Tensor.of(TARGET);
        out.show("logits", logits);
        out.show("target", target);
        out.show("softmax(logits, dim=1)", Losses.softmax(Variable.of(logits), 1));
        out.blank();

        out.line("By hand: the probability of each row's target, p = exp(x[t]) / sum_j exp(x[j])");
        double[] p = new double[LOGITS.length];
        for (int i = 0; i < LOGITS.length; i++) {
            double[] row = LOGITS[i];
            int t = (int) TARGET[i];
            double numerator = Math.exp(row[t]);
            double denominator = 0;
            for (double v : row) {
                denominator += Math.exp(v);
            }
            p[i] = numerator / denominator;
            out.line("  row " + i + ", target " + t + ": exp(" + Report.plain(row[t]) + ") / ("
                    + Report.joined(row, v -> "exp(" + Report.plain(v) + ")", " + ") + ") = "
                    + Report.fixed(numerator, 5) + " / " + Report.fixed(denominator, 5) + " = "
                    + Report.fixed(p[i], 5));
        }
        double loss = 0;
        for (double pi : p) {
            loss -= Math.log(pi);
        }
        loss /= p.length;
        out.line("  loss = (-ln " + Report.joined(p, v -> Report.fixed(v, 5), " - ln ") + ") / " + p.length
                + " = " + Report.fixed(loss, 5));
        out.blank();

        out.show("The library, CrossEntropyLoss()(logits, target)",
                Losses.crossEntropy(Variable.of(logits), Variable.of(target), LossOptions.defaults()));
    }
}
