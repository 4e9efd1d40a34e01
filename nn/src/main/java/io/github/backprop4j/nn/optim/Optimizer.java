package io.github.backprop4j.nn.optim;

import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.nn.Stateful;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
public abstract class Optimizer implements Stateful {
    private final String name;
    private final List<Variable> params;
    private double lr;

    /**
     * An optimizer over {@code params}, for subclasses, which add their own hyperparameters.
     *
     * @param name the optimizer's name in messages and {@link #toString()}, e.g. {@code "SGD"}
     * @param params the parameters to update, usually {@code model.parameters()}; copied
     * @param lr the initial learning rate
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

    /**
     * The parameters, in the order given; the indices of {@link #stateDict()} refer to it.
     *
     * @return an immutable list of the parameters
     */
    public final List<Variable> parameters() {
        return params;
    }

    /**
     * The learning rate the next {@link #step()} uses, as {@code param_groups[0]['lr']}.
     *
     * @return the current learning rate
     */
    public final double lr() {
        return lr;
    }

    /**
     * Sets the learning rate, as a schedule does.
     *
     * @param lr the learning rate for the following steps
     * @throws IllegalArgumentException if {@code lr} is negative or NaN
     */
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
     *
     * @param index the parameter's position in {@link #parameters()}
     * @param param the parameter's current value
     * @param grad its gradient, converted to {@code param}'s dtype
     * @return the parameter's new value; {@code param} itself must not be modified
     */
    protected abstract Tensor update(int index, Tensor param, Tensor grad);

    /**
     * The state PyTorch's {@code optimizer.state_dict()} holds, flattened to tensors:
     * {@code param_groups.0.lr}, then for each parameter i that has state,
     * {@code state.i.<name>} (e.g. {@code state.0.exp_avg}, {@code state.0.step}).
     */
    @Override
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(LR_KEY, Tensor.scalar(lr, DType.FLOAT64));
        for (int i = 0; i < params.size(); i++) {
            String prefix = "state." + i + ".";
            parameterState(i).forEach((k, v) -> out.put(prefix + k, v));
        }
        return out;
    }

    /**
     * Restores a {@link #stateDict()} of an optimizer of the same kind over parameters of the same
     * shapes: the learning rate and every parameter's state.
     *
     * @throws IllegalArgumentException when the learning rate is missing, a key is not one this
     *     optimizer writes, or a state tensor is missing or has the wrong shape
     */
    @Override
    public final void loadStateDict(Map<String, Tensor> state) {
        Tensor lrValue = state.get(LR_KEY);
        if (lrValue == null) {
            throw new IllegalArgumentException(name + ": state dict has no " + LR_KEY);
        }
        List<Map<String, Tensor>> perParameter = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            perParameter.add(new LinkedHashMap<>());
        }
        state.forEach((key, value) -> {
            if (key.equals(LR_KEY)) {
                return;
            }
            String[] parts = key.split("\\.", 3);
            int index = parts.length == 3 && parts[0].equals("state") && parts[1].matches("\\d{1,9}")
                    ? Integer.parseInt(parts[1]) : -1;
            if (index < 0 || index >= params.size()) {
                throw new IllegalArgumentException(name + ": unexpected key in state dict: " + key);
            }
            perParameter.get(index).put(parts[2], value);
        });
        setLr(lrValue.item());
        for (int i = 0; i < params.size(); i++) {
            loadParameterState(i, perParameter.get(i), params.get(i).value());
        }
    }

    /**
     * The state of parameter {@code index} by PyTorch's names, for {@link #stateDict()}. This
     * default suits optimizers without state.
     *
     * @param index the parameter's position in {@link #parameters()}
     * @return the state tensors by name (e.g. {@code exp_avg}); empty before the first update
     */
    protected Map<String, Tensor> parameterState(int index) {
        return Map.of();
    }

    /**
     * Restores the state {@link #parameterState} returned for parameter {@code index} (empty:
     * no update yet). {@code param} is the parameter's current value, for shape checks. This
     * default, for optimizers without state, accepts only an empty map.
     *
     * @param index the parameter's position in {@link #parameters()}
     * @param state the tensors {@link #parameterState} returned, by name
     * @param param the parameter's current value
     * @throws IllegalArgumentException if the state has an unexpected key or a tensor of the wrong
     *     shape
     */
    protected void loadParameterState(int index, Map<String, Tensor> state, Tensor param) {
        if (!state.isEmpty()) {
            throw new IllegalArgumentException(name + ": unexpected state for parameter " + index + ": " + state.keySet());
        }
    }

    /**
     * A tensor of {@code state} under {@code key}, required to exist and to have {@code param}'s
     * shape: a helper for {@link #loadParameterState}.
     *
     * @param state a parameter's state by name
     * @param key the name of the tensor wanted, e.g. {@code "momentum_buffer"}
     * @param param the parameter's current value
     * @return the tensor, converted to {@code param}'s dtype, contiguous
     * @throws IllegalArgumentException if the key is missing or the shapes differ
     */
    protected final Tensor stateTensor(Map<String, Tensor> state, String key, Tensor param) {
        Tensor t = state.get(key);
        if (t == null) {
            throw new IllegalArgumentException(name + ": state dict lacks " + key);
        }
        if (!t.shape().equals(param.shape())) {
            throw new IllegalArgumentException(name + ": " + key + " has shape " + t.shape()
                    + " but the parameter has shape " + param.shape());
        }
        return t.to(param.dtype()).contiguous();
    }

    private static final String LR_KEY = "param_groups.0.lr";

    @Override
    public String toString() {
        return name + "(lr=" + lr + ", parameters=" + params.size() + ")";
    }
}
