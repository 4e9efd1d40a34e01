package io.github.backprop4j.examples.train;

/**
 * What one epoch achieved.
 *
 * @param epoch 1-based
 * @param loss mean training loss over the epoch's batches (weighted by batch size)
 * @param trainAccuracy accuracy on the whole training part after the epoch
 * @param testAccuracy accuracy on the test part after the epoch
 * @param testF1Micro micro-averaged F1 on the test part (multi-label data only, else NaN)
 */
public record EpochResult(int epoch, double loss, double trainAccuracy, double testAccuracy, double testF1Micro) {
}
