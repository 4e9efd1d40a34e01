/**
 * Classification metrics on predicted and true labels: {@link io.github.backprop4j.nn.metrics.Metrics#accuracy},
 * the confusion matrix, and precision, recall and F1 with micro or macro averaging, for multi-class
 * and multi-label problems, defined as scikit-learn defines them.
 */
@NullMarked
package io.github.backprop4j.nn.metrics;

import org.jspecify.annotations.NullMarked;
