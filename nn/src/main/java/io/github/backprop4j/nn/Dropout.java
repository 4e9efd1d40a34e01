package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;

/**
 * Inverted dropout, as {@code torch.nn.Dropout}: in training mode each element is zeroed with
 * probability {@code p} and the survivors are scaled by {@code 1/(1 − p)}, so the expected value
 * is unchanged; in evaluation mode ({@link Module#eval()}) the input passes through untouched.
 *
 * <p>The mask is drawn elementwise in row-major order from the layer's seeded generator: element
 * i is dropped when {@code u_i < p} for {@code u_i} uniform in [0, 1). With {@code p = 1} the
 * output is all zeros, as in PyTorch.
 */
public final class Dropout extends Module {
    private final double p;
    private final Generator generator;

    /**
     * Drops with probability {@code p}, drawing masks from {@link Generator#defaultGenerator()}.
     *
     * @param p the probability that an element is zeroed, in [0, 1]
     * @throws IllegalArgumentException if {@code p} is outside [0, 1] or NaN
     */
    public Dropout(double p) {
        this(p, Generator.defaultGenerator());
    }

    /**
     * Drops with probability 0.5, PyTorch's default.
     *
     * @param generator the source of the dropout masks
     */
    public Dropout(Generator generator) {
        this(0.5, generator);
    }

    /**
     * Drops with probability {@code p}, drawing masks from {@code generator}.
     *
     * @param p the probability that an element is zeroed, in [0, 1]
     * @param generator the source of the dropout masks
     * @throws IllegalArgumentException if {@code p} is outside [0, 1] or NaN
     */
    public Dropout(double p, Generator generator) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: dropout probability has to be between 0 and 1, but got " + p);
        }
        this.p = p;
        this.generator = generator;
    }

    /**
     * The drop probability, as {@code dropout.p}.
     *
     * @return the probability that an element is zeroed in training mode
     */
    public double p() {
        return p;
    }

    @Override
    public Variable forward(Variable input) {
        if (!isTraining() || p == 0) {
            return input;
        }
        double keptScale = p == 1 ? 0 : 1 / (1 - p);
        double[] mask = new double[input.value().numel()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = generator.nextDouble() < p ? 0 : keptScale;
        }
        return input.times(Variable.of(Tensor.fromFlat(input.dtype(), mask, input.shape().toArray())));
    }

    @Override
    protected String extraRepr() {
        return "p=" + p + ", inplace=False";
    }
}
