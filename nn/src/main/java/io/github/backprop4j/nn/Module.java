package io.github.backprop4j.nn;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A layer or a network of layers, as {@code torch.nn.Module}: it owns parameters and child
 * modules, registered by name in its constructor, and maps an input to an output in
 * {@link #forward}.
 *
 * <p>Names compose with dots as in PyTorch: the weight of the first layer of a
 * {@link Sequential} is {@code "0.weight"}. {@link #namedParameters()} and {@link #stateDict()}
 * list a module's own parameters first, in registration order, then each child's, recursively.
 *
 * <p>A parameter is a {@link Variable} that requires a gradient (made by
 * {@link Variable#parameter}); optimizers replace its value with {@link Variable#assign}.
 *
 * <p>Kotlin calls a module like a function, {@code model(x)}, through {@link #invoke}.
 */
public abstract class Module implements Stateful {
    private final Map<String, Variable> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** For subclasses, which register their parameters and children in their constructors. */
    protected Module() {
    }

    /**
     * Computes this module's output for {@code input}, recording the operations in the autograd
     * graph so that {@code backward()} on a loss of the output reaches the parameters.
     *
     * @param input the input batch, usually of shape {@code [batch, features...]}
     * @return the output, in the graph of {@code input} and of this module's parameters
     */
    public abstract Variable forward(Variable input);

    /**
     * Same as {@link #forward(Variable)}; lets Kotlin write {@code model(x)}.
     *
     * @param input the input batch
     * @return {@code forward(input)}
     */
    public final Variable invoke(Variable input) {
        return forward(input);
    }

    /**
     * {@link #forward(Variable)} on a plain tensor, wrapped as a constant: {@code model.forward(x)}
     * as in PyTorch, where inputs need no wrapping.
     *
     * @param input the input batch
     * @return the output, in the graph of this module's parameters
     */
    public final Variable forward(Tensor input) {
        return forward(Variable.of(input));
    }

    /**
     * Same as {@link #forward(Tensor)}; lets Kotlin write {@code model(x)} for a tensor {@code x}.
     *
     * @param input the input batch, taken as a constant
     * @return {@code forward(input)}
     */
    public final Variable invoke(Tensor input) {
        return forward(input);
    }

    /**
     * The module's name in messages and in {@link #toString()}: its class's simple name.
     *
     * @return the name, e.g. {@code "Linear"}
     */
    public String name() {
        return getClass().getSimpleName();
    }

    // ------------------------------------------------------------------ registration

    /**
     * Registers {@code parameter} under {@code name} and returns it, for use in a subclass
     * constructor: {@code weight = registerParameter("weight", Variable.parameter(w))}.
     *
     * @param name the parameter's name within this module, without dots, e.g. {@code "weight"}
     * @param parameter a leaf variable that requires a gradient
     * @return {@code parameter}, so that a field can be assigned in the same statement
     * @throws IllegalArgumentException when the name is empty, contains a dot or is taken, or
     *     the variable does not require a gradient or is not a leaf
     */
    protected final Variable registerParameter(String name, Variable parameter) {
        checkNewName(name, "parameter");
        if (!parameter.isLeaf() || !parameter.requiresGrad()) {
            throw new IllegalArgumentException(String.format(
                    "%s: parameter '%s' must be a leaf that requires grad (use Variable.parameter)", name(), name));
        }
        parameters.put(name, parameter);
        return parameter;
    }

    /**
     * Registers {@code child} under {@code name} and returns it: its parameters then appear in
     * {@link #namedParameters()} as {@code name + "." + theirName}, and {@link #train(boolean)}
     * reaches it.
     *
     * @param <M> the child's type, kept so that a typed field can be assigned
     * @param name the child's name within this module, without dots, e.g. {@code "0"} or
     *     {@code "encoder"}
     * @param child the sub-module
     * @return {@code child}
     * @throws IllegalArgumentException when the name is empty, contains a dot or is taken, or
     *     {@code child} is this module
     */
    protected final <M extends Module> M registerModule(String name, M child) {
        checkNewName(name, "module");
        if (child == this) {
            throw new IllegalArgumentException(name() + ": a module cannot be its own child");
        }
        children.put(name, child);
        return child;
    }

    private void checkNewName(String name, String kind) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s name must be non-empty and can't contain \".\" (got \"%s\")", name(), kind, name));
        }
        if (parameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(String.format("%s: attribute '%s' already exists", name(), name));
        }
    }

    // ------------------------------------------------------------------ traversal

    /**
     * Every parameter of this module and its descendants, each once, in
     * {@link #namedParameters()} order: what an optimizer is given.
     *
     * @return an immutable list of the parameters
     */
    public final List<Variable> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /**
     * Parameters by dotted name: own parameters in registration order, then each child's under
     * the child's name. A parameter shared between modules appears once, under its first name
     * (as PyTorch's {@code named_parameters}).
     *
     * @return an unmodifiable map from dotted name to parameter, in that order
     */
    public final Map<String, Variable> namedParameters() {
        Map<String, Variable> out = new LinkedHashMap<>();
        Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collectParameters("", out, seen);
        return Collections.unmodifiableMap(out);
    }

    /** Own parameters, then each child's; {@code seen} (when given) drops repeats of a shared parameter. */
    private void collectParameters(String prefix, Map<String, Variable> out, @Nullable Set<Variable> seen) {
        parameters.forEach((n, p) -> {
            if (seen == null || seen.add(p)) {
                out.put(prefix + n, p);
            }
        });
        children.forEach((n, c) -> c.collectParameters(prefix + n + ".", out, seen));
    }

    /**
     * The direct children by name, in registration order.
     *
     * @return an unmodifiable snapshot of the children
     */
    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    /**
     * The direct children in registration order.
     *
     * @return an immutable list of the children
     */
    public final List<Module> children() {
        return List.copyOf(children.values());
    }

    /**
     * The number of scalar parameters, each shared parameter counted once: PyTorch's
     * {@code sum(p.numel() for p in model.parameters())}.
     *
     * @return the total element count of {@link #parameters()}
     */
    public final long numParameters() {
        return parameters().stream().mapToLong(p -> p.value().numel()).sum();
    }

    /**
     * A table of this module's direct children with their parameter counts and the total, e.g.
     *
     * <pre>
     * Sequential
     *   (0) Linear(in_features=4, out_features=8, bias=True)   40
     *   (1) ReLU()                                               0
     *   (2) Linear(in_features=8, out_features=3, bias=True)   27
     * Total parameters: 67
     * </pre>
     *
     * A module without children lists its own parameters by name and shape instead.
     *
     * @return the table, lines separated by {@code '\n'}, without a trailing newline
     */
    public final String summary() {
        List<String[]> rows = new ArrayList<>();
        if (children.isEmpty()) {
            parameters.forEach((n, p) -> rows.add(new String[] {n + " " + p.shape(), String.valueOf(p.value().numel())}));
        } else {
            children.forEach((n, c) -> rows.add(new String[] {"(" + n + ") " + c.toString().replace("\n", " "),
                String.valueOf(c.numParameters())}));
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int countWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        StringBuilder sb = new StringBuilder(name()).append('\n');
        for (String[] r : rows) {
            sb.append("  ").append(r[0]).append(" ".repeat(width - r[0].length() + 3))
                    .append(" ".repeat(countWidth - r[1].length())).append(r[1]).append('\n');
        }
        return sb.append("Total parameters: ").append(numParameters()).toString();
    }

    // ------------------------------------------------------------------ mode and gradients

    /**
     * Training mode (the default) for this module and its descendants, as {@code module.train()}.
     *
     * @return this module
     */
    public final Module train() {
        return train(true);
    }

    /**
     * Sets training mode ({@code true}) or evaluation mode for this module and its descendants.
     *
     * @param on {@code true} for training mode, {@code false} for evaluation mode
     * @return this module
     */
    public final Module train(boolean on) {
        training = on;
        children.values().forEach(c -> c.train(on));
        return this;
    }

    /**
     * Evaluation mode, as {@code module.eval()}: Dropout passes its input through.
     *
     * @return this module
     */
    public final Module eval() {
        return train(false);
    }

    /**
     * Whether this module is in training mode, as PyTorch's {@code module.training}.
     *
     * @return {@code true} after construction and {@link #train()}, {@code false} after
     *     {@link #eval()}
     */
    public final boolean isTraining() {
        return training;
    }

    /** Forgets every parameter's gradient. */
    public final void zeroGrad() {
        parameters().forEach(Variable::zeroGrad);
    }

    // ------------------------------------------------------------------ state dicts

    /**
     * The current value of every parameter by dotted name, in {@link #namedParameters()} order
     * (a shared parameter appears under each of its names, as in PyTorch).
     */
    @Override
    public final Map<String, Tensor> stateDict() {
        Map<String, Variable> all = new LinkedHashMap<>();
        collectParameters("", all, null);
        Map<String, Tensor> out = new LinkedHashMap<>();
        all.forEach((n, p) -> out.put(n, p.value()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Replaces every parameter's value by the tensor of the same name in {@code state},
     * converted to the parameter's dtype (as PyTorch's {@code copy_}). Strict, as PyTorch's
     * default: the keys must match exactly and every shape must agree. Everything is checked
     * before anything is assigned, so a failed load leaves the module unchanged.
     *
     * @throws IllegalArgumentException listing the missing keys, the unexpected keys and the
     *     size mismatches, worded as PyTorch's {@code load_state_dict}
     */
    @Override
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Variable> own = new LinkedHashMap<>();
        collectParameters("", own, null);
        List<String> errors = new ArrayList<>();
        List<String> missing = own.keySet().stream().filter(k -> !state.containsKey(k)).collect(Collectors.toList());
        List<String> unexpected = state.keySet().stream().filter(k -> !own.containsKey(k)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            errors.add("Missing key(s) in state_dict: " + quoted(missing) + ". ");
        }
        if (!unexpected.isEmpty()) {
            errors.add("Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
        }
        own.forEach((key, p) -> {
            Tensor t = state.get(key);
            if (t != null && !t.shape().equals(p.shape())) {
                errors.add(String.format("size mismatch for %s: copying a param with shape %s from checkpoint,"
                        + " the shape in current model is %s.", key, torchSize(t.shape()), torchSize(p.shape())));
            }
        });
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + name() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        own.forEach((key, p) -> p.assign(state.get(key).to(p.dtype()).contiguous()));
    }

    private static String quoted(List<String> keys) {
        return keys.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", "));
    }

    private static String torchSize(Shape shape) {
        return "torch.Size(" + shape + ")";
    }

    // ------------------------------------------------------------------ printing

    /**
     * The text inside this module's parentheses in {@link #toString()}, e.g. {@code in_features=4}.
     * Subclasses with hyperparameters override it, as PyTorch's {@code extra_repr}.
     *
     * @return the hyperparameters as {@code name=value} pairs; empty by default
     */
    protected String extraRepr() {
        return "";
    }

    /** PyTorch's layout: {@code Sequential(\n  (0): Linear(in_features=4, out_features=5, bias=True)\n ...)}. */
    @Override
    public String toString() {
        if (children.isEmpty()) {
            return name() + "(" + extraRepr() + ")";
        }
        StringBuilder sb = new StringBuilder(name()).append('(');
        if (!extraRepr().isEmpty()) {
            sb.append("\n  ").append(extraRepr());
        }
        children.forEach((n, c) -> sb.append("\n  (").append(n).append("): ")
                .append(c.toString().replace("\n", "\n  ")));
        return sb.append("\n)").toString();
    }
}
