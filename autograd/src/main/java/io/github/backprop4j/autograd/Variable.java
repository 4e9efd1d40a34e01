package io.github.backprop4j.autograd;

import io.github.backprop4j.autograd.ops.Add;
import io.github.backprop4j.autograd.ops.Div;
import io.github.backprop4j.autograd.ops.Exp;
import io.github.backprop4j.autograd.ops.Expand;
import io.github.backprop4j.autograd.ops.Log;
import io.github.backprop4j.autograd.ops.MatMul;
import io.github.backprop4j.autograd.ops.Mul;
import io.github.backprop4j.autograd.ops.Neg;
import io.github.backprop4j.autograd.ops.Permute;
import io.github.backprop4j.autograd.ops.Reshape;
import io.github.backprop4j.autograd.ops.Sub;
import io.github.backprop4j.autograd.ops.Sum;
import io.github.backprop4j.autograd.ops.SumTo;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A tensor value in a computation whose gradients we want: the differentiable counterpart of
 * {@link Tensor}.
 *
 * <p>A variable is either a <em>leaf</em>, made by {@link #of} (a constant) or
 * {@link #parameter} (requires a gradient), or the result of an op, which remembers the
 * {@link Function} that made it. {@link #backward()} walks those records from a scalar result
 * back to the leaves and leaves each leaf's gradient in {@link #grad()}, adding to what is
 * already there until {@link #zeroGrad()}.
 *
 * <p>Operator-named methods make Kotlin read naturally: {@code (a * b + c).sum()}.
 */
public final class Variable {
    private Tensor value;
    private final boolean requiresGrad;
    private final @Nullable Function gradFn;
    private @Nullable Variable grad;
    private @Nullable List<UnaryOperator<Variable>> hooks;
    private boolean retainGrad;
    private int version;
    private @Nullable String name;

    Variable(Tensor value, Function gradFn) {
        this.value = value;
        this.requiresGrad = true;
        this.gradFn = gradFn;
    }

    private Variable(Tensor value, boolean requiresGrad) {
        if (requiresGrad && !value.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("only Tensors of floating point dtype can require gradients (got "
                    + value.dtype().shortName() + ")");
        }
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.gradFn = null;
    }

    /** A leaf that needs no gradient: a constant input. */
    public static Variable of(Tensor value) {
        return new Variable(value, false);
    }

    /** A leaf whose gradient is wanted, like a tensor with {@code requires_grad=True}. */
    public static Variable parameter(Tensor value) {
        return new Variable(value, true);
    }

    /** A leaf that requires a gradient or not. */
    public static Variable leaf(Tensor value, boolean requiresGrad) {
        return new Variable(value, requiresGrad);
    }

    // ------------------------------------------------------------------ state

    /** The current value. */
    public Tensor value() {
        return value;
    }

    public Shape shape() {
        return value.shape();
    }

    public DType dtype() {
        return value.dtype();
    }

    /** Size of dimension {@code dim}. */
    public int size(int dim) {
        return value.size(dim);
    }

    public int dim() {
        return value.dim();
    }

    /** The value of a one-element variable. */
    public double item() {
        return value.item();
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** True for variables made by {@link #of}, {@link #parameter} or {@link #leaf}. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The op that made this variable, or null for a leaf. */
    public @Nullable Function gradFn() {
        return gradFn;
    }

    /**
     * The accumulated gradient: for leaves that require one, and for other variables after
     * {@link #retainGrad()}; null before any backward reached it.
     */
    public @Nullable Variable grad() {
        return grad;
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        grad = null;
    }

    /** The same value, cut off from the graph: a constant leaf. */
    public Variable detach() {
        return of(value);
    }

    /** Keep this non-leaf's gradient in {@link #grad()} during backward. */
    public Variable retainGrad() {
        retainGrad = true;
        return this;
    }

    boolean retainsGrad() {
        return retainGrad || (isLeaf() && requiresGrad);
    }

    /**
     * Replaces a leaf's value, as an optimizer step does (PyTorch's in-place update under
     * no_grad). Nodes that already read the old value will refuse to run their backward.
     */
    public void assign(Tensor newValue) {
        if (!isLeaf()) {
            throw new IllegalStateException("assign: only a leaf's value can be replaced (this one was made by "
                    + gradFn.name() + ")");
        }
        if (!newValue.shape().equals(value.shape()) || newValue.dtype() != value.dtype()) {
            throw new IllegalArgumentException("assign: new value " + newValue.shape() + " " + newValue.dtype()
                    + " does not match " + value.shape() + " " + value.dtype());
        }
        value = newValue;
        version++;
    }

    /** Counts {@link #assign} calls, so stale graph nodes can be detected. */
    public int version() {
        return version;
    }

    /** A label shown in graph exports and traces. */
    public Variable named(String label) {
        this.name = label;
        return this;
    }

    public @Nullable String name() {
        return name;
    }

    /**
     * Adds a hook that sees, and may replace, the gradient flowing into this variable during
     * backward (the total for this backward call). Returns a handle that removes it.
     */
    public HookHandle registerHook(UnaryOperator<Variable> hook) {
        if (!requiresGrad) {
            throw new IllegalStateException("cannot register a hook on a variable that doesn't require gradient");
        }
        if (hooks == null) {
            hooks = new ArrayList<>();
        }
        List<UnaryOperator<Variable>> list = hooks;
        list.add(hook);
        return () -> list.remove(hook);
    }

    /** Removes a hook added by {@link #registerHook}. */
    @FunctionalInterface
    public interface HookHandle {
        void remove();
    }

    Variable runHooks(Variable g) {
        if (hooks != null) {
            for (UnaryOperator<Variable> hook : List.copyOf(hooks)) {
                Variable replaced = hook.apply(g);
                if (replaced != null) {
                    g = replaced;
                }
            }
        }
        return g;
    }

    void accumulateGrad(Variable g) {
        grad = grad == null ? g : grad.plus(g);
    }

    // ------------------------------------------------------------------ backward

    /** Backward from a one-element result, seeded with 1. */
    public void backward() {
        if (value.numel() != 1) {
            throw new IllegalStateException("grad can be implicitly created only for scalar outputs (this output"
                    + " has shape " + value.shape() + "); call backward(gradient)");
        }
        backward(value.onesLike());
    }

    /** Backward seeded with {@code gradient} (shaped like this value). */
    public void backward(Tensor gradient) {
        backward(of(gradient), BackwardOptions.DEFAULT);
    }

    /** Backward with explicit options (retain the graph, create the graph of the gradient, trace). */
    public void backward(Variable gradient, BackwardOptions options) {
        Engine.run(List.of(this), List.of(gradient), null, options.engineOptions());
    }

    // ------------------------------------------------------------------ arithmetic (broadcasting)

    /** {@code this + other}; the gradient of each side is g summed to its shape. */
    public Variable plus(Variable other) {
        return new Add().apply(this, other);
    }

    public Variable plus(double c) {
        return plus(constantLike(c));
    }

    public Variable minus(Variable other) {
        return new Sub().apply(this, other);
    }

    public Variable minus(double c) {
        return minus(constantLike(c));
    }

    public Variable times(Variable other) {
        return new Mul().apply(this, other);
    }

    public Variable times(double c) {
        return times(constantLike(c));
    }

    public Variable div(Variable other) {
        return new Div().apply(this, other);
    }

    public Variable div(double c) {
        return div(constantLike(c));
    }

    public Variable unaryMinus() {
        return new Neg().apply(this);
    }

    /** A 0-d constant of this variable's dtype. */
    Variable constantLike(double c) {
        return of(Tensor.scalar(c, value.dtype().isFloatingPoint() ? value.dtype() : DType.FLOAT32));
    }

    // ------------------------------------------------------------------ unary math

    public Variable exp() {
        return new Exp().apply(this);
    }

    public Variable log() {
        return new Log().apply(this);
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements (0-d). */
    public Variable sum() {
        return new Sum(null, false).apply(this);
    }

    /** Sum over {@code dims}. */
    public Variable sum(int[] dims, boolean keepdim) {
        return new Sum(dims, keepdim).apply(this);
    }

    public Variable sum(int dim, boolean keepdim) {
        return sum(new int[] {dim}, keepdim);
    }

    /** The reduction that undoes a broadcast to this shape; its gradient is an expand. */
    public Variable sumTo(Shape target) {
        return value.shape().equals(target) ? this : new SumTo(target).apply(this);
    }

    // ------------------------------------------------------------------ views and products

    /** Broadcasts to {@code target} without copying; its gradient is a {@link #sumTo}. */
    public Variable expand(Shape target) {
        return value.shape().equals(target) ? this : new Expand(target).apply(this);
    }

    public Variable reshape(int... shape) {
        return new Reshape(shape).apply(this);
    }

    /** Reorders dimensions (a view); the gradient is permuted back. */
    public Variable permute(int... dims) {
        return new Permute(dims).apply(this);
    }

    /** Swaps two dimensions (a view). */
    public Variable transpose(int dim0, int dim1) {
        int[] perm = new int[dim()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        int a = Shape.normalizeDim(dim0, dim(), "transpose");
        int b = Shape.normalizeDim(dim1, dim(), "transpose");
        perm[a] = b;
        perm[b] = a;
        return permute(perm);
    }

    /** {@code torch.matmul}: dot, matrix-vector, matrix-matrix and batched products. */
    public Variable matmul(Variable other) {
        return new MatMul().apply(this, other);
    }

    @Override
    public String toString() {
        String base = value.toString();
        if (!requiresGrad) {
            return base;
        }
        String suffix = gradFn == null ? ", requires_grad=True)" : ", grad_fn=<" + gradFn.name() + ">)";
        return base.substring(0, base.length() - 1) + suffix;
    }
}
