/**
 * n-dimensional tensors without gradients: {@link io.github.backprop4j.tensor.Tensor} and its
 * companions. The kernels live in {@code tensor.internal}, shared only with the sibling modules.
 */
module io.github.backprop4j.tensor {
    requires transitive org.jspecify;
    // Optional: the SIMD kernels in tensor.internal.simd are used only when the JVM was started
    // with --add-modules jdk.incubator.vector (see tensor.internal.Kernels).
    requires static jdk.incubator.vector;

    exports io.github.backprop4j.tensor;
    exports io.github.backprop4j.tensor.internal to
            io.github.backprop4j.autograd,
            io.github.backprop4j.losses,
            io.github.backprop4j.nn;
}
