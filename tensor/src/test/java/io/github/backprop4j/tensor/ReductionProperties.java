package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorGens.normals;
import static io.github.backprop4j.tensor.TensorGens.seeds;
import static io.github.backprop4j.testkit.Gens.between;
import static io.github.backprop4j.testkit.Gens.numel;
import static io.github.backprop4j.testkit.Gens.qt;
import static io.github.backprop4j.testkit.Gens.shapes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** sumTo is the adjoint of expand; logsumexp is finite and right for entries of ±1e4. */
class ReductionProperties {

    /** A target shape and a shape it expands to (extra leading dims, size-1 dims grown). */
    record Expansion(int[] target, int[] expanded, long seed) {
        @Override
        public String toString() {
            return Arrays.toString(target) + " -> " + Arrays.toString(expanded) + ", seed " + seed;
        }
    }

    private static Gen<Expansion> expansions() {
        Gen<int[]> targets = shapes(3, 1, 4);
        return in -> {
            int[] target = targets.generate(in);
            int lead = between(0, 2).generate(in);
            int[] expanded = new int[lead + target.length];
            for (int i = 0; i < lead; i++) {
                expanded[i] = between(0, 4).generate(in);
            }
            for (int i = 0; i < target.length; i++) {
                if (between(0, 2).generate(in) == 0) {
                    target[i] = 1;
                }
                expanded[lead + i] = target[i] == 1 ? between(0, 4).generate(in) : target[i];
            }
            return new Expansion(target, expanded, seeds().generate(in));
        };
    }

    @Test
    void sumToIsTheAdjointOfExpand() {
        // ⟨expand(a), b⟩ = ⟨a, sumTo(b)⟩ for every a of the target shape and b of the expanded shape
        qt(31, 400).forAll(expansions()).checkAssert(e -> {
            Tensor a = normals(e.seed(), DType.FLOAT64, e.target());
            Tensor b = normals(e.seed() + 1, DType.FLOAT64, e.expanded());
            Tensor summed = b.sumTo(e.target());
            assertArrayEquals(e.target(), summed.shape().toArray());
            double[] ea = a.expand(e.expanded()).toDoubleArray();
            double[] bb = b.toDoubleArray();
            double lhs = TensorGens.inner(ea, bb);
            double rhs = TensorGens.inner(a.toDoubleArray(), summed.toDoubleArray());
            assertEquals(lhs, rhs, 1e-12 * (1 + TensorGens.absInner(ea, bb)));
        });
    }

    @Test
    void sumToOfAnExpandedOnesTensorCountsTheCopies() {
        qt(32, 200).forAll(expansions()).checkAssert(e -> {
            int copies = numel(e.expanded()) / Math.max(1, numel(e.target()));
            if (numel(e.target()) == 0) {
                return;
            }
            Tensor s = Tensor.ones(DType.INT64, e.target()).expand(e.expanded()).sumTo(e.target());
            for (long v : s.toLongArray()) {
                assertEquals(copies, v);
            }
        });
    }

    /** Rows of values y in [-5, 5], shifted by one offset c in [-1e4, 1e4] per row. */
    record Shifted(int rows, int cols, double[] offsets, long seed) {
        @Override
        public String toString() {
            return rows + "x" + cols + ", offsets " + Arrays.toString(offsets) + ", seed " + seed;
        }
    }

    private static Gen<Shifted> shifted() {
        return in -> {
            int rows = between(1, 4).generate(in);
            int cols = between(1, 12).generate(in);
            double[] offsets = new double[rows];
            for (int i = 0; i < rows; i++) {
                offsets[i] = org.quicktheories.generators.SourceDSL.doubles().between(-1e4, 1e4).generate(in);
            }
            return new Shifted(rows, cols, offsets, seeds().generate(in));
        };
    }

    @Test
    void logsumexpIsFiniteAndRightForEntriesOfTenThousand() {
        // logsumexp(y + c) = c + log Σ exp(y), and the right side cannot overflow for y in [-5, 5]
        qt(33, 300).forAll(shifted()).checkAssert(s -> {
            Tensor y = Tensor.rand(new Generator(s.seed()), DType.FLOAT64, s.rows(), s.cols()).times(10).minus(5);
            Tensor c = Tensor.of(s.offsets()).unsqueeze(1);
            Tensor lse = y.plus(c).logsumexp(1, false);
            double[] rows = y.toDoubleArray();
            for (int i = 0; i < s.rows(); i++) {
                double sum = 0;
                for (int j = 0; j < s.cols(); j++) {
                    sum += Math.exp(rows[i * s.cols() + j]);
                }
                double expected = s.offsets()[i] + Math.log(sum);
                double actual = lse.getDouble(i);
                assertTrue(Double.isFinite(actual), "row " + i + " is " + actual);
                assertEquals(expected, actual, 1e-11 * Math.max(1, Math.abs(expected)), "row " + i);
            }
        });
    }

    @Test
    void logsumexpOfFloat32LiesBetweenTheMaxAndMaxPlusLogN() {
        qt(34, 300).forAll(shifted()).checkAssert(s -> {
            Tensor x = Tensor.rand(new Generator(s.seed()), s.rows(), s.cols()).times(2e4).minus(1e4);
            Tensor lse = x.logsumexp(1, true);
            Tensor max = x.max(1, true).values();
            for (int i = 0; i < s.rows(); i++) {
                double m = max.getDouble(i, 0);
                double l = lse.getDouble(i, 0);
                // max ≤ log Σ exp ≤ max + log n, give or take the float32 rounding of the result
                assertTrue(Double.isFinite(l) && l >= m && l <= m + Math.log(s.cols()) + Math.ulp((float) m),
                        "row " + i + ": max " + m + ", logsumexp " + l);
            }
        });
    }
}
