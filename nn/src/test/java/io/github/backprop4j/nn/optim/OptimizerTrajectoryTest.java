package io.github.backprop4j.nn.optim;

import static io.github.backprop4j.tensor.testkit.TensorKit.assertClose;
import static io.github.backprop4j.tensor.testkit.TensorKit.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.ReferenceFiles;
import io.github.backprop4j.testkit.Tolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every optimizer configuration against PyTorch's trajectory on the same float64 problem
 * (reference/optim_trajectories.json): the loss, gradients, clipped gradients, learning rate and
 * parameters at each of 5 steps must agree to 1e-10.
 */
class OptimizerTrajectoryTest {
    private static final Tolerance CLOSE = Tolerance.absolute(1e-10);
    private static final JsonNode DOC = ReferenceFiles.json("/reference/optim_trajectories.json");
    private static final JsonNode PROBLEM = DOC.get("problem");
    private static final Tensor X = tensor(PROBLEM.get("X"), DType.FLOAT64);
    private static final Tensor Y = tensor(PROBLEM.get("y"), DType.INT64);

    /**
     * Mean cross-entropy of logits = X·w + b, written with Variable ops (independent of the losses
     * module): mean over rows of logsumexp(logits) − logits[y].
     */
    static Variable crossEntropy(Variable w, Variable b) {
        Variable logits = Variable.of(X).matmul(w).plus(b);
        Variable picked = logits.gather(1, Y.reshape(-1, 1)).reshape(-1);
        return logits.logsumexp(1, false).minus(picked).mean();
    }

    @Test
    void theReferenceHasEveryConfiguration() {
        List<String> names = new ArrayList<>();
        DOC.get("configs").forEach(c -> names.add(c.get("name").asText()));
        assertEquals(List.of("sgd", "sgd_momentum_dampening_wd", "sgd_nesterov", "adam", "adam_weight_decay", "adamw",
                "sgd_clip_grad_norm", "sgd_cosine_annealing", "sgd_step_lr"), names);
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        DOC.get("configs").forEach(c -> tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> run(c))));
        return tests.stream();
    }

    private static void run(JsonNode config) {
        Variable w = Variable.parameter(tensor(PROBLEM.get("w0"), DType.FLOAT64));
        Variable b = Variable.parameter(tensor(PROBLEM.get("b0"), DType.FLOAT64));
        Optimizer opt = optimizer(config, List.of(w, b));
        LRScheduler schedule = scheduler(config.get("scheduler"), opt);
        JsonNode clip = config.get("clip_grad_norm");
        for (JsonNode step : config.get("steps")) {
            String at = config.get("name").asText() + " step " + step.get("step").asInt();
            opt.zeroGrad();
            Variable loss = crossEntropy(w, b);
            loss.backward();
            CLOSE.assertClose(step.get("loss").asDouble(), loss.item(), at + " loss");
            CLOSE.assertClose(step.get("lr").asDouble(), opt.lr(), at + " lr");
            assertClose(tensor(step.get("grad_w"), DType.FLOAT64), grad(w), CLOSE, at + " grad w");
            assertClose(tensor(step.get("grad_b"), DType.FLOAT64), grad(b), CLOSE, at + " grad b");
            if (clip != null) {
                double total = ClipGrad.clipGradNorm(List.of(w, b), clip.get("max_norm").asDouble(),
                        clip.get("norm_type").asDouble());
                CLOSE.assertClose(step.get("grad_norm_before_clip").asDouble(), total, at + " total norm");
                assertClose(tensor(step.get("clipped_grad_w"), DType.FLOAT64), grad(w), CLOSE, at + " clipped grad w");
                assertClose(tensor(step.get("clipped_grad_b"), DType.FLOAT64), grad(b), CLOSE, at + " clipped grad b");
            }
            opt.step();
            if (schedule != null) {
                schedule.step();
            }
            assertClose(tensor(step.get("w"), DType.FLOAT64), w.value(), CLOSE, at + " w");
            assertClose(tensor(step.get("b"), DType.FLOAT64), b.value(), CLOSE, at + " b");
        }
        CLOSE.assertClose(config.get("final_loss").asDouble(), crossEntropy(w, b).item(), "final loss");
    }

    private static Tensor grad(Variable p) {
        Variable g = p.grad();
        assertNotNull(g, "no gradient");
        return g.value();
    }

    private static Optimizer optimizer(JsonNode config, List<Variable> params) {
        JsonNode h = config.get("hyper");
        JsonNode d = config.get("defaults");
        double lr = h.get("lr").asDouble();
        return switch (config.get("optimizer").asText()) {
            case "SGD" -> new SGD(params, SGD.Options.lr(lr)
                    .momentum(number(h, d, "momentum"))
                    .dampening(number(h, d, "dampening"))
                    .weightDecay(number(h, d, "weight_decay"))
                    .nesterov(flag(h, d, "nesterov")));
            case "Adam" -> new Adam(params, adamOptions(Adam.Options.lr(lr), h, d));
            case "AdamW" -> new AdamW(params, adamOptions(AdamW.options(lr), h, d));
            default -> throw new AssertionError("unknown optimizer " + config.get("optimizer"));
        };
    }

    private static Adam.Options adamOptions(Adam.Options base, JsonNode h, JsonNode d) {
        JsonNode betas = h.has("betas") ? h.get("betas") : d.get("betas");
        return base.betas(betas.get(0).asDouble(), betas.get(1).asDouble())
                .eps(number(h, d, "eps"))
                .weightDecay(number(h, d, "weight_decay"))
                .amsgrad(flag(h, d, "amsgrad"));
    }

    private static @Nullable LRScheduler scheduler(@Nullable JsonNode s, Optimizer opt) {
        if (s == null) {
            return null;
        }
        return switch (s.get("type").asText()) {
            case "CosineAnnealingLR" -> new CosineAnnealingLR(opt, s.get("T_max").asInt(), s.get("eta_min").asDouble());
            case "StepLR" -> new StepLR(opt, s.get("step_size").asInt(), s.get("gamma").asDouble());
            default -> throw new AssertionError("unknown scheduler " + s);
        };
    }

    /** A hyper-parameter as given, else PyTorch's default recorded in the file. */
    private static double number(JsonNode hyper, JsonNode defaults, String key) {
        return (hyper.has(key) ? hyper : defaults).get(key).asDouble();
    }

    private static boolean flag(JsonNode hyper, JsonNode defaults, String key) {
        return (hyper.has(key) ? hyper : defaults).get(key).asBoolean();
    }
}
