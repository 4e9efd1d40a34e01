package io.github.backprop4j.autograd.ops;

import io.github.backprop4j.autograd.Function;

/**
 * The catalogue of built-in differentiable ops, in the spirit of PyTorch's
 * {@code derivatives.yaml}: the {@code permits} list below names every one, and each class keeps
 * its forward and its vector-Jacobian product within a screen of each other. Ops built from
 * others (such as {@code mean} = sum / n) are methods on {@code Variable}, not entries here.
 */
public abstract sealed class Op extends Function
        permits Add, Sub, Mul, Div, Neg, Exp, Log, Sum, SumTo, Expand, Reshape, Permute, MatMul {
}
