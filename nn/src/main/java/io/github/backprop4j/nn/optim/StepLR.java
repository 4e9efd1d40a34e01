package io.github.backprop4j.nn.optim;

/**
 * Decays the learning rate by {@code gamma} every {@code stepSize} epochs, as
 * {@code torch.optim.lr_scheduler.StepLR}: {@code lr(e) = base_lr · gamma^⌊e / stepSize⌋}.
 */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    /**
     * A step schedule for {@code optimizer}, whose current rate is the base rate.
     *
     * @param optimizer the optimizer whose learning rate this schedule sets
     * @param stepSize the number of epochs between decays, ≥ 1
     * @param gamma the factor applied at each decay
     * @throws IllegalArgumentException if {@code stepSize} is below 1
     */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize < 1) {
            throw new IllegalArgumentException("StepLR: step_size must be >= 1, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
        start();
    }

    /**
     * A step schedule with PyTorch's default gamma, 0.1: the rate drops tenfold every
     * {@code stepSize} epochs.
     *
     * @param optimizer the optimizer whose learning rate this schedule sets
     * @param stepSize the number of epochs between decays, ≥ 1
     * @throws IllegalArgumentException if {@code stepSize} is below 1
     */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    @Override
    public double lrAt(int epoch) {
        return baseLr() * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
    }
}
