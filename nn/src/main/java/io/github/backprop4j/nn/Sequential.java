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

    /**
     * A chain of {@code layers}, named {@code "0"}, {@code "1"}, ... in the order given.
     *
     * @param layers the modules, first applied first; none gives the identity
     */
    public Sequential(Module... layers) {
        this(List.of(layers));
    }

    /**
     * A chain of {@code layers}, named {@code "0"}, {@code "1"}, ... in list order.
     *
     * @param layers the modules, first applied first; an empty list gives the identity
     */
    public Sequential(List<? extends Module> layers) {
        layers.forEach(this::add);
    }

    /**
     * Appends {@code layer} under the next index, as PyTorch's {@code Sequential.append}.
     *
     * @param layer the module to apply after the current last one
     * @return this sequence
     */
    public Sequential add(Module layer) {
        registerModule(Integer.toString(size), layer);
        size++;
        return this;
    }

    /**
     * The layer at {@code index} (Kotlin: {@code model[0]}).
     *
     * @param index the position, from 0
     * @return the layer registered under {@code "" + index}
     * @throws IndexOutOfBoundsException if {@code index} is negative or not below {@link #size()}
     */
    public Module get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Sequential: index " + index + " is out of range for " + size
                    + " layers");
        }
        return children().get(index);
    }

    /**
     * Number of layers.
     *
     * @return how many modules this sequence applies
     */
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
