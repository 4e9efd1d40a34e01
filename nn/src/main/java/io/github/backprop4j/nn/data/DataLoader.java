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
     * Start from {@link #batchSize(int)}: {@code Options.batchSize(32).shuffled().dropLast(true)}.
     *
     * @param batchSize the number of examples per batch, ≥ 1
     * @param shuffle the generator that draws each epoch's permutation, or null for no shuffling
     * @param dropLast whether to drop the last batch when it has fewer than {@code batchSize}
     *     examples
     */
    public record Options(int batchSize, @Nullable Generator shuffle, boolean dropLast) {
        /**
         * Checks the batch size.
         *
         * @param batchSize the number of examples per batch
         * @param shuffle the generator that permutes each epoch, or null
         * @param dropLast whether to drop a final incomplete batch
         * @throws IllegalArgumentException if {@code batchSize} is below 1
         */
        public Options {
            if (batchSize < 1) {
                throw new IllegalArgumentException("DataLoader: batch_size should be a positive integer value, but got"
                        + " batch_size=" + batchSize);
            }
        }

        /**
         * Batches of {@code batchSize} in dataset order, keeping the last incomplete batch.
         *
         * @param batchSize the number of examples per batch, ≥ 1
         * @return options without shuffling or dropping
         * @throws IllegalArgumentException if {@code batchSize} is below 1
         */
        public static Options batchSize(int batchSize) {
            return new Options(batchSize, null, false);
        }

        /**
         * Shuffles every epoch with {@link Generator#defaultGenerator()}, as {@code shuffle=True}.
         *
         * @return a copy of these options that shuffles
         */
        public Options shuffled() {
            return shuffle(Generator.defaultGenerator());
        }

        /**
         * Shuffles every epoch with {@code generator}, as {@code shuffle=True, generator=g}.
         *
         * @param generator the source of each epoch's permutation
         * @return a copy of these options that shuffles with {@code generator}
         */
        public Options shuffle(Generator generator) {
            return new Options(batchSize, generator, dropLast);
        }

        /**
         * Drops or keeps a final incomplete batch, as {@code drop_last}.
         *
         * @param value {@code true} to drop it
         * @return a copy of these options with {@code dropLast = value}
         */
        public Options dropLast(boolean value) {
            return new Options(batchSize, shuffle, value);
        }
    }

    /**
     * Batches of {@code batchSize} in dataset order, the last one possibly smaller.
     *
     * @param dataset the examples
     * @param batchSize the number of examples per batch, ≥ 1
     * @throws IllegalArgumentException if {@code batchSize} is below 1
     */
    public DataLoader(Dataset dataset, int batchSize) {
        this(dataset, Options.batchSize(batchSize));
    }

    /**
     * Batches of {@code dataset} as {@code options} say.
     *
     * @param dataset the examples
     * @param options the batch size, the shuffle generator and whether to drop the last batch
     */
    public DataLoader(Dataset dataset, Options options) {
        this.dataset = dataset;
        this.options = options;
    }

    /**
     * The examples this loader batches.
     *
     * @return the dataset given at construction
     */
    public Dataset dataset() {
        return dataset;
    }

    /**
     * How this loader batches.
     *
     * @return the options given at construction
     */
    public Options options() {
        return options;
    }

    /**
     * Batches per epoch: ⌊n / batchSize⌋ with {@code dropLast}, else ⌈n / batchSize⌉, as
     * {@code len(loader)}.
     *
     * @return the number of batches each {@link #iterator()} yields
     */
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
