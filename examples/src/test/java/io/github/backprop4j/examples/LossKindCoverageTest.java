package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.losses.LossKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every entry of the loss catalogue ({@link LossKind}) is reachable from both front ends: the
 * {@code explain} command by its CLI name and {@code loss --jsonl} by its PyTorch name, each
 * answering with numbers rather than an error. (The losses module's RobustnessProperties checks
 * that its property run reaches every entry too.)
 */
class LossKindCoverageTest {
    /**
     * A valid input, and target where the loss takes one, for each entry, each as a 1×n matrix
     * (the switch must name every entry).
     */
    private static double[][] sample(LossKind kind) {
        return switch (kind) {
            case LOG_SOFTMAX, SOFTMAX -> new double[][] {{1, 2, 3}};
            case NLL -> new double[][] {{-1.2, -0.5, -2.0}, {1}};
            case CROSS_ENTROPY -> new double[][] {{1, 2, 3}, {2}};
            case BCE -> new double[][] {{0.2, 0.7}, {0, 1}};
            case BCE_WITH_LOGITS, MULTILABEL_SOFT_MARGIN -> new double[][] {{0.5, -1.0}, {1, 0}};
        };
    }

    /** A class-index target (one row of one class) for NLL and cross-entropy, else a matrix like the input. */
    private static boolean indexTarget(LossKind kind) {
        return kind == LossKind.NLL || kind == LossKind.CROSS_ENTROPY;
    }

    private static String list(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(v[i] == Math.rint(v[i]) ? Long.toString((long) v[i]) : v[i]);
        }
        return sb.append(']').toString();
    }

    private static String literal(double[] v, boolean matrix) {
        return matrix ? "[" + list(v) + "]" : list(v);
    }

    private static String json(double[] v, boolean matrix) {
        return "{\"shape\": " + (matrix ? "[1, " + v.length + "]" : "[" + v.length + "]") + ", \"data\": " + list(v) + "}";
    }

    @ParameterizedTest
    @EnumSource(LossKind.class)
    void explainReachesEveryLoss(LossKind kind) {
        double[][] s = sample(kind);
        Cli.Run run = s.length == 1 ? Cli.run("explain", kind.cliName(), "--input", literal(s[0], true))
                : Cli.run("explain", kind.cliName(), "--input", literal(s[0], true),
                        "--target", literal(s[1], !indexTarget(kind)));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith(kind.pytorchName()), run::toString);
        assertTrue(run.out().contains("largest |closed form − autograd|"), run::toString);
    }

    @ParameterizedTest
    @EnumSource(LossKind.class)
    void lossJsonlReachesEveryLoss(LossKind kind) {
        double[][] s = sample(kind);
        String request = "{\"id\": 1, \"op\": \"" + kind.pytorchName() + "\", \"input\": " + json(s[0], true)
                + (s.length == 1 ? "" : ", \"target\": " + json(s[1], !indexTarget(kind))) + "}\n";
        Cli.Run run = Cli.runWithStdin(request, "loss", "--jsonl", "-");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\"output\""), run::toString);
        assertFalse(run.out().contains("\"error\""), run::toString);
    }
}
