/**
 * Reading and writing tensors as safetensors, the format PyTorch users exchange weights in:
 * {@link io.github.backprop4j.nn.io.SafeTensors}. Every type here is non-null unless marked
 * otherwise.
 */
@NullMarked
package io.github.backprop4j.nn.io;

import org.jspecify.annotations.NullMarked;
