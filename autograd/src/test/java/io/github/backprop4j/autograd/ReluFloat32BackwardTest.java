package io.github.backprop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Relu's float32 backward loop gives exactly what the maskedFill formula gives, special values included. */
class ReluFloat32BackwardTest {
    @Test
    void loopMatchesMaskedFillIncludingZerosAndNaN() {
        float nan = Float.NaN;
        Tensor x = Tensor.of(new float[][] {{-2f, -0f, 0f, 3f}, {nan, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY,
            Float.MIN_VALUE}});
        Tensor g = Tensor.of(new float[][] {{1f, 2f, 3f, 4f}, {5f, 6f, nan, 8f}});
        Variable xv = Variable.parameter(x);
        xv.relu().backward(g);
        Variable g2 = Variable.of(g).maskedFill(x.le(0), 0);
        assertArrayEquals(g2.value().toFloatArray(), xv.grad().value().toFloatArray());
        assertArrayEquals(new float[] {0f, 0f, 0f, 4f, 5f, 0f, nan, 8f}, xv.grad().value().toFloatArray());
    }

    @Test
    void randomInputsAndAViewAsGradient() {
        Generator gen = new Generator(3);
        Tensor x = Tensor.randn(gen, DType.FLOAT32, 32, 16);
        Tensor g = Tensor.randn(gen, DType.FLOAT32, 16, 32).t(); // not contiguous: the maskedFill path
        Variable xv = Variable.parameter(x);
        xv.relu().backward(g);
        assertArrayEquals(Variable.of(g).maskedFill(x.le(0), 0).value().toFloatArray(), xv.grad().value().toFloatArray());
        Variable xw = Variable.parameter(x);
        xw.relu().backward(g.contiguous());
        assertArrayEquals(xv.grad().value().toFloatArray(), xw.grad().value().toFloatArray());
        assertEquals(DType.FLOAT32, xw.grad().dtype());
    }
}
