/**
 * Data for training: {@link io.github.backprop4j.nn.data.Dataset},
 * {@link io.github.backprop4j.nn.data.TensorDataset}, the seeded
 * {@link io.github.backprop4j.nn.data.DataLoader}, a stratified train/test split and
 * standardisation. Every type here is non-null unless marked otherwise.
 */
@NullMarked
package io.github.backprop4j.nn.data;

import org.jspecify.annotations.NullMarked;
