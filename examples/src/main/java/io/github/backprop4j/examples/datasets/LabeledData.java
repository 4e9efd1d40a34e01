package io.github.backprop4j.examples.datasets;

import io.github.backprop4j.tensor.Tensor;
import java.util.List;

/**
 * A classification dataset held in memory.
 *
 * @param name the name the {@code train} command knows it by
 * @param features float32 (n, f), unstandardised
 * @param targets what the loss compares against: int64 (n) class indices, float32 (n, 1) binary
 *     labels, or float32 (n, k) multi-hot attributes, according to {@code task}
 * @param strata one class per sample, used to stratify the train/test split
 * @param classNames a name per class (or per attribute, for multi-label data)
 * @param task which loss fits the targets
 */
public record LabeledData(String name, Tensor features, Tensor targets, long[] strata, List<String> classNames,
                          Task task) {
    public int size() {
        return features.size(0);
    }

    public int featureCount() {
        return features.size(1);
    }

    /** Number of model outputs: classes for multi-class, 1 for binary, attributes for multi-label. */
    public int outputCount() {
        return task == Task.BINARY ? 1 : classNames.size();
    }
}
