package io.github.backprop4j.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.github.backprop4j.testkit.Gens.qt;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.Gens;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Malformed calls — mismatched shapes, out-of-range targets, wrong dtypes, odd weights, any dim —
 * either compute or fail with a {@link LossException} naming the op; never another exception
 * (no ArrayIndexOutOfBoundsException, no NullPointerException), and a result always has the
 * input's dtype.
 */
class RobustnessProperties {
    private static final LossKind[] KINDS = LossKind.values();

    private static int[] randomShape(Random r) {
        int[] s = new int[r.nextInt(5)];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt(4);
        }
        return s;
    }

    /** Often the same shape as {@code like}, sometimes a variation of it, sometimes anything. */
    private static int[] relatedShape(Random r, int[] like) {
        return switch (r.nextInt(4)) {
            case 0 -> like.clone();
            case 1 -> like.length > 1 ? removeDim(like, r.nextInt(like.length)) : like.clone();
            case 2 -> like.length > 0 ? Arrays.copyOfRange(like, 1, like.length) : like.clone();
            default -> randomShape(r);
        };
    }

    private static int[] removeDim(int[] s, int d) {
        int[] out = new int[s.length - 1];
        for (int i = 0, k = 0; i < s.length; i++) {
            if (i != d) {
                out[k++] = s[i];
            }
        }
        return out;
    }

    private static Tensor randomTensor(Random r, int[] shape, DType dtype) {
        double[] v = new double[Gens.numel(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = dtype == DType.INT64 ? r.nextInt(7) - 2 : (r.nextBoolean() ? r.nextDouble() : r.nextGaussian() * 3);
        }
        return Tensor.fromFlat(dtype, v, shape);
    }

    /** {@code o} without the options {@code kind} does not have (they are set to their defaults). */
    private static LossOptions onlyAccepted(LossKind kind, LossOptions o) {
        LossOptions d = LossOptions.defaults();
        return new LossOptions(kind.accepts("weight") ? o.weight() : null,
                kind.accepts("ignore_index") ? o.ignoreIndex() : d.ignoreIndex(), o.reduction(),
                kind.accepts("label_smoothing") ? o.labelSmoothing() : d.labelSmoothing(),
                kind.accepts("pos_weight") ? o.posWeight() : null);
    }

    /** A call of {@code kind} with input, target, options and dim that may or may not make sense. */
    record Call(LossKind kind, Tensor input, Tensor target, LossOptions options, int dim) {
        static Call draw(Random r) {
            LossKind kind = KINDS[r.nextInt(KINDS.length)];
            String op = kind.pytorchName();
            DType dtype = r.nextInt(10) == 0 ? DType.INT64 : (r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64);
            int[] inShape = randomShape(r);
            Tensor input = randomTensor(r, inShape, dtype);
            DType targetType = r.nextInt(3) == 0 ? DType.INT64 : (r.nextInt(5) == 0 ? DType.FLOAT64 : dtype);
            if (!targetType.isFloatingPoint() && !op.endsWith("entropy") && op.startsWith("binary")) {
                targetType = dtype;
            }
            Tensor target = randomTensor(r, relatedShape(r, inShape), targetType);
            LossOptions o = LossOptions.defaults().withReduction(Reduction.values()[r.nextInt(3)]);
            DType wType = r.nextInt(6) == 0 ? DType.FLOAT64 : (dtype.isFloatingPoint() ? dtype : DType.FLOAT32);
            if (r.nextBoolean()) {
                o = o.withWeight(randomTensor(r, r.nextBoolean() && inShape.length > 1 ? new int[] {inShape[1]}
                        : relatedShape(r, inShape), wType));
            }
            if (r.nextInt(3) == 0) {
                o = o.withIgnoreIndex(r.nextInt(5) - 2);
            }
            if (kind.accepts("label_smoothing") && r.nextBoolean()) {
                o = o.withLabelSmoothing(r.nextDouble() * 1.4 - 0.2);
            }
            if (kind.accepts("pos_weight") && r.nextBoolean()) {
                o = o.withPosWeight(randomTensor(r, relatedShape(r, inShape), wType));
            }
            return new Call(kind, input, target, onlyAccepted(kind, o), r.nextInt(9) - 4);
        }

        @Override
        public String toString() {
            return kind.pytorchName() + " on input " + input.shape() + " " + input.dtype() + " " + input + ", target "
                    + target.shape() + " " + target.dtype() + " " + target + ", " + options + ", dim " + dim;
        }
    }

    @Test
    void malformedInputFailsWithALossExceptionOnly() {
        Set<LossKind> computed = EnumSet.noneOf(LossKind.class);
        Set<LossKind> differentiated = EnumSet.noneOf(LossKind.class);
        qt(21, 20000).forAll(Gens.fromRandom(Call::draw)).checkAssert(c -> {
            LossKind kind = c.kind();
            String op = kind.pytorchName();
            Variable input = Variable.of(c.input());
            Variable target = Variable.of(c.target());
            LossOptions o = c.options();
            int dim = c.dim();
            DType dtype = c.input().dtype();
            try {
                Variable out = kind.apply(input, target, o, dim);
                assertEquals(dtype, out.dtype(), op + ": result dtype");
                computed.add(kind);
                if (out.value().numel() == 1) {
                    // the same call differentiated, with respect to the input and any differentiable target,
                    // must not fail either, and must give gradients of the inputs' shapes
                    Variable x = Variable.parameter(input.value());
                    boolean targetGrad = kind.takesTarget()
                            && kind.targetIsDifferentiable(input.value(), target.value());
                    Variable t = targetGrad ? Variable.parameter(target.value()) : target;
                    kind.apply(x, t, o, dim).sum().backward();
                    assertEquals(x.shape(), x.grad().shape(), op + ": input gradient shape");
                    if (targetGrad) {
                        assertEquals(t.shape(), t.grad().shape(), op + ": target gradient shape");
                    }
                    differentiated.add(kind);
                }
            } catch (LossException e) {
                if (!e.getMessage().startsWith(op + ": ")) {
                    throw new AssertionError("message should start with '" + op + ": ': " + e.getMessage(), e);
                }
            } catch (RuntimeException e) {
                throw new AssertionError(c + " threw " + e, e);
            }
        });
        assertEquals(EnumSet.allOf(LossKind.class), computed, "every loss computed at least once");
        assertEquals(EnumSet.allOf(LossKind.class), differentiated, "every loss differentiated at least once");
    }
}
