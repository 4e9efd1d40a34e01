package io.github.backprop4j.nn.data;

import io.github.backprop4j.tensor.Tensor;

/**
 * Standardisation of features, as scikit-learn's {@code StandardScaler}: {@code (x − mean) / scale}
 * per feature, with the mean and the population standard deviation (divisor n) of each column
 * fitted on the training data only and then applied to training and test data alike. A column
 * that is constant in the training data gets scale 1, so it maps to 0 instead of dividing by zero.
 */
public final class Standardizer {
    private final Tensor mean;
    private final Tensor scale;

    private Standardizer(Tensor mean, Tensor scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Fits the statistics of {@code x} (examples along dimension 0, e.g. {@code [n, features]}).
     *
     * @param x the training data, of a floating point dtype
     * @return a standardizer with the mean and scale of each feature of {@code x}
     * @throws IllegalArgumentException for a 0-d, empty or integer tensor
     */
    public static Standardizer fit(Tensor x) {
        if (x.dim() == 0 || x.size(0) == 0 || !x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Standardizer.fit: expected a non-empty floating point tensor with"
                    + " examples along dim 0, got " + x.dtype().shortName() + " " + x.shape());
        }
        Tensor mean = x.mean(0, false);
        Tensor std = x.var(new int[] {0}, 0, false).sqrt();
        Tensor constant = x.max(0, false).values().eq(x.min(0, false).values());
        Tensor scale = Tensor.where(constant, std.onesLike(), std).to(x.dtype());
        return new Standardizer(mean, scale);
    }

    /**
     * {@code (x − mean) / scale}, broadcast over the examples.
     *
     * @param x data with the fitted features after its first dimension, e.g. {@code [m, features]}
     * @return the standardised data, of the same shape
     * @throws IllegalArgumentException if {@code x}'s shape after dimension 0 is not the fitted one
     */
    public Tensor transform(Tensor x) {
        checkFeatures(x, "transform");
        return x.minus(mean).div(scale);
    }

    /**
     * {@code x·scale + mean}: undoes {@link #transform}.
     *
     * @param x standardised data with the fitted features after its first dimension
     * @return the data in the original units, of the same shape
     * @throws IllegalArgumentException if {@code x}'s shape after dimension 0 is not the fitted one
     */
    public Tensor inverseTransform(Tensor x) {
        checkFeatures(x, "inverseTransform");
        return x.times(scale).plus(mean);
    }

    /**
     * The per-feature mean of the training data (scikit-learn's {@code mean_}).
     *
     * @return a tensor of the feature shape
     */
    public Tensor mean() {
        return mean;
    }

    /**
     * The per-feature standard deviation of the training data, 1 for constant features
     * (scikit-learn's {@code scale_}).
     *
     * @return a tensor of the feature shape
     */
    public Tensor scale() {
        return scale;
    }

    private void checkFeatures(Tensor x, String op) {
        int[] want = mean.shape().toArray();
        int[] got = x.shape().toArray();
        boolean ok = got.length == want.length + 1;
        for (int d = 0; ok && d < want.length; d++) {
            ok = got[d + 1] == want[d];
        }
        if (!ok) {
            throw new IllegalArgumentException("Standardizer." + op + ": input of shape " + x.shape()
                    + " does not have the fitted feature shape " + mean.shape() + " after its first dimension");
        }
    }
}
