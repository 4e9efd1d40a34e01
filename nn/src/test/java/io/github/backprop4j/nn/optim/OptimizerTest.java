package io.github.backprop4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.autograd.GradMode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    private static final double[][] GRADS = {{3.0, -1.0}, {0.1, 0.2}, {0.05, -2.0}, {0.01, 0.01}};

    /** Four steps on loss = Σ p·c_t, so the gradient at step t is exactly c_t. */
    private static double[][] run(Optimizer opt, Variable p) {
        double[][] out = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            opt.zeroGrad();
            p.times(Variable.of(Tensor.of(GRADS[t]))).sum().backward();
            opt.step();
            out[t] = p.value().toDoubleArray();
        }
        return out;
    }

    @Test
    void adamWithAmsgradMatchesPyTorch() {
        // torch.optim.Adam([p], lr=0.1, amsgrad=True, weight_decay=0.1), p0 = [0.5, -0.25], float64, PyTorch 1.13
        double[][] expected = {{0.40000000032786887, -0.15000000097560973}, {0.32965090258895535, -0.09728425375584505},
            {0.27356132440789727, -0.021819744673021155}, {0.2269277659809314, 0.03976452097456262}};
        Variable p = Variable.parameter(Tensor.of(0.5, -0.25));
        double[][] got = run(new Adam(List.of(p), Adam.Options.lr(0.1).amsgrad(true).weightDecay(0.1)), p);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(expected[t], got[t], 1e-12, "step " + (t + 1));
        }
    }

    @Test
    void adamWWithAmsgradMatchesPyTorch() {
        // torch.optim.AdamW([p], lr=0.1, amsgrad=True, weight_decay=0.1)
        double[][] expected = {{0.3950000003333333, -0.147500001}, {0.32160108862342274, -0.09492239398049455},
            {0.2636630863973491, -0.019121327110574293}, {0.2160302493738582, 0.04209438899584429}};
        Variable p = Variable.parameter(Tensor.of(0.5, -0.25));
        double[][] got = run(new AdamW(List.of(p), AdamW.options(0.1).amsgrad(true).weightDecay(0.1)), p);
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(expected[t], got[t], 1e-12, "step " + (t + 1));
        }
    }

    @Test
    void plainSgdIsPMinusLrTimesGrad() {
        Variable p = Variable.parameter(Tensor.of(1.0, 2.0));
        double[][] got = run(new SGD(List.of(p), 0.5), p);
        assertArrayEquals(new double[] {1.0 - 0.5 * 3.0, 2.0 + 0.5 * 1.0}, got[0], 0);
    }

    @Test
    void parametersWithoutGradientAreLeftAlone() {
        Variable used = Variable.parameter(Tensor.of(1.0));
        Variable unused = Variable.parameter(Tensor.of(5.0));
        Adam opt = new Adam(List.of(used, unused), 0.1);
        used.times(2.0).sum().backward();
        opt.step();
        assertEquals(Tensor.of(5.0), unused.value());
        assertTrue(used.value().getDouble(0) < 1.0);
    }

    @Test
    void stepRecordsNothingAndBumpsTheVersion() {
        Variable p = Variable.parameter(Tensor.of(1.0, 2.0));
        SGD opt = new SGD(List.of(p), 0.1);
        p.sum().backward();
        int version = p.version();
        opt.step();
        assertTrue(p.isLeaf());
        assertEquals(version + 1, p.version());
        assertTrue(GradMode.isEnabled(), "the no-grad scope must be closed after step");
    }

    @Test
    void zeroGradForgetsGradients() {
        Variable p = Variable.parameter(Tensor.of(1.0));
        SGD opt = new SGD(List.of(p), 0.1);
        p.sum().backward();
        opt.zeroGrad();
        assertNull(p.grad());
    }

    @Test
    void invalidSettingsAreRejectedWithPyTorchsWords() {
        Variable p = Variable.parameter(Tensor.of(1.0));
        assertEquals("SGD: Invalid learning rate: -0.1",
                assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p), -0.1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SGD.Options.lr(0.1).nesterov(true))
                .getMessage().contains("Nesterov momentum requires a momentum and zero dampening"));
        assertEquals("Adam: Invalid beta parameter at index 1: 1.0",
                assertThrows(IllegalArgumentException.class, () -> Adam.Options.lr(0.1).betas(0.9, 1.0)).getMessage());
        assertEquals("Adam: Invalid epsilon value: -1.0",
                assertThrows(IllegalArgumentException.class, () -> Adam.Options.lr(0.1).eps(-1)).getMessage());
        assertEquals("SGD: optimizer got an empty parameter list",
                assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(p, p), 0.1))
                .getMessage().contains("appears more than once"));
        Variable nonLeaf = p.times(2.0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(nonLeaf), 0.1))
                .getMessage().contains("can't optimize a non-leaf"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SGD(List.of(Variable.of(Tensor.of(1.0))), 0.1)).getMessage().contains("does not require grad"));
    }

    @Test
    void adamWDefaultsToWeightDecayOfOneHundredth() {
        assertEquals(0.01, AdamW.options(1e-3).weightDecay());
        assertEquals(0.0, Adam.Options.lr(1e-3).weightDecay());
        Variable p = Variable.parameter(Tensor.of(1.0));
        assertEquals(0.01, new AdamW(List.of(p), 1e-3).options().weightDecay());
    }

    @Test
    void floatParametersStayFloat32() {
        Variable p = Variable.parameter(Tensor.of(1f, 2f));
        Adam opt = new Adam(List.of(p), 0.1);
        p.times(p).sum().backward();
        opt.step();
        assertEquals(DType.FLOAT32, p.dtype());
    }

    @Test
    void stepLrDecaysEveryStepSizeEpochs() {
        SGD opt = new SGD(List.of(Variable.parameter(Tensor.of(1.0))), 0.8);
        StepLR schedule = new StepLR(opt, 3, 0.5);
        double[] lrs = new double[8];
        for (int e = 0; e < lrs.length; e++) {
            lrs[e] = opt.lr();
            schedule.step();
        }
        assertArrayEquals(new double[] {0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2, 0.2}, lrs, 1e-15);
        assertEquals(8, schedule.epoch());
        assertEquals(0.8, schedule.baseLr());
    }

    @Test
    void cosineAnnealingFollowsHalfACosine() {
        SGD opt = new SGD(List.of(Variable.parameter(Tensor.of(1.0))), 1.0);
        CosineAnnealingLR schedule = new CosineAnnealingLR(opt, 4, 0.2);
        // eta_min + (1 − eta_min)(1 + cos(π e / 4)) / 2 at e = 0..4: 1, 0.2 + 0.4(1 + √½), 0.6, 0.2 + 0.4(1 − √½), 0.2
        double[] expected = {1.0, 0.2 + 0.4 * (1 + Math.sqrt(0.5)), 0.6, 0.2 + 0.4 * (1 - Math.sqrt(0.5)), 0.2};
        for (double lr : expected) {
            assertEquals(lr, schedule.currentLr(), 1e-15);
            schedule.step();
        }
    }

    @Test
    void schedulesAreValidated() {
        SGD opt = new SGD(List.of(Variable.parameter(Tensor.of(1.0))), 1.0);
        assertThrows(IllegalArgumentException.class, () -> new StepLR(opt, 0));
        assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLR(opt, 0));
        assertSame(opt.parameters(), opt.parameters());
    }
}
