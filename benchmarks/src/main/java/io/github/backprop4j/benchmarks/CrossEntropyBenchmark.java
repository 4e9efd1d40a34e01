package io.github.backprop4j.benchmarks;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
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
 * The fused cross-entropy node, forward and backward, on float32 logits of 4096 rows × 1000
 * classes with class-index targets and mean reduction: the {@code ce-4096x1000} workload of
 * {@code tools/bench/torch_bench.py}, in microseconds per call. {@code Plain} forks without the
 * vector module, {@code Simd} with {@code --add-modules jdk.incubator.vector}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class CrossEntropyBenchmark {
    private Variable logits;
    private Variable target;

    @Setup
    public void setUp() {
        KernelPath.check(getClass().getName());
        Generator gen = new Generator(0);
        logits = Variable.parameter(Tensor.randn(gen, 4096, 1000));
        target = Variable.of(Tensor.randint(gen, 0, 1000, 4096));
    }

    @Benchmark
    public Variable forwardBackward() {
        logits.zeroGrad();
        Losses.crossEntropy(logits, target, LossOptions.defaults()).backward();
        return logits.grad();
    }

    /** Plain Java kernels. */
    @Fork(1)
    public static class Plain extends CrossEntropyBenchmark {
    }

    /** SIMD kernels. */
    @Fork(value = 1, jvmArgsAppend = MatMulBenchmark.SIMD)
    public static class Simd extends CrossEntropyBenchmark {
    }
}
