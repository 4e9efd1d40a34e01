package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.autograd.GradCheck;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LinearTest {
    @Test
    void outputShapesFollowTheLastDimension() {
        Linear layer = new Linear(4, 5, new Generator(0));
        assertEquals(Shape.of(5, 4), layer.weight().shape());
        assertEquals(Shape.of(5), layer.bias().shape());
        assertEquals(Shape.of(3, 5), layer.forward(Variable.of(Tensor.zeros(3, 4))).shape());
        assertEquals(Shape.of(5), layer.forward(Variable.of(Tensor.zeros(4))).shape());
        assertEquals(Shape.of(2, 3, 5), layer.forward(Variable.of(Tensor.zeros(2, 3, 4))).shape());
        assertEquals(DType.FLOAT32, layer.forward(Variable.of(Tensor.zeros(3, 4))).dtype());
    }

    @Test
    void computesXTimesWeightTransposedPlusBias() {
        Linear layer = new Linear(3, 2, true, DType.FLOAT64, new Generator(5));
        Tensor x = Tensor.rand(new Generator(6), DType.FLOAT64, 4, 3);
        Tensor y = layer.forward(Variable.of(x)).value();
        Tensor w = layer.weight().value();
        Tensor b = layer.bias().value();
        for (int n = 0; n < 4; n++) {
            for (int o = 0; o < 2; o++) {
                double expected = b.getDouble(o);
                for (int i = 0; i < 3; i++) {
                    expected += x.getDouble(n, i) * w.getDouble(o, i);
                }
                assertEquals(expected, y.getDouble(n, o), 1e-14);
            }
        }
    }

    @Test
    void pyTorchDefaultInitIsUniformWithinOneOverSqrtFanIn() {
        int fanIn = 400;
        Linear layer = new Linear(fanIn, 100, new Generator(42));
        float bound = (float) (1 / Math.sqrt(fanIn));
        for (Variable p : layer.parameters()) {
            double[] v = p.value().toDoubleArray();
            double max = 0;
            double sum = 0;
            double sumSq = 0;
            for (double x : v) {
                assertTrue(Math.abs(x) <= bound, () -> "value " + x + " outside ±" + bound);
                max = Math.max(max, Math.abs(x));
                sum += x;
                sumSq += x * x;
            }
            assertTrue(max > 0.95 * bound, "values should spread over the whole interval, max " + max);
            if (v.length > 1000) {
                // U(-c, c) has mean 0 and variance c²/3
                double mean = sum / v.length;
                double var = sumSq / v.length - mean * mean;
                assertEquals(0, mean, 0.05 * bound);
                assertEquals(bound * bound / 3, var, 0.05 * bound * bound / 3);
            }
        }
    }

    @Test
    void initIsSeeded() {
        assertEquals(new Linear(3, 2, new Generator(7)).stateDict(), new Linear(3, 2, new Generator(7)).stateDict());
        assertNotEquals(new Linear(3, 2, new Generator(7)).weight().value(),
                new Linear(3, 2, new Generator(8)).weight().value());
    }

    @Test
    void withoutBias() {
        Linear layer = new Linear(3, 2, false, DType.FLOAT32, new Generator(0));
        assertNull(layer.bias());
        assertEquals(1, layer.parameters().size());
        assertEquals("Linear(in_features=3, out_features=2, bias=False)", layer.toString());
        Tensor x = Tensor.zeros(1, 3);
        assertEquals(Tensor.zeros(1, 2), layer.forward(Variable.of(x)).value());
    }

    @Test
    void wrongInputWidthNamesTheShapes() {
        Linear layer = new Linear(4, 5, new Generator(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(Variable.of(Tensor.zeros(3, 5))));
        assertEquals("Linear: input of shape [3, 5] does not end in in_features=4 (weight is [5, 4])", e.getMessage());
    }

    @Test
    void gradientWithRespectToTheInputPassesGradCheck() {
        Linear layer = new Linear(3, 2, true, DType.FLOAT64, new Generator(1));
        GradCheck.gradcheck(xs -> layer.forward(xs.get(0)).tanh(), Tensor.rand(new Generator(2), DType.FLOAT64, 4, 3));
    }

    @Test
    void parameterGradientsMatchCentralDifferences() {
        Linear layer = new Linear(3, 2, true, DType.FLOAT64, new Generator(1));
        Tensor x = Tensor.rand(new Generator(2), DType.FLOAT64, 4, 3);
        FiniteDifferences.checkParameters(layer, () -> layer.forward(Variable.of(x)).tanh().sum());
    }

    @Test
    void sequentialGradientsPassGradCheckAndCentralDifferences() {
        Generator gen = new Generator(3);
        Sequential model = new Sequential(new Linear(3, 4, true, DType.FLOAT64, gen), new Tanh(),
                new Linear(4, 2, true, DType.FLOAT64, gen), new GELU());
        Tensor x = Tensor.rand(new Generator(4), DType.FLOAT64, 5, 3);
        GradCheck.gradcheck(xs -> model.forward(xs.get(0)), x);
        FiniteDifferences.checkParameters(model, () -> model.forward(Variable.of(x)).sum());
    }
}
