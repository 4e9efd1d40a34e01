/**
 * The fused autograd nodes behind the losses (not exported). The catalogue — each loss node, the
 * "backward op" its backward applies, and what that op's own backward is written with:
 *
 * <pre>
 *   node                     backward op (closed form)              its backward
 *   LogSoftmaxOp             LogSoftmaxBackwardOp  g − e^y·Σg        variable ops (§2.4)
 *   SoftmaxOp                SoftmaxBackwardOp     y·(g − Σg·y)      itself + variable ops (§2.4)
 *   NllLossOp                NllLossBackwardOp     −w[t]·scale        NllLossOp (linear in g, §3.4)
 *   CrossEntropyIndexOp  ┐   CrossEntropyBackwardOp scale·(p·ΣB − B)  SoftmaxOp/SoftmaxBackwardOp + variable ops
 *   CrossEntropyProbOp   ┘
 *   BceOp                    BceBackwardOp  scale·w·(x − y)/max(x(1 − x), ε)   variable ops (§5.3)
 *   BceWithLogitsOp      ┐   BceWithLogitsBackwardOp  scale·w·((pw·y + 1 − y)·σ(x) − pw·y)   variable ops
 *   MultiLabelSoftMarginOp ┘
 * </pre>
 *
 * Targets and weights get their gradients from variable-op expressions in each node's backward.
 * Shared helpers: {@link io.github.backprop4j.losses.internal.Layout} (rows along a class dim),
 * {@link io.github.backprop4j.losses.internal.IndexTargets} (the one validation of class-index
 * targets), {@link io.github.backprop4j.losses.internal.Reducer} (the one reduction, its
 * derivative and adjoint), {@link io.github.backprop4j.losses.internal.Checks} (PyTorch's error
 * messages), {@link io.github.backprop4j.losses.internal.SoftmaxKernels} and
 * {@link io.github.backprop4j.losses.internal.BinaryKernels} (scalar formulas), and the
 * explanations ({@link io.github.backprop4j.losses.internal.Explainer}).
 */
@NullMarked
package io.github.backprop4j.losses.internal;

import org.jspecify.annotations.NullMarked;
