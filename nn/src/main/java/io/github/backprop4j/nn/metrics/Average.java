package io.github.backprop4j.nn.metrics;

/** How per-class scores combine into one, as scikit-learn's {@code average=}. */
public enum Average {
    /** Count true positives, false positives and false negatives over all classes, then score once. */
    MICRO,
    /** Score each class, then take the unweighted mean over classes. */
    MACRO
}
