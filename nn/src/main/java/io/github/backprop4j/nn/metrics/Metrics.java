package io.github.backprop4j.nn.metrics;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;

/**
 * Classification metrics, defined as scikit-learn defines them. Multi-class: predictions and
 * targets are int64 class indices of shape (N). Multi-label: 0/1 tensors of shape (N, L), any dtype.
 *
 * <pre>{@code
 * double acc = Metrics.accuracy(logits, y);                    // argmax over dim 1, then compare
 * ClassCounts c = Metrics.multiClass(logits.argmax(1), y, 10);
 * double macroF1 = c.f1(Average.MACRO);
 * }</pre>
 */
public final class Metrics {
    private Metrics() {
    }

    /**
     * The fraction of predictions equal to their target: Σ [ŷᵢ = yᵢ] / N (0 for N = 0).
     *
     * @param predicted int64 class indices, shape (N)
     * @param target int64 class indices, shape (N)
     * @return the accuracy in [0, 1]
     */
    public static double accuracy(Tensor predicted, Tensor target) {
        long[] p = labels(predicted, "predicted");
        long[] t = labels(target, "target");
        requireSameLength(p.length, t.length);
        long hits = 0;
        for (int i = 0; i < p.length; i++) {
            hits += p[i] == t[i] ? 1 : 0;
        }
        return p.length == 0 ? 0 : (double) hits / p.length;
    }

    /**
     * The accuracy of {@code logits} of shape (N, C), predicting {@code argmax} over dim 1.
     *
     * @param logits scores, shape (N, C)
     * @param target int64 class indices, shape (N)
     * @return the accuracy in [0, 1]
     */
    public static double accuracy(Variable logits, Tensor target) {
        return accuracy(logits.argmax(1), target);
    }

    /**
     * The confusion matrix: entry (i, j) counts the samples of true class i predicted as class j
     * (rows are truths, as scikit-learn's {@code confusion_matrix}).
     *
     * @param predicted int64 class indices, shape (N)
     * @param target int64 class indices, shape (N)
     * @param numClasses C; every index must lie in [0, C)
     * @return an int64 tensor of shape (C, C)
     */
    public static Tensor confusionMatrix(Tensor predicted, Tensor target, int numClasses) {
        long[] p = labels(predicted, "predicted");
        long[] t = labels(target, "target");
        requireSameLength(p.length, t.length);
        long[] m = new long[numClasses * numClasses];
        for (int i = 0; i < p.length; i++) {
            m[checkClass(t[i], numClasses) * numClasses + checkClass(p[i], numClasses)]++;
        }
        return Tensor.fromFlat(m, numClasses, numClasses);
    }

    /**
     * Per-class counts of a multi-class prediction: for class c, TP = predicted c and true c,
     * FP = predicted c but not true c, FN = true c but predicted otherwise. Micro-averaged
     * precision, recall and F1 then all equal the accuracy.
     *
     * @param predicted int64 class indices, shape (N)
     * @param target int64 class indices, shape (N)
     * @param numClasses C
     * @return the counts, one per class
     */
    public static ClassCounts multiClass(Tensor predicted, Tensor target, int numClasses) {
        long[] cm = confusionMatrix(predicted, target, numClasses).toLongArray();
        long[] tp = new long[numClasses];
        long[] fp = new long[numClasses];
        long[] fn = new long[numClasses];
        for (int truth = 0; truth < numClasses; truth++) {
            for (int guess = 0; guess < numClasses; guess++) {
                long n = cm[truth * numClasses + guess];
                if (truth == guess) {
                    tp[truth] += n;
                } else {
                    fp[guess] += n;
                    fn[truth] += n;
                }
            }
        }
        return new ClassCounts(tp, fp, fn);
    }

    /**
     * Per-label counts of a multi-label prediction: each of the L columns is a yes/no question,
     * nonzero meaning yes.
     *
     * @param predicted shape (N, L)
     * @param target shape (N, L)
     * @return the counts, one per label
     */
    public static ClassCounts multiLabel(Tensor predicted, Tensor target) {
        if (predicted.dim() != 2 || !predicted.shape().equals(target.shape())) {
            throw new IllegalArgumentException("multiLabel: predicted and target must both have shape (N, L), got "
                    + predicted.shape() + " and " + target.shape());
        }
        int n = predicted.size(0);
        int labels = predicted.size(1);
        double[] p = predicted.contiguous().toDoubleArray();
        double[] t = target.contiguous().toDoubleArray();
        long[] tp = new long[labels];
        long[] fp = new long[labels];
        long[] fn = new long[labels];
        for (int i = 0; i < n * labels; i++) {
            boolean yes = p[i] != 0;
            boolean truth = t[i] != 0;
            int l = i % labels;
            tp[l] += yes && truth ? 1 : 0;
            fp[l] += yes && !truth ? 1 : 0;
            fn[l] += !yes && truth ? 1 : 0;
        }
        return new ClassCounts(tp, fp, fn);
    }

    /**
     * Multi-label predictions from logits: 1 where the logit is above 0 (probability above ½).
     *
     * @param logits shape (N, L)
     * @return an int64 0/1 tensor of the same shape
     */
    public static Tensor multiLabelPredictions(Variable logits) {
        return logits.value().gt(0);
    }

    /**
     * The fraction of samples whose every label is right (scikit-learn's {@code accuracy_score}
     * on multi-label input, the "subset accuracy").
     *
     * @param predicted shape (N, L)
     * @param target shape (N, L)
     * @return the subset accuracy in [0, 1]
     */
    public static double subsetAccuracy(Tensor predicted, Tensor target) {
        if (!predicted.shape().equals(target.shape()) || predicted.dim() != 2) {
            throw new IllegalArgumentException("subsetAccuracy: predicted and target must both have shape (N, L), got "
                    + predicted.shape() + " and " + target.shape());
        }
        Tensor wrongLabels = predicted.ne(0).ne(target.ne(0)).sum(1, false);
        long exact = wrongLabels.eq(0).sum().getLong();
        return predicted.size(0) == 0 ? 0 : (double) exact / predicted.size(0);
    }

    private static long[] labels(Tensor t, String what) {
        if (t.dtype() != DType.INT64 || t.dim() != 1) {
            throw new IllegalArgumentException("expected " + what + " to be int64 class indices of shape (N), got "
                    + t.dtype().shortName() + " of shape " + t.shape());
        }
        return t.contiguous().toLongArray();
    }

    private static void requireSameLength(int predicted, int target) {
        if (predicted != target) {
            throw new IllegalArgumentException("predicted and target must have the same length, got "
                    + predicted + " and " + target);
        }
    }

    private static int checkClass(long c, int numClasses) {
        if (c < 0 || c >= numClasses) {
            throw new IllegalArgumentException("class index " + c + " is out of range [0, " + numClasses + ")");
        }
        return (int) c;
    }
}
