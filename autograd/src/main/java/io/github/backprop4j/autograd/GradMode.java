package io.github.backprop4j.autograd;

/**
 * Whether operations are being recorded for backward, per thread. Scopes nest and restore the
 * previous mode when closed:
 *
 * <pre>{@code
 * try (var scope = GradMode.noGrad()) {
 *     Variable y = model.forward(x);   // nothing recorded
 * }
 * }</pre>
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    /**
     * True when new operations are recorded (the default), as {@code torch.is_grad_enabled()}.
     *
     * @return whether grad mode is on in this thread
     */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /**
     * A scope in which nothing is recorded, like {@code torch.no_grad()}: op results are constant
     * leaves, which saves the memory of the graph during evaluation.
     *
     * @return the scope; closing it restores the previous mode
     */
    public static Scope noGrad() {
        return set(false);
    }

    /**
     * A scope in which recording is on again, like {@code torch.enable_grad()}.
     *
     * @return the scope; closing it restores the previous mode
     */
    public static Scope enableGrad() {
        return set(true);
    }

    static Scope set(boolean enabled) {
        boolean[] flag = ENABLED.get();
        boolean previous = flag[0];
        flag[0] = enabled;
        return () -> flag[0] = previous;
    }

    /** Restores the previous mode when closed. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
