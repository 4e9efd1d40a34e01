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

    /**
     * A leaf that needs no gradient: a constant input, as a plain tensor is in PyTorch.
     *
     * @param value the tensor to wrap (not copied), of any dtype
     * @return a leaf with {@code requiresGrad() == false}
     */
    public static Variable of(Tensor value) {
        return new Variable(value, false);
    }

    /**
     * A leaf whose gradient is wanted, like a tensor with {@code requires_grad=True}: after a
     * backward that reaches it, {@link #grad()} holds ∂loss/∂value.
     *
     * @param value the tensor to wrap (not copied); it must have a floating dtype
     * @return a leaf with {@code requiresGrad() == true}
     * @throws IllegalArgumentException if {@code value} is not of a floating dtype (int64 cannot
     *         require gradients)
     */
    public static Variable parameter(Tensor value) {
        return new Variable(value, true);
    }

    /**
     * A leaf that requires a gradient or not: {@link #parameter} when {@code requiresGrad} is
     * true, {@link #of} when it is false.
     *
     * @param value the tensor to wrap (not copied)
     * @param requiresGrad whether backward should compute a gradient for this leaf
     * @return the new leaf
     * @throws IllegalArgumentException if {@code requiresGrad} is true and {@code value} is not of
     *         a floating dtype
     */
    public static Variable leaf(Tensor value, boolean requiresGrad) {
        return new Variable(value, requiresGrad);
    }

    // ------------------------------------------------------------------ state

    /**
     * The current value: the tensor this variable wraps (the latest one after {@link #assign}).
     *
     * @return the value, outside the graph
     */
    public Tensor value() {
        return value;
    }

    /**
     * The shape of the value, as {@code x.shape} in PyTorch.
     *
     * @return the value's shape
     */
    public Shape shape() {
        return value.shape();
    }

    /**
     * The element type of the value, as {@code x.dtype}.
     *
     * @return the value's dtype
     */
    public DType dtype() {
        return value.dtype();
    }

    /**
     * Size of dimension {@code dim}, as {@code x.size(dim)}.
     *
     * @param dim the dimension (negative counts from the end)
     * @return the number of elements along {@code dim}
     * @throws IndexOutOfBoundsException if {@code dim} is out of range for this rank
     */
    public int size(int dim) {
        return value.size(dim);
    }

    /**
     * The number of dimensions (the rank), as {@code x.dim()}: 0 for a scalar.
     *
     * @return the rank of the value
     */
    public int dim() {
        return value.dim();
    }

    /**
     * The value of a one-element variable, as {@code x.item()}.
     *
     * @return the single element, as a double
     * @throws IllegalStateException if the variable has more or fewer than one element
     */
    public double item() {
        return value.item();
    }

    /**
     * Whether backward computes a gradient for this variable: true for {@link #parameter}s and
     * for every op result that depends on one (while grad mode was on), as {@code x.requires_grad}.
     *
     * @return true if gradients flow to or through this variable
     */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * True for variables made by {@link #of}, {@link #parameter} or {@link #leaf}, and for op
     * results that were not recorded (grad mode off, or no input required a gradient).
     *
     * @return whether no op is recorded as this variable's origin
     */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /**
     * The op that made this variable, as {@code x.grad_fn}: the graph node backward starts from.
     *
     * @return the recording {@link Function}, or null for a leaf
     */
    public @Nullable Function gradFn() {
        return gradFn;
    }

    /**
     * The accumulated gradient: for leaves that require one, and for other variables after
     * {@link #retainGrad()}; null before any backward reached it.
     *
     * @return ∂loss/∂this, summed over every backward since the last {@link #zeroGrad()}, shaped
     *         like this variable; or null
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
     *
     * @param newGrad the gradient to store, or null to forget it (as {@link #zeroGrad()})
     * @throws IllegalArgumentException if {@code newGrad}'s shape or dtype differs from this
     *         variable's
     */
    public void setGrad(@Nullable Variable newGrad) {
        if (newGrad != null && (!newGrad.shape().equals(shape()) || newGrad.dtype() != dtype())) {
            throw new IllegalArgumentException("setGrad: gradient " + newGrad.shape() + " " + newGrad.dtype().shortName()
                    + " does not match the variable's " + shape() + " " + dtype().shortName());
        }
        grad = newGrad;
    }

    /**
     * The same value, cut off from the graph: a constant leaf, as {@code x.detach()}. No gradient
     * flows back through it.
     *
     * @return a leaf sharing this value, with {@code requiresGrad() == false}
     */
    public Variable detach() {
        return of(value);
    }

    /**
     * Keep this non-leaf's gradient in {@link #grad()} during backward, as {@code x.retain_grad()}
     * (leaves that require a gradient keep theirs anyway).
     *
     * @return this variable, for chaining
     */
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
     *
     * @param newValue the replacement, with this variable's shape and dtype
     * @throws IllegalStateException if this variable is not a leaf
     * @throws IllegalArgumentException if {@code newValue}'s shape or dtype differs from the
     *         current value's
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

    /**
     * Counts {@link #assign} calls, so stale graph nodes can be detected (PyTorch's
     * {@code x._version}).
     *
     * @return the number of times the value was replaced, 0 for a fresh variable
     */
    public int version() {
        return version;
    }

    /**
     * Sets a label shown in graph exports and traces ({@link GraphExport}, {@link BackwardTrace}).
     *
     * @param label the name to show, such as {@code "w1"}
     * @return this variable, for chaining
     */
    public Variable named(String label) {
        this.name = label;
        return this;
    }

    /**
     * The label set by {@link #named}.
     *
     * @return the label, or null if none was set
     */
    public @Nullable String name() {
        return name;
    }

    /**
     * Adds a hook that sees, and may replace, the gradient flowing into this variable during
     * backward (the total for this backward call), as {@code x.register_hook(hook)}. A hook that
     * returns null leaves the gradient unchanged; one that returns a variable replaces it (same
     * shape) for everything downstream, including {@link #grad()}.
     *
     * @param hook called with the gradient arriving at this variable
     * @return a handle whose {@link HookHandle#remove()} unregisters the hook
     * @throws IllegalStateException if this variable does not require a gradient
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
        /** Unregisters the hook; later backward passes no longer call it. Removing twice is harmless. */
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

    /**
     * Backward from a one-element result, seeded with 1, as {@code loss.backward()}: adds
     * ∂this/∂leaf to the {@link #grad()} of every leaf that requires a gradient, then releases the
     * graph.
     *
     * @throws IllegalStateException if this variable has more than one element (give a seed with
     *         {@link #backward(Tensor)}), if it does not require a gradient, or if the graph
     *         was already released by an earlier backward
     */
    public void backward() {
        if (value.numel() != 1) {
            throw new IllegalStateException("grad can be implicitly created only for scalar outputs (this output"
                    + " has shape " + value.shape() + "); call backward(gradient)");
        }
        backward(BackwardOptions.DEFAULT);
    }

    /**
     * Backward from a one-element result, seeded with 1, with explicit options.
     *
     * @param options whether to retain the graph, create the graph of the gradient, and which
     *        listener sees each step
     * @throws IllegalStateException if this variable has more than one element, if it does not
     *         require a gradient, or if the graph was already released
     */
    public void backward(BackwardOptions options) {
        if (value.numel() != 1) {
            throw new IllegalStateException("grad can be implicitly created only for scalar outputs (this output"
                    + " has shape " + value.shape() + "); call backward(gradient, options)");
        }
        backward(of(value.onesLike()), options);
    }

    /**
     * Backward seeded with {@code gradient}, as {@code y.backward(gradient)}: computes the
     * vector-Jacobian product gradientᵀ·∂y/∂leaf for every leaf, so a non-scalar result can start
     * a backward pass.
     *
     * @param gradient the seed ∂loss/∂this, shaped like this value
     * @throws IllegalStateException if the seed's shape differs from this value's, if this
     *         variable does not require a gradient, or if the graph was already released
     */
    public void backward(Tensor gradient) {
        backward(of(gradient), BackwardOptions.DEFAULT);
    }

    /**
     * Backward with explicit options (retain the graph, create the graph of the gradient, trace).
     * With {@link BackwardOptions#CREATE_GRAPH} the accumulated gradients are themselves part of a
     * graph and can be differentiated again.
     *
     * @param gradient the seed ∂loss/∂this, shaped like this value
     * @param options whether to retain the graph, create the graph of the gradient, and which
     *        listener sees each step
     * @throws IllegalStateException if the seed's shape differs from this value's, if this
     *         variable does not require a gradient, or if the graph was already released
     */
    public void backward(Variable gradient, BackwardOptions options) {
        Engine.run(List.of(this), List.of(gradient), null, options.engineOptions());
    }

    // ------------------------------------------------------------------ arithmetic (broadcasting)

    /**
     * {@code this + other}, broadcast; the gradient of each side is g summed to its shape.
     *
     * @param other the addend; its shape must broadcast with this one
     * @return the elementwise sum, shaped like the broadcast of the two shapes
     * @throws IllegalArgumentException if the shapes cannot be broadcast together
     */
    public Variable plus(Variable other) {
        return new Add().apply(this, other);
    }

    /**
     * {@code this + c}; the gradient passes through unchanged.
     *
     * @param c the constant to add to every element
     * @return the sum, shaped like this
     */
    public Variable plus(double c) {
        return plus(constantLike(c));
    }

    /**
     * {@code this − other}, broadcast; the gradients are g for this and −g for other, each summed
     * to its shape.
     *
     * @param other the subtrahend; its shape must broadcast with this one
     * @return the elementwise difference, shaped like the broadcast of the two shapes
     * @throws IllegalArgumentException if the shapes cannot be broadcast together
     */
    public Variable minus(Variable other) {
        return new Sub().apply(this, other);
    }

    /**
     * {@code this − c}; the gradient passes through unchanged.
     *
     * @param c the constant to subtract from every element
     * @return the difference, shaped like this
     */
    public Variable minus(double c) {
        return minus(constantLike(c));
    }

    /**
     * {@code this · other} elementwise, broadcast; the gradients are g·other for this and g·this
     * for other, each summed to its shape.
     *
     * @param other the factor; its shape must broadcast with this one
     * @return the elementwise product, shaped like the broadcast of the two shapes
     * @throws IllegalArgumentException if the shapes cannot be broadcast together
     */
    public Variable times(Variable other) {
        return new Mul().apply(this, other);
    }

    /**
     * {@code this · c}; the gradient is g·c.
     *
     * @param c the constant factor
     * @return the scaled variable, shaped like this
     */
    public Variable times(double c) {
        return times(constantLike(c));
    }

    /**
     * {@code this / other} elementwise, broadcast (true division, as {@code torch.div}); the
     * gradients are g / other for this and −g·this / other² for other, each summed to its shape.
     *
     * @param other the divisor; its shape must broadcast with this one
     * @return the elementwise quotient, shaped like the broadcast of the two shapes
     * @throws IllegalArgumentException if the shapes cannot be broadcast together
     */
    public Variable div(Variable other) {
        return new Div().apply(this, other);
    }

    /**
     * {@code this / c}; the gradient is g / c.
     *
     * @param c the constant divisor
     * @return the quotient, shaped like this
     */
    public Variable div(double c) {
        return div(constantLike(c));
    }

    /**
     * {@code −this}; the gradient is −g. Kotlin's unary {@code -} operator.
     *
     * @return the negation, shaped like this
     */
    public Variable unaryMinus() {
        return new Neg().apply(this);
    }

    /**
     * {@code this ^ exponent} elementwise, broadcast; both sides differentiable: ∂/∂this =
     * g·exponent·this^(exponent−1) and ∂/∂exponent = g·this^exponent·ln(this), as PyTorch's
     * {@code pow} (see {@link Pow}).
     *
     * @param exponent the power; its shape must broadcast with this one
     * @return the elementwise power, shaped like the broadcast of the two shapes
     * @throws IllegalArgumentException if the shapes cannot be broadcast together
     */
    public Variable pow(Variable exponent) {
        return new Pow().apply(this, exponent);
    }

    /**
     * {@code this ^ p} elementwise; the gradient is g·p·this^(p−1) (0 when p = 0).
     *
     * @param p the constant exponent
     * @return the elementwise power, shaped like this
     */
    public Variable pow(double p) {
        return pow(constantLike(p));
    }

    /**
     * This value in another floating dtype (itself when already of it); the gradient is converted
     * back, as {@code x.to(dtype)}.
     *
     * @param dtype the target dtype, float32 or float64
     * @return the converted variable, or this one when it already has {@code dtype}
     * @throws IllegalArgumentException if {@code dtype} is not a floating dtype (convert
     *         {@link #value()} instead for a constant)
     */
    public Variable to(DType dtype) {
        return dtype == dtype() ? this : new Cast(dtype).apply(this);
    }

    /** A 0-d constant of this variable's dtype. */
    Variable constantLike(double c) {
        return of(Tensor.scalar(c, value.dtype().isFloatingPoint() ? value.dtype() : DType.FLOAT32));
    }

    // ------------------------------------------------------------------ unary math

    /**
     * e^x elementwise; the gradient is g·e^x, the result itself.
     *
     * @return the exponential, shaped like this
     */
    public Variable exp() {
        return new Exp().apply(this);
    }

    /**
     * The natural logarithm ln x elementwise (NaN below 0, −∞ at 0); the gradient is g / x.
     *
     * @return the logarithm, shaped like this
     */
    public Variable log() {
        return new Log().apply(this);
    }

    /**
     * ln(1 + x), accurate for small x; the gradient is g / (1 + x).
     *
     * @return the result, shaped like this
     */
    public Variable log1p() {
        return new Log1p().apply(this);
    }

    /**
     * e^x − 1, accurate for small x; the gradient is g·e^x, i.e. g·(result + 1).
     *
     * @return the result, shaped like this
     */
    public Variable expm1() {
        return new Expm1().apply(this);
    }

    /**
     * √x elementwise (NaN below 0); the gradient is g / (2√x).
     *
     * @return the square root, shaped like this
     */
    public Variable sqrt() {
        return new Sqrt().apply(this);
    }

    /**
     * |x| elementwise; the gradient is g·sign(x), which is 0 at x = 0, as in PyTorch.
     *
     * @return the absolute value, shaped like this
     */
    public Variable abs() {
        return new Abs().apply(this);
    }

    /**
     * The hyperbolic tangent elementwise; the gradient is g·(1 − tanh²x).
     *
     * @return tanh x, shaped like this
     */
    public Variable tanh() {
        return new Tanh().apply(this);
    }

    /**
     * σ(x) = 1 / (1 + e^−x) elementwise; the gradient is g·σ(x)·(1 − σ(x)).
     *
     * @return the logistic sigmoid, in (0, 1), shaped like this
     */
    public Variable sigmoid() {
        return new Sigmoid().apply(this);
    }

    /**
     * log σ(x) = min(x, 0) − log1p(e^−|x|), finite for any x; the gradient is g·(1 − σ(x)) =
     * g·σ(−x).
     *
     * @return the log-sigmoid, at most 0, shaped like this
     */
    public Variable logSigmoid() {
        return new LogSigmoid().apply(this);
    }

    /**
     * max(x, 0) elementwise; the gradient is g where x &gt; 0 and 0 elsewhere (also at 0, as in
     * PyTorch).
     *
     * @return the rectified value, shaped like this
     */
    public Variable relu() {
        return new Relu().apply(this);
    }

    /**
     * Clamps into [min, max] (pass ±infinity for one side), as {@code torch.clamp}; the gradient
     * passes where min ≤ x ≤ max, bounds included, and is 0 elsewhere.
     *
     * @param min the lower bound, or {@code Double.NEGATIVE_INFINITY} for none
     * @param max the upper bound, or {@code Double.POSITIVE_INFINITY} for none
     * @return the clamped value, shaped like this
     * @throws IllegalArgumentException if {@code min > max}
     */
    public Variable clamp(double min, double max) {
        return new Clamp(min, max).apply(this);
    }

    /**
     * Elementwise larger value, broadcast, as {@code torch.maximum}: the gradient g goes to the
     * larger side; ties split it evenly, g/2 to each.
     *
     * @param other the other operand; its shape must broadcast with this one
     * @return max(this, other) elementwise, shaped like the broadcast of the two shapes
     * @throws IllegalArgumentException if the shapes cannot be broadcast together
     */
    public Variable maximum(Variable other) {
        return ElementwiseExtremum.maximum().apply(this, other);
    }

    /**
     * Elementwise smaller value, broadcast, as {@code torch.minimum}: the gradient g goes to the
     * smaller side; ties split it evenly, g/2 to each.
     *
     * @param other the other operand; its shape must broadcast with this one
     * @return min(this, other) elementwise, shaped like the broadcast of the two shapes
     * @throws IllegalArgumentException if the shapes cannot be broadcast together
     */
    public Variable minimum(Variable other) {
        return ElementwiseExtremum.minimum().apply(this, other);
    }

    /**
     * {@code condition != 0 ? a : b} elementwise, all broadcast together, as {@code torch.where};
     * the condition is a constant. The gradient g goes to a where the condition holds and to b
     * where it does not, each summed to its operand's shape.
     *
     * @param condition the selector: nonzero picks a, zero picks b
     * @param a the values taken where the condition holds
     * @param b the values taken elsewhere
     * @return the selection, shaped like the broadcast of the three shapes
     * @throws IllegalArgumentException if the shapes cannot be broadcast together
     */
    public static Variable where(Tensor condition, Variable a, Variable b) {
        return new Where(condition).apply(a, b);
    }

    /**
     * A copy with {@code value} wherever {@code mask} (broadcast to this shape) is nonzero, as
     * {@code x.masked_fill(mask, value)}; the gradient is g where the mask is zero and 0 where it
     * filled.
     *
     * @param mask the positions to fill; its shape must broadcast to this one
     * @param value the fill value
     * @return the filled copy, shaped like this
     * @throws IllegalArgumentException if {@code mask} does not broadcast to this shape
     */
    public Variable maskedFill(Tensor mask, double value) {
        Shape out = Shape.broadcast("masked_fill", shape(), mask.shape());
        if (!out.equals(shape())) {
            throw new IllegalArgumentException("masked_fill: mask of shape " + mask.shape()
                    + " does not broadcast to the tensor's shape " + shape());
        }
        return where(mask, constantLike(value), this);
    }

    // ------------------------------------------------------------------ reductions

    /**
     * Sum of all elements; the gradient is g broadcast back to every element.
     *
     * @return a 0-d variable
     */
    public Variable sum() {
        return new Sum(null, false).apply(this);
    }

    /**
     * Sum over {@code dims} (an empty array means every dim), as {@code x.sum(dims, keepdim)}; the
     * gradient is g expanded back over the summed dims.
     *
     * @param dims the dimensions to reduce (negative counts from the end), each at most once
     * @param keepdim whether the reduced dimensions stay, with size 1
     * @return the sums
     * @throws IndexOutOfBoundsException if a dim is out of range
     * @throws IllegalArgumentException if a dim appears twice
     */
    public Variable sum(int[] dims, boolean keepdim) {
        return new Sum(dims, keepdim).apply(this);
    }

    /**
     * Sum over one dimension; see {@link #sum(int[], boolean)}.
     *
     * @param dim the dimension to reduce (negative counts from the end)
     * @param keepdim whether {@code dim} stays, with size 1
     * @return the sums
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Variable sum(int dim, boolean keepdim) {
        return sum(new int[] {dim}, keepdim);
    }

    /**
     * Mean of all elements: sum / n (NaN when empty); the gradient is g / n at every element.
     *
     * @return a 0-d variable
     * @throws IllegalArgumentException if the dtype is not floating (PyTorch's message)
     */
    public Variable mean() {
        return mean(new int[0], false);
    }

    /**
     * Mean over {@code dims} (an empty array means every dim): the sum over them divided by their
     * number of elements n; the gradient is g / n, expanded back over the reduced dims.
     *
     * @param dims the dimensions to reduce (negative counts from the end)
     * @param keepdim whether the reduced dimensions stay, with size 1
     * @return the means
     * @throws IllegalArgumentException if the dtype is not floating (PyTorch's message)
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
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

    /**
     * Mean over one dimension; see {@link #mean(int[], boolean)}.
     *
     * @param dim the dimension to reduce (negative counts from the end)
     * @param keepdim whether {@code dim} stays, with size 1
     * @return the means
     * @throws IllegalArgumentException if the dtype is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Variable mean(int dim, boolean keepdim) {
        return mean(new int[] {dim}, keepdim);
    }

    /**
     * Largest element; the gradient is shared evenly among tied maxima (g / k to each of k).
     *
     * @return a 0-d variable
     */
    public Variable max() {
        return Extremum.max().apply(this);
    }

    /**
     * Smallest element; the gradient is shared evenly among tied minima (g / k to each of k).
     *
     * @return a 0-d variable
     */
    public Variable min() {
        return Extremum.min().apply(this);
    }

    /**
     * Largest values along {@code dim}, the values of {@code torch.max(x, dim, keepdim)}; the
     * gradient goes to the index {@link Tensor#argmax} returns (the first on ties), 0 elsewhere.
     *
     * @param dim the dimension to reduce (negative counts from the end)
     * @param keepdim whether {@code dim} stays, with size 1
     * @return the maxima
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Variable max(int dim, boolean keepdim) {
        return ExtremumDim.max(dim, keepdim).apply(this);
    }

    /**
     * Smallest values along {@code dim}, the values of {@code torch.min(x, dim, keepdim)}; the
     * gradient goes to the index {@link Tensor#argmin} returns (the first on ties), 0 elsewhere.
     *
     * @param dim the dimension to reduce (negative counts from the end)
     * @param keepdim whether {@code dim} stays, with size 1
     * @return the minima
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Variable min(int dim, boolean keepdim) {
        return ExtremumDim.min(dim, keepdim).apply(this);
    }

    /**
     * r = log Σ exp(x) over {@code dim}, computed stably (max subtracted first); the gradient is
     * g·exp(x − r), g times the softmax along {@code dim}.
     *
     * @param dim the dimension to reduce (negative counts from the end)
     * @param keepdim whether {@code dim} stays, with size 1
     * @return the log-sum-exps
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Variable logsumexp(int dim, boolean keepdim) {
        return logsumexp(new int[] {dim}, keepdim);
    }

    /**
     * r = log Σ exp(x) over {@code dims} (an empty array means every dim); the gradient is
     * g·exp(x − r).
     *
     * @param dims the dimensions to reduce (negative counts from the end)
     * @param keepdim whether the reduced dimensions stay, with size 1
     * @return the log-sum-exps
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public Variable logsumexp(int[] dims, boolean keepdim) {
        return new LogSumExp(dims, keepdim).apply(this);
    }

    /**
     * The reduction that undoes a broadcast to this shape: sums over the leading dims this shape
     * has beyond {@code target}'s and over the dims where {@code target} has size 1; its gradient
     * is an expand back to this shape.
     *
     * @param target a shape that broadcasts to this one
     * @return the sums, shaped {@code target} (this variable itself when the shapes are equal)
     * @throws IllegalArgumentException if {@code target} does not broadcast to this shape
     */
    public Variable sumTo(Shape target) {
        return value.shape().equals(target) ? this : new SumTo(target).apply(this);
    }

    // ------------------------------------------------------------------ views

    /**
     * Broadcasts to {@code target} without copying; its gradient is a {@link #sumTo} back to this
     * shape.
     *
     * @param target a shape this one broadcasts to
     * @return the expanded view (this variable itself when the shapes are equal)
     * @throws IllegalArgumentException if this shape does not broadcast to {@code target}
     */
    public Variable expand(Shape target) {
        return value.shape().equals(target) ? this : new Expand(target).apply(this);
    }

    /**
     * Broadcasts to {@code sizes} (-1 keeps a dimension), as {@code x.expand(*sizes)}; the
     * gradient is summed back to this shape.
     *
     * @param sizes the target sizes, at least as many as this variable has dimensions
     * @return the expanded view
     * @throws IllegalArgumentException if this shape does not broadcast to {@code sizes}
     */
    public Variable expand(int... sizes) {
        return expand(value.expand(sizes).shape());
    }

    /**
     * The same elements in a new shape, as {@code x.reshape(*shape)}; the gradient is reshaped
     * back.
     *
     * @param shape the new sizes, with the same number of elements; one size may be -1, inferred
     * @return the reshaped variable
     * @throws IllegalArgumentException if the element counts differ, more than one size is -1 or
     *         a size is negative
     */
    public Variable reshape(int... shape) {
        return new Reshape(shape).apply(this);
    }

    /**
     * Flattens to 1-D, in row-major order, as {@code x.flatten()}.
     *
     * @return a 1-D variable of {@link #numel()} elements
     */
    public Variable flatten() {
        return reshape(-1);
    }

    /**
     * Reorders dimensions (a view), as {@code x.permute(*dims)}: output dimension i is input
     * dimension {@code dims[i]}; the gradient is permuted back by the inverse permutation.
     *
     * @param dims a permutation of this variable's dimensions (negative counts from the end)
     * @return the permuted view
     * @throws IllegalArgumentException if {@code dims} has the wrong length or repeats a dimension
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public Variable permute(int... dims) {
        return new Permute(dims).apply(this);
    }

    /**
     * Swaps two dimensions (a view), as {@code x.transpose(dim0, dim1)}.
     *
     * @param dim0 one dimension (negative counts from the end)
     * @param dim1 the other
     * @return the transposed view (this variable itself when the dims are equal or it is 0-d)
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
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

    /**
     * The transpose of a matrix; 0-d and 1-D variables come back unchanged, as {@code torch.t}.
     *
     * @return {@code transpose(0, 1)} for a matrix, else this variable
     * @throws IllegalArgumentException if this variable has more than 2 dimensions
     */
    public Variable t() {
        value.t(); // checks the rank, with PyTorch's message
        return dim() < 2 ? this : transpose(0, 1);
    }

    /**
     * Removes every size-1 dimension, as {@code x.squeeze()}.
     *
     * @return the same elements without the size-1 dimensions
     */
    public Variable squeeze() {
        return reshapeTo(value.squeeze().shape());
    }

    /**
     * Removes dimension {@code dim} if its size is 1, as {@code x.squeeze(dim)}; otherwise returns
     * this variable unchanged.
     *
     * @param dim the dimension (negative counts from the end)
     * @return the squeezed variable
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Variable squeeze(int dim) {
        return reshapeTo(value.squeeze(dim).shape());
    }

    /**
     * Inserts a size-1 dimension at {@code dim}, as {@code x.unsqueeze(dim)}.
     *
     * @param dim the position of the new dimension, in [−dim()−1, dim()]
     * @return a variable with one more dimension
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Variable unsqueeze(int dim) {
        return reshapeTo(value.unsqueeze(dim).shape());
    }

    private Variable reshapeTo(Shape target) {
        return target.equals(shape()) ? this : reshape(target.toArray());
    }

    /**
     * Elements {@code start .. start+length-1} along {@code dim} (negative start counts from the
     * end), as {@code x.narrow(dim, start, length)}; the gradient is g padded with zeros back to
     * this size along {@code dim}.
     *
     * @param dim the dimension to cut (negative counts from the end)
     * @param start the first index kept
     * @param length how many indices are kept
     * @return the narrowed view
     * @throws IllegalArgumentException if this variable is 0-d
     * @throws IndexOutOfBoundsException if {@code dim} is out of range or the range does not fit
     */
    public Variable narrow(int dim, int start, int length) {
        value.narrow(dim, start, length); // checks the bounds, naming narrow
        return new Narrow(dim, start, length).apply(this);
    }

    /**
     * Python's {@code x[start:end]} along {@code dim}: negative bounds count from the end, bounds
     * are clamped, an empty range gives size 0.
     *
     * @param dim the dimension to cut (negative counts from the end)
     * @param start the first index kept
     * @param end one past the last index kept
     * @return the sliced view
     * @throws IllegalArgumentException if this variable is 0-d
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Variable slice(int dim, int start, int end) {
        value.slice(dim, start, end); // checks dim, naming slice
        int d = Shape.normalizeDim(dim, dim(), "slice");
        int n = size(d);
        int s = Math.max(0, Math.min(n, start < 0 ? start + n : start));
        int e = Math.max(s, Math.min(n, end < 0 ? end + n : end));
        return narrow(d, s, e - s);
    }

    /**
     * Index {@code index} along {@code dim}, removing that dimension, as {@code x.select(dim,
     * index)}: a narrow of length 1, reshaped.
     *
     * @param dim the dimension to index (negative counts from the end)
     * @param index the position along it (negative counts from the end)
     * @return a variable with one dimension fewer
     * @throws IllegalArgumentException if this variable is 0-d
     * @throws IndexOutOfBoundsException if {@code dim} or {@code index} is out of range
     */
    public Variable select(int dim, int index) {
        Tensor selected = value.select(dim, index); // checks the bounds, naming select
        int d = Shape.normalizeDim(dim, dim(), "select");
        return narrow(d, index < 0 ? index + size(d) : index, 1).reshape(selected.shape().toArray());
    }

    /**
     * {@code x[i, j, ...]}: selects along the leading dimensions; Kotlin's index operator.
     *
     * @param index one position per leading dimension (negative counts from the end)
     * @return the selected sub-variable, with {@code index.length} fewer dimensions
     * @throws IndexOutOfBoundsException if there are more indices than dimensions or an index is
     *         out of range
     */
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

    /**
     * Concatenates along an existing dimension, as {@code torch.cat}; each input's gradient is
     * its slice of g.
     *
     * @param parts the variables to join; all sizes but {@code dim}'s must match
     * @param dim the dimension to join along (negative counts from the end)
     * @return the concatenation
     * @throws IllegalArgumentException if {@code parts} is empty, holds a 0-d variable, or the
     *         other sizes differ
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public static Variable cat(List<Variable> parts, int dim) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("cat: expected a non-empty list of Tensors");
        }
        return new Cat(dim).apply(parts.toArray(new Variable[0]));
    }

    /**
     * Stacks equal-shaped variables along a new dimension {@code dim}, as {@code torch.stack}:
     * unsqueeze each, then cat.
     *
     * @param parts the variables to stack, all of one shape
     * @param dim the position of the new dimension, in [−rank−1, rank]
     * @return a variable with one more dimension, of size {@code parts.size()} at {@code dim}
     * @throws IllegalArgumentException if {@code parts} is empty or the shapes differ
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
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

    /**
     * {@code out[i][j] = this[index[i][j]][j]} for dim 0 (likewise for any dim), as
     * {@code torch.gather}; the gradient is g scatter-added into zeros at the gathered positions
     * (repeated indices accumulate).
     *
     * @param dim the dimension to index along (negative counts from the end)
     * @param index int64 positions, of this variable's rank, no larger than it in the other dims
     * @return the gathered values, shaped like {@code index}
     * @throws IllegalArgumentException if {@code index} is not int64 or its shape does not fit
     * @throws IndexOutOfBoundsException if {@code dim} or an index is out of range
     */
    public Variable gather(int dim, Tensor index) {
        return new Gather(dim, index).apply(this);
    }

    /**
     * A copy of this with {@code src} added at the positions {@code index} names along {@code dim}
     * ({@code out[index[i][j]][j] += src[i][j]} for dim 0); {@code src} has index's shape.
     * The gradient is g for this and g gathered at {@code index} for {@code src}.
     *
     * @param dim the dimension to index along (negative counts from the end)
     * @param index int64 positions, of this variable's rank
     * @param src the values to add, shaped like {@code index}
     * @return the sum, shaped like this
     * @throws IllegalArgumentException if {@code index} is not int64 or the shapes do not fit
     * @throws IndexOutOfBoundsException if {@code dim} or an index is out of range
     */
    public Variable scatterAdd(int dim, Tensor index, Variable src) {
        return new ScatterAdd(dim, index).apply(this, src);
    }

    /**
     * The slices at positions {@code index} (a vector of int64) along {@code dim}, as
     * {@code torch.index_select}; the gradient adds each slice of g back where it came from.
     *
     * @param dim the dimension to index along (negative counts from the end)
     * @param index a 1-D int64 tensor of positions (repeats allowed)
     * @return this variable with {@code dim} resized to {@code index.numel()}
     * @throws IllegalArgumentException if {@code index} is not a vector of int64
     * @throws IndexOutOfBoundsException if {@code dim} or an index is out of range
     */
    public Variable indexSelect(int dim, Tensor index) {
        if (dim() == 0) {
            value.indexSelect(dim, index); // checks dim and index, naming index_select
            return reshape(1).indexSelect(0, index.reshape(-1)).reshape(index.shape().toArray());
        }
        return new IndexSelect(dim, index).apply(this);
    }

    /**
     * {@code torch.matmul}: dot, matrix-vector, matrix-matrix and batched products. For matrices
     * the gradients are g·otherᵀ for this and thisᵀ·g for other.
     *
     * @param other the right operand; its second-to-last size (its only size if 1-D) must equal
     *        this one's last size, and batch dims must broadcast
     * @return the product
     * @throws IllegalArgumentException if the shapes cannot be multiplied, an operand is 0-d, or
     *         the operands are int64
     */
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

    /**
     * {@link #argmax(int, boolean)} without keeping {@code dim}.
     *
     * @param dim the dimension to reduce (negative counts from the end)
     * @return the int64 indices, with {@code dim} removed
     */
    public Tensor argmax(int dim) {
        return argmax(dim, false);
    }

    /**
     * The flat (row-major) index of the largest value, as {@code torch.argmax(x)}.
     *
     * @return a 0-d int64 tensor, outside the graph
     */
    public Tensor argmax() {
        return value.argmax();
    }

    /**
     * The index of the smallest value along {@code dim} (first on ties), an int64 tensor outside
     * the graph, as {@code torch.argmin}.
     *
     * @param dim the dimension to reduce (negative counts from the end)
     * @param keepdim whether to keep {@code dim} with size 1
     * @return the int64 indices
     */
    public Tensor argmin(int dim, boolean keepdim) {
        return value.argmin(dim, keepdim);
    }

    /**
     * The number of elements, as {@code x.numel()}: the product of the sizes (1 for a scalar).
     *
     * @return the element count
     */
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
