package io.github.backprop4j.benchmarks;

import io.github.backprop4j.tensor.Vectorization;

/** Fails a benchmark whose forked JVM does not run the kernel path its name promises. */
final class KernelPath {
    private KernelPath() {
    }

    /** @param benchmark the benchmark's class or method name; SIMD is expected when it names "simd" */
    static void check(String benchmark) {
        boolean wantSimd = benchmark.toLowerCase(java.util.Locale.ROOT).contains("simd");
        if (Vectorization.isSimdEnabled() != wantSimd) {
            throw new IllegalStateException(benchmark + " runs on the wrong path: " + Vectorization.describe()
                    + " (were the @Fork JVM arguments overridden on the command line?)");
        }
    }
}
