package io.github.backprop4j.nn.optim;

import io.github.backprop4j.nn.Stateful;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cuts the learning rate when a metric stops improving, as
 * {@code torch.optim.lr_scheduler.ReduceLROnPlateau}. Call {@link #step(double)} once per epoch
 * with the validation loss (mode {@link Mode#MIN}) or accuracy ({@link Mode#MAX}):
 *
 * <pre>
 * better  = metric &lt; best·(1 − threshold)     (MIN, REL; MAX: metric &gt; best·(1 + threshold);
 *                                                ABS: best ∓ threshold)
 * bad     = better ? 0 : bad + 1;   best = better ? metric : best
 * in a cooldown: cooldown − 1, bad = 0
 * bad &gt; patience: lr = max(lr·factor, min_lr) (unless that changes it by ≤ eps), cooldown starts, bad = 0
 * </pre>
 */
public final class ReduceLROnPlateau implements Stateful {
    /** Whether lower ({@code MIN}, a loss) or higher ({@code MAX}, an accuracy) is better. */
    public enum Mode {
        /** Lower is better (a loss). */
        MIN,
        /** Higher is better (an accuracy). */
        MAX
    }

    /** Whether {@code threshold} is relative to the best value ({@code REL}) or absolute ({@code ABS}). */
    public enum ThresholdMode {
        /** An improvement must beat {@code best·(1 ∓ threshold)}. */
        REL,
        /** An improvement must beat {@code best ∓ threshold}. */
        ABS
    }

    /**
     * Hyper-parameters, PyTorch's defaults from {@link #defaults()}: mode MIN, factor 0.1,
     * patience 10, threshold 1e-4 relative, cooldown 0, min_lr 0, eps 1e-8.
     *
     * @param mode whether lower or higher is better
     * @param factor the rate is multiplied by this, in [0, 1)
     * @param patience bad epochs tolerated before a cut
     * @param threshold the least change that counts as an improvement
     * @param thresholdMode relative or absolute threshold
     * @param cooldown epochs to wait after a cut before counting bad epochs again
     * @param minLr the rate never goes below this
     * @param eps a cut smaller than this is skipped
     */
    public record Options(Mode mode, double factor, int patience, double threshold, ThresholdMode thresholdMode,
            int cooldown, double minLr, double eps) {
        /**
         * Checks the ranges PyTorch checks.
         *
         * @param mode whether lower or higher is better
         * @param factor the rate is multiplied by this, in [0, 1)
         * @param patience bad epochs tolerated before a cut
         * @param threshold the least change that counts as an improvement
         * @param thresholdMode relative or absolute threshold
         * @param cooldown epochs to wait after a cut
         * @param minLr the lowest rate
         * @param eps a cut smaller than this is skipped
         */
        public Options {
            if (!(factor >= 0 && factor < 1)) {
                throw new IllegalArgumentException("Factor should be < 1.0.");
            }
            if (patience < 0 || cooldown < 0 || !(minLr >= 0)) {
                throw new IllegalArgumentException("ReduceLROnPlateau: patience, cooldown and min_lr must be >= 0");
            }
        }

        /**
         * PyTorch's defaults.
         *
         * @return mode MIN, factor 0.1, patience 10, threshold 1e-4 relative, no cooldown, min_lr 0, eps 1e-8
         */
        public static Options defaults() {
            return new Options(Mode.MIN, 0.1, 10, 1e-4, ThresholdMode.REL, 0, 0, 1e-8);
        }

        /**
         * A copy with one option changed.
         *
         * @param value lower or higher is better
         * @return a copy with that mode
         */
        public Options mode(Mode value) {
            return new Options(value, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        /**
         * A copy with one option changed.
         *
         * @param value the cut factor
         * @return a copy with that factor
         */
        public Options factor(double value) {
            return new Options(mode, value, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        /**
         * A copy with one option changed.
         *
         * @param value bad epochs tolerated
         * @return a copy with that patience
         */
        public Options patience(int value) {
            return new Options(mode, factor, value, threshold, thresholdMode, cooldown, minLr, eps);
        }

        /**
         * A copy with one option changed.
         *
         * @param value the threshold
         * @param kind relative or absolute
         * @return a copy with that threshold
         */
        public Options threshold(double value, ThresholdMode kind) {
            return new Options(mode, factor, patience, value, kind, cooldown, minLr, eps);
        }

        /**
         * A copy with one option changed.
         *
         * @param value epochs of cooldown
         * @return a copy with that cooldown
         */
        public Options cooldown(int value) {
            return new Options(mode, factor, patience, threshold, thresholdMode, value, minLr, eps);
        }

        /**
         * A copy with one option changed.
         *
         * @param value the lowest rate
         * @return a copy with that floor
         */
        public Options minLr(double value) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, value, eps);
        }
    }

    private final Optimizer optimizer;
    private final Options options;
    private double best;
    private int badEpochs;
    private int cooldownCounter;
    private int epoch;

    /**
     * @param optimizer whose rate to cut
     * @param options the hyper-parameters
     */
    public ReduceLROnPlateau(Optimizer optimizer, Options options) {
        this.optimizer = optimizer;
        this.options = options;
        this.best = worst();
    }

    /** @param optimizer whose rate to cut, with PyTorch's defaults */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, Options.defaults());
    }

    /**
     * Records this epoch's metric and cuts the rate if it has not improved for more than
     * {@code patience} epochs.
     *
     * @param metric the value to watch (NaN never improves)
     */
    public void step(double metric) {
        epoch++;
        if (isBetter(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badEpochs = 0;
        }
        if (badEpochs > options.patience()) {
            double old = optimizer.lr();
            double cut = Math.max(old * options.factor(), options.minLr());
            if (old - cut > options.eps()) {
                optimizer.setLr(cut);
            }
            cooldownCounter = options.cooldown();
            badEpochs = 0;
        }
    }

    private boolean isBetter(double metric) {
        boolean rel = options.thresholdMode() == ThresholdMode.REL;
        double t = options.threshold();
        if (options.mode() == Mode.MIN) {
            return metric < (rel ? best * (1 - t) : best - t);
        }
        return metric > (rel ? best * (1 + t) : best + t);
    }

    private double worst() {
        return options.mode() == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** @return the best metric so far (±infinity before the first step) */
    public double best() {
        return best;
    }

    /** @return the learning rate the optimizer has now */
    public double currentLr() {
        return optimizer.lr();
    }

    /** {@code best}, {@code num_bad_epochs}, {@code cooldown_counter}, {@code last_epoch}: 0-d float64 tensors. */
    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("best", Tensor.scalar(best, DType.FLOAT64));
        out.put("num_bad_epochs", Tensor.scalar(badEpochs, DType.FLOAT64));
        out.put("cooldown_counter", Tensor.scalar(cooldownCounter, DType.FLOAT64));
        out.put("last_epoch", Tensor.scalar(epoch, DType.FLOAT64));
        return out;
    }

    /** Restores the counters; the rate itself lives in the optimizer's state dict. */
    @Override
    public void loadStateDict(Map<String, Tensor> state) {
        if (!state.keySet().equals(stateDict().keySet())) {
            throw new IllegalArgumentException("ReduceLROnPlateau: expected a state dict with " + stateDict().keySet()
                    + ", got " + state.keySet());
        }
        best = state.get("best").item();
        badEpochs = (int) state.get("num_bad_epochs").item();
        cooldownCounter = (int) state.get("cooldown_counter").item();
        epoch = (int) state.get("last_epoch").item();
    }
}
