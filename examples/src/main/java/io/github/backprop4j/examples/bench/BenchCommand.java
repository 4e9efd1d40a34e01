package io.github.backprop4j.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.nn.Linear;
import io.github.backprop4j.nn.Module;
import io.github.backprop4j.nn.ReLU;
import io.github.backprop4j.nn.Sequential;
import io.github.backprop4j.nn.optim.Optimizer;
import io.github.backprop4j.nn.optim.SGD;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.Vectorization;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code backprop4j bench}: times full training steps (forward, cross-entropy, backward, SGD
 * update) of an MLP on random data, cold and steady.
 *
 * <ol>
 *   <li><b>Cold:</b> the first {@value #COLD_STEPS} steps after the JVM started, each timed, as a
 *       short training run sees them: interpreted, then compiled as the JIT gets to them.</li>
 *   <li><b>Warm-up:</b> steps until at least {@value #MIN_WARM_UP_SECONDS} s have passed and the
 *       JIT has compiled nothing for {@value #QUIET_SECONDS} s (at most {@value #MAX_WARM_UP_SECONDS} s),
 *       and at least as many steps as will be timed. On a busy machine the JIT needs longer to
 *       finish, which a fixed warm-up did not allow for.</li>
 *   <li><b>Steady:</b> {@value #ROUNDS} rounds of timed steps; the median round's time per step is
 *       reported, so a burst of load from another process moves the figure less. Without
 *       {@code --steps}, as many steps as take about {@value #STEADY_SECONDS} s.</li>
 * </ol>
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Times full training steps (forward, cross-entropy, backward, SGD update) of an MLP with ReLU"
                    + " between its Linear layers on random data: the first steps after the JVM started (cold),"
                    + " then, after a warm-up that lasts until the JIT has finished compiling, the steady state.",
            "The last line of stdout is one JSON object: model, batch, dtype, threads, simd, steps,"
                    + " us_per_step, samples_per_s, then the cold and warm-up figures.",
        })
public final class BenchCommand implements Callable<Integer> {
    private static final int ROUNDS = 5;
    private static final int COLD_STEPS = 20;
    private static final int MIN_WARM_UP_SECONDS = 2;
    private static final int QUIET_SECONDS = 1;
    private static final int MAX_WARM_UP_SECONDS = 30;
    private static final int STEADY_SECONDS = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", paramLabel = "784-256-10", defaultValue = "784-256-10",
            description = "layer sizes, input first (default: ${DEFAULT-VALUE})")
    private String model;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "128", description = "samples per step (default: ${DEFAULT-VALUE})")
    private int batch;

    @Option(names = "--steps", paramLabel = "N",
            description = "timed steady steps (default: as many as take about " + STEADY_SECONDS + " s)")
    private @Nullable Integer steps;

    @Option(names = "--dtype", paramLabel = "float32|float64", defaultValue = "float32",
            description = "parameter and data type (default: ${DEFAULT-VALUE})")
    private String dtype;

    @Option(names = "--threads", paramLabel = "T",
            description = "threads for large matrix products, the caller included (default: the core count)")
    private @Nullable Integer threads;

    @Option(names = "--simd", paramLabel = "auto|off", defaultValue = "auto",
            description = "auto uses the SIMD kernels when the JVM has jdk.incubator.vector (the launcher adds it);"
                    + " off keeps the plain Java kernels (default: ${DEFAULT-VALUE})")
    private String simd;

    @Override
    public Integer call() {
        int[] sizes = parseModel();
        DType type = parseDtype();
        if (batch < 1) {
            throw usage("--batch must be at least 1, got " + batch);
        }
        if (steps != null && steps < ROUNDS) {
            throw usage("--steps must be at least " + ROUNDS + ", got " + steps);
        }
        configureKernels();

        Generator gen = new Generator(0);
        Module net = mlp(sizes, type, gen);
        Optimizer sgd = new SGD(net.parameters(), 0.01);
        Variable x = Variable.of(Tensor.randn(gen, type, batch, sizes[0]));
        Variable y = Variable.of(Tensor.randint(gen, 0, sizes[sizes.length - 1], batch));
        Runnable step = () -> step(net, sgd, x, y);

        long startupMs = ManagementFactory.getRuntimeMXBean().getUptime();
        double[] cold = new double[COLD_STEPS];
        for (int i = 0; i < COLD_STEPS; i++) {
            long t = System.nanoTime();
            step.run();
            cold[i] = (System.nanoTime() - t) / 1e3;
        }
        WarmUp warmUp = warmUp(step, steps != null ? steps : 0);
        int timed = steps != null ? steps : Math.max(ROUNDS, (int) (STEADY_SECONDS * 1e6 / warmUp.lastUsPerStep()));
        double[] usPerStep = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            int n = timed / ROUNDS + (r < timed % ROUNDS ? 1 : 0);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                step.run();
            }
            usPerStep[r] = (System.nanoTime() - start) / 1e3 / n;
        }
        Arrays.sort(usPerStep);
        double us = usPerStep[ROUNDS / 2];
        double coldUs = Arrays.stream(cold).sum() / COLD_STEPS;

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s, batch %d, %s: %.1f us per step (median of %d rounds of %d steps; fastest %.1f,"
                        + " slowest %.1f), %.0f samples/s%n", model, batch, type.shortName(), us, ROUNDS, timed / ROUNDS,
                usPerStep[0], usPerStep[ROUNDS - 1], batch * 1e6 / us);
        out.printf(Locale.ROOT, "cold: the first %d steps took %.1f us each (the first %.1f us), %d ms after the JVM"
                        + " started; then %d warm-up steps in %.1f s%n", COLD_STEPS, coldUs, cold[0], startupMs,
                warmUp.steps(), warmUp.seconds());
        out.println(Vectorization.describe());
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("model", model);
        json.put("batch", batch);
        json.put("dtype", type.shortName());
        json.put("threads", Vectorization.threads());
        json.put("simd", Vectorization.isSimdEnabled());
        json.put("steps", timed);
        json.put("us_per_step", us);
        json.put("samples_per_s", batch * 1e6 / us);
        json.put("us_per_step_fastest", usPerStep[0]);
        json.put("us_per_step_slowest", usPerStep[ROUNDS - 1]);
        json.put("cold_steps", COLD_STEPS);
        json.put("cold_us_per_step", coldUs);
        json.put("first_step_us", cold[0]);
        json.put("startup_ms", startupMs);
        json.put("warmup_steps", warmUp.steps());
        json.put("warmup_s", warmUp.seconds());
        out.println(json);
        out.flush();
        return 0;
    }

    /** How the warm-up went: its steps, its seconds, and the time per step of its last stretch. */
    private record WarmUp(int steps, double seconds, double lastUsPerStep) {
    }

    /**
     * Steps in stretches of about 50 ms until the class javadoc's warm-up condition holds. The
     * JIT's activity is read from the JVM's total compilation time, which stops growing once
     * there is nothing left to compile.
     */
    private static WarmUp warmUp(Runnable step, int minSteps) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean canWatchJit = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        long lastCompilation = start;
        long compileMs = canWatchJit ? jit.getTotalCompilationTime() : 0;
        int total = 0;
        while (true) {
            long stretchStart = System.nanoTime();
            int n = 0;
            do {
                step.run();
                n++;
            } while (System.nanoTime() - stretchStart < 50_000_000L);
            total += n;
            long now = System.nanoTime();
            long ms = canWatchJit ? jit.getTotalCompilationTime() : compileMs;
            if (ms != compileMs) {
                compileMs = ms;
                lastCompilation = now;
            }
            double seconds = (now - start) / 1e9;
            boolean quiet = !canWatchJit || (now - lastCompilation) / 1e9 >= QUIET_SECONDS;
            if (total >= minSteps && (seconds >= MIN_WARM_UP_SECONDS && quiet || seconds >= MAX_WARM_UP_SECONDS)) {
                return new WarmUp(total, seconds, (now - stretchStart) / 1e3 / n);
            }
        }
    }

    /** One training step: forward, cross-entropy, backward, SGD update. */
    private static void step(Module net, Optimizer sgd, Variable x, Variable y) {
        Variable loss = Losses.crossEntropy(net.forward(x), y, LossOptions.defaults());
        sgd.zeroGrad();
        loss.backward();
        sgd.step();
    }

    private static Module mlp(int[] sizes, DType type, Generator gen) {
        Sequential net = new Sequential();
        for (int i = 0; i + 1 < sizes.length; i++) {
            net.add(new Linear(sizes[i], sizes[i + 1], true, type, gen));
            if (i + 2 < sizes.length) {
                net.add(new ReLU());
            }
        }
        return net;
    }

    /**
     * Sets the kernel properties before the kernels are first used (they are read once), then
     * checks that they took effect.
     */
    private void configureKernels() {
        if (!simd.equals("auto") && !simd.equals("off")) {
            throw usage("--simd must be auto or off, got '" + simd + "'");
        }
        if (threads != null && threads < 1) {
            throw usage("--threads must be at least 1, got " + threads);
        }
        if (simd.equals("off")) {
            System.setProperty("backprop4j.simd", "false");
        }
        if (threads != null) {
            System.setProperty("backprop4j.threads", Integer.toString(threads));
        }
        if (simd.equals("off") && Vectorization.isSimdEnabled()
                || threads != null && Vectorization.threads() != threads) {
            throw new IllegalStateException("bench: the kernels were set up before --simd/--threads could apply;"
                    + " pass -Dbackprop4j.simd / -Dbackprop4j.threads to the JVM instead");
        }
    }

    private int[] parseModel() {
        try {
            int[] sizes = Arrays.stream(model.split("-")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
                throw usage("--model needs at least two positive layer sizes like 784-256-10, got '" + model + "'");
            }
            if (sizes[sizes.length - 1] < 2) {
                throw usage("--model's last size is the number of classes and must be at least 2, got '" + model + "'");
            }
            return sizes;
        } catch (NumberFormatException e) {
            throw usage("--model takes layer sizes like 784-256-10, got '" + model + "'");
        }
    }

    private DType parseDtype() {
        return switch (dtype) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw usage("--dtype must be float32 or float64, got '" + dtype + "'");
        };
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
