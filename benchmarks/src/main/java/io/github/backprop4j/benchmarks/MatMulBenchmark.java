package io.github.backprop4j.benchmarks;

import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.Vectorization;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * 2-D float32 {@code Tensor.matmul}: C (m×n) = A (m×k) · B (k×n), inputs standard normal.
 *
 * <p>Reports products per second; one product is 2·m·k·n floating-point operations, so
 * GFLOP/s = 2·m·k·n · ops/s / 10⁹ (for 256³, 0.0336 · ops/s; for 1024³, 2.147 · ops/s).
 *
 * <p>The shapes: square 256³ and 1024³ products; 64×784·784×256, the first layer of an
 * MNIST-sized MLP on a batch of 64; 128×256·256×10, a classifier head on a batch of 128.
 * {@code layout=nt} multiplies by a transposed view instead (B = Wᵀ with W (n×k) contiguous), as
 * {@code Linear}'s forward {@code x·Wᵀ} does.
 *
 * <p>The kernel path is fixed when the JVM starts, so each of the four methods runs in its own
 * fork with its own JVM flags: {@code plain*} without the vector module, {@code simd*} with
 * {@code --add-modules jdk.incubator.vector}; {@code *OneThread} with
 * {@code -Dbackprop4j.threads=1}, {@code *Pool} with the library's default pool. The setup
 * checks that the fork really runs the path its name says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatMulBenchmark {
    static final String SIMD = "--add-modules=jdk.incubator.vector";
    static final String ONE_THREAD = "-Dbackprop4j.threads=1";

    /** m×k×n. */
    @Param({"256x256x256", "1024x1024x1024", "64x784x256", "128x256x10"})
    public String mkn;

    /** {@code nn}: A·B, both contiguous; {@code nt}: A·Wᵀ, the transpose read in place. */
    @Param({"nn"})
    public String layout;

    private Tensor a;
    private Tensor b;

    @Setup
    public void setUp(BenchmarkParams params) {
        String method = params.getBenchmark();
        KernelPath.check(method);
        if ((Vectorization.threads() == 1) != method.endsWith("OneThread")) {
            throw new IllegalStateException(method + " runs on " + Vectorization.threads() + " threads: "
                    + Vectorization.describe() + " (were the @Fork JVM arguments overridden on the command line?)");
        }
        String[] sizes = mkn.split("x");
        int m = Integer.parseInt(sizes[0]);
        int k = Integer.parseInt(sizes[1]);
        int n = Integer.parseInt(sizes[2]);
        Generator gen = new Generator(42);
        a = Tensor.randn(gen, m, k);
        b = layout.equals("nt") ? Tensor.randn(gen, n, k).t() : Tensor.randn(gen, k, n);
    }

    /** Plain Java kernel on the calling thread only: the baseline of every ratio. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = ONE_THREAD)
    public Tensor plainOneThread() {
        return a.matmul(b);
    }

    /** Plain Java kernel, large products split over the pool. */
    @Benchmark
    @Fork(1)
    public Tensor plainPool() {
        return a.matmul(b);
    }

    /** SIMD kernel on the calling thread only. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {SIMD, ONE_THREAD})
    public Tensor simdOneThread() {
        return a.matmul(b);
    }

    /** SIMD kernel, large products split over the pool. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = SIMD)
    public Tensor simdPool() {
        return a.matmul(b);
    }
}
