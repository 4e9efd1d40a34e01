package io.github.backprop4j.examples.seeds;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.io.PrintWriter;

/**
 * {@code log-softmax-nll}: LogSoftmax then NLLLoss on a batch of 10 samples over 5 classes,
 * written out by hand — {@code x − logsumexp(x)}, the one-hot matrix of the targets, the picked
 * log-probabilities, their mean, the negated mean — then the library's loss, 1.4693.
 *
 * <p>The inputs are those of the original walk-through, a Q&amp;A answer that ran
 * {@code x = torch.randn(10, 5)} (unseeded) and printed {@code x} to four decimals; the page
 * was found as a mirror at https://www.likecs.com/ask-9724792.html. Its full-precision values
 * cannot be regenerated, so the four-decimal values it printed are used. The loss is the
 * same, 1.4693; single log-probabilities can differ from the original's in the last digit
 * (row 2, class 4 prints −0.8062 here and −0.8063 there).
 */
final class LogSoftmaxNll implements Walkthrough {
    /** {@code x} as printed in the original walk-through. */
    static final float[][] X = {
        {1.5837f, -1.3132f, 1.5513f, 1.4422f, 0.8072f},
        {1.1740f, 1.9250f, 0.4258f, -1.0320f, -0.4650f},
        {-1.2447f, -0.5360f, -1.4950f, 1.2020f, 1.2724f},
        {0.2300f, 0.2587f, -0.4463f, -0.1397f, -0.3617f},
        {-0.7983f, 0.7742f, 0.0035f, 0.9963f, -0.7926f},
        {0.7575f, -0.8008f, 0.7995f, 0.0448f, 0.6621f},
        {-1.7153f, 0.7672f, -0.6841f, -0.4826f, -0.8614f},
        {0.0263f, 0.7244f, 0.8751f, -1.0226f, -1.3762f},
        {0.0192f, -0.4368f, -0.4010f, -1.0660f, 0.0364f},
        {-0.5120f, -1.4871f, 0.6758f, 1.2975f, 0.2879f},
    };

    /** The targets of the original walk-through. */
    static final long[] TARGET = {0, 4, 3, 0, 0, 4, 1, 2, 4, 2};

    @Override
    public String name() {
        return "log-softmax-nll";
    }


    @Override
    public void run(PrintWriter printer) {
        Report out = new Report(printer);
        out.heading(name(), "LogSoftmax then NLLLoss, written out by hand");
        out.line("A batch of 10 samples over 5 classes. x and the targets are those of the original walk-through,");
        out.line("a Q&A answer (mirrored at https://www.likecs.com/ask-9724792.html) that drew x with an unseeded");
        out.line("torch.randn(10, 5) and printed it to 4 decimals. Those printed values are used here, so a");
        out.line("log-probability can differ from the original's in the last digit (row 2, class 4: -0.8062 here,");
        out.line("-0.8063 there); the loss, 1.4693, is the same.");
        out.blank();

        Tensor x = Tensor.of(X);
        Tensor target = Tensor.of(TARGET);
        int classes = x.size(1);
        out.show("x", x);
        out.show("target", target);
        out.blank();

        out.line("1. log-softmax by hand: pred = x - logsumexp(x, dim=1)");
        Tensor pred = x.minus(x.logsumexp(1, true));
        out.show("pred", pred);
        double[] row0 = toDoubles(X[0]);
        double lse0 = logSumExp(row0);
        out.line("   row 0: logsumexp = log(" + Report.joined(row0, v -> "exp(" + Report.fixed(v, 4) + ")", " + ")
                + ") = " + Report.fixed(lse0, 4) + ",");
        out.line("          so pred[0, 0] = " + Report.fixed(row0[0], 4) + " - " + Report.fixed(lse0, 4) + " = "
                + Report.fixed(row0[0] - lse0, 4));
        out.blank();

        out.line("2. the one-hot matrix of the targets: ohe[i, target[i]] = 1");
        Tensor ohe = target.oneHot(classes).to(DType.FLOAT32);
        out.show("ohe", ohe);
        out.blank();

        out.line("3. the picked log-probabilities pred[i, target[i]] = (pred * ohe).sum(dim=1)");
        Tensor pe = pred.times(ohe).sum(1, false);
        out.show("pe", pe);
        out.blank();

        out.line("4. their mean");
        Tensor mean = pe.mean();
        out.show("mean", mean);
        out.line("5. the negated mean: the NLL loss");
        out.show("negmean", mean.neg());
        double[] picked = new double[TARGET.length];
        for (int i = 0; i < TARGET.length; i++) {
            double[] row = toDoubles(X[i]);
            picked[i] = row[(int) TARGET[i]] - logSumExp(row);
        }
        double byHand = -sum(picked) / picked.length;
        out.line("   by hand: -(" + Report.joined(picked, v -> Report.fixed(v, 4), " + ").replace("+ -", "- ")
                + ") / " + picked.length + " = " + Report.fixed(byHand, 4));
        out.blank();

        out.line("The library: NLLLoss()(LogSoftmax(dim=1)(x), target)");
        Variable logProbs = Losses.logSoftmax(Variable.of(x), 1);
        Variable loss = Losses.nllLoss(logProbs, Variable.of(target), LossOptions.defaults());
        out.show("loss", loss);
        Variable ce = Losses.crossEntropy(Variable.of(x), Variable.of(target), LossOptions.defaults());
        out.line("and CrossEntropyLoss()(x, target), which fuses the two: " + ce.value());
    }

    static double[] toDoubles(float[] row) {
        double[] d = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            d[i] = Double.parseDouble(Float.toString(row[i]));
        }
        return d;
    }

    /** log Σ exp(v), shifted by the maximum. */
    static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            max = Math.max(max, d);
        }
        double s = 0;
        for (double d : v) {
            s += Math.exp(d - max);
        }
        return max + Math.log(s);
    }

    /** Plain left-to-right sum, as one adds numbers by hand. */
    static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }
}
