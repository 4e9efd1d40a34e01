package io.github.backprop4j.examples.seeds;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.Tensor;
import java.io.PrintWriter;

/**
 * {@code cross-entropy-options}: cross-entropy is LogSoftmax then NLL (1.3447), and what the
 * options do to equal logits: reduction none gives ln 3 = 1.0986 per sample, class weights
 * scale each sample by its target's weight, and ignore_index zeroes the ignored samples.
 */
final class CrossEntropyOptions implements Walkthrough {
    private static final double LN3 = Math.log(3);

    @Override
    public String name() {
        return "cross-entropy-options";
    }

    @Override
    public void run(PrintWriter printer) {
        Report out = new Report(printer);
        out.heading(name(), "what cross-entropy is, and what its options do");
        logSoftmaxThenNll(out);
        out.blank();
        equalLogits(out);
        out.blank();
        classWeights(out);
        out.blank();
        ignoreIndex(out);
    }

    /** CrossEntropyLoss(x, t) equals NLLLoss(LogSoftmax(x), t). */
    private static void logSoftmaxThenNll(Report out) {
        double[] logits = {-0.7715, -0.6205, -0.2562};
        Tensor x = Tensor.of(new float[][] {{-0.7715f, -0.6205f, -0.2562f}});
        Variable target = Variable.of(Tensor.of(0L));
        out.line("1. One sample over 3 classes, target class 0.");
        out.show("x", x);
        out.show("CrossEntropyLoss()(x, target)",
                Losses.crossEntropy(Variable.of(x), target, LossOptions.defaults()));
        Variable logProbs = Losses.logSoftmax(Variable.of(x), 1);
        out.show("LogSoftmax(dim=1)(x)", logProbs);
        out.show("NLLLoss()(LogSoftmax(dim=1)(x), target)", Losses.nllLoss(logProbs, target, LossOptions.defaults()));
        double sum = 0;
        for (double v : logits) {
            sum += Math.exp(v);
        }
        double lse = Math.log(sum);
        out.line("   by hand: logsumexp = log(" + Report.joined(logits, v -> "exp(" + Report.plain(v) + ")", " + ")
                + ") = log(" + Report.joined(logits, v -> Report.fixed(Math.exp(v), 4), " + ") + ")");
        out.line("                      = log(" + Report.fixed(sum, 4) + ") = " + Report.fixed(lse, 4));
        out.line("            log-probabilities x - logsumexp = ["
                + Report.joined(logits, v -> Report.fixed(v - lse, 4), ", ") + "]");
        out.line("            loss = -(x[0] - logsumexp) = " + Report.plain(-logits[0]) + " + " + Report.fixed(lse, 4)
                + " = " + Report.fixed(lse - logits[0], 4));
    }

    /** Equal logits: every class has probability 1/3, every loss is ln 3. */
    private static void equalLogits(Report out) {
        Tensor logits = Tensor.full(0.5, 2, 3);
        Variable target = Variable.of(Tensor.of(0L, 1L));
        out.line("2. Two samples with all logits 0.5 over 3 classes, targets [0, 1], reduction none.");
        out.show("CrossEntropyLoss(reduction='none')(logits, target)", Losses.crossEntropy(Variable.of(logits),
                target, LossOptions.defaults().withReduction(Reduction.NONE)));
        out.line("   by hand: equal logits give p = 1/3 for every class; -ln(1/3) = ln 3 = " + Report.fixed(LN3, 4));
    }

    /** Class weights scale each sample's loss by the weight of its target class. */
    private static void classWeights(Report out) {
        Tensor logits = Tensor.full(0.5, 2, 3);
        Variable target = Variable.of(Tensor.of(0L, 1L));
        Tensor weight = Tensor.of(0.6f, 0.2f, 0.2f);
        LossOptions weighted = LossOptions.defaults().withWeight(weight);
        out.line("3. The same with class weights [0.6, 0.2, 0.2].");
        out.show("CrossEntropyLoss(weight=w, reduction='none')(logits, target)", Losses.crossEntropy(
                Variable.of(logits), target, weighted.withReduction(Reduction.NONE)));
        out.line("   by hand: w[0] * ln 3 = 0.6 * " + Report.fixed(LN3, 4) + " = " + Report.fixed(0.6 * LN3, 4)
                + ";  w[1] * ln 3 = 0.2 * " + Report.fixed(LN3, 4) + " = " + Report.fixed(0.2 * LN3, 4));
        out.show("CrossEntropyLoss(weight=w)(logits, target)",
                Losses.crossEntropy(Variable.of(logits), target, weighted));
        out.line("   by hand: the weighted mean divides by the weights of the targets, not by 2: ("
                + Report.fixed(0.6 * LN3, 4) + " + " + Report.fixed(0.2 * LN3, 4) + ") / (0.6 + 0.2) = "
                + Report.fixed((0.6 * LN3 + 0.2 * LN3) / 0.8, 4));
    }

    /** An ignored target contributes exactly 0. */
    private static void ignoreIndex(Report out) {
        Tensor logits = Tensor.full(0.5, 3, 3);
        Variable target = Variable.of(Tensor.of(0L, 1L, 2L));
        out.line("4. Three samples with all logits 0.5, targets [0, 1, 2], reduction none.");
        for (long ignored : new long[] {1, 2}) {
            LossOptions o = LossOptions.defaults().withReduction(Reduction.NONE).withIgnoreIndex(ignored);
            out.show("CrossEntropyLoss(ignore_index=" + ignored + ", reduction='none')(logits, target)",
                    Losses.crossEntropy(Variable.of(logits), target, o));
        }
        out.line("   by hand: a sample whose target equals ignore_index contributes exactly 0; the others ln 3 = "
                + Report.fixed(LN3, 4) + ".");
        out.line("            With reduction mean the denominator counts only the 2 samples not ignored: (2 * "
                + Report.fixed(LN3, 4) + ") / 2 = " + Report.fixed(LN3, 4));
    }
}
