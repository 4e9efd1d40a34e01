package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.autograd.GradCheck;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ActivationTest {
    private static final double[] X = {-6.0, -3.0, -2.0, -1.0, -0.5, -0.001, 0.0, 0.001, 0.5, 1.0, 1.5, 2.0, 3.0, 6.0};

    // torch.nn.functional.gelu(x) in float64, PyTorch 1.13 (exact erf form)
    private static final double[] GELU_EXACT = {-5.919525869479969e-09, -0.00404969409489031, -0.04550026389635842,
        -0.15865525393145702, -0.15426876936299344, -0.000499601057786089, 0.0, 0.000500398942213911,
        0.34573123063700656, 0.841344746068543, 1.399789198096713, 1.9544997361036416, 2.99595030590511,
        5.999999994080474};
    // torch.nn.functional.gelu(x, approximate='tanh') in float64
    private static final double[] GELU_TANH = {-8.43964897967453e-11, -0.0036373920817729943, -0.04540230591222494,
        -0.1588080093917233, -0.15428599017485606, -0.000499601057786418, 0.0, 0.000500398942213582,
        0.34571400982514394, 0.8411919906082768, 1.3995715769802328, 1.954597694087775, 2.996362607918227,
        5.9999999999156035};
    // d/dx of the exact GELU, from PyTorch's backward
    private static final double[] GELU_EXACT_GRAD = {-3.546870945402639e-08, -0.01194564720418392,
        -0.08523180107819692, -0.08331547058768635, 0.13250487534383712, 0.4992021157051586, 0.5,
        0.5007978842948414, 0.8674951246561629, 1.0833154705876864, 1.1274691922299795, 1.085231801078197,
        1.011945647204184, 1.0000000354687093};
    // torch.nn.functional.gelu(x.float()), float32
    private static final double[] GELU_EXACT_F32 = {0.0, -0.004049867391586304, -0.045500099658966064,
        -0.1586552858352661, -0.1542687863111496, -0.0004996011266484857, 0.0, 0.0005003989208489656,
        0.3457311987876892, 0.8413447141647339, 1.3997890949249268, 1.9544999599456787, 2.995950222015381, 6.0};

    private static Variable x64() {
        return Variable.parameter(Tensor.of(X));
    }

    @Test
    void geluExactMatchesPyTorch() {
        Variable x = x64();
        Variable y = new GELU().forward(x);
        assertArrayEquals(GELU_EXACT, y.value().toDoubleArray(), 2e-16 * 8);
        y.sum().backward();
        assertArrayEquals(GELU_EXACT_GRAD, x.grad().value().toDoubleArray(), 1e-15);
    }

    @Test
    void geluExactInFloat32MatchesPyTorchFloat32() {
        Tensor y = new GELU().forward(Variable.of(Tensor.of(X).to(DType.FLOAT32))).value();
        assertEquals(DType.FLOAT32, y.dtype());
        assertArrayEquals(GELU_EXACT_F32, y.toDoubleArray(), 1e-6);
    }

    @Test
    void geluTanhApproximationMatchesPyTorch() {
        Tensor y = new GELU(GELU.Approximation.TANH).forward(x64()).value();
        assertArrayEquals(GELU_TANH, y.toDoubleArray(), 1e-15);
    }

    @Test
    void geluGradientsPassGradCheckToSecondOrder() {
        Tensor x = Tensor.of(-2.5, -1.0, -0.3, 0.2, 0.9, 1.7);
        GradCheck.gradcheck(xs -> new GELU().forward(xs.get(0)), x);
        GradCheck.gradgradcheck(xs -> new GELU().forward(xs.get(0)), x);
        GradCheck.gradcheck(xs -> new GELU(GELU.Approximation.TANH).forward(xs.get(0)), x);
    }

    @Test
    void reluTanhSigmoidAreTheTextbookFunctions() {
        double[] relu = new ReLU().forward(x64()).value().toDoubleArray();
        double[] tanh = new Tanh().forward(x64()).value().toDoubleArray();
        double[] sigmoid = new Sigmoid().forward(x64()).value().toDoubleArray();
        for (int i = 0; i < X.length; i++) {
            assertEquals(Math.max(X[i], 0), relu[i], 0);
            assertEquals(Math.tanh(X[i]), tanh[i], 1e-15);
            assertEquals(1 / (1 + Math.exp(-X[i])), sigmoid[i], 1e-15);
        }
    }

    @Test
    void leakyReluScalesNegativesAndHasSlopeGradientAtZero() {
        Variable x = Variable.parameter(Tensor.of(-2.0, 0.0, 3.0));
        Variable y = new LeakyReLU().forward(x);
        assertArrayEquals(new double[] {-0.02, 0.0, 3.0}, y.value().toDoubleArray(), 1e-17);
        y.sum().backward();
        // PyTorch: grad = x > 0 ? 1 : negative_slope, so 0.01 at x = 0
        assertArrayEquals(new double[] {0.01, 0.01, 1.0}, x.grad().value().toDoubleArray(), 0);
        assertArrayEquals(new double[] {-0.4, 0.0, 3.0},
                new LeakyReLU(0.2).forward(Variable.of(Tensor.of(-2.0, 0.0, 3.0))).value().toDoubleArray(), 1e-16);
    }

    @Test
    void flattenAndIdentityShapes() {
        Variable x = Variable.of(Tensor.zeros(2, 3, 4, 5));
        assertEquals(Shape.of(2, 60), new Flatten().forward(x).shape());
        assertEquals(Shape.of(6, 4, 5), new Flatten(0, 1).forward(x).shape());
        assertEquals(Shape.of(2, 3, 20), new Flatten(-2, -1).forward(x).shape());
        assertEquals(Shape.of(120), new Flatten(0, -1).forward(x).shape());
        // as torch.nn.Flatten()(torch.zeros(2)): dim 1 does not exist
        assertTrue(assertThrows(IndexOutOfBoundsException.class, () -> new Flatten().forward(Variable.of(Tensor.zeros(2))))
                .getMessage().contains("Flatten: Dimension out of range"));
        Variable y = Variable.of(Tensor.rand(new Generator(0), 2, 2));
        assertEquals(y, new Identity().forward(y));
    }

    @Test
    void flattenKeepsValuesInRowMajorOrder() {
        Tensor t = Tensor.arange(24).reshape(2, 3, 4);
        assertArrayEquals(t.toLongArray(), new Flatten().forward(Variable.of(t)).value().toLongArray());
    }
}
