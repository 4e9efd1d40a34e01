package io.github.backprop4j.autograd;

import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The backward pass. It orders the graph's nodes topologically with an explicit stack (no
 * recursion, so a chain of 100 000 ops is fine), then visits them from the output back,
 * handing each node the sum of the gradients its output received and passing what its
 * {@link Function#backward} returns on to its inputs. Gradients reaching leaves accumulate into
 * {@link Variable#grad()} (or are returned, for {@link Autograd#grad}).
 */
final class Engine {
    static final String RELEASED_MESSAGE = "Trying to backward through the graph a second time (or to use saved"
            + " inputs after they have been freed). The graph is released after backward(); call"
            + " backward(gradient, BackwardOptions.RETAIN_GRAPH) the first time if you need to backward twice.";

    private Engine() {
    }

    /** Settings of one backward run. */
    record Options(boolean retainGraph, boolean createGraph, @Nullable BackwardListener listener) {
    }

    /**
     * Runs backward from {@code roots} seeded with {@code rootGrads}. With {@code wanted} null,
     * leaf gradients accumulate into {@code .grad}; otherwise nothing accumulates and the
     * gradients of the wanted variables are returned (null where none flowed).
     */
    static @Nullable Variable[] run(List<Variable> roots, List<Variable> rootGrads, Variable @Nullable [] wanted,
                                    Options options) {
        Map<Variable, Variable> pending = new IdentityHashMap<>();
        for (int i = 0; i < roots.size(); i++) {
            Variable root = roots.get(i);
            if (!root.requiresGrad()) {
                throw new IllegalStateException("element " + i + " of tensors does not require grad and does not"
                        + " have a grad_fn");
            }
            checkShape(root, rootGrads.get(i), "the seed gradient");
            pending.merge(root, rootGrads.get(i), Variable::plus);
        }
        Set<Variable> wantedSet = Collections.emptySet();
        if (wanted != null) {
            wantedSet = Collections.newSetFromMap(new IdentityHashMap<>());
            Collections.addAll(wantedSet, wanted);
        }
        Map<Variable, Variable> results = wanted == null ? Map.of() : new IdentityHashMap<>();
        try (GradMode.Scope scope = GradMode.set(options.createGraph())) {
            for (Function node : topologicalOrder(roots)) {
                Variable output = node.output();
                if (output == null || !pending.containsKey(output)) {
                    continue;
                }
                if (node.isReleased()) {
                    throw new IllegalStateException(RELEASED_MESSAGE);
                }
                Variable gradOut = output.runHooks(pending.remove(output));
                if (wantedSet.contains(output)) {
                    results.put(output, gradOut);
                } else if (wanted == null && output.retainsGrad()) {
                    output.accumulateGrad(gradOut);
                }
                node.checkVersions();
                Variable[] inputs = node.inputs();
                @Nullable Variable[] inputGrads = node.backward(gradOut);
                if (inputGrads.length != inputs.length) {
                    throw new IllegalStateException(node.name() + ".backward returned " + inputGrads.length
                            + " gradients for " + inputs.length + " inputs");
                }
                if (options.listener() != null) {
                    options.listener().visited(node, gradOut, inputGrads);
                }
                for (int i = 0; i < inputs.length; i++) {
                    Variable g = inputGrads[i];
                    if (g != null && inputs[i].requiresGrad()) {
                        if (!sameShape(g.value(), inputs[i].value())) { // the message only when it fails
                            checkShape(inputs[i], g, node.name() + ".backward for input " + i);
                        }
                        if (g.dtype() != inputs[i].dtype()) {
                            g = g.to(inputs[i].dtype()); // as PyTorch, a gradient has its variable's dtype
                        }
                        checkAnomaly(node, g, i);
                        pending.merge(inputs[i], g, Variable::plus);
                    }
                }
                if (!options.retainGraph()) {
                    node.release();
                }
            }
            for (Map.Entry<Variable, Variable> e : pending.entrySet()) {
                Variable leaf = e.getKey();
                Variable g = leaf.runHooks(e.getValue());
                if (wanted != null) {
                    if (wantedSet.contains(leaf)) {
                        results.put(leaf, g);
                    }
                } else {
                    leaf.accumulateGrad(g);
                }
            }
        }
        if (wanted == null) {
            return new Variable[0];
        }
        @Nullable Variable[] out = new Variable[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
            out[i] = results.get(wanted[i]);
        }
        return out;
    }

    /**
     * Stamps of {@link #topologicalOrder} runs, from 1 (a new node's mark is 0); a node marked with
     * the current stamp was seen by this run. A long never wraps around to an old stamp.
     */
    private static final AtomicLong VISITS = new AtomicLong();

    /**
     * Nodes ordered so that every node comes before the nodes of its inputs: the reverse of a
     * depth-first post-order, computed with an explicit stack. A node is "seen" when its
     * {@link Function#visitMark} holds this run's stamp, so no set is needed.
     */
    static List<Function> topologicalOrder(List<Variable> roots) {
        long stamp = VISITS.incrementAndGet();
        List<Function> postOrder = new ArrayList<>();
        Function[] stack = new Function[16];
        int[] nextInput = new int[16];
        for (Variable root : roots) {
            Function start = root.gradFn();
            if (start == null || start.visitMark == stamp) {
                continue;
            }
            start.visitMark = stamp;
            stack[0] = start;
            nextInput[0] = 0;
            int top = 0;
            while (top >= 0) {
                Function node = stack[top];
                Variable[] inputs = node.inputs();
                int i = nextInput[top];
                if (i < inputs.length) {
                    nextInput[top] = i + 1;
                    Function child = inputs[i].gradFn();
                    if (child != null && child.visitMark != stamp) {
                        child.visitMark = stamp;
                        if (++top == stack.length) {
                            stack = Arrays.copyOf(stack, 2 * top);
                            nextInput = Arrays.copyOf(nextInput, 2 * top);
                        }
                        stack[top] = child;
                        nextInput[top] = 0;
                    }
                } else {
                    stack[top--] = null;
                    postOrder.add(node);
                }
            }
        }
        Collections.reverse(postOrder);
        return postOrder;
    }

    private static void checkShape(Variable v, Variable grad, String what) {
        if (!sameShape(grad.value(), v.value())) {
            throw new IllegalStateException(what + " has shape " + grad.value().shape()
                    + " but the variable it belongs to has shape " + v.value().shape());
        }
    }

    /** Shape equality without building two {@code Shape}s: this runs once per gradient. */
    private static boolean sameShape(Tensor a, Tensor b) {
        int rank = a.dim();
        if (rank != b.dim()) {
            return false;
        }
        for (int d = 0; d < rank; d++) {
            if (a.size(d) != b.size(d)) {
                return false;
            }
        }
        return true;
    }

    private static void checkAnomaly(Function node, Variable grad, int input) {
        if (!AnomalyMode.isEnabled()) {
            return;
        }
        Tensor g = grad.value();
        if (g.dtype().isFloatingPoint() && g.isFinite().sum().item() != g.numel()) {
            String where = node.creationSite() == null ? "(created before anomaly mode was enabled)"
                    : "created at " + firstCallerFrame(node.creationSite());
            IllegalStateException e = new IllegalStateException(String.format(
                    "Function '%s' returned nan or inf values in its gradient for input %d; the op was %s",
                    node.name(), input, where));
            if (node.creationSite() != null) {
                e.addSuppressed(node.creationSite());
            }
            throw e;
        }
    }

    /**
     * The first stack frame in the caller's code: frames of the library's own classes (autograd,
     * tensor, losses, nn) are skipped, except test classes, which are the caller's code.
     */
    static String firstCallerFrame(Throwable site) {
        for (StackTraceElement f : site.getStackTrace()) {
            if (!isLibraryClass(f.getClassName())) {
                return f.toString();
            }
        }
        return "an unknown place";
    }

    private static boolean isLibraryClass(String className) {
        int nested = className.indexOf('$');
        String top = nested < 0 ? className : className.substring(0, nested);
        if (top.endsWith("Test") || top.endsWith("Tests") || top.endsWith("Properties") || top.endsWith("IT")) {
            return false;
        }
        for (String p : LIBRARY_PACKAGES) {
            if (top.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] LIBRARY_PACKAGES = {
        "io.github.backprop4j.autograd.", "io.github.backprop4j.tensor.", "io.github.backprop4j.losses.",
        "io.github.backprop4j.nn."};
}
