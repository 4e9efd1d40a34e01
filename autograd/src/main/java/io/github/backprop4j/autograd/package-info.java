/**
 * Reverse-mode automatic differentiation over {@link io.github.backprop4j.tensor.Tensor}s.
 *
 * <p>Start at {@link io.github.backprop4j.autograd.Variable}; write your own differentiable op by
 * extending {@link io.github.backprop4j.autograd.Function}.
 */
@NullMarked
package io.github.backprop4j.autograd;

import org.jspecify.annotations.NullMarked;
