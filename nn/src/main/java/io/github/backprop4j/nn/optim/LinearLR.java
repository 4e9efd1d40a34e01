package io.github.backprop4j.nn.optim;

/**
 * A linear warm-up, as {@code torch.optim.lr_scheduler.LinearLR}: the rate's factor moves in a
 * straight line from {@code startFactor} to {@code endFactor} over {@code totalIters} steps, then
 * stays: {@code lr(e) = base_lr · (start + (end − start) · min(e, total) / total)}.
 *
 * <pre>{@code
 * LRScheduler warmUp = new LinearLR(optimizer, 0.1, 1.0, 5);   // 10% of the rate, full rate by step 5
 * }</pre>
 */
public final class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    /**
     * @param optimizer whose rate to set
     * @param startFactor the factor at step 0, in (0, 1]
     * @param endFactor the factor from step {@code totalIters} on, in [0, 1]
     * @param totalIters the length of the ramp, ≥ 1
     */
    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("Starting multiplicative factor expected to be greater than 0 and less"
                    + " or equal to 1.");
        }
        if (!(endFactor >= 0 && endFactor <= 1)) {
            throw new IllegalArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        }
        if (totalIters < 1) {
            throw new IllegalArgumentException("LinearLR: total_iters must be >= 1, got " + totalIters);
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        start();
    }

    /**
     * PyTorch's defaults: from a third of the rate to the full rate over 5 steps.
     *
     * @param optimizer whose rate to set
     */
    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    @Override
    public double lrAt(int epoch) {
        return baseLr() * (startFactor + (endFactor - startFactor) * Math.min(epoch, totalIters) / totalIters);
    }
}
