package io.github.backprop4j.nn.data;

import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partition of example indices {@code 0..n-1} into a training part and a test part, both in
 * shuffled order. Apply it with {@link TensorDataset#subset(int[])}.
 */
public final class TrainTestSplit {
    private final int[] train;
    private final int[] test;

    private TrainTestSplit(int[] train, int[] test) {
        this.train = train;
        this.test = test;
    }

    /**
     * Indices of the training examples.
     *
     * @return a fresh copy of the indices, in shuffled order
     */
    public int[] train() {
        return train.clone();
    }

    /**
     * Indices of the test examples.
     *
     * @return a fresh copy of the indices, in shuffled order
     */
    public int[] test() {
        return test.clone();
    }

    /**
     * A seeded split that keeps the class proportions of {@code labels} (1-D class labels) in both
     * parts, as scikit-learn's {@code train_test_split(..., stratify=y)}. The test part has
     * {@code ⌈testFraction·n⌉} examples; class c with {@code n_c} examples contributes
     * {@code ⌊n_c·n_test/n⌋} or one more, the extra ones going to the classes with the largest
     * remainders (ties to the smaller label). Within each class, which examples go to the test
     * part is drawn from {@code gen}; both parts are then shuffled.
     *
     * @param labels the class label of every example, 1-D, of an integer (or integral) dtype
     * @param testFraction the share of examples in the test part, in (0, 1)
     * @param gen the source of the choice and of the shuffles
     * @return the split of the indices {@code 0..labels.size(0)-1}
     * @throws IllegalArgumentException if {@code labels} is not 1-D, or unless
     *     0 &lt; testFraction &lt; 1 and both parts are non-empty
     */
    public static TrainTestSplit stratified(Tensor labels, double testFraction, Generator gen) {
        if (labels.dim() != 1) {
            throw new IllegalArgumentException("stratified split: labels must be 1-D, got shape " + labels.shape());
        }
        long[] y = labels.toLongArray();
        int n = y.length;
        int nTest = testSize(n, testFraction);
        Map<Long, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byClass.computeIfAbsent(y[i], k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> classes = new ArrayList<>(byClass.values());
        int[] testCounts = allocate(classes.stream().mapToInt(List::size).toArray(), nTest, n);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            int[] members = classes.get(c).stream().mapToInt(Integer::intValue).toArray();
            gen.shuffle(members);
            for (int k = 0; k < members.length; k++) {
                (k < testCounts[c] ? test : train).add(members[k]);
            }
        }
        return new TrainTestSplit(shuffled(train, gen), shuffled(test, gen));
    }

    /**
     * A seeded split of {@code n} examples without regard to classes: a permutation drawn from
     * {@code gen}, whose first ⌈testFraction·n⌉ indices are the test part and the rest the
     * training part.
     *
     * @param n the number of examples
     * @param testFraction the share of examples in the test part, in (0, 1)
     * @param gen the source of the permutation
     * @return the split of the indices {@code 0..n-1}
     * @throws IllegalArgumentException unless 0 &lt; testFraction &lt; 1 and both parts are non-empty
     */
    public static TrainTestSplit random(int n, double testFraction, Generator gen) {
        int nTest = testSize(n, testFraction);
        int[] p = gen.permutation(n);
        return new TrainTestSplit(Arrays.copyOfRange(p, nTest, n), Arrays.copyOfRange(p, 0, nTest));
    }

    private static int testSize(int n, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("train/test split: test fraction must be in (0, 1), got " + testFraction);
        }
        int nTest = (int) Math.ceil(testFraction * n);
        if (nTest < 1 || nTest >= n) {
            throw new IllegalArgumentException(String.format(
                    "train/test split: with n_samples=%d and test fraction %s, the resulting train set would be"
                            + " empty or the test set would be empty", n, testFraction));
        }
        return nTest;
    }

    /** Largest-remainder apportionment of {@code total} among classes of the given sizes out of {@code n}. */
    static int[] allocate(int[] sizes, int total, int n) {
        int[] out = new int[sizes.length];
        double[] remainder = new double[sizes.length];
        int assigned = 0;
        for (int c = 0; c < sizes.length; c++) {
            double quota = (double) sizes[c] * total / n;
            out[c] = (int) Math.floor(quota);
            remainder[c] = quota - out[c];
            assigned += out[c];
        }
        for (int extra = total - assigned; extra > 0; extra--) {
            int best = -1;
            for (int c = 0; c < sizes.length; c++) {
                if (out[c] < sizes[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            out[best]++;
            remainder[best] = -1;
        }
        return out;
    }

    private static int[] shuffled(List<Integer> indices, Generator gen) {
        int[] a = indices.stream().mapToInt(Integer::intValue).toArray();
        gen.shuffle(a);
        return a;
    }
}
