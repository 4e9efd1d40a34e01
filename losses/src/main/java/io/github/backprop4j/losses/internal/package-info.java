/**
 * The machinery the loss families share (not exported). The losses themselves — each family's
 * validation, fused node, closed-form backward, second derivatives and explanation — live one
 * file per family in {@code io.github.backprop4j.losses}, listed by
 * {@link io.github.backprop4j.losses.LossKind}. Here:
 *
 * <ul>
 *   <li>{@link io.github.backprop4j.losses.internal.Reducer} — the one reduction (none, sum, mean),
 *       its derivative and its adjoint;
 *   <li>{@link io.github.backprop4j.losses.internal.Layout} — rows along a class dim;
 *   <li>{@link io.github.backprop4j.losses.internal.IndexTargets} — the one validation of
 *       class-index targets (NLL and cross-entropy);
 *   <li>{@link io.github.backprop4j.losses.internal.Checks} — PyTorch's argument checks and messages;
 *   <li>{@link io.github.backprop4j.losses.internal.Broadcasts} — broadcasting with PyTorch's messages;
 *   <li>{@link io.github.backprop4j.losses.internal.TorchText} — names and numbers as PyTorch prints them;
 *   <li>{@link io.github.backprop4j.losses.internal.Buffers} — tensors in and out of double arrays;
 *   <li>{@link io.github.backprop4j.losses.internal.FloatSoftmaxRows} — cross-entropy's float32
 *       fast path;
 *   <li>{@link io.github.backprop4j.losses.internal.Report} — how explanations are written.
 * </ul>
 */
@NullMarked
package io.github.backprop4j.losses.internal;

import org.jspecify.annotations.NullMarked;
