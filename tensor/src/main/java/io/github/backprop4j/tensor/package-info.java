/**
 * Immutable, strided n-d tensors in the spirit of {@code torch.Tensor}, without gradients.
 *
 * <p>Start at {@link io.github.backprop4j.tensor.Tensor}. Every type here is non-null unless
 * marked otherwise.
 */
@NullMarked
package io.github.backprop4j.tensor;

import org.jspecify.annotations.NullMarked;
