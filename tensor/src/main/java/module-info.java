/**
 * n-dimensional tensors without gradients: {@link io.github.backprop4j.tensor.Tensor} and its
 * companions. The kernels live in {@code tensor.internal}, which is not exported; the other
 * modules' fast paths use the small public facade {@link io.github.backprop4j.tensor.RawKernels}.
 */
module io.github.backprop4j.tensor {
    requires transitive org.jspecify;
    // Optional: the SIMD kernels in tensor.internal.simd are used only when the JVM was started
    // with --add-modules jdk.incubator.vector (see tensor.internal.Kernels).
    requires static jdk.incubator.vector;

    exports io.github.backprop4j.tensor;
}
