package io.github.backprop4j.nn.data;

import io.github.backprop4j.tensor.Generator;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Mini-batches of a {@link Dataset}, as {@code torch.utils.data.DataLoader}: each call of
 * {@link #iterator()} is one epoch. The examples come in order, or, with a shuffle generator,
 * in a fresh permutation per epoch drawn from that generator, so a seed fixes every epoch's
 * order. The last batch may be smaller unless {@code dropLast} drops it.
 *
 * <pre>{@code
 * var loader = new DataLoader(dataset, DataLoader.Options.batchSize(32).shuffle(new Generator(0)));
 * for (Batch b : loader) { Tensor x = b.get(0), y = b.get(1); ... }
 * }</pre>
 */
public final class DataLoader implements Iterable<Batch> {
    private final Dataset dataset;
    private final Options options;

    /**
     * How to batch: {@code batchSize} ≥ 1; {@code shuffle} is the generator that permutes each
     * epoch, or null to keep the dataset's order; {@code dropLast} drops a final incomplete batch.
     */
    public record Options(int batchSize, @Nullable Generator shuffle, boolean dropLast) {
        public Options {
            if (batchSize < 1) {
                throw new IllegalArgumentException("DataLoader: batch_size should be a positive integer value, but got"
                        + " batch_size=" + batchSize);
            }
        }

        /** Batches of {@code batchSize} in dataset order, keeping the last incomplete batch. */
        public static Options batchSize(int batchSize) {
            return new Options(batchSize, null, false);
        }

        /** Shuffles every epoch with {@link Generator#defaultGenerator()}, as {@code shuffle=True}. */
        public Options shuffled() {
            return shuffle(Generator.defaultGenerator());
        }

        /** Shuffles every epoch with {@code generator}. */
        public Options shuffle(Generator generator) {
            return new Options(batchSize, generator, dropLast);
        }

        public Options dropLast(boolean value) {
            return new Options(batchSize, shuffle, value);
        }
    }

    /** Batches of {@code batchSize} in dataset order. */
    public DataLoader(Dataset dataset, int batchSize) {
        this(dataset, Options.batchSize(batchSize));
    }

    public DataLoader(Dataset dataset, Options options) {
        this.dataset = dataset;
        this.options = options;
    }

    public Dataset dataset() {
        return dataset;
    }

    public Options options() {
        return options;
    }

    /** Batches per epoch: ⌊n / batchSize⌋ with {@code dropLast}, else ⌈n / batchSize⌉. */
    public int size() {
        int n = dataset.size();
        int b = options.batchSize();
        return options.dropLast() ? n / b : (n + b - 1) / b;
    }

    /** One epoch of batches; with shuffling, draws this epoch's permutation now. */
    @Override
    public Iterator<Batch> iterator() {
        Generator gen = options.shuffle();
        int[] order = gen != null ? gen.permutation(dataset.size()) : identity(dataset.size());
        int batches = size();
        int batchSize = options.batchSize();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("DataLoader: the epoch has no more batches");
                }
                int from = next * batchSize;
                int[] indices = Arrays.copyOfRange(order, from, Math.min(from + batchSize, order.length));
                next++;
                return new Batch(dataset.getBatch(indices), indices);
            }
        };
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }
}
