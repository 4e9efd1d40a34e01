package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.Tensor;

/**
 * How this module's kernels reach what {@link Tensor} keeps private: the {@link Storage} a tensor
 * views, and a new tensor over a storage. {@code Tensor} installs the one {@link Access} in its
 * static initializer (the pattern of the JDK's {@code SharedSecrets}), so no public method of the
 * exported package mentions {@code Storage}; this package is not exported, so other modules cannot
 * call it (their fast paths use {@code RawKernels}).
 */
public final class TensorAccess {
    /** What {@link Tensor} grants its kernels. */
    public interface Access {
        /** The storage {@code t} views, from {@code t.offset()} with {@code t.strides()}. */
        Storage storage(Tensor t);

        /** A contiguous tensor of {@code shape} over {@code storage}, which the caller hands over. */
        Tensor wrap(Storage storage, int... shape);
    }

    private static volatile Access access;

    private TensorAccess() {
    }

    /** Called once, by {@link Tensor}'s static initializer; any later call fails. */
    public static synchronized void install(Access a) {
        if (access != null) {
            throw new IllegalStateException("TensorAccess is installed by Tensor only");
        }
        access = a;
    }

    /** The storage {@code t} views. */
    public static Storage storage(Tensor t) {
        return access.storage(t);
    }

    /** A contiguous tensor of {@code shape} over {@code storage} (no copy: the caller hands it over). */
    public static Tensor wrap(Storage storage, int... shape) {
        Access a = access;
        if (a == null) {
            initialize(Tensor.class);
            a = access;
        }
        return a.wrap(storage, shape);
    }

    private static void initialize(Class<?> c) {
        try {
            Class.forName(c.getName(), true, c.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
