package io.github.backprop4j.examples.train;

import java.util.List;

/**
 * The hyperparameters of one training run.
 *
 * @param epochs passes over the training part
 * @param batchSize samples per step
 * @param lr learning rate
 * @param optimizer sgd (momentum 0.9), adam or adamw (weight decay 0.01)
 * @param hidden sizes of the hidden layers, each followed by ReLU
 * @param seed seeds the split, the initial weights and the shuffles (and the generated datasets)
 */
public record TrainingConfig(int epochs, int batchSize, double lr, String optimizer, List<Integer> hidden, long seed) {
    /** The optimizers {@code --optimizer} accepts. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "adam", "adamw");

    public TrainingConfig {
        hidden = List.copyOf(hidden);
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + lr);
        }
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new IllegalArgumentException("--optimizer must be one of sgd, adam, adamw, got '" + optimizer + "'");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("--hidden sizes must be positive, got " + hidden);
            }
        }
    }

    /**
     * The settings that reach each dataset's accuracy goal with no flags, in a few seconds on
     * two cores.
     */
    public static TrainingConfig defaultsFor(String dataset) {
        return switch (dataset) {
            case "digits" -> new TrainingConfig(30, 32, 0.003, "adam", List.of(64), 0);
            case "iris" -> new TrainingConfig(100, 16, 0.01, "adam", List.of(16), 0);
            case "wine" -> new TrainingConfig(60, 16, 0.01, "adamw", List.of(16), 0);
            case "breast-cancer" -> new TrainingConfig(50, 32, 0.003, "adam", List.of(16), 0);
            case "digits-multilabel" -> new TrainingConfig(40, 32, 0.003, "adam", List.of(64), 0);
            case "spiral" -> new TrainingConfig(300, 32, 0.01, "adam", List.of(64, 64), 0);
            case "moons" -> new TrainingConfig(100, 32, 0.01, "adam", List.of(16, 16), 0);
            case "xor" -> new TrainingConfig(100, 32, 0.01, "adam", List.of(16, 16), 0);
            default -> throw new IllegalArgumentException("no defaults for dataset '" + dataset + "'");
        };
    }

    /**
     * {@code "64,64"} → [64, 64]; {@code "none"} → [] (no hidden layer: a linear model). Anything
     * else, an empty string or an empty entry included, is an error.
     */
    public static List<Integer> parseHidden(String text) {
        String trimmed = text.strip();
        if (trimmed.equals("none")) {
            return List.of();
        }
        List<Integer> sizes = new java.util.ArrayList<>();
        for (String part : trimmed.split(",", -1)) {
            String size = part.strip();
            if (!size.matches("\\d{1,9}")) {
                throw new IllegalArgumentException("--hidden takes comma-separated layer sizes like 64,64, or none "
                        + "for no hidden layer, got '" + text + "'");
            }
            sizes.add(Integer.valueOf(size));
        }
        return sizes;
    }
}
