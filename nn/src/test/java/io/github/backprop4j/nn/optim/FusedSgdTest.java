package io.github.backprop4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Plain SGD on a float32 parameter takes a fast path over the raw arrays; its bits must equal the
 * formula as float32 tensor operations, {@code p.minus(g.times(lr))}: the product rounded to
 * float, then the difference. Lengths cover whole vectors and tails; the gradient is sometimes a
 * contiguous view that starts inside its storage.
 */
class FusedSgdTest {
    @Test
    void plainStepIsTheTensorFormulaBitForBit() {
        QuickTheory.qt().withFixedSeed(31).withExamples(60)
                .forAll(integers().between(1, 300), integers().between(0, 3), longs().all())
                .checkAssert((size, gradOffset, seed) -> {
                    Random random = new Random(seed);
                    Tensor p0 = randomFloats(random, size);
                    Tensor gradStorage = randomFloats(random, size + gradOffset);
                    Tensor grad = gradStorage.narrow(0, gradOffset, size);
                    double lr = 0.001 + random.nextDouble();
                    Variable p = Variable.parameter(p0);
                    SGD sgd = new SGD(List.of(p), lr);
                    p.setGrad(Variable.of(grad));
                    sgd.step();
                    Tensor want = p0.minus(grad.times(lr));
                    assertArrayEquals(want.toFloatArray(), p.value().toFloatArray(),
                            "size " + size + ", gradient offset " + gradOffset + ", lr " + lr);
                });
    }

    private static Tensor randomFloats(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() * Math.exp(random.nextGaussian() * 3);
        }
        return Tensor.of(values).to(DType.FLOAT32);
    }
}
