/**
 * The op catalogue: one small class per differentiable primitive, its forward and its
 * vector-Jacobian product side by side. {@link io.github.backprop4j.autograd.ops.Op} lists them all.
 */
@NullMarked
package io.github.backprop4j.autograd.ops;

import org.jspecify.annotations.NullMarked;
