package io.github.backprop4j.autograd;

import io.github.backprop4j.autograd.ops.Abs;
import io.github.backprop4j.autograd.ops.Add;
import io.github.backprop4j.autograd.ops.Cast;
import io.github.backprop4j.autograd.ops.Cat;
import io.github.backprop4j.autograd.ops.Clamp;
import io.github.backprop4j.autograd.ops.Div;
import io.github.backprop4j.autograd.ops.ElementwiseExtremum;
import io.github.backprop4j.autograd.ops.Exp;
import io.github.backprop4j.autograd.ops.Expand;
import io.github.backprop4j.autograd.ops.Expm1;
import io.github.backprop4j.autograd.ops.Extremum;
import io.github.backprop4j.autograd.ops.ExtremumDim;
import io.github.backprop4j.autograd.ops.Gather;
import io.github.backprop4j.autograd.ops.IndexSelect;
import io.github.backprop4j.autograd.ops.Log1p;
import io.github.backprop4j.autograd.ops.Log;
import io.github.backprop4j.autograd.ops.LogSigmoid;
import io.github.backprop4j.autograd.ops.LogSumExp;
import io.github.backprop4j.autograd.ops.MatMul;
import io.github.backprop4j.autograd.ops.Mul;
import io.github.backprop4j.autograd.ops.Narrow;
import io.github.backprop4j.autograd.ops.Neg;
import io.github.backprop4j.autograd.ops.Permute;
import io.github.backprop4j.autograd.ops.Pow;
import io.github.backprop4j.autograd.ops.Relu;
import io.github.backprop4j.autograd.ops.Reshape;
import io.github.backprop4j.autograd.ops.ScatterAdd;
import io.github.backprop4j.autograd.ops.Sigmoid;
import io.github.backprop4j.autograd.ops.Sqrt;
import io.github.backprop4j.autograd.ops.Sub;
import io.github.backprop4j.autograd.ops.Sum;
import io.github.backprop4j.autograd.ops.SumTo;
import io.github.backprop4j.autograd.ops.Tanh;
import io.github.backprop4j.autograd.ops.Where;
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

    /**
     * Replaces the accumulated gradient, like assigning {@code p.grad} in PyTorch (gradient
     * clipping does this). The new gradient must have this variable's shape and dtype.
     */
    public void setGrad(@Nullable Variable newGrad) {
        if (newGrad != null && (!newGrad.shape().equals(shape()) || newGrad.dtype() != dtype())) {
            throw new IllegalArgumentException("setGrad: gradient " + newGrad.shape() + " " + newGrad.dtype().shortName()
                    + " does not match the variable's " + shape() + " " + dtype().shortName());
        }
        grad = newGrad;
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
        backward(BackwardOptions.DEFAULT);
    }

    /** Backward from a one-element result, seeded with 1, with explicit options. */
    public void backward(BackwardOptions options) {
        if (value.numel() != 1) {
            throw new IllegalStateException("grad can be implicitly created only for scalar outputs (this output"
                    + " has shape " + value.shape() + "); call backward(gradient, options)");
        }
        backward(of(value.onesLike()), options);
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

    /** {@code this + other}, broadcast; the gradient of each side is g summed to its shape. */
    public Variable plus(Variable other) {
        return new Add().apply(this, other);
    }

    public Variable plus(double c) {
        return plus(constantLike(c));
    }

    /** {@code this − other}, broadcast. */
    public Variable minus(Variable other) {
        return new Sub().apply(this, other);
    }

    public Variable minus(double c) {
        return minus(constantLike(c));
    }

    /** {@code this · other} elementwise, broadcast. */
    public Variable times(Variable other) {
        return new Mul().apply(this, other);
    }

    public Variable times(double c) {
        return times(constantLike(c));
    }

    /** {@code this / other} elementwise, broadcast. */
    public Variable div(Variable other) {
        return new Div().apply(this, other);
    }

    public Variable div(double c) {
        return div(constantLike(c));
    }

    /** {@code −this}. */
    public Variable unaryMinus() {
        return new Neg().apply(this);
    }

    /** {@code this ^ exponent} elementwise, broadcast; both sides differentiable. */
    public Variable pow(Variable exponent) {
        return new Pow().apply(this, exponent);
    }

    /** {@code this ^ p} elementwise. */
    public Variable pow(double p) {
        return pow(constantLike(p));
    }

    /** This value in another floating dtype (itself when already of it); the gradient is converted back. */
    public Variable to(DType dtype) {
        return dtype == dtype() ? this : new Cast(dtype).apply(this);
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

    /** ln(1 + x), accurate for small x. */
    public Variable log1p() {
        return new Log1p().apply(this);
    }

    /** e^x − 1, accurate for small x. */
    public Variable expm1() {
        return new Expm1().apply(this);
    }

    public Variable sqrt() {
        return new Sqrt().apply(this);
    }

    public Variable abs() {
        return new Abs().apply(this);
    }

    public Variable tanh() {
        return new Tanh().apply(this);
    }

    /** σ(x) = 1 / (1 + e^−x). */
    public Variable sigmoid() {
        return new Sigmoid().apply(this);
    }

    /** log σ(x) = min(x, 0) − log1p(e^−|x|), finite for any x. */
    public Variable logSigmoid() {
        return new LogSigmoid().apply(this);
    }

    /** max(x, 0); the gradient at 0 is 0, as in PyTorch. */
    public Variable relu() {
        return new Relu().apply(this);
    }

    /** Clamps into [min, max] (pass ±infinity for one side); the gradient passes where min ≤ x ≤ max. */
    public Variable clamp(double min, double max) {
        return new Clamp(min, max).apply(this);
    }

    /** Elementwise larger value, broadcast; ties split the gradient evenly. */
    public Variable maximum(Variable other) {
        return ElementwiseExtremum.maximum().apply(this, other);
    }

    /** Elementwise smaller value, broadcast; ties split the gradient evenly. */
    public Variable minimum(Variable other) {
        return ElementwiseExtremum.minimum().apply(this, other);
    }

    /** {@code condition != 0 ? a : b}, all broadcast together; the condition is a constant. */
    public static Variable where(Tensor condition, Variable a, Variable b) {
        return new Where(condition).apply(a, b);
    }

    /** A copy with {@code value} wherever {@code mask} (broadcast to this shape) is nonzero; no gradient flows there. */
    public Variable maskedFill(Tensor mask, double value) {
        Shape out = Shape.broadcast("masked_fill", shape(), mask.shape());
        if (!out.equals(shape())) {
            throw new IllegalArgumentException("masked_fill: mask of shape " + mask.shape()
                    + " does not broadcast to the tensor's shape " + shape());
        }
        return where(mask, constantLike(value), this);
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements (0-d). */
    public Variable sum() {
        return new Sum(null, false).apply(this);
    }

    /** Sum over {@code dims} (an empty array means every dim). */
    public Variable sum(int[] dims, boolean keepdim) {
        return new Sum(dims, keepdim).apply(this);
    }

    public Variable sum(int dim, boolean keepdim) {
        return sum(new int[] {dim}, keepdim);
    }

    /** Mean of all elements: sum / n (NaN when empty). */
    public Variable mean() {
        return mean(new int[0], false);
    }

    /** Mean over {@code dims} (an empty array means every dim): the sum over them divided by their number of elements. */
    public Variable mean(int[] dims, boolean keepdim) {
        if (!dtype().isFloatingPoint()) {
            value.mean(dims, keepdim); // throws PyTorch's message for integer input
        }
        int n = 1;
        if (dims.length == 0 || dim() == 0) {
            n = value.numel();
        } else {
            for (int d : dims) {
                n *= size(Shape.normalizeDim(d, dim(), "mean"));
            }
        }
        return sum(dims, keepdim).div(n);
    }

    public Variable mean(int dim, boolean keepdim) {
        return mean(new int[] {dim}, keepdim);
    }

    /** Largest element (0-d); the gradient is shared evenly among tied maxima. */
    public Variable max() {
        return Extremum.max().apply(this);
    }

    /** Smallest element (0-d); the gradient is shared evenly among tied minima. */
    public Variable min() {
        return Extremum.min().apply(this);
    }

    /** Largest values along {@code dim}; the gradient goes to the index {@link Tensor#argmax} returns. */
    public Variable max(int dim, boolean keepdim) {
        return ExtremumDim.max(dim, keepdim).apply(this);
    }

    /** Smallest values along {@code dim}; the gradient goes to the index {@link Tensor#argmin} returns. */
    public Variable min(int dim, boolean keepdim) {
        return ExtremumDim.min(dim, keepdim).apply(this);
    }

    /** log Σ exp over {@code dim}, computed stably. */
    public Variable logsumexp(int dim, boolean keepdim) {
        return logsumexp(new int[] {dim}, keepdim);
    }

    /** log Σ exp over {@code dims} (an empty array means every dim). */
    public Variable logsumexp(int[] dims, boolean keepdim) {
        return new LogSumExp(dims, keepdim).apply(this);
    }

    /** The reduction that undoes a broadcast to this shape; its gradient is an expand. */
    public Variable sumTo(Shape target) {
        return value.shape().equals(target) ? this : new SumTo(target).apply(this);
    }

    // ------------------------------------------------------------------ views

    /** Broadcasts to {@code target} without copying; its gradient is a {@link #sumTo}. */
    public Variable expand(Shape target) {
        return value.shape().equals(target) ? this : new Expand(target).apply(this);
    }

    /** Broadcasts to {@code sizes} (-1 keeps a dimension), as {@code torch.expand}. */
    public Variable expand(int... sizes) {
        return expand(value.expand(sizes).shape());
    }

    /** The same elements in a new shape; one size may be -1. */
    public Variable reshape(int... shape) {
        return new Reshape(shape).apply(this);
    }

    /** Flattens to 1-D. */
    public Variable flatten() {
        return reshape(-1);
    }

    /** Reorders dimensions (a view); the gradient is permuted back. */
    public Variable permute(int... dims) {
        return new Permute(dims).apply(this);
    }

    /** Swaps two dimensions (a view). */
    public Variable transpose(int dim0, int dim1) {
        int a = Shape.normalizeDim(dim0, dim(), "transpose");
        int b = Shape.normalizeDim(dim1, dim(), "transpose");
        if (dim() == 0 || a == b) {
            return this;
        }
        int[] perm = new int[dim()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[a] = b;
        perm[b] = a;
        return permute(perm);
    }

    /** The transpose of a matrix; 0-d and 1-D variables come back unchanged, as {@code torch.t}. */
    public Variable t() {
        value.t(); // checks the rank, with PyTorch's message
        return dim() < 2 ? this : transpose(0, 1);
    }

    /** Removes every size-1 dimension. */
    public Variable squeeze() {
        return reshapeTo(value.squeeze().shape());
    }

    /** Removes dimension {@code dim} if its size is 1. */
    public Variable squeeze(int dim) {
        return reshapeTo(value.squeeze(dim).shape());
    }

    /** Inserts a size-1 dimension at {@code dim}. */
    public Variable unsqueeze(int dim) {
        return reshapeTo(value.unsqueeze(dim).shape());
    }

    private Variable reshapeTo(Shape target) {
        return target.equals(shape()) ? this : reshape(target.toArray());
    }

    /** Elements {@code start .. start+length-1} along {@code dim} (negative start counts from the end). */
    public Variable narrow(int dim, int start, int length) {
        value.narrow(dim, start, length); // checks the bounds, naming narrow
        return new Narrow(dim, start, length).apply(this);
    }

    /** Python's {@code x[start:end]} along {@code dim}: negative bounds count from the end, bounds are clamped. */
    public Variable slice(int dim, int start, int end) {
        value.slice(dim, start, end); // checks dim, naming slice
        int d = Shape.normalizeDim(dim, dim(), "slice");
        int n = size(d);
        int s = Math.max(0, Math.min(n, start < 0 ? start + n : start));
        int e = Math.max(s, Math.min(n, end < 0 ? end + n : end));
        return narrow(d, s, e - s);
    }

    /** Index {@code index} along {@code dim}, removing that dimension: a narrow of length 1, reshaped. */
    public Variable select(int dim, int index) {
        Tensor selected = value.select(dim, index); // checks the bounds, naming select
        int d = Shape.normalizeDim(dim, dim(), "select");
        return narrow(d, index < 0 ? index + size(d) : index, 1).reshape(selected.shape().toArray());
    }

    /** {@code x[i, j, ...]}: selects along the leading dimensions; Kotlin's index operator. */
    public Variable get(int... index) {
        if (index.length > dim()) {
            throw new IndexOutOfBoundsException("get: too many indices for tensor of dimension " + dim()
                    + " (got " + index.length + ")");
        }
        Variable v = this;
        for (int i : index) {
            v = v.select(0, i);
        }
        return v;
    }

    /** Concatenates along an existing dimension; each input's gradient is its slice of g. */
    public static Variable cat(List<Variable> parts, int dim) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("cat: expected a non-empty list of Tensors");
        }
        return new Cat(dim).apply(parts.toArray(new Variable[0]));
    }

    /** Stacks equal-shaped variables along a new dimension {@code dim}: unsqueeze each, then cat. */
    public static Variable stack(List<Variable> parts, int dim) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("stack: expects a non-empty list of tensors");
        }
        Shape first = parts.get(0).shape();
        int d = Shape.normalizeDim(dim, first.rank() + 1, "stack");
        List<Variable> unsqueezed = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            Variable v = parts.get(i);
            if (!v.shape().equals(first)) {
                throw new IllegalArgumentException("stack: expects each tensor to be equal size, but got "
                        + first + " at entry 0 and " + v.shape() + " at entry " + i);
            }
            unsqueezed.add(v.unsqueeze(d));
        }
        return cat(unsqueezed, d);
    }

    // ------------------------------------------------------------------ indexing and products

    /** {@code out[i][j] = this[index[i][j]][j]} for dim 0 (likewise for any dim), as {@code torch.gather}. */
    public Variable gather(int dim, Tensor index) {
        return new Gather(dim, index).apply(this);
    }

    /**
     * A copy of this with {@code src} added at the positions {@code index} names along {@code dim}
     * ({@code out[index[i][j]][j] += src[i][j]} for dim 0); {@code src} has index's shape.
     */
    public Variable scatterAdd(int dim, Tensor index, Variable src) {
        return new ScatterAdd(dim, index).apply(this, src);
    }

    /** The slices at positions {@code index} (a vector of int64) along {@code dim}. */
    public Variable indexSelect(int dim, Tensor index) {
        if (dim() == 0) {
            value.indexSelect(dim, index); // checks dim and index, naming index_select
            return reshape(1).indexSelect(0, index.reshape(-1)).reshape(index.shape().toArray());
        }
        return new IndexSelect(dim, index).apply(this);
    }

    /** {@code torch.matmul}: dot, matrix-vector, matrix-matrix and batched products. */
    public Variable matmul(Variable other) {
        return new MatMul().apply(this, other);
    }

    // ------------------------------------------------------------------ for classifiers

    /**
     * The index of the largest value along {@code dim} (first on ties), an int64 tensor outside
     * the graph, as {@code torch.argmax}: {@code logits.argmax(1)} is the predicted class per row.
     *
     * @param dim the dimension to reduce (negative counts from the end)
     * @param keepdim whether to keep {@code dim} with size 1
     * @return the int64 indices
     */
    public Tensor argmax(int dim, boolean keepdim) {
        return value.argmax(dim, keepdim);
    }

    /** {@link #argmax(int, boolean)} without keeping {@code dim}. */
    public Tensor argmax(int dim) {
        return argmax(dim, false);
    }

    /** The flat index of the largest value, a 0-d int64 tensor. */
    public Tensor argmax() {
        return value.argmax();
    }

    /** The index of the smallest value along {@code dim} (first on ties), an int64 tensor outside the graph. */
    public Tensor argmin(int dim, boolean keepdim) {
        return value.argmin(dim, keepdim);
    }

    /** The number of elements, as {@code numel()}. */
    public int numel() {
        return value.numel();
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
