package io.github.backprop4j.benchmarks;

import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 2-D float32 {@code Tensor.matmul}: C (m×n) = A (m×k) · B (k×n), inputs standard normal.
 *
 * <p>Reports products per second; one product is 2·m·k·n floating-point operations, so
 * GFLOP/s = 2·m·k·n · ops/s / 10⁹ (for 256×256·256×256, 0.0336 · ops/s).
 *
 * <p>The shapes: a square 256³ product; 64×784·784×256, the first layer of an MNIST-sized MLP
 * on a batch of 64; 128×256·256×10, a classifier head on a batch of 128.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatMulBenchmark {

    /** m×k×n. */
    @Param({"256x256x256", "64x784x256", "128x256x10"})
    public String mkn;

    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp() {
        String[] sizes = mkn.split("x");
        int m = Integer.parseInt(sizes[0]);
        int k = Integer.parseInt(sizes[1]);
        int n = Integer.parseInt(sizes[2]);
        Generator gen = new Generator(42);
        a = Tensor.randn(gen, m, k);
        b = Tensor.randn(gen, k, n);
    }

    /** Returns the product so that JMH consumes it and the JIT cannot drop the work. */
    @Benchmark
    public Tensor matmul() {
        return a.matmul(b);
    }
}
