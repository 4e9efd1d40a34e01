package io.github.backprop4j.losses.internal;

import io.github.backprop4j.losses.LossException;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Validated class-index targets for NLL and cross-entropy — the one place their shapes, dtypes
 * and ranges are checked, in PyTorch's order (losses.md §3.5, §11):
 *
 * <ol>
 *   <li>input has ≥ 1 dim; batch sizes agree (input.dim() ≠ 1);
 *   <li>1-D/2-D input: target ≤ 1-D, sizes agree, a 1-D input takes a 0-d target, weight is
 *       (C); 4-D input: target 3-D, weight has C elements, sizes agree; 3-D and ≥ 5-D input:
 *       target shape = (N, d1…dK), weight has C elements;
 *   <li>input dtype floating (NLL only; cross-entropy's log_softmax checked it), weight dtype =
 *       input dtype, target dtype int64;
 *   <li>every target that is not {@code ignoreIndex} lies in [0, C), first offender in memory order.
 * </ol>
 *
 * The input's class dim is 1 (0 for an unbatched (C) input); targets are stored in row order of
 * {@link Layout}.
 */
public final class IndexTargets {
    private final Layout layout;
    private final long[] targets;
    private final double @Nullable [] weights;
    private final long ignoreIndex;

    private IndexTargets(Layout layout, long[] targets, double @Nullable [] weights, long ignoreIndex) {
        this.layout = layout;
        this.targets = targets;
        this.weights = weights;
        this.ignoreIndex = ignoreIndex;
    }

    /**
     * Checks {@code target} (and {@code weight}) against {@code input}.
     *
     * @param inputKernel the kernel name for the integer-input message, or null when the caller
     *                    already checked the input's dtype
     */
    public static IndexTargets validate(String op, Tensor input, Tensor target, @Nullable Tensor weight,
                                        long ignoreIndex, @Nullable String inputKernel) {
        int[] in = input.shape().toArray();
        int[] tg = target.shape().toArray();
        if (in.length < 1) {
            throw new LossException(op, "Expected 1 or more dimensions (got " + in.length + ")");
        }
        if (in.length != 1 && (tg.length == 0 || in[0] != tg[0])) {
            throw new LossException(op, "Expected input batch_size (" + in[0] + ") to match target batch_size ("
                    + (tg.length == 0 ? "none: the target is 0-d" : tg[0]) + ").");
        }
        int classes = in.length == 1 ? in[0] : in[1];
        String kernel = "nll_loss_out_frame";
        if (in.length <= 2) {
            if (tg.length > 1) {
                throw new LossException(op, "0D or 1D target tensor expected, multi-target not supported");
            }
            boolean noBatchDim = in.length == 1 && tg.length == 0;
            if (!noBatchDim && in[0] != tg[0]) {
                throw new LossException(op, "size mismatch (got input: " + Arrays.toString(in) + ", target: "
                        + Arrays.toString(tg) + ")");
            }
            if (in.length == 1 && tg.length == 1) {
                throw new LossException(op, "Expected target to be 0D when input is 1D, but got target.dim =1");
            }
            if (weight != null && (weight.dim() != 1 || weight.numel() != classes)) {
                throw new LossException(op, "weight tensor should be defined either for all " + classes
                        + " classes or no classes but got weight tensor of shape: " + weight.shape());
            }
        } else {
            kernel = "nll_loss2d_forward_out_frame";
            if (in.length != 4) {
                int[] expected = new int[in.length - 1];
                expected[0] = in[0];
                System.arraycopy(in, 2, expected, 1, in.length - 2);
                if (!Arrays.equals(Arrays.copyOfRange(tg, 1, tg.length), Arrays.copyOfRange(in, 2, in.length))) {
                    throw new LossException(op, "Expected target size " + Arrays.toString(expected) + ", got "
                            + Arrays.toString(tg));
                }
            } else if (tg.length != 3) {
                throw new LossException(op, "only batches of spatial targets supported (3D tensors) but got targets"
                        + " of dimension: " + tg.length);
            }
            if (weight != null && weight.numel() != classes) {
                throw new LossException(op, "weight tensor should be defined either for all or no classes");
            }
            if (in.length == 4 && (in[0] != tg[0] || in[2] != tg[1] || in[3] != tg[2])) {
                throw new LossException(op, "size mismatch (got input: " + Arrays.toString(in) + " , target: "
                        + Arrays.toString(tg));
            }
        }
        if (inputKernel != null) {
            Checks.requireFloatInput(op, kernel, input);
        }
        if (weight != null) {
            Checks.requireScalarType(op, weight, input.dtype());
        }
        Checks.requireScalarType(op, target, DType.INT64);
        Layout layout = Layout.of(in, in.length == 1 ? 0 : 1);
        long[] t = Buffers.readLong(target);
        for (long v : t) {
            if (v != ignoreIndex && (v < 0 || v >= classes)) {
                throw new LossException(op, "Target " + v + " is out of bounds.");
            }
        }
        return new IndexTargets(layout, t, weight == null ? null : Buffers.read(weight.reshape(-1)), ignoreIndex);
    }

    public Layout layout() {
        return layout;
    }

    /** Number of rows (sample positions). */
    public int rows() {
        return targets.length;
    }

    /** The target class of row {@code r} (meaningless when ignored). */
    public int target(int r) {
        return (int) targets[r];
    }

    public boolean ignored(int r) {
        return targets[r] == ignoreIndex;
    }

    /** w_c, or 1 without weights. */
    public double classWeight(int c) {
        double[] w = weights;
        return w == null ? 1 : w[c];
    }

    /** Σ_c w_c (C without weights). */
    public double classWeightSum() {
        double[] w = weights;
        if (w == null) {
            return layout.classes();
        }
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    /** W = Σ over non-ignored rows of w[t] (their count without weights): the mean's denominator. */
    public double totalWeight() {
        double s = 0;
        for (int r = 0; r < targets.length; r++) {
            if (!ignored(r)) {
                s += classWeight(target(r));
            }
        }
        return s;
    }

    public boolean hasWeights() {
        return weights != null;
    }
}
