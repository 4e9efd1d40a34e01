/**
 * Optimizers with PyTorch's update rules ({@link io.github.backprop4j.nn.optim.SGD},
 * {@link io.github.backprop4j.nn.optim.Adam}, {@link io.github.backprop4j.nn.optim.AdamW}),
 * gradient-norm clipping and learning-rate schedules. Every type here is non-null unless marked
 * otherwise.
 */
@NullMarked
package io.github.backprop4j.nn.optim;

import org.jspecify.annotations.NullMarked;
