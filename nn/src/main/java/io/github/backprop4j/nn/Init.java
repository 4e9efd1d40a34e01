package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.function.DoubleSupplier;

/**
 * Parameter initialisers with the formulas of {@code torch.nn.init}. Each one replaces the
 * parameter's value (via {@link Variable#assign}, which records nothing) with values drawn in
 * row-major order from a seeded {@link Generator}, and returns the parameter.
 *
 * <p>Fans, for a tensor of shape {@code [out, in, k1, k2, ...]}: {@code fan_in = in·k1·k2···}
 * and {@code fan_out = out·k1·k2···}.
 */
public final class Init {
    private Init() {
    }

    /** Which fan the Kaiming initialisers scale by. */
    public enum FanMode {
        /** Preserves the variance of activations in the forward pass (PyTorch's default). */
        FAN_IN,
        /** Preserves the variance of gradients in the backward pass. */
        FAN_OUT
    }

    /** The nonlinearity whose {@link #calculateGain recommended gain} an initialiser uses. */
    public enum Nonlinearity {
        /** The identity (no nonlinearity): gain 1. */
        LINEAR,
        /** The logistic sigmoid: gain 1. */
        SIGMOID,
        /** The hyperbolic tangent: gain 5/3. */
        TANH,
        /** The rectifier {@code max(0, x)}: gain √2. */
        RELU,
        /** Leaky ReLU with negative slope {@code param}: gain √(2 / (1 + param²)). */
        LEAKY_RELU,
        /** The scaled exponential linear unit: gain 3/4. */
        SELU
    }

    /**
     * The fans of a weight shape.
     *
     * @param fanIn the number of inputs each output unit sees: {@code size(1)·receptive}
     * @param fanOut the number of outputs each input unit feeds: {@code size(0)·receptive}
     */
    public record Fans(int fanIn, int fanOut) {
    }

    /**
     * PyTorch's recommended gain: 1 for linear and sigmoid, 5/3 for tanh, √2 for ReLU,
     * √(2 / (1 + slope²)) for leaky ReLU ({@code param} is the negative slope), 3/4 for SELU.
     *
     * @param nonlinearity the activation that follows the layer being initialised
     * @param param the negative slope of {@link Nonlinearity#LEAKY_RELU}; ignored for the others
     * @return the factor by which an initialiser scales its standard deviation
     */
    public static double calculateGain(Nonlinearity nonlinearity, double param) {
        return switch (nonlinearity) {
            case LINEAR, SIGMOID -> 1.0;
            case TANH -> 5.0 / 3;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> Math.sqrt(2.0 / (1 + param * param));
            case SELU -> 3.0 / 4;
        };
    }

    /**
     * {@link #calculateGain(Nonlinearity, double)} with leaky ReLU's default slope 0.01.
     *
     * @param nonlinearity the activation that follows the layer being initialised
     * @return the recommended gain, as {@code calculateGain(nonlinearity, 0.01)}
     */
    public static double calculateGain(Nonlinearity nonlinearity) {
        return calculateGain(nonlinearity, 0.01);
    }

    /**
     * {@code fan_in = size(1)·receptive} and {@code fan_out = size(0)·receptive}, where
     * {@code receptive} is the product of the sizes after the first two.
     *
     * @param shape a weight shape {@code [out, in, k1, k2, ...]}
     * @return the fans of {@code shape}
     * @throws IllegalArgumentException for fewer than 2 dimensions
     */
    public static Fans fans(Shape shape) {
        if (shape.rank() < 2) {
            throw new IllegalArgumentException("init: Fan in and fan out can not be computed for tensor with fewer"
                    + " than 2 dimensions (shape " + shape + ")");
        }
        int receptive = 1;
        for (int d = 2; d < shape.rank(); d++) {
            receptive *= shape.size(d);
        }
        return new Fans(shape.size(1) * receptive, shape.size(0) * receptive);
    }

    // ------------------------------------------------------------------ plain distributions

    /**
     * Values uniform in [a, b), like {@code torch.nn.init.uniform_}.
     *
     * @param p the parameter to overwrite
     * @param a the lower bound (inclusive)
     * @param b the upper bound (exclusive)
     * @param gen the source of the random draws
     * @return {@code p}, with its new value
     * @throws IllegalArgumentException if {@code a > b} or either bound is NaN
     */
    public static Variable uniform(Variable p, double a, double b, Generator gen) {
        if (!(a <= b)) {
            throw new IllegalArgumentException("init.uniform: expected a <= b, got a=" + a + ", b=" + b);
        }
        return fill(p, () -> gen.nextDouble(a, b));
    }

