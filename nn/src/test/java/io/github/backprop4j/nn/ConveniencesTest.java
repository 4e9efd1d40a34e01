package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The PyTorch-named shortcuts: forward on a tensor, argmax, parameter counts, the default generator. */
class ConveniencesTest {

    @Test
    void forwardTakesATensor() {
        Linear layer = new Linear(2, 1, new Generator(1));
        Tensor x = Tensor.of(new float[][] {{1, 2}});
        assertEquals(layer.forward(Variable.of(x)).item(), layer.forward(x).item());
        assertEquals(layer.forward(x).item(), layer.invoke(x).item());
    }

    @Test
    void argmaxOnAVariable() {
        Variable logits = Variable.of(Tensor.of(new double[][] {{0, 3, 1}, {4, 4, -1}}));
        assertArrayEquals(new long[] {1, 0}, logits.argmax(1).toLongArray(), "first on ties");
        assertArrayEquals(new int[] {2, 1}, logits.argmax(1, true).shape().toArray());
        assertEquals(3, logits.argmax().getLong());
        assertArrayEquals(new long[] {0, 2}, logits.argmin(1, false).toLongArray());
    }

    @Test
    void parameterCountIsInTimesOutPlusOut() {
        Sequential mlp = new Sequential(new Linear(4, 8, new Generator(0)), new ReLU(), new Linear(8, 3, new Generator(0)));
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, mlp.numParameters());
        assertEquals(String.join("\n",
                "Sequential",
                "  (0) Linear(in_features=4, out_features=8, bias=True)   40",
                "  (1) ReLU()                                              0",
                "  (2) Linear(in_features=8, out_features=3, bias=True)   27",
                "Total parameters: 67"), mlp.summary());
        assertEquals(String.join("\n", "Linear", "  weight [3, 8]   24", "  bias [3]         3", "Total parameters: 27"),
                new Linear(8, 3, new Generator(0)).summary());
    }

    @Test
    void sharedParametersCountOnce() {
        Linear shared = new Linear(2, 2, new Generator(0));
        assertEquals(6, new Sequential(shared, shared).numParameters());
    }

    @Test
    void manualSeedMakesTheDefaultGeneratorDrawLikeAFreshOne() {
        Generator.manualSeed(42);
        Tensor a = Tensor.rand(3, 2);
        Linear layer = new Linear(3, 2);
        Tensor n = Tensor.randn(4);
        Generator g = new Generator(42);
        assertEquals(Tensor.rand(g, 3, 2), a);
        assertEquals(new Linear(3, 2, g).weight().value(), layer.weight().value());
        assertEquals(Tensor.randn(g, 4), n);
        Generator.manualSeed(42);
        assertEquals(a, Tensor.rand(3, 2), "reseeding restarts the stream");
    }

    @Test
    void linearRejectsAnInputOfAnotherDtypeAsPyTorchDoes() {
        Linear layer = new Linear(3, 2, new Generator(0));
        var e = assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.zeros(DType.FLOAT64, 4, 3)));
        assertEquals("mat1 and mat2 must have the same dtype, but got Double and Float", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.zeros(DType.FLOAT64, 2, 4, 3)));
    }
}
