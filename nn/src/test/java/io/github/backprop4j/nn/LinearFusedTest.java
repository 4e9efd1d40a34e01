package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.backprop4j.autograd.GradCheck;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.testkit.TensorKit;
import io.github.backprop4j.testkit.Tolerance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Linear's fused node (y = x·Wᵀ + b, backward in closed form) against the same layer written
 * with separate ops, for the small-matrix loops and the blocked-matmul path, with and without bias.
 */
class LinearFusedTest {
    /** float32 agreement: 1e-5 absolute plus 1e-5 relative. */
    private static final Tolerance FLOAT32 = Tolerance.of(1e-5, 1e-5);

    @ParameterizedTest
    @CsvSource({"32, 2, 16, true", "32, 16, 3, true", "5, 3, 3, true", "7, 5, 9, false", "1, 4, 1, true",
            "64, 64, 128, true", "128, 100, 10, false"})
    void float32ValuesAndGradientsMatchTheComposedOps(int batch, int in, int out, boolean bias) {
        Generator gen = new Generator(batch * 31L + in * 7L + out);
        Linear layer = new Linear(in, out, bias, DType.FLOAT32, gen);
        Tensor x = Tensor.randn(gen, DType.FLOAT32, batch, in);
        Tensor upstream = Tensor.randn(gen, DType.FLOAT32, batch, out);

        Variable xv = Variable.parameter(x);
        Variable y = layer.forward(xv);
        y.times(Variable.of(upstream)).sum().backward();

        Variable w2 = Variable.parameter(layer.weight().value());
        Variable b2 = bias ? Variable.parameter(layer.bias().value()) : null;
        Variable x2 = Variable.parameter(x);
        Variable y2 = x2.matmul(w2.transpose(0, 1));
        if (b2 != null) {
            y2 = y2.plus(b2);
        }
        y2.times(Variable.of(upstream)).sum().backward();

        TensorKit.assertClose(y2.value(), y.value(), FLOAT32, "fused vs composed output");
        TensorKit.assertClose(x2.grad().value(), xv.grad().value(), FLOAT32, "fused vs composed dx");
        TensorKit.assertClose(w2.grad().value(), layer.weight().grad().value(), FLOAT32, "fused vs composed dW");
        if (bias) {
            TensorKit.assertClose(b2.grad().value(), layer.bias().grad().value(), FLOAT32, "fused vs composed db");
        } else {
            assertNull(layer.bias());
        }
    }

    @Test
    void constantInputGetsNoGradientAndParametersDo() {
        Linear layer = new Linear(3, 2, new Generator(0));
        layer.forward(Variable.of(Tensor.randn(new Generator(1), DType.FLOAT32, 4, 3))).sum().backward();
        assertEquals(layer.weight().shape(), layer.weight().grad().shape());
        // d(Σ y)/db = number of rows
        TensorKit.assertClose(Tensor.of(4f, 4f), layer.bias().grad().value(), FLOAT32, "fused vs composed db");
    }

    @Test
    void secondDerivativesPassGradGradCheck() {
        Linear layer = new Linear(3, 2, true, DType.FLOAT64, new Generator(1));
        GradCheck.gradgradcheck(xs -> layer.forward(xs.get(0)).tanh(), Tensor.rand(new Generator(2), DType.FLOAT64, 4, 3));
    }

    @Test
    void float64InputThroughAFloat32LayerIsAnErrorAsInPyTorch() {
        Linear layer = new Linear(3, 2, new Generator(0));
        Variable x = Variable.parameter(Tensor.randn(new Generator(1), DType.FLOAT64, 4, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> layer.forward(x));
        assertEquals("mat1 and mat2 must have the same dtype, but got Double and Float", e.getMessage());
    }
}
