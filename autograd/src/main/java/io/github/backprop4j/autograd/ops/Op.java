package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Function;

/**
 * The catalogue of built-in differentiable ops, in the spirit of PyTorch's
 * {@code derivatives.yaml}: the {@code permits} list below names every one, and each class keeps
 * its forward and its vector-Jacobian product within a screen of each other. Ops built from
 * others (such as {@code mean} = sum / n, {@code select} = narrow + reshape, {@code stack} =
 * unsqueeze + cat) are methods on {@code Variable}, not entries here.
 */
public abstract sealed class Op extends Function
        permits Add, Sub, Mul, Div, Neg, Pow,                                   // arithmetic
                Exp, Log, Log1p, Expm1, Sqrt, Tanh, Sigmoid, LogSigmoid,        // smooth unary math
                Abs, Relu, Clamp, ElementwiseExtremum, Where,                   // piecewise
                Sum, SumTo, Extremum, ExtremumDim, LogSumExp,                   // reductions
                Expand, Reshape, Permute, Narrow, Cat, Cast,                    // views, joins, casts
                Gather, ScatterAdd, IndexSelect,                                // indexing
                MatMul {                                                        // products
    /** For the permitted subclasses only (the class is sealed). */
    public Op() {
    }
}
