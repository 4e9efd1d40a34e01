package io.github.backprop4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.Tolerance;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Central differences with respect to a module's own parameters (which GradCheck cannot perturb,
 * as they belong to the module): each float64 element is moved by ±ε with Variable.assign and
 * (f(p + ε) − f(p − ε)) / 2ε is compared with the gradient backward left in p.grad().
 */
final class FiniteDifferences {
    private static final double EPS = 1e-6;

    /** How far a central difference may be from the gradient: its truncation and rounding error. */
    private static final Tolerance CENTRAL_DIFFERENCE = Tolerance.of(1e-4, 1e-6);

    private FiniteDifferences() {
    }

    static void checkParameters(Module module, Supplier<Variable> scalarLoss) {
        module.zeroGrad();
        scalarLoss.get().backward();
        for (Map.Entry<String, Variable> e : module.namedParameters().entrySet()) {
            Variable p = e.getValue();
            assertEquals(DType.FLOAT64, p.dtype(), "use float64 parameters for finite differences");
            assertNotNull(p.grad(), e.getKey() + " got no gradient");
            double[] analytic = p.grad().value().toDoubleArray();
            Tensor original = p.value();
            double[] values = original.toDoubleArray();
            for (int i = 0; i < values.length; i++) {
                double plus = lossWith(p, values, i, values[i] + EPS, scalarLoss);
                double minus = lossWith(p, values, i, values[i] - EPS, scalarLoss);
                double numeric = (plus - minus) / (2 * EPS);
                CENTRAL_DIFFERENCE.assertClose(numeric, analytic[i], e.getKey() + "[" + i + "]");
            }
            p.assign(original);
        }
    }

    private static double lossWith(Variable p, double[] values, int i, double v, Supplier<Variable> loss) {
        double[] moved = values.clone();
        moved[i] = v;
        p.assign(Tensor.fromFlat(DType.FLOAT64, moved, p.shape().toArray()));
        return loss.get().item();
    }
}
