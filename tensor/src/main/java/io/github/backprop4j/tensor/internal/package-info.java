/**
 * Storage and kernels behind {@link io.github.backprop4j.tensor.Tensor}. Exported only to the
 * sibling modules (autograd, losses, nn), which run fused kernels over raw arrays.
 */
@NullMarked
package io.github.backprop4j.tensor.internal;

import org.jspecify.annotations.NullMarked;
