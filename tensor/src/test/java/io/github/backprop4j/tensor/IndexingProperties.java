package io.github.backprop4j.tensor;

import static io.github.backprop4j.tensor.TensorGens.normals;
import static io.github.backprop4j.tensor.TensorGens.seeds;
import static io.github.backprop4j.testkit.Gens.between;
import static io.github.backprop4j.testkit.Gens.qt;
import static io.github.backprop4j.testkit.Gens.shapes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** scatterAdd is the adjoint of gather: ⟨gather(x, i), y⟩ = ⟨x, scatterAdd(0, i, y)⟩. */
class IndexingProperties {

    record Case(int[] shape, int dim, int[] indexShape, long seed) {
        @Override
        public String toString() {
            return "shape " + Arrays.toString(shape) + ", dim " + dim + ", index " + Arrays.toString(indexShape)
                    + ", seed " + seed;
        }
    }

    private static Gen<Case> cases() {
        Gen<int[]> shapes = shapes(3, 1, 4);
        return in -> {
            int[] shape = shapes.generate(in);
            if (shape.length == 0) {
                shape = new int[] {between(1, 4).generate(in)};
            }
            int dim = between(0, shape.length - 1).generate(in);
            int[] index = new int[shape.length];
            for (int d = 0; d < shape.length; d++) {
                index[d] = d == dim ? between(0, 6).generate(in) : between(0, shape[d]).generate(in);
            }
            return new Case(shape, dim, index, seeds().generate(in));
        };
    }

    @Test
    void scatterAddIsTheAdjointOfGather() {
        qt(41, 300).forAll(cases()).checkAssert(c -> {
            Tensor x = normals(c.seed(), DType.FLOAT64, c.shape());
            Tensor index = Tensor.randint(new Generator(c.seed() + 1), 0, c.shape()[c.dim()], c.indexShape());
            Tensor y = normals(c.seed() + 2, DType.FLOAT64, c.indexShape());
            double[] g = x.gather(c.dim(), index).toDoubleArray();
            double[] s = x.zerosLike().scatterAdd(c.dim(), index, y).toDoubleArray();
            double lhs = TensorGens.inner(g, y.toDoubleArray());
            double rhs = TensorGens.inner(x.toDoubleArray(), s);
            assertEquals(lhs, rhs, 1e-12 * (1 + TensorGens.absInner(g, y.toDoubleArray())));
        });
    }

    @Test
    void gatherAlongADimEqualsSelectingEachIndex() {
        qt(42, 300).forAll(cases()).checkAssert(c -> {
            Tensor x = normals(c.seed(), DType.FLOAT64, c.shape());
            Tensor index = Tensor.randint(new Generator(c.seed() + 1), 0, c.shape()[c.dim()], c.indexShape());
            Tensor g = x.gather(c.dim(), index);
            for (int flat = 0; flat < g.numel(); flat++) {
                int[] pos = TensorGens.unravel(flat, c.indexShape());
                int[] src = pos.clone();
                src[c.dim()] = (int) index.getLong(pos);
                assertEquals(x.getDouble(src), g.getDouble(pos));
            }
        });
    }
}
