package io.github.backprop4j.examples.datasets;

/** What kind of targets a dataset has, which decides the loss a model trains with. */
public enum Task {
    /** One class index per sample (int64 targets); CrossEntropyLoss. */
    MULTICLASS,
    /** One 0/1 label per sample (float targets shaped (n, 1)); BCEWithLogitsLoss. */
    BINARY,
    /** Several 0/1 attributes per sample (float targets (n, k)); MultiLabelSoftMarginLoss. */
    MULTILABEL
}