    /**
     * Values drawn from N(mean, std²), like {@code torch.nn.init.normal_}.
     *
     * @param p the parameter to overwrite
     * @param mean the mean of the normal distribution
     * @param std its standard deviation
     * @param gen the source of the random draws
     * @return {@code p}, with its new value
     * @throws IllegalArgumentException if {@code std} is negative or NaN
     */
    public static Variable normal(Variable p, double mean, double std, Generator gen) {
        if (!(std >= 0)) {
            throw new IllegalArgumentException("init.normal: std must be >= 0, got " + std);
        }
        return fill(p, () -> mean + std * gen.nextGaussian());
    }

    /**
     * Every value set to {@code value}, like {@code torch.nn.init.constant_}.
     *
     * @param p the parameter to overwrite
     * @param value the value every element gets
     * @return {@code p}, with its new value
     */
    public static Variable constant(Variable p, double value) {
        return fill(p, () -> value);
    }

    /**
     * Every value set to 0, like {@code torch.nn.init.zeros_}.
     *
     * @param p the parameter to overwrite
     * @return {@code p}, with its new value
     */
    public static Variable zeros(Variable p) {
        return constant(p, 0);
    }

    /**
     * Every value set to 1, like {@code torch.nn.init.ones_}.
     *
     * @param p the parameter to overwrite
     * @return {@code p}, with its new value
     */
    public static Variable ones(Variable p) {
        return constant(p, 1);
    }

    // ------------------------------------------------------------------ Xavier / Glorot

    /**
     * Glorot uniform: U(−a, a) with {@code a = gain·√(6 / (fan_in + fan_out))}, like
     * {@code torch.nn.init.xavier_uniform_}.
     *
     * @param p the parameter to overwrite, of rank 2 or more
     * @param gain the scale factor, usually {@link #calculateGain(Nonlinearity)} of the activation
     * @param gen the source of the random draws
     * @return {@code p}, with its new value
     * @throws IllegalArgumentException if {@code p} has fewer than 2 dimensions
     */
    public static Variable xavierUniform(Variable p, double gain, Generator gen) {
        Fans f = fans(p.shape());
        double a = Math.sqrt(3.0) * gain * Math.sqrt(2.0 / (f.fanIn() + f.fanOut()));
        return uniform(p, -a, a, gen);
    }

    /**
     * {@link #xavierUniform(Variable, double, Generator)} with gain 1: U(−a, a) with
     * {@code a = √(6 / (fan_in + fan_out))}.
     *
     * @param p the parameter to overwrite, of rank 2 or more
     * @param gen the source of the random draws
     * @return {@code p}, with its new value
     * @throws IllegalArgumentException if {@code p} has fewer than 2 dimensions
     */
    public static Variable xavierUniform(Variable p, Generator gen) {
        return xavierUniform(p, 1.0, gen);
    }

    /**
     * Glorot normal: N(0, std²) with {@code std = gain·√(2 / (fan_in + fan_out))}, like
     * {@code torch.nn.init.xavier_normal_}.
     *
     * @param p the parameter to overwrite, of rank 2 or more
     * @param gain the scale factor, usually {@link #calculateGain(Nonlinearity)} of the activation
     * @param gen the source of the random draws
     * @return {@code p}, with its new value
     * @throws IllegalArgumentException if {@code p} has fewer than 2 dimensions
     */
    public static Variable xavierNormal(Variable p, double gain, Generator gen) {
        Fans f = fans(p.shape());
        return normal(p, 0, gain * Math.sqrt(2.0 / (f.fanIn() + f.fanOut())), gen);
    }

    /**
     * {@link #xavierNormal(Variable, double, Generator)} with gain 1: N(0, std²) with
     * {@code std = √(2 / (fan_in + fan_out))}.
     *
     * @param p the parameter to overwrite, of rank 2 or more
     * @param gen the source of the random draws
     * @return {@code p}, with its new value
     * @throws IllegalArgumentException if {@code p} has fewer than 2 dimensions
     */
    public static Variable xavierNormal(Variable p, Generator gen) {
        return xavierNormal(p, 1.0, gen);
    }

    // ------------------------------------------------------------------ Kaiming / He

