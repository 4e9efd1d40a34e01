/**
 * Layers in the style of {@code torch.nn}: {@link io.github.backprop4j.nn.Module} (parameters,
 * children, train/eval mode, state dicts), {@link io.github.backprop4j.nn.Linear},
 * {@link io.github.backprop4j.nn.Sequential}, activations, {@link io.github.backprop4j.nn.Dropout},
 * and the initialisers of {@link io.github.backprop4j.nn.Init}.
 *
 * <p>A parameter is a {@link io.github.backprop4j.autograd.Variable} made by
 * {@link io.github.backprop4j.autograd.Variable#parameter}, so it goes wherever a variable goes.
 * Every type here is non-null unless marked otherwise.
 */
@NullMarked
package io.github.backprop4j.nn;

import org.jspecify.annotations.NullMarked;
