package io.github.backprop4j.autograd;

/**
 * Anomaly detection, like {@code torch.autograd.detect_anomaly()}: while it is on, every node
 * remembers where it was created, and a backward step that produces NaN or infinity fails with
 * an error naming the op and that place in the caller's code.
 *
 * <pre>{@code
 * try (var scope = AnomalyMode.enable()) {
 *     loss(model, x).backward();
 * }
 * }</pre>
 */
public final class AnomalyMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {false});

    private AnomalyMode() {
    }

    /**
     * Whether anomaly detection is on in this thread.
     *
     * @return true inside an {@link #enable()} scope
     */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /**
     * Turns anomaly detection on for this thread until the scope is closed.
     *
     * @return the scope; closing it restores the previous setting
     */
    public static GradMode.Scope enable() {
        boolean[] flag = ENABLED.get();
        boolean previous = flag[0];
        flag[0] = true;
        return () -> flag[0] = previous;
    }
}
