package io.github.backprop4j.autograd;

import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * One differentiable operation: {@link #forward} computes the output value from the inputs'
 * values; {@link #backward} is its vector-Jacobian product, mapping the gradient of the output
 * to the gradient of each input.
 *
 * <p>This is the custom-function API, as {@code torch.autograd.Function}: extend it, then
 * {@code new MyOp().apply(x, y)} records one node in the graph. Each application uses a fresh
 * instance, which is the graph node; it may keep in fields whatever its backward needs.
 *
 * <p>Write {@code backward} with {@link Variable} operations. The engine runs it without
 * recording unless asked to {@code createGraph}, in which case the same code builds the graph
 * of the gradient itself, so second derivatives come for free.
 *
 * <pre>{@code
 * final class Cube extends Function {
 *     protected Tensor forward(Tensor... x) { return x[0].pow(3); }
 *     protected Variable[] backward(Variable g) {        // d(x³)/dx = 3x²
 *         return new Variable[] {g.times(input(0).pow(2).times(3))};
 *     }
 * }
 * }</pre>
 */
public abstract class Function {
    private Variable @Nullable [] inputs;
    private @Nullable Variable output;
    private int @Nullable [] inputVersions;
    private boolean released;
    private boolean recording;
    private @Nullable Throwable creationSite;
    /** The engine's mark: the stamp of the last topological sort that reached this node. */
    long visitMark;

    /** A fresh, unapplied node; make one per {@link #apply} call. */
    public Function() {
    }

    /**
     * Computes the output value from the values of the inputs, in the order given to
     * {@link #apply}. It runs outside the graph, on plain tensors.
     *
     * @param inputs the inputs' values
     * @return the output value
     */
    protected abstract Tensor forward(Tensor... inputs);

    /**
     * The vector-Jacobian product. Given the gradient of the loss with respect to this op's
     * output (shaped like the output), returns the gradient with respect to each input (shaped
     * like that input), or null for an input that receives none.
     *
     * @param gradOutput g = ∂loss/∂output, shaped like the output
     * @return one entry per input, in {@link #apply}'s order: ∂loss/∂inputᵢ = gᵀ·∂output/∂inputᵢ,
     *         or null where no gradient is needed
     */
    protected abstract @Nullable Variable[] backward(Variable gradOutput);

    /**
     * The op's name in graphs, traces and error messages; the class's simple name by default.
     *
     * @return the name, such as {@code "Mul"}
     */
    public String name() {
        String simple = getClass().getSimpleName();
        if (!simple.isEmpty()) {
            return simple;
        }
        String full = getClass().getName(); // anonymous class: Outer$1
        return full.substring(full.lastIndexOf('.') + 1);
    }

    /**
     * Runs {@link #forward} and, when gradients are being recorded and some input requires one,
     * records this instance as the node that made the result.
     *
     * @param inputs the operands, passed to {@link #forward} as their values in this order
     * @return the output; it requires a gradient, with this node as its {@link Variable#gradFn()},
     *         when recorded, else it is a constant leaf
     * @throws IllegalStateException if this instance was already applied (use one per call)
     */
    public final Variable apply(Variable... inputs) {
        if (this.inputs != null) {
            throw new IllegalStateException(name() + ": a Function instance can be applied only once; create a new one");
        }
        Tensor[] values = new Tensor[inputs.length];
        boolean anyRequiresGrad = false;
        for (int i = 0; i < inputs.length; i++) {
            values[i] = inputs[i].value();
            anyRequiresGrad |= inputs[i].requiresGrad();
        }
        recording = anyRequiresGrad && GradMode.isEnabled();
        Tensor out = forward(values);
        if (!recording) {
            return Variable.of(out);
        }
        this.inputs = inputs.clone();
        int[] versions = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            versions[i] = inputs[i].version();
        }
        this.inputVersions = versions;
        if (AnomalyMode.isEnabled()) {
            creationSite = new Throwable(name() + " was created here");
        }
        Variable result = new Variable(out, this);
        this.output = result;
        return result;
    }

    /**
     * True, during {@link #forward}, when this application will be recorded (grad mode is on and
     * some input requires a gradient), so a backward may follow: forward can then keep what the
     * backward needs, and skip it otherwise (as {@code ctx.needs_input_grad} in PyTorch).
     *
     * @return whether this application is being recorded
     */
    protected final boolean recording() {
        return recording;
    }

    /** The variable this node made (null before {@link #apply} records it). */
    final @Nullable Variable output() {
        return output;
    }

    /**
     * The variable this node made, for backward formulas written in terms of the result (as
     * {@code derivatives.yaml} writes {@code result}): d tanh(x) = g·(1 − result²). Using it
     * rather than a saved tensor keeps the formula differentiable under {@code createGraph}.
     *
     * @return the output variable
     * @throws IllegalStateException if the node was not recorded or its graph was released
     */
    protected final Variable result() {
        Variable out = output;
        if (out == null || released) {
            throw new IllegalStateException(Engine.RELEASED_MESSAGE);
        }
        return out;
    }

    /**
     * Input {@code i} as given to {@link #apply}, for use in {@link #backward}.
     *
     * @param i the input's position, from 0
     * @return the input variable
     * @throws IllegalStateException if the node was not recorded or its graph was released
     */
    protected final Variable input(int i) {
        Variable[] in = inputs;
        if (in == null || released) {
            throw new IllegalStateException(Engine.RELEASED_MESSAGE);
        }
        return in[i];
    }

    /**
     * How many inputs this node has.
     *
     * @return the number of inputs, or 0 before {@link #apply} recorded it and after release
     */
    public final int inputCount() {
        Variable[] in = inputs;
        return in == null ? 0 : in.length;
    }

    /** The inputs, for the engine and graph export; empty after release. */
    final Variable[] inputs() {
        Variable[] in = inputs;
        return in == null ? new Variable[0] : in;
    }

    /** Fails if an input was reassigned after this node read it (its gradient would be wrong). */
    final void checkVersions() {
        Variable[] in = inputs;
        int[] versions = inputVersions;
        if (in == null || versions == null) {
            return;
        }
        for (int i = 0; i < in.length; i++) {
            if (in[i].version() != versions[i]) {
                throw new IllegalStateException(String.format(
                        "one of the variables needed for gradient computation has been modified since %s used it"
                                + " (input %d of %s, shape %s, is at version %d; expected version %d)",
                        name(), i, name(), in[i].value().shape(), in[i].version(), versions[i]));
            }
        }
    }

    /**
     * Where this node was created, when anomaly mode was on at the time ({@link AnomalyMode}).
     *
     * @return a throwable whose stack trace shows the creating call, or null
     */
    public final @Nullable Throwable creationSite() {
        return creationSite;
    }

    final boolean isReleased() {
        return released;
    }

    /** Drops the references to the inputs, so the graph behind this node can be collected. */
    final void release() {
        released = true;
        inputs = null;
        releaseSaved();
    }

    /** Override to drop tensors a subclass saved for its backward; called when the graph is released. */
    protected void releaseSaved() {
    }
}
