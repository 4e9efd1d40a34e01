package io.github.backprop4j.nn.optim;

import io.github.backprop4j.nn.Stateful;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets an optimizer's learning rate epoch by epoch, as {@code torch.optim.lr_scheduler}. Call
 * {@link #step()} after {@link Optimizer#step()}, once per epoch (or per step, whatever the
 * schedule counts). Construction sets the rate for epoch 0.
 *
 * <p>Subclasses give the schedule in closed form, {@link #lrAt(int)}; the learning rate the
 * optimizer had at construction is the base rate.
 */
public abstract class LRScheduler implements Stateful {
    private final Optimizer optimizer;
    private double baseLr;
    private int epoch;

    /**
     * A schedule for {@code optimizer}, whose current learning rate becomes the base rate.
     * Subclasses check their own arguments, then call {@link #start()}.
     *
     * @param optimizer the optimizer whose learning rate this schedule sets
     */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.baseLr = optimizer.lr();
    }

    /** Applies the rate of epoch 0; subclasses call this at the end of their constructor. */
    protected final void start() {
        optimizer.setLr(lrAt(0));
    }

    /**
     * The learning rate of {@code epoch} (0 for the first), from {@link #baseLr()}: the schedule's
     * closed form.
     *
     * @param epoch the number of {@link #step()} calls before the epoch, ≥ 0
     * @return the learning rate for that epoch
     */
    public abstract double lrAt(int epoch);

    /**
     * Moves to the next epoch and sets the optimizer's learning rate for it.
     *
     * @throws IllegalArgumentException if the schedule gives a negative learning rate
     */
    public final void step() {
        epoch++;
        optimizer.setLr(lrAt(epoch));
    }

    /**
     * The number of {@link #step()} calls so far (PyTorch's {@code last_epoch}).
     *
     * @return the current epoch, 0 after construction
     */
    public final int epoch() {
        return epoch;
    }

    /**
     * The learning rate the optimizer has now (PyTorch's {@code get_last_lr()[0]}).
     *
     * @return the optimizer's {@link Optimizer#lr()}
     */
    public final double currentLr() {
        return optimizer.lr();
    }

    /** {@code last_epoch} and {@code base_lr}, as 0-d float64 tensors. */
    @Override
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("last_epoch", Tensor.scalar(epoch, DType.FLOAT64));
        out.put("base_lr", Tensor.scalar(baseLr, DType.FLOAT64));
        return out;
    }

    /**
     * Restores the epoch and base rate, and sets the optimizer's rate for that epoch.
     *
     * @throws IllegalArgumentException unless the keys are exactly {@code last_epoch} and
     *     {@code base_lr}
     */
    @Override
    public final void loadStateDict(Map<String, Tensor> state) {
        Tensor lastEpoch = state.get("last_epoch");
        Tensor base = state.get("base_lr");
        if (lastEpoch == null || base == null || state.size() != 2) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": expected a state dict with last_epoch and base_lr, got " + state.keySet());
        }
        epoch = (int) lastEpoch.item();
        baseLr = base.item();
        optimizer.setLr(lrAt(epoch));
    }

    /**
     * The optimizer's learning rate when this schedule was made (PyTorch's {@code base_lrs[0]}),
     * from which {@link #lrAt(int)} computes.
     *
     * @return the base learning rate
     */
    public final double baseLr() {
        return baseLr;
    }
}
