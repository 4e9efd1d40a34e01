package io.github.backprop4j.testkit;

import static io.github.backprop4j.testkit.Gens.between;
import static io.github.backprop4j.testkit.Gens.qt;
import static io.github.backprop4j.testkit.Gens.shapes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The generators stay in their bounds, and — the reason the kit exists — a failing property is
 * reported for a small case: QuickTheories shrinks the choices behind {@link ShrinkingRandom}.
 */
class GensTest {
    record Problem(int[] shape, double[] values) {
        @Override
        public String toString() {
            return "shape " + Arrays.toString(shape) + " values " + Arrays.toString(values);
        }
    }

    /** A Random-based scenario, as the loss and autograd tests write them. */
    private static Problem problem(Random r) {
        int[] shape = LossShapes.anyShape(r);
        return new Problem(shape, Gens.uniform(r, 0, 10, Gens.numel(shape)));
    }

    @Test
    void aFailingRandomBasedScenarioIsReportedAsASmallCaseNotASeed() {
        // false as soon as there are two dims: the smallest counterexample is a 1×1 shape
        Gen<Problem> problems = Gens.fromRandom(GensTest::problem);
        AssertionError e = assertThrows(AssertionError.class, () -> qt(1, 200).forAll(problems)
                .check(p -> p.shape().length < 2));
        assertTrue(e.getMessage().contains("shape [1, 1] values [0.0]"), e.getMessage());
    }

    @Test
    void shrinkingRandomValuesShrinkTowardsTheLowEndAndGaussiansTowardsZero() {
        Gen<double[]> draws = Gens.fromRandom(r -> new double[] {r.nextGaussian(), r.nextInt(7), r.nextDouble()});
        AssertionError e = assertThrows(AssertionError.class, () -> qt(2, 200)
                .forAll(draws.describedAs(Arrays::toString)).check(d -> false));
        assertTrue(e.getMessage().contains("[0.0, 0.0, 0.0]"), e.getMessage());
    }

    @Test
    void shapesStayInTheirBoundsAndPermutationsArePermutations() {
        qt(3, 200).forAll(shapes(4, 1, 5)).checkAssert(s -> {
            assertTrue(s.length <= 4);
            assertTrue(Arrays.stream(s).allMatch(d -> d >= 1 && d <= 5), Arrays.toString(s));
        });
        qt(4, 200).forAll(between(0, 6).flatMap(n -> in -> Gens.permutation(n, in))).checkAssert(p -> {
            int[] sorted = p.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                assertEquals(i, sorted[i]);
            }
        });
    }

    @Test
    void aBroadcastableShapeBroadcastsToItsTarget() {
        Gen<int[][]> pairs = shapes(4, 1, 4).flatMap(out -> in -> new int[][] {out, Gens.broadcastableTo(out, in)});
        qt(5, 200).forAll(pairs).checkAssert(p -> {
            int[] out = p[0];
            int[] s = p[1];
            assertTrue(s.length <= out.length);
            for (int i = 1; i <= s.length; i++) {
                int d = s[s.length - i];
                assertTrue(d == 1 || d == out[out.length - i], Arrays.toString(s) + " vs " + Arrays.toString(out));
            }
        });
    }

    @Test
    void lossTargetsAreInRangeAndTheFirstIsNeverIgnored() {
        qt(6, 200).forAll(Gens.fromRandom(r -> {
            int[] in = LossShapes.classShape(r, 1);
            int c = LossShapes.classes(in);
            long ignore = LossShapes.ignoreIndex(r, c);
            return new Object[] {in, ignore, LossShapes.indexTargets(r, LossShapes.targetShape(in), c, ignore)};
        })).checkAssert(x -> {
            int[] in = (int[]) x[0];
            long ignore = (long) x[1];
            long[] t = (long[]) x[2];
            int c = LossShapes.classes(in);
            assertEquals(Gens.numel(in) / c, t.length);
            assertTrue(t[0] != ignore);
            assertTrue(Arrays.stream(t).allMatch(v -> v == ignore || v >= 0 && v < c), Arrays.toString(t));
        });
        assertArrayEquals(new int[] {2, 4, 5}, LossShapes.targetShape(new int[] {2, 3, 4, 5}));
        assertArrayEquals(new int[0], LossShapes.targetShape(new int[] {3}));
    }
}
