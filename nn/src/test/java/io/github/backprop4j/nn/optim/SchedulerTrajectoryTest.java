package io.github.backprop4j.nn.optim;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.ReferenceFiles;
import io.github.backprop4j.testkit.Tolerance;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ReduceLROnPlateau and LinearLR follow PyTorch's learning rates step by step
 * (reference/scheduler_trajectories.json, written by tools/reference/gen_schedulers.py).
 * PyTorch's LinearLR multiplies step by step, ours is the closed form, hence a relative tolerance.
 */
class SchedulerTrajectoryTest {
    private static final Tolerance TOL = Tolerance.of(1e-12, 0);

    @TestFactory
    List<DynamicTest> followsPyTorch() {
        JsonNode cases = ReferenceFiles.json("/reference/scheduler_trajectories.json").get("cases");
        List<DynamicTest> tests = new java.util.ArrayList<>();
        cases.forEach(c -> tests.add(DynamicTest.dynamicTest(c.get("kind").asText() + " " + c.get("name").asText(),
                () -> check(c))));
        return tests;
    }

    private static void check(JsonNode c) {
        SGD sgd = new SGD(List.of(Variable.parameter(Tensor.zeros(DType.FLOAT64, 1))), c.get("lr").asDouble());
        JsonNode o = c.get("options");
        JsonNode lrs = c.get("lrs");
        if (c.get("kind").asText().equals("LinearLR")) {
            LinearLR s = new LinearLR(sgd, o.path("start_factor").asDouble(1.0 / 3), o.path("end_factor").asDouble(1.0),
                    o.path("total_iters").asInt(5));
            for (int i = 0; i < lrs.size(); i++) {
                if (i > 0) {
                    s.step();
                }
                assertClose(lrs.get(i).asDouble(), sgd.lr(), c, i);
            }
            return;
        }
        ReduceLROnPlateau.Options d = ReduceLROnPlateau.Options.defaults();
        ReduceLROnPlateau.Options options = d
                .mode(o.path("mode").asText("min").equals("max") ? ReduceLROnPlateau.Mode.MAX : ReduceLROnPlateau.Mode.MIN)
                .factor(o.path("factor").asDouble(d.factor()))
                .patience(o.path("patience").asInt(d.patience()))
                .threshold(o.path("threshold").asDouble(d.threshold()),
                        o.path("threshold_mode").asText("rel").equals("abs")
                                ? ReduceLROnPlateau.ThresholdMode.ABS : ReduceLROnPlateau.ThresholdMode.REL)
                .cooldown(o.path("cooldown").asInt(d.cooldown()))
                .minLr(o.path("min_lr").asDouble(d.minLr()));
        ReduceLROnPlateau s = new ReduceLROnPlateau(sgd, options);
        JsonNode metrics = c.get("metrics");
        assertClose(lrs.get(0).asDouble(), sgd.lr(), c, 0);
        for (int i = 0; i < metrics.size(); i++) {
            s.step(metrics.get(i).asDouble());
            assertClose(lrs.get(i + 1).asDouble(), sgd.lr(), c, i + 1);
        }
    }

    private static void assertClose(double expected, double actual, JsonNode c, int step) {
        TOL.assertClose(expected, actual, c.get("name").asText() + " step " + step);
    }
}
