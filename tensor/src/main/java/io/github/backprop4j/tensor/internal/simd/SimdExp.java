package io.github.backprop4j.tensor.internal.simd;

import static io.github.backprop4j.tensor.internal.FloatExp.BIAS;
import static io.github.backprop4j.tensor.internal.FloatExp.C2;
import static io.github.backprop4j.tensor.internal.FloatExp.C3;
import static io.github.backprop4j.tensor.internal.FloatExp.C4;
import static io.github.backprop4j.tensor.internal.FloatExp.C5;
import static io.github.backprop4j.tensor.internal.FloatExp.C6;
import static io.github.backprop4j.tensor.internal.FloatExp.C7;
import static io.github.backprop4j.tensor.internal.FloatExp.HIGH;
import static io.github.backprop4j.tensor.internal.FloatExp.LN2_HI;
import static io.github.backprop4j.tensor.internal.FloatExp.LN2_LO;
import static io.github.backprop4j.tensor.internal.FloatExp.LOG2E;
import static io.github.backprop4j.tensor.internal.FloatExp.LOW;
import static io.github.backprop4j.tensor.internal.FloatExp.ROUNDER;

import io.github.backprop4j.tensor.internal.FloatExp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatExp#exp(float)} in every lane: the same operations in the same order, each an
 * IEEE float operation (or an exact integer one on the exponent bits), so every lane has the
 * bits of the scalar method, in the interpreter and in C2 alike.
 */
final class SimdExp {
    private static final VectorSpecies<Float> S = SimdFloatKernels.S;
    private static final FloatVector MINUS_LN2_HI = FloatVector.broadcast(S, -LN2_HI);
    private static final FloatVector MINUS_LN2_LO = FloatVector.broadcast(S, -LN2_LO);
    private static final FloatVector V_C5 = FloatVector.broadcast(S, C5);
    private static final FloatVector V_C4 = FloatVector.broadcast(S, C4);
    private static final FloatVector V_C3 = FloatVector.broadcast(S, C3);
    private static final FloatVector V_C2 = FloatVector.broadcast(S, C2);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    private SimdExp() {
    }

    /** e^x lane by lane; see {@link FloatExp} for the steps. */
    static FloatVector exp(FloatVector x) {
        FloatVector xc = x.lanewise(VectorOperators.MAX, LOW).lanewise(VectorOperators.MIN, HIGH);
        FloatVector shifted = xc.fma(LOG2E, ROUNDER);
        FloatVector k = shifted.sub(ROUNDER);
        IntVector ki = shifted.reinterpretAsInts().sub(Float.floatToRawIntBits(ROUNDER));
        FloatVector r = k.fma(MINUS_LN2_HI, xc);
        r = k.fma(MINUS_LN2_LO, r);
        FloatVector p = r.fma(C7, C6); // r·C7 + C6, the same product as C7·r
        p = p.fma(r, V_C5);
        p = p.fma(r, V_C4);
        p = p.fma(r, V_C3);
        p = p.fma(r, V_C2);
        p = p.fma(r, ONE);
        p = p.fma(r, ONE);
        IntVector half = ki.lanewise(VectorOperators.ASHR, 1);
        FloatVector low = half.add(BIAS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector high = ki.sub(half).add(BIAS).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(low).mul(high);
    }
}
