package io.github.backprop4j.nn.optim;

import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Updates parameters from their gradients, as {@code torch.optim.Optimizer} with a single
 * parameter group. The training loop is PyTorch's:
 *
 * <pre>{@code
 * optimizer.zeroGrad();
 * Variable loss = lossOf(model.forward(x), y);
 * loss.backward();
 * optimizer.step();
 * }</pre>
 *
 * <p>{@link #step()} runs without recording ({@link GradMode#noGrad()}) and replaces each
 * parameter's value with {@link Variable#assign}; parameters without a gradient are skipped.
 * Subclasses write only the update rule of one parameter, {@link #update}.
 */
public abstract class Optimizer {
    private final String name;
    private final List<Variable> params;
    private double lr;

    /**
     * @throws IllegalArgumentException for an empty list, a repeated parameter, a parameter that is
     *     not a leaf requiring grad, or a negative learning rate
     */
    protected Optimizer(String name, Iterable<Variable> params, double lr) {
        this.name = name;
        List<Variable> list = new ArrayList<>();
        Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Variable p : params) {
            if (!p.isLeaf()) {
                throw new IllegalArgumentException(name + ": can't optimize a non-leaf Variable (parameter "
                        + list.size() + ", shape " + p.shape() + ")");
            }
            if (!p.requiresGrad()) {
                throw new IllegalArgumentException(name + ": parameter " + list.size() + " (shape " + p.shape()
                        + ") does not require grad");
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException(name + ": parameter " + list.size() + " (shape " + p.shape()
                        + ") appears more than once in the parameter list");
            }
            list.add(p);
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException(name + ": optimizer got an empty parameter list");
        }
        this.params = List.copyOf(list);
        setLr(lr);
    }

    /** The parameters, in the order given. */
    public final List<Variable> parameters() {
        return params;
    }

    /** The learning rate the next {@link #step()} uses. */
    public final double lr() {
        return lr;
    }

    /** Sets the learning rate, as a schedule does; must be ≥ 0. */
    public final void setLr(double lr) {
        if (!(lr >= 0)) {
            throw new IllegalArgumentException(name + ": Invalid learning rate: " + lr);
        }
        this.lr = lr;
    }

    /** Forgets every parameter's gradient (PyTorch's {@code zero_grad(set_to_none=True)}). */
    public final void zeroGrad() {
        params.forEach(Variable::zeroGrad);
    }

    /** One update of every parameter that has a gradient. */
    public final void step() {
        GradMode.Scope noGrad = GradMode.noGrad();
        try {
            for (int i = 0; i < params.size(); i++) {
                Variable p = params.get(i);
                Variable grad = p.grad();
                if (grad != null) {
                    p.assign(update(i, p.value(), grad.value().to(p.dtype())));
                }
            }
        } finally {
            noGrad.close();
        }
    }

    /**
     * The new value of parameter {@code index} (same shape and dtype as {@code param}), given its
     * current value and gradient. Called once per step for each parameter that has a gradient;
     * implementations keep per-parameter state (momentum buffers, moments) by index.
     */
    protected abstract Tensor update(int index, Tensor param, Tensor grad);

    @Override
    public String toString() {
        return name + "(lr=" + lr + ", parameters=" + params.size() + ")";
    }
}
