package io.github.backprop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The README's five-line autograd example compiles, and its printed gradient is right. */
class ReadmeExampleTest {
    @Test
    void fiveLineExample() {
        Variable w = Variable.parameter(Tensor.of(new double[][] {{0.5, -1.0}, {2.0, 0.25}}));
        Variable x = Variable.of(Tensor.of(1.0, 2.0));
        Variable loss = w.matmul(x).tanh().sum();
        loss.backward();
        GradCheck.gradcheck(xs -> xs.get(0).matmul(x).tanh().sum(), w.value());

        // d/dw_ij Σ tanh(w·x)_i = (1 − tanh²((w·x)_i))·x_j, with w·x = [−1.5, 2.5].
        double d0 = 1 - Math.pow(Math.tanh(-1.5), 2);
        double d1 = 1 - Math.pow(Math.tanh(2.5), 2);
        Tensor expected = Tensor.of(new double[][] {{d0, 2 * d0}, {d1, 2 * d1}});
        assertTrue(w.grad().value().allclose(expected, 1e-12, 0), w.grad().toString());
        // and the four decimals the README prints
        assertTrue(w.grad().value().allclose(Tensor.of(new double[][] {{0.1807, 0.3614}, {0.0266, 0.0532}}), 0, 6e-5));
    }
}
