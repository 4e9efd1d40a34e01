package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;
import java.util.List;

/**
 * Modules applied one after another, as {@code torch.nn.Sequential}: the output of each is the
 * input of the next. The children are named {@code "0"}, {@code "1"}, ... so their parameters
 * are {@code "0.weight"}, {@code "0.bias"}, ... as in PyTorch.
 */
public final class Sequential extends Module {
    private int size;

    public Sequential(Module... layers) {
        this(List.of(layers));
    }

    public Sequential(List<? extends Module> layers) {
        layers.forEach(this::add);
    }

    /** Appends {@code layer} under the next index; returns this. */
    public Sequential add(Module layer) {
        registerModule(Integer.toString(size), layer);
        size++;
        return this;
    }

    /** The layer at {@code index} (Kotlin: {@code model[0]}). */
    public Module get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Sequential: index " + index + " is out of range for " + size
                    + " layers");
        }
        return children().get(index);
    }

    /** Number of layers. */
    public int size() {
        return size;
    }

    @Override
    public Variable forward(Variable input) {
        Variable x = input;
        for (Module layer : children()) {
            x = layer.forward(x);
        }
        return x;
    }
}
