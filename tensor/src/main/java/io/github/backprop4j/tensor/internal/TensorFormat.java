package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.Tensor;

/** Formats tensors the way PyTorch prints them. */
public final class TensorFormat {
    private TensorFormat() {
    }

    public static String format(Tensor t) {
        return "tensor(" + java.util.Arrays.toString(t.toDoubleArray()) + ")";
    }
}
