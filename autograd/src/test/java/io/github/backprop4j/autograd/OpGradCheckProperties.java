package io.github.backprop4j.autograd;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * gradcheck (and gradgradcheck) on every differentiable Variable operation, over random shapes
 * (rank 0–3, sizes 1–3, so size-1 and broadcast dims are frequent) and random float64 values.
 * One test per case of {@link OpCases}; {@link OpCoverageTest} makes sure none is missing.
 */
class OpGradCheckProperties {
    private static final int EXAMPLES = 60;
    private static final int SECOND_ORDER_EXAMPLES = 15;

    private static Gen<int[]> shapes(int maxSize) {
        return Generate.intArrays(integers().between(0, 3), integers().between(1, maxSize))
                .describedAs(Arrays::toString);
    }

    /** Runs the case's gradcheck over random shapes and seeds, then gradgradcheck on smaller shapes. */
    static void check(String name) {
        OpCases.OpCase c = OpCases.ALL.get(name);
        qt().withFixedSeed(name.hashCode()).withExamples(EXAMPLES)
                .forAll(shapes(3), longs().all())
                .checkAssert((shape, seed) -> run(c, shape, seed, false));
        qt().withFixedSeed(~name.hashCode()).withExamples(SECOND_ORDER_EXAMPLES)
                .forAll(shapes(2), longs().all())
                .checkAssert((shape, seed) -> run(c, shape, seed, true));
    }

    private static void run(OpCases.OpCase c, int[] shape, long seed, boolean secondOrder) {
        OpCases.Instance in = c.instance(shape, new Random(seed));
        try {
            if (!secondOrder) {
                GradCheck.gradcheck(in.f(), in.inputs(), in.options());
            } else if (in.secondOrder()) {
                GradCheck.gradgradcheck(in.f(), in.inputs(), in.options());
            }
        } catch (RuntimeException e) {
            throw new AssertionError(c.name() + ": " + in.description() + " with inputs of shapes "
                    + in.inputs().stream().map(t -> t.shape().toString()).toList() + ": " + e.getMessage(), e);
        }
    }

    @Test
    void plus() {
        check("plus");
    }

    @Test
    void minus() {
        check("minus");
    }

    @Test
    void times() {
        check("times");
    }

    @Test
    void div() {
        check("div");
    }

    @Test
    void scalarArithmetic() {
        check("scalarArithmetic");
    }

    @Test
    void unaryMinus() {
        check("unaryMinus");
    }

    @Test
    void pow() {
        check("pow");
    }

    @Test
    void powScalar() {
        check("powScalar");
    }

    @Test
    void exp() {
        check("exp");
    }

    @Test
    void log() {
        check("log");
    }

    @Test
    void log1p() {
        check("log1p");
    }

    @Test
    void expm1() {
        check("expm1");
    }

    @Test
    void sqrt() {
        check("sqrt");
    }

    @Test
    void tanh() {
        check("tanh");
    }

    @Test
    void sigmoid() {
        check("sigmoid");
    }

    @Test
    void logSigmoid() {
        check("logSigmoid");
    }

    @Test
    void abs() {
        check("abs");
    }

    @Test
    void relu() {
        check("relu");
    }

    @Test
    void clamp() {
        check("clamp");
    }

    @Test
    void maximum() {
        check("maximum");
    }

    @Test
    void minimum() {
        check("minimum");
    }

    @Test
    void where() {
        check("where");
    }

    @Test
    void maskedFill() {
        check("maskedFill");
    }

    @Test
    void sum() {
        check("sum");
    }

    @Test
    void sumDims() {
        check("sumDims");
    }

    @Test
    void sumDim() {
        check("sumDim");
    }

    @Test
    void mean() {
        check("mean");
    }

    @Test
    void meanDims() {
        check("meanDims");
    }

    @Test
    void sumTo() {
        check("sumTo");
    }

    @Test
    void max() {
        check("max");
    }

    @Test
    void min() {
        check("min");
    }

    @Test
    void maxDim() {
        check("maxDim");
    }

    @Test
    void minDim() {
        check("minDim");
    }

    @Test
    void logsumexp() {
        check("logsumexp");
    }

    @Test
    void expand() {
        check("expand");
    }

    @Test
    void reshape() {
        check("reshape");
    }

    @Test
    void permute() {
        check("permute");
    }

    @Test
    void transpose() {
        check("transpose");
    }

    @Test
    void t() {
        check("t");
    }

    @Test
    void squeeze() {
        check("squeeze");
    }

    @Test
    void squeezeDim() {
        check("squeezeDim");
    }

    @Test
    void unsqueeze() {
        check("unsqueeze");
    }

    @Test
    void narrow() {
        check("narrow");
    }

    @Test
    void slice() {
        check("slice");
    }

    @Test
    void select() {
        check("select");
    }

    @Test
    void get() {
        check("get");
    }

    @Test
    void cat() {
        check("cat");
    }

    @Test
    void stack() {
        check("stack");
    }

    @Test
    void gather() {
        check("gather");
    }

    @Test
    void scatterAdd() {
        check("scatterAdd");
    }

    @Test
    void indexSelect() {
        check("indexSelect");
    }

    @Test
    void to() {
        check("to");
    }

    @Test
    void matmul() {
        check("matmul");
    }
}
