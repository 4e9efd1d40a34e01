package io.github.backprop4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A float32 parameter takes Adam's fused single-loop update; its bits must equal PyTorch's
 * formula written out as float32 tensor operations, one rounding per operation, step after step.
 */
class FusedAdamTest {
    private static final int STEPS = 8;
    private static final int SIZE = 37;

    /** PyTorch's {@code _single_tensor_adam}, as float32 tensor operations (scalars rounded to float32). */
    private static Tensor[] reference(Tensor p0, Tensor[] grads, Adam.Options o, boolean decoupled) {
        Tensor p = p0;
        Tensor m = p0.zerosLike();
        Tensor v = p0.zerosLike();
        Tensor vMax = p0.zerosLike();
        Tensor[] out = new Tensor[grads.length];
        for (int t = 1; t <= grads.length; t++) {
            Tensor g = grads[t - 1];
            if (o.weightDecay() != 0) {
                if (decoupled) {
                    p = p.times(1 - o.lr() * o.weightDecay());
                } else {
                    g = g.plus(p.times(o.weightDecay()));
                }
            }
            m = m.times(o.beta1()).plus(g.times(1 - o.beta1()));
            v = v.times(o.beta2()).plus(g.times(g).times(1 - o.beta2()));
            Tensor denomBase = v;
            if (o.amsgrad()) {
                vMax = vMax.maximum(v);
                denomBase = vMax;
            }
            double stepSize = o.lr() / (1 - Math.pow(o.beta1(), t));
            double correction2 = Math.sqrt(1 - Math.pow(o.beta2(), t));
            Tensor denominator = denomBase.sqrt().div(correction2).plus(o.eps());
            p = p.minus(m.div(denominator).times(stepSize));
            out[t - 1] = p;
        }
        return out;
    }

    private static void assertSameBits(Adam.Options o, boolean decoupled) {
        Random random = new Random(10);
        double[] start = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            start[i] = random.nextGaussian();
        }
        Tensor p0 = Tensor.of(start).to(DType.FLOAT32);
        Tensor[] grads = new Tensor[STEPS];
        for (int t = 0; t < STEPS; t++) {
            double[] g = new double[SIZE];
            for (int i = 0; i < SIZE; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 4);
            }
            grads[t] = Tensor.of(g).to(DType.FLOAT32);
        }
        Tensor[] expected = reference(p0, grads, o, decoupled);

        Variable p = Variable.parameter(p0);
        Optimizer opt = decoupled ? new AdamW(List.of(p), o) : new Adam(List.of(p), o);
        for (int t = 0; t < STEPS; t++) {
            opt.zeroGrad();
            p.times(Variable.of(grads[t])).sum().backward();
            opt.step();
            assertArrayEquals(bits(expected[t]), bits(p.value()), "step " + (t + 1));
        }
    }

    private static int[] bits(Tensor t) {
        double[] values = t.toDoubleArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits((float) values[i]);
        }
        return out;
    }

    @Test
    void adam() {
        assertSameBits(Adam.Options.lr(0.003), false);
    }

    @Test
    void adamWithL2AndAmsgrad() {
        assertSameBits(Adam.Options.lr(0.01).weightDecay(0.1).amsgrad(true).betas(0.8, 0.99).eps(1e-6), false);
    }

    @Test
    void adamW() {
        assertSameBits(AdamW.options(0.02), true);
    }

    @Test
    void adamWWithAmsgrad() {
        assertSameBits(AdamW.options(0.05).amsgrad(true).weightDecay(0.3), true);
    }
}
