package io.github.backprop4j.benchmarks;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one small op costs, which is what a toy model's training step is made of: average time
 * per call, in microseconds.
 *
 * <ul>
 *   <li>{@code tensorPlus}: {@code Tensor a.plus(b)} on 2×16 float32 tensors, no autograd;</li>
 *   <li>{@code variablePlus}: the same add on two parameters, recorded, then its backward
 *       seeded with ones (one node forward and backward, gradients accumulated);</li>
 *   <li>{@code linearLayer}: {@code relu(x·Wᵀ + b)} forward and backward for x (64×784),
 *       W (256×784), b (256), an MNIST-sized first layer: a transposed matmul, the bias
 *       broadcast, relu and their gradients (two more matmuls and a sum over the batch).</li>
 * </ul>
 *
 * The kernel path is fixed when the JVM starts: {@code OpOverheadBenchmark.Plain} forks without
 * the vector module, {@code OpOverheadBenchmark.Simd} with {@code --add-modules jdk.incubator.vector}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class OpOverheadBenchmark {

    private Tensor a;
    private Tensor b;
    private Tensor ones;
    private Variable pa;
    private Variable pb;
    private Variable x;
    private Variable w;
    private Variable bias;
    private Tensor layerSeed;

    @Setup
    public void setUp() {
        KernelPath.check(getClass().getName());
        Generator gen = new Generator(7);
        a = Tensor.randn(gen, 2, 16);
        b = Tensor.randn(gen, 2, 16);
        ones = Tensor.ones(2, 16);
        pa = Variable.parameter(a);
        pb = Variable.parameter(b);
        x = Variable.of(Tensor.randn(gen, 64, 784));
        w = Variable.parameter(Tensor.randn(gen, 256, 784).times(0.03));
        bias = Variable.parameter(Tensor.randn(gen, 256).times(0.03));
        layerSeed = Tensor.randn(gen, 64, 256);
    }

    @Benchmark
    public Tensor tensorPlus() {
        return a.plus(b);
    }

    @Benchmark
    public Variable variablePlus() {
        pa.zeroGrad();
        pb.zeroGrad();
        pa.plus(pb).backward(ones);
        return pa.grad();
    }

    @Benchmark
    public Variable linearLayer() {
        w.zeroGrad();
        bias.zeroGrad();
        x.matmul(w.transpose(0, 1)).plus(bias).relu().backward(layerSeed);
        return w.grad();
    }

    /** Plain Java kernels. */
    @Fork(1)
    public static class Plain extends OpOverheadBenchmark {
    }

    /** SIMD kernels. */
    @Fork(value = 1, jvmArgsAppend = MatMulBenchmark.SIMD)
    public static class Simd extends OpOverheadBenchmark {
    }
}
