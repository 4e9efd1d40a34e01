package io.github.backprop4j.tensor.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Chooses, once per JVM, between the plain {@link FloatKernels} and the SIMD ones on
 * {@code jdk.incubator.vector}, the way Apache Lucene's {@code VectorizationProvider} does:
 *
 * <ol>
 *   <li>{@code -Dbackprop4j.simd=false} keeps the plain kernels;</li>
 *   <li>so does a JVM in which the module {@code jdk.incubator.vector} is not present — it is
 *       present only when the JVM was started with {@code --add-modules jdk.incubator.vector}
 *       (a class-path application never gets it by default);</li>
 *   <li>so does a JVM without the C2 compiler ({@code -Xint}, {@code -XX:TieredStopAtLevel=1}),
 *       where the Vector API would be slower than plain Java; {@code -Dbackprop4j.simd=force}
 *       uses the SIMD kernels even there (slow, for tests that compare their bits across JIT
 *       modes);</li>
 *   <li>otherwise {@code internal.simd.SimdFloatKernels} is loaded reflectively (no other class
 *       names it, so without the module it is never loaded) and used, unless its constructor
 *       refuses vectors narrower than 128 bits.</li>
 * </ol>
 *
 * The plain kernels stay the default. {@code Vectorization} in the public package reports the
 * choice.
 */
public final class Kernels {
    /** The system property that turns the SIMD kernels off when set to {@code false}. */
    public static final String PROPERTY = "backprop4j.simd";

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String SIMD_CLASS = "io.github.backprop4j.tensor.internal.simd.SimdFloatKernels";
    private static final FloatKernels PLAIN = new FloatKernels();

    private Kernels() {
    }

    /** The kernels this JVM uses. */
    public static FloatKernels active() {
        return Holder.KERNELS;
    }

    /** Why {@link #active()} is what it is, in one line. */
    public static String reason() {
        return Holder.ACTIVE.reason();
    }

    /** The plain Java kernels, whatever is active; the oracle for tests of the SIMD ones. */
    public static FloatKernels plain() {
        return PLAIN;
    }

    /**
     * The SIMD kernels if this JVM can run them, even when {@code -Dbackprop4j.simd=false} keeps
     * them inactive (for tests and benchmarks that compare both); else null.
     */
    public static @Nullable FloatKernels simd() {
        Choice c = choose("true", vectorModule());
        return c.kernels() == PLAIN ? null : c.kernels();
    }

    /** A choice of kernels and why. */
    record Choice(FloatKernels kernels, String reason) {
    }

    /**
     * The decision, from the value of {@link #PROPERTY} and the vector module if present.
     * Package-private for tests: it is a pure function of its arguments and the JVM.
     */
    static Choice choose(@Nullable String property, Optional<Module> vectorModule) {
        if ("false".equalsIgnoreCase(property)) {
            return new Choice(PLAIN, "SIMD turned off by -D" + PROPERTY + "=false");
        }
        if (vectorModule.isEmpty()) {
            return new Choice(PLAIN, "module " + VECTOR_MODULE + " not present; start the JVM with --add-modules "
                    + VECTOR_MODULE + " to use SIMD");
        }
        boolean withoutC2 = "force".equalsIgnoreCase(property);
        String vmInfo = System.getProperty("java.vm.info", "");
        if (!withoutC2 && (vmInfo.contains("emulated-client") || vmInfo.contains("interpreted mode"))) {
            // Checked before loading the SIMD class, whose first use loads some 70 classes of the
            // vector module (about 20 ms of start-up) that would then go unused.
            return new Choice(PLAIN, "SIMD not used: the C2 compiler is off (" + vmInfo + ")");
        }
        // On the module path this module `requires static` the vector module, so it reads it
        // already; in a custom layer it may not, and reading is what the reflective load needs.
        Kernels.class.getModule().addReads(vectorModule.get());
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Class<?> cls = lookup.findClass(SIMD_CLASS);
            FloatKernels simd = (FloatKernels) lookup.findConstructor(cls, MethodType.methodType(void.class)).invoke();
            return new Choice(simd, "module " + VECTOR_MODULE + " present");
        } catch (UnsupportedOperationException e) {
            return new Choice(PLAIN, "SIMD not used: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new LinkageError("cannot load " + SIMD_CLASS, e);
        }
    }

    /** The vector module from this module's layer (the boot layer on the class path), if present. */
    static Optional<Module> vectorModule() {
        ModuleLayer layer = Kernels.class.getModule().getLayer();
        return (layer != null ? layer : ModuleLayer.boot()).findModule(VECTOR_MODULE);
    }

    /** Decided on first use, not at class loading, to avoid class-initialisation cycles. */
    private static final class Holder {
        static final Choice ACTIVE = choose(System.getProperty(PROPERTY), vectorModule());
        static final FloatKernels KERNELS = ACTIVE.kernels();
    }
}
