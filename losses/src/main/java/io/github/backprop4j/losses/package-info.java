/**
 * Losses, as functions ({@link io.github.backprop4j.losses.Losses}, like
 * {@code torch.nn.functional}) and as reusable objects configured once
 * ({@link io.github.backprop4j.losses.CrossEntropyLoss} and friends, like {@code torch.nn}).
 * Options live in {@link io.github.backprop4j.losses.LossOptions}; bad input raises
 * {@link io.github.backprop4j.losses.LossException} with PyTorch's message.
 */
@NullMarked
package io.github.backprop4j.losses;

import org.jspecify.annotations.NullMarked;
