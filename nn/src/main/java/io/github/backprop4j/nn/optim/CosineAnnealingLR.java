package io.github.backprop4j.nn.optim;

/**
 * Anneals the learning rate along half a cosine from the base rate down to {@code etaMin} over
 * {@code tMax} epochs, as {@code torch.optim.lr_scheduler.CosineAnnealingLR} in its closed form
 * (SGDR without restarts):
 *
 * <pre>
 * lr(e) = eta_min + (base_lr − eta_min) · (1 + cos(π·e / T_max)) / 2
 * </pre>
 *
 * <p>Past {@code tMax} the formula continues (the rate climbs back up), as PyTorch's does.
 * PyTorch evaluates an equivalent recursive form; the two agree to rounding.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    /**
     * A cosine schedule for {@code optimizer}, whose current rate is the base rate.
     *
     * @param optimizer the optimizer whose learning rate this schedule sets
     * @param tMax {@code T_max}, the number of epochs from the base rate down to {@code etaMin}, ≥ 1
     * @param etaMin the lowest learning rate, reached at epoch {@code tMax}
     * @throws IllegalArgumentException if {@code tMax} is below 1
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax < 1) {
            throw new IllegalArgumentException("CosineAnnealingLR: T_max must be >= 1, got " + tMax);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
        start();
    }

    /**
     * A cosine schedule down to 0, PyTorch's default {@code eta_min}.
     *
     * @param optimizer the optimizer whose learning rate this schedule sets
     * @param tMax {@code T_max}, the number of epochs from the base rate down to 0, ≥ 1
     * @throws IllegalArgumentException if {@code tMax} is below 1
     */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    @Override
    public double lrAt(int epoch) {
        return etaMin + (baseLr() - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }
}
