package io.github.backprop4j.examples.train;

import io.github.backprop4j.examples.datasets.Task;
import io.github.backprop4j.tensor.Tensor;

/** How well a model's outputs (logits) match the targets. */
final class Metrics {
    private Metrics() {
    }

    /**
     * Fraction of samples predicted right. Multi-class: argmax of the logits equals the class.
     * Binary: logit &gt; 0 exactly when the label is 1. Multi-label: every attribute right (exact
     * match, the strictest reading).
     */
    static double accuracy(Task task, Tensor logits, Tensor targets) {
        int n = logits.size(0);
        if (n == 0) {
            return Double.NaN;
        }
        int right = 0;
        if (task == Task.MULTICLASS) {
            long[] predicted = logits.argmax(1, false).toLongArray();
            long[] truth = targets.toLongArray();
            for (int i = 0; i < n; i++) {
                right += predicted[i] == truth[i] ? 1 : 0;
            }
        } else {
            double[] z = logits.toDoubleArray();
            double[] y = targets.toDoubleArray();
            int k = z.length / n;
            for (int i = 0; i < n; i++) {
                boolean all = true;
                for (int j = 0; j < k; j++) {
                    all &= (z[i * k + j] > 0) == (y[i * k + j] > 0.5);
                }
                right += all ? 1 : 0;
            }
        }
        return (double) right / n;
    }

    /** Micro-averaged F1 over all (sample, attribute) pairs: 2·TP / (2·TP + FP + FN). */
    static double f1Micro(Tensor logits, Tensor targets) {
        double[] z = logits.toDoubleArray();
        double[] y = targets.toDoubleArray();
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < z.length; i++) {
            boolean predicted = z[i] > 0;
            boolean actual = y[i] > 0.5;
            tp += predicted && actual ? 1 : 0;
            fp += predicted && !actual ? 1 : 0;
            fn += !predicted && actual ? 1 : 0;
        }
        return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
