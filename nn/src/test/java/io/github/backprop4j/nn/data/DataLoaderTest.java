package io.github.backprop4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    /** Features row i = [i, 10 i], target i = i mod 3, so every batch can be checked against its indices. */
    private static TensorDataset dataset(int n) {
        double[] x = new double[2 * n];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 * i;
            y[i] = i % 3;
        }
        return new TensorDataset(Tensor.fromFlat(DType.FLOAT64, x, n, 2), Tensor.fromFlat(y, n));
    }

    private static List<Integer> epoch(DataLoader loader) {
        List<Integer> seen = new ArrayList<>();
        for (Batch b : loader) {
            for (int i : b.indices()) {
                seen.add(i);
            }
        }
        return seen;
    }

    @Test
    void batchesInOrderWithASmallerLastBatch() {
        DataLoader loader = new DataLoader(dataset(10), 4);
        assertEquals(3, loader.size());
        List<Batch> batches = new ArrayList<>();
        loader.forEach(batches::add);
        assertEquals(3, batches.size());
        assertArrayEquals(new int[] {0, 1, 2, 3}, batches.get(0).indices());
        assertArrayEquals(new int[] {8, 9}, batches.get(2).indices());
        assertEquals(Shape.of(4, 2), batches.get(0).get(0).shape());
        assertEquals(Shape.of(2), batches.get(2).component2().shape());
        assertEquals(Tensor.of(new double[][] {{8, 80}, {9, 90}}), batches.get(2).component1());
        assertEquals(Tensor.of(2L, 0L), batches.get(2).get(1));
    }

    @Test
    void dropLastDropsTheIncompleteBatch() {
        DataLoader loader = new DataLoader(dataset(10), DataLoader.Options.batchSize(4).dropLast(true));
        assertEquals(2, loader.size());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), epoch(loader));
    }

    @Test
    void shuffleIsSeededAndDiffersBetweenEpochs() {
        DataLoader a = new DataLoader(dataset(50), DataLoader.Options.batchSize(7).shuffle(new Generator(3)));
        DataLoader b = new DataLoader(dataset(50), DataLoader.Options.batchSize(7).shuffle(new Generator(3)));
        List<Integer> a1 = epoch(a);
        List<Integer> a2 = epoch(a);
        assertEquals(a1, epoch(b));
        assertEquals(a2, epoch(b));
        assertNotEquals(a1, a2);
        assertNotEquals(epoch(new DataLoader(dataset(50), 7)), a1);
    }

    @Test
    void batchContentsMatchTheirIndices() {
        TensorDataset data = dataset(23);
        for (Batch b : new DataLoader(data, DataLoader.Options.batchSize(5).shuffle(new Generator(1)))) {
            int[] idx = b.indices();
            for (int k = 0; k < idx.length; k++) {
                assertEquals(idx[k], b.get(0).getDouble(k, 0));
                assertEquals(10.0 * idx[k], b.get(0).getDouble(k, 1));
                assertEquals(idx[k] % 3, b.get(1).getLong(k));
            }
        }
    }

    @Test
    void theDefaultCollateStacksExamples() {
        Dataset squares = new Dataset() {
            @Override
            public int size() {
                return 5;
            }

            @Override
            public List<Tensor> get(int index) {
                return List.of(Tensor.of((double) index, index * index), Tensor.scalar(index, DType.INT64));
            }
        };
        Batch b = new DataLoader(squares, 3).iterator().next();
        assertEquals(Tensor.of(new double[][] {{0, 0}, {1, 1}, {2, 4}}), b.get(0));
        assertEquals(Tensor.of(0L, 1L, 2L), b.get(1));
    }

    @Test
    void misuseIsReported() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DataLoader.Options.batchSize(0))
                .getMessage().contains("batch_size should be a positive integer value"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4))).getMessage().contains("Size mismatch"));
        Iterator<Batch> it = new DataLoader(dataset(2), 5).iterator();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertThrows(IndexOutOfBoundsException.class, () -> dataset(3).get(3));
    }

    @Test
    void propertyEveryIndexExactlyOncePerEpoch() {
        qt().withFixedSeed(7L).withExamples(200)
                .forAll(integers().between(1, 120), integers().between(1, 40), longs().between(0, 1_000_000), booleans().all())
                .checkAssert((n, batchSize, seed, dropLast) -> {
                    DataLoader loader = new DataLoader(dataset(n),
                            DataLoader.Options.batchSize(batchSize).shuffle(new Generator(seed)).dropLast(dropLast));
                    for (int e = 0; e < 2; e++) {
                        List<Integer> seen = epoch(loader);
                        int expected = dropLast ? n / batchSize * batchSize : n;
                        assertEquals(expected, seen.size());
                        assertEquals(expected, seen.stream().distinct().count(), "an index came twice");
                        assertTrue(seen.stream().allMatch(i -> i >= 0 && i < n));
                        int batches = 0;
                        for (Batch b : loader) {
                            batches++;
                            assertTrue(b.size() == batchSize || (!dropLast && b.size() == n % batchSize));
                        }
                        assertEquals(loader.size(), batches);
                    }
                });
    }
}
