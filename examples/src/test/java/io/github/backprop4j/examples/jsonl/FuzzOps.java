package io.github.backprop4j.examples.jsonl;

import io.github.backprop4j.losses.LossKind;
import java.util.Arrays;
import java.util.List;

/**
 * The op names the fuzz tests draw from, taken from one place: the losses' registry
 * {@link LossKind}. Each name is sorted into the kind of
 * request that is valid for it by its name alone, so a new loss is fuzzed without more code
 * (if its guessed kind is wrong, its requests get error answers, which the properties accept).
 */
final class FuzzOps {
    private FuzzOps() {
    }

    /** How a valid request for an op is built. */
    enum Kind {
        /** input and dim: log_softmax, softmax. */
        SOFTMAX,
        /** input [N, C] and class indices [N]: nll_loss, cross_entropy. */
        CLASSES,
        /** input and a float target of the same shape: the BCE family, multilabel soft margin. */
        ELEMENTWISE
    }

    /** Every op name {@code loss --jsonl} knows. */
    static List<String> names() {
        return Arrays.stream(LossKind.values()).map(LossKind::pytorchName).toList();
    }

    static Kind kindOf(String name) {
        if (name.contains("softmax")) {
            return Kind.SOFTMAX;
        }
        if (name.startsWith("nll") || name.equals("cross_entropy")) {
            return Kind.CLASSES;
        }
        return Kind.ELEMENTWISE;
    }
}
