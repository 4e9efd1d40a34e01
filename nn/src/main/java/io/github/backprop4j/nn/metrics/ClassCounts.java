package io.github.backprop4j.nn.metrics;

import java.util.Arrays;

/**
 * True positives, false positives and false negatives per class, from which precision, recall and
 * F1 follow: precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2·TP / (2·TP + FP + FN).
 * A ratio whose denominator is 0 counts as 0, as scikit-learn's {@code zero_division=0}.
 *
 * @param truePositives per class
 * @param falsePositives per class
 * @param falseNegatives per class
 */
public record ClassCounts(long[] truePositives, long[] falsePositives, long[] falseNegatives) {
    /**
     * Checks the three arrays have one entry per class and copies them.
     *
     * @param truePositives per class
     * @param falsePositives per class
     * @param falseNegatives per class
     */
    public ClassCounts {
        if (truePositives.length != falsePositives.length || truePositives.length != falseNegatives.length) {
            throw new IllegalArgumentException("ClassCounts: one count per class expected in each array");
        }
        truePositives = truePositives.clone();
        falsePositives = falsePositives.clone();
        falseNegatives = falseNegatives.clone();
    }

    /**
     * The number of classes (or labels).
     *
     * @return the length of each count array
     */
    public int numClasses() {
        return truePositives.length;
    }

    /**
     * Precision, TP / (TP + FP).
     *
     * @param average micro or macro
     * @return the score in [0, 1]
     */
    public double precision(Average average) {
        return score(average, true, false);
    }

    /**
     * Recall, TP / (TP + FN).
     *
     * @param average micro or macro
     * @return the score in [0, 1]
     */
    public double recall(Average average) {
        return score(average, false, true);
    }

    /**
     * F1, the harmonic mean of precision and recall: 2·TP / (2·TP + FP + FN).
     *
     * @param average micro or macro
     * @return the score in [0, 1]
     */
    public double f1(Average average) {
        return score(average, true, true);
    }

    /** k·TP / (k·TP + FP? + FN?), k = 2 when both error kinds count (F1), else 1. */
    private double score(Average average, boolean withFp, boolean withFn) {
        int k = withFp && withFn ? 2 : 1;
        if (average == Average.MICRO) {
            long tp = sum(truePositives);
            return ratio(k * tp, k * tp + (withFp ? sum(falsePositives) : 0) + (withFn ? sum(falseNegatives) : 0));
        }
        double total = 0;
        for (int c = 0; c < numClasses(); c++) {
            long errors = (withFp ? falsePositives[c] : 0) + (withFn ? falseNegatives[c] : 0);
            total += ratio(k * truePositives[c], k * truePositives[c] + errors);
        }
        return numClasses() == 0 ? 0 : total / numClasses();
    }

    private static long sum(long[] v) {
        return Arrays.stream(v).sum();
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassCounts c && Arrays.equals(truePositives, c.truePositives)
                && Arrays.equals(falsePositives, c.falsePositives) && Arrays.equals(falseNegatives, c.falseNegatives);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(truePositives) * 31 * 31 + Arrays.hashCode(falsePositives) * 31
                + Arrays.hashCode(falseNegatives);
    }

    @Override
    public String toString() {
        return "ClassCounts[tp=" + Arrays.toString(truePositives) + ", fp=" + Arrays.toString(falsePositives)
                + ", fn=" + Arrays.toString(falseNegatives) + "]";
    }
}
