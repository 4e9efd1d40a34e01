package io.github.backprop4j.autograd;

import org.jspecify.annotations.Nullable;

/** Sees each node as the engine visits it during backward: what arrived and what it passed on. */
@FunctionalInterface
public interface BackwardListener {
    /**
     * Called once per node, after its backward ran, in the order the engine visits the nodes.
     *
     * @param node the op whose backward just ran
     * @param gradOutput the gradient that arrived at its output
     * @param inputGrads what it passed to each input (null where nothing)
     */
    void visited(Function node, Variable gradOutput, @Nullable Variable[] inputGrads);
}
