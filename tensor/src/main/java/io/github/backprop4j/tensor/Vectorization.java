package io.github.backprop4j.tensor;

import io.github.backprop4j.tensor.internal.Kernels;
import io.github.backprop4j.tensor.internal.Parallel;

/**
 * Which kernels this JVM runs, for launchers and benchmarks to report.
 *
 * <p>The float32 kernels are plain Java unless the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, in which case SIMD kernels on the Vector API are
 * used; {@code -Dbackprop4j.simd=false} keeps the plain ones even then. Large matrix products
 * split their rows over {@link #threads()} threads ({@code -Dbackprop4j.threads=N}; 1 keeps every
 * kernel on the calling thread). Both are decided once, when first needed.
 */
public final class Vectorization {
    private Vectorization() {
    }

    /**
     * Whether the float32 kernels run on the Vector API.
     *
     * @return true when the SIMD kernels are active, false when the plain Java ones are
     */
    public static boolean isSimdEnabled() {
        return Kernels.active() != Kernels.plain();
    }

    /**
     * The threads a large matrix product uses, the calling thread included.
     *
     * @return at least 1; set by {@code -Dbackprop4j.threads=N}
     */
    public static int threads() {
        return Parallel.threads();
    }

    /**
     * One line for logs, e.g. {@code kernels: SIMD (jdk.incubator.vector, 512-bit vectors of 16
     * floats); module jdk.incubator.vector present; matmul: 2 threads from 16777216 flops}.
     *
     * @return the active kernels, why they were chosen, and the matrix product's threading
     */
    public static String describe() {
        return "kernels: " + Kernels.active().describe() + "; " + Kernels.reason() + "; matmul: "
                + threads() + (threads() == 1 ? " thread" : " threads from " + Kernels.active().parallelFlops() + " flops");
    }
}
