package io.github.backprop4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainTestSplitTest {
    private static Tensor labels(long... y) {
        return Tensor.of(y);
    }

    private static Map<Long, Integer> counts(long[] y, int[] idx) {
        Map<Long, Integer> m = new HashMap<>();
        for (int i : idx) {
            m.merge(y[i], 1, Integer::sum);
        }
        return m;
    }

    @Test
    void keepsClassProportionsExactlyWhenTheyDivide() {
        long[] y = new long[100];
        for (int i = 0; i < 100; i++) {
            y[i] = i < 60 ? 0 : i < 90 ? 1 : 2; // 60 / 30 / 10
        }
        TrainTestSplit s = TrainTestSplit.stratified(labels(y), 0.2, new Generator(0));
        assertEquals(20, s.test().length);
        assertEquals(80, s.train().length);
        assertEquals(Map.of(0L, 12, 1L, 6, 2L, 2), counts(y, s.test()));
        assertEquals(Map.of(0L, 48, 1L, 24, 2L, 8), counts(y, s.train()));
    }

    @Test
    void isAPartitionAndSeeded() {
        long[] y = {0, 1, 1, 0, 2, 2, 2, 0, 1, 0, 2, 1, 0};
        TrainTestSplit a = TrainTestSplit.stratified(labels(y), 0.3, new Generator(5));
        TrainTestSplit b = TrainTestSplit.stratified(labels(y), 0.3, new Generator(5));
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.test(), b.test());
        int[] all = IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, y.length).toArray(), all);
    }

    @Test
    void invalidFractionsAndTinyDatasetsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.stratified(labels(0, 1, 0, 1), 0, new Generator(0)));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.stratified(labels(0, 1, 0, 1), 1, new Generator(0)));
        assertThrows(IllegalArgumentException.class, () -> TrainTestSplit.stratified(labels(0), 0.5, new Generator(0)));
        assertThrows(IllegalArgumentException.class,
                () -> TrainTestSplit.stratified(Tensor.zeros(2, 2), 0.5, new Generator(0)));
    }

    @Test
    void randomSplitSizes() {
        TrainTestSplit s = TrainTestSplit.random(10, 0.25, new Generator(1));
        assertEquals(3, s.test().length);
        assertEquals(7, s.train().length);
    }

    @Test
    void propertyEachClassGetsItsShareRoundedUpOrDown() {
        qt().withFixedSeed(11L).withExamples(200)
                .forAll(lists().of(integers().between(0, 4)).ofSizeBetween(4, 150), doubles().between(0.05, 0.6),
                        integers().between(0, 1000))
                .assuming((ys, frac, seed) -> {
                    int nTest = (int) Math.ceil(frac * ys.size());
                    return nTest >= 1 && nTest < ys.size();
                })
                .checkAssert((ys, frac, seed) -> {
                    long[] y = ys.stream().mapToLong(Integer::longValue).toArray();
                    TrainTestSplit s = TrainTestSplit.stratified(labels(y), frac, new Generator(seed));
                    int n = y.length;
                    int nTest = (int) Math.ceil(frac * n);
                    assertEquals(nTest, s.test().length);
                    assertEquals(n - nTest, s.train().length);
                    Map<Long, Integer> all = counts(y, IntStream.range(0, n).toArray());
                    Map<Long, Integer> test = counts(y, s.test());
                    all.forEach((c, nc) -> {
                        double share = (double) nc * nTest / n;
                        int got = test.getOrDefault(c, 0);
                        assertTrue(got == Math.floor(share) || got == Math.ceil(share),
                                "class " + c + ": " + got + " test examples for a share of " + share);
                    });
                    assertEquals(List.of(), Arrays.stream(s.test()).filter(i -> Arrays.stream(s.train()).anyMatch(j -> j == i))
                            .boxed().toList(), "train and test overlap");
                });
    }
}