    /**
     * He uniform: U(−bound, bound) with {@code bound = √3 · gain / √fan}, where
     * {@code gain = calculateGain(nonlinearity, a)}. {@code nn.Linear} uses
     * {@code a = √5, FAN_IN, LEAKY_RELU}, which gives {@code bound = 1/√fan_in}. Like
     * {@code torch.nn.init.kaiming_uniform_}; a parameter with no elements is returned untouched.
     *
     * @param p the parameter to overwrite, of rank 2 or more
     * @param a the negative slope of the leaky ReLU that follows (only used with
     *     {@link Nonlinearity#LEAKY_RELU})
     * @param mode whether to scale by {@code fan_in} or {@code fan_out}
     * @param nonlinearity the activation that follows, which sets the gain
     * @param gen the source of the random draws
     * @return {@code p}, with its new value
     * @throws IllegalArgumentException if {@code p} has elements but fewer than 2 dimensions
     */
    public static Variable kaimingUniform(Variable p, double a, FanMode mode, Nonlinearity nonlinearity,
                                          Generator gen) {
        if (p.value().numel() == 0) {
            return p; // PyTorch warns "Initializing zero-element tensors is a no-op"
        }
        double bound = Math.sqrt(3.0) * kaimingStd(p.shape(), a, mode, nonlinearity);
        return uniform(p, -bound, bound, gen);
    }

    /**
     * {@link #kaimingUniform(Variable, double, FanMode, Nonlinearity, Generator)} with PyTorch's
     * defaults: a = 0, fan_in, leaky ReLU, which gives {@code bound = √(6 / fan_in)}.
     *
     * @param p the parameter to overwrite, of rank 2 or more
     * @param gen the source of the random draws
     * @return {@code p}, with its new value
     * @throws IllegalArgumentException if {@code p} has elements but fewer than 2 dimensions
     */
    public static Variable kaimingUniform(Variable p, Generator gen) {
        return kaimingUniform(p, 0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, gen);
    }

    /**
     * He normal: N(0, std²) with {@code std = gain / √fan}, where
     * {@code gain = calculateGain(nonlinearity, a)}. Like {@code torch.nn.init.kaiming_normal_};
     * a parameter with no elements is returned untouched.
     *
     * @param p the parameter to overwrite, of rank 2 or more
     * @param a the negative slope of the leaky ReLU that follows (only used with
     *     {@link Nonlinearity#LEAKY_RELU})
     * @param mode whether to scale by {@code fan_in} or {@code fan_out}
     * @param nonlinearity the activation that follows, which sets the gain
     * @param gen the source of the random draws
     * @return {@code p}, with its new value
     * @throws IllegalArgumentException if {@code p} has elements but fewer than 2 dimensions
     */
    public static Variable kaimingNormal(Variable p, double a, FanMode mode, Nonlinearity nonlinearity,
                                         Generator gen) {
        if (p.value().numel() == 0) {
            return p;
        }
        return normal(p, 0, kaimingStd(p.shape(), a, mode, nonlinearity), gen);
    }

    /**
     * {@link #kaimingNormal(Variable, double, FanMode, Nonlinearity, Generator)} with PyTorch's
     * defaults: a = 0, fan_in, leaky ReLU, which gives {@code std = √(2 / fan_in)}.
     *
     * @param p the parameter to overwrite, of rank 2 or more
     * @param gen the source of the random draws
     * @return {@code p}, with its new value
     * @throws IllegalArgumentException if {@code p} has elements but fewer than 2 dimensions
     */
    public static Variable kaimingNormal(Variable p, Generator gen) {
        return kaimingNormal(p, 0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, gen);
    }

    private static double kaimingStd(Shape shape, double a, FanMode mode, Nonlinearity nonlinearity) {
        Fans f = fans(shape);
        int fan = mode == FanMode.FAN_IN ? f.fanIn() : f.fanOut();
        return calculateGain(nonlinearity, a) / Math.sqrt(fan);
    }

    // ------------------------------------------------------------------ helpers

    /** Replaces p's value with values from {@code draw}, taken in row-major order. */
    private static Variable fill(Variable p, DoubleSupplier draw) {
        double[] values = new double[p.value().numel()];
        for (int i = 0; i < values.length; i++) {
            values[i] = draw.getAsDouble();
        }
        p.assign(Tensor.fromFlat(p.dtype(), values, p.shape().toArray()));
        return p;
    }
}
