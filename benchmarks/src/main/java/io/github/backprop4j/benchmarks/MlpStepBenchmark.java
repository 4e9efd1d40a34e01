package io.github.backprop4j.benchmarks;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.nn.Linear;
import io.github.backprop4j.nn.Module;
import io.github.backprop4j.nn.ReLU;
import io.github.backprop4j.nn.Sequential;
import io.github.backprop4j.nn.optim.SGD;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
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
 * One full training step of a float32 MLP — zero the gradients, forward, cross-entropy,
 * backward, SGD update (lr 0.01) — on a fixed random batch: the {@code mlp-*} workloads of
 * {@code tools/bench/torch_bench.py}, in microseconds per step. {@code model} names the layer
 * sizes and the batch: {@code 2-16-3/b32} is Linear(2, 16), ReLU, Linear(16, 3) on 32 samples.
 * {@code Plain} forks without the vector module, {@code Simd} with
 * {@code --add-modules jdk.incubator.vector}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class MlpStepBenchmark {

    @Param({"2-16-3/b32", "64-128-10/b64", "784-256-10/b128"})
    public String model;

    private Module net;
    private SGD sgd;
    private Variable x;
    private Variable y;

    @Setup
    public void setUp() {
        KernelPath.check(getClass().getName());
        String[] parts = model.split("/b");
        String[] sizes = parts[0].split("-");
        int batch = Integer.parseInt(parts[1]);
        Generator gen = new Generator(0);
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            layers.add(new Linear(Integer.parseInt(sizes[i]), Integer.parseInt(sizes[i + 1]), gen));
            if (i + 2 < sizes.length) {
                layers.add(new ReLU());
            }
        }
        net = new Sequential(layers);
        sgd = new SGD(net.parameters(), 0.01);
        int classes = Integer.parseInt(sizes[sizes.length - 1]);
        x = Variable.of(Tensor.randn(gen, batch, Integer.parseInt(sizes[0])));
        y = Variable.of(Tensor.randint(gen, 0, classes, batch));
    }

    @Benchmark
    public double step() {
        sgd.zeroGrad();
        Variable loss = Losses.crossEntropy(net.forward(x), y, LossOptions.defaults());
        loss.backward();
        sgd.step();
        return loss.item();
    }

    /** Plain Java kernels. */
    @Fork(1)
    public static class Plain extends MlpStepBenchmark {
    }

    /** SIMD kernels. */
    @Fork(value = 1, jvmArgsAppend = MatMulBenchmark.SIMD)
    public static class Simd extends MlpStepBenchmark {
    }
}
