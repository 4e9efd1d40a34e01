package io.github.backprop4j.nn.optim;

/**
 * Sets an optimizer's learning rate epoch by epoch, as {@code torch.optim.lr_scheduler}. Call
 * {@link #step()} after {@link Optimizer#step()}, once per epoch (or per step, whatever the
 * schedule counts). Construction sets the rate for epoch 0.
 *
 * <p>Subclasses give the schedule in closed form, {@link #lrAt(int)}; the learning rate the
 * optimizer had at construction is the base rate.
 */
public abstract class LRScheduler {
    private final Optimizer optimizer;
    private final double baseLr;
    private int epoch;

    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.baseLr = optimizer.lr();
    }

    /** Applies the rate of epoch 0; subclasses call this at the end of their constructor. */
    protected final void start() {
        optimizer.setLr(lrAt(0));
    }

    /** The learning rate of {@code epoch} (0 for the first), from {@link #baseLr()}. */
    public abstract double lrAt(int epoch);

    /** Moves to the next epoch and sets the optimizer's learning rate for it. */
    public final void step() {
        epoch++;
        optimizer.setLr(lrAt(epoch));
    }

    /** The number of {@link #step()} calls so far (PyTorch's {@code last_epoch}). */
    public final int epoch() {
        return epoch;
    }

    /** The learning rate the optimizer has now. */
    public final double currentLr() {
        return optimizer.lr();
    }

    /** The optimizer's learning rate when this schedule was made. */
    public final double baseLr() {
        return baseLr;
    }
}
