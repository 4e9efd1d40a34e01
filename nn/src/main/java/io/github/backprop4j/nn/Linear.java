package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.nn.internal.LinearFunction;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * A fully connected layer, {@code y = x·Wᵀ + b}, as {@code torch.nn.Linear}: the weight has shape
 * {@code [out_features, in_features]}, the bias {@code [out_features]}, and the input any shape
 * {@code [*, in_features]}.
 *
 * <p>Initialised as PyTorch does: the weight by {@code kaiming_uniform_(a = √5)}, which is
 * U(−1/√in_features, 1/√in_features), then the bias from the same distribution, both drawn from
 * the given generator.
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Variable weight;
    private final @Nullable Variable bias;

    /**
     * A float32 layer with a bias, initialised from {@link Generator#defaultGenerator()}, as
     * {@code nn.Linear(in_features, out_features)}.
     *
     * @param inFeatures the size of each input's last dimension
     * @param outFeatures the size of each output's last dimension
     * @throws IllegalArgumentException if either size is negative
     */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, Generator.defaultGenerator());
    }

    /**
     * A float32 layer with a bias, initialised from {@code gen}.
     *
     * @param inFeatures the size of each input's last dimension
     * @param outFeatures the size of each output's last dimension
     * @param gen the source of the initial weight and bias
     * @throws IllegalArgumentException if either size is negative
     */
    public Linear(int inFeatures, int outFeatures, Generator gen) {
        this(inFeatures, outFeatures, true, DType.FLOAT32, gen);
    }

    /**
     * A layer of the given dtype, with or without a bias, as
     * {@code nn.Linear(in_features, out_features, bias, dtype=dtype)}.
     *
     * @param inFeatures the size of each input's last dimension
     * @param outFeatures the size of each output's last dimension
     * @param bias whether to add a learned bias ({@code bias=True} in PyTorch)
     * @param dtype the parameters' dtype; inputs must have the same
     * @param gen the source of the initial weight and bias
     * @throws IllegalArgumentException if either size is negative or {@code dtype} is not a
     *     floating point type
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, DType dtype, Generator gen) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new IllegalArgumentException("Linear: in_features and out_features must be >= 0, got "
                    + inFeatures + " and " + outFeatures);
        }
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("Linear: parameters need a floating point dtype, got " + dtype.shortName());
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", Variable.parameter(Tensor.zeros(dtype, outFeatures, inFeatures)));
        this.bias = bias ? registerParameter("bias", Variable.parameter(Tensor.zeros(dtype, outFeatures))) : null;
        resetParameters(gen);
    }

    /**
     * Draws fresh values as PyTorch's {@code reset_parameters}: the weight first, from
     * U(−1/√in_features, 1/√in_features) by {@code kaiming_uniform_(a = √5)}, then the bias from
     * the same distribution (all zeros when {@code in_features} is 0).
     *
     * @param gen the source of the new values
     */
    public void resetParameters(Generator gen) {
        Init.kaimingUniform(weight, Math.sqrt(5), Init.FanMode.FAN_IN, Init.Nonlinearity.LEAKY_RELU, gen);
        if (bias != null) {
            double bound = inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0;
            Init.uniform(bias, -bound, bound, gen);
        }
    }

    /**
     * {@code y = input·Wᵀ + b} over the last dimension: {@code [*, in_features]} to
     * {@code [*, out_features]}.
     *
     * @param input the input, whose last dimension has size {@code in_features}
     * @return the output, in the graph of {@code input}, the weight and the bias
     * @throws IllegalArgumentException if {@code input} is a scalar, its last size is not
     *     {@code in_features}, or its dtype differs from the weight's (PyTorch's "mat1 and mat2
     *     must have the same dtype")
     */
    @Override
    public Variable forward(Variable input) {
        if (input.dim() == 0 || input.size(-1) != inFeatures) {
            throw new IllegalArgumentException(String.format(
                    "Linear: input of shape %s does not end in in_features=%d (weight is %s)",
                    input.shape(), inFeatures, weight.shape()));
        }
        if (input.dtype() != weight.dtype()) {
            throw new IllegalArgumentException("mat1 and mat2 must have the same dtype, but got "
                    + input.dtype().scalarTypeName() + " and " + weight.dtype().scalarTypeName());
        }
        if (input.dim() == 2) { // one fused node: y = x·Wᵀ + b, backward in closed form
            LinearFunction op = new LinearFunction();
            return bias == null ? op.apply(input, weight) : op.apply(input, weight, bias);
        }
        Variable y = input.matmul(weight.transpose(0, 1));
        return bias == null ? y : y.plus(bias);
    }

    /**
     * The weight {@code W}, as {@code linear.weight}.
     *
     * @return the parameter of shape {@code [out_features, in_features]}
     */
    public Variable weight() {
        return weight;
    }

    /**
     * The bias {@code b}, as {@code linear.bias}.
     *
     * @return the parameter of shape {@code [out_features]}, or null for a layer made without one
     */
    public @Nullable Variable bias() {
        return bias;
    }

    /**
     * The input size, as {@code linear.in_features}.
     *
     * @return the size an input's last dimension must have
     */
    public int inFeatures() {
        return inFeatures;
    }

    /**
     * The output size, as {@code linear.out_features}.
     *
     * @return the size of the output's last dimension
     */
    public int outFeatures() {
        return outFeatures;
    }

    @Override
    protected String extraRepr() {
        return String.format("in_features=%d, out_features=%d, bias=%s", inFeatures, outFeatures,
                bias == null ? "False" : "True");
    }
}
