package io.github.backprop4j.autograd;

import org.jspecify.annotations.Nullable;

/**
 * How a backward pass runs: whether to keep the graph for another backward
 * ({@code retainGraph}), whether to record the gradient computation itself so it can be
 * differentiated again ({@code createGraph}, which implies retaining), and an optional
 * {@link BackwardListener} that sees each step.
 *
 * @param retainGraph keep the graph so that another backward can run through it
 * @param createGraph record the backward itself, so the gradients can be differentiated again
 *        (implies retainGraph)
 * @param listener told of every step, or null
 */
public record BackwardOptions(boolean retainGraph, boolean createGraph, @Nullable BackwardListener listener) {
    /** Release the graph; do not record the backward. */
    public static final BackwardOptions DEFAULT = new BackwardOptions(false, false, null);

    /** Keep the graph so that backward can run through it again. */
    public static final BackwardOptions RETAIN_GRAPH = new BackwardOptions(true, false, null);

    /** Record the backward so that second derivatives can be taken; keeps the graph. */
    public static final BackwardOptions CREATE_GRAPH = new BackwardOptions(true, true, null);

    /**
     * These options, with {@code l} told of every step.
     *
     * @param l the listener, such as a {@link BackwardTrace}
     * @return a copy of these options with that listener
     */
    public BackwardOptions withListener(BackwardListener l) {
        return new BackwardOptions(retainGraph, createGraph, l);
    }

    Engine.Options engineOptions() {
        return new Engine.Options(retainGraph || createGraph, createGraph, listener);
    }
}
