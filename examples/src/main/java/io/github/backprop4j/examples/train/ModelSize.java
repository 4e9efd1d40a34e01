package io.github.backprop4j.examples.train;

import java.util.List;
import java.util.Locale;

/**
 * Whether a multilayer perceptron fits the heap, checked before any of it is allocated, so that
 * {@code --hidden 40000,40000} is one clear line instead of an {@code OutOfMemoryError}.
 *
 * <p>The estimate: each float32 parameter is held {@value #COPIES_PER_PARAMETER} times (the
 * value, its gradient, up to two optimizer states and one temporary while initialising), and
 * each hidden unit holds {@value #COPIES_PER_ACTIVATION} float32 activations per training sample
 * (forward, ReLU, gradient) when the whole training part is evaluated at once.
 */
final class ModelSize {
    static final int COPIES_PER_PARAMETER = 5;
    static final int COPIES_PER_ACTIVATION = 3;
    /** The share of the heap a model may take; the rest is for the data, the JVM and the plot. */
    static final double HEAP_SHARE = 0.75;

    private ModelSize() {
    }

    /** Weights and biases of Linear layers {@code inputs → hidden... → outputs}. */
    static long parameters(int inputs, List<Integer> hidden, int outputs) {
        long total = 0;
        int width = inputs;
        for (int h : hidden) {
            total += ((long) width + 1) * h;
            width = h;
        }
        return total + ((long) width + 1) * outputs;
    }

    /** Estimated bytes to train the model on {@code samples} samples at once. */
    static long bytes(int inputs, List<Integer> hidden, int outputs, int samples) {
        long units = outputs;
        for (int h : hidden) {
            units += h;
        }
        return Float.BYTES * (COPIES_PER_PARAMETER * parameters(inputs, hidden, outputs)
                + COPIES_PER_ACTIVATION * units * samples);
    }

    /** Throws a one-line {@link IllegalArgumentException} naming the size when the model cannot fit in {@code maxHeap}. */
    static void check(int inputs, List<Integer> hidden, int outputs, int samples, long maxHeap) {
        String shape = shape(inputs, hidden, outputs);
        int width = inputs;
        for (int h : hidden) {
            if ((long) width * h > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the model " + shape + " has a " + h + "×" + width
                        + " layer, larger than the largest tensor (2^31 elements)");
            }
            width = h;
        }
        long needed = bytes(inputs, hidden, outputs, samples);
        if (needed > HEAP_SHARE * maxHeap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the model %s has %,d parameters and needs about %s to train, more than the %s heap holds "
                            + "(a larger heap: BACKPROP4J_JAVA_OPTS=-Xmx...)",
                    shape, parameters(inputs, hidden, outputs), megabytes(needed), megabytes(maxHeap)));
        }
    }

    static String shape(int inputs, List<Integer> hidden, int outputs) {
        StringBuilder s = new StringBuilder().append(inputs);
        for (int h : hidden) {
            s.append('-').append(h);
        }
        return s.append('-').append(outputs).toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, bytes >> 20));
    }
}
