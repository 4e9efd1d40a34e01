package io.github.backprop4j.tensor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.Vectorization;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The kernel choice of {@link Kernels}: the surefire execution started with
 * {@code --add-modules jdk.incubator.vector} sets {@code backprop4j.test.expectSimd=true}, the
 * plain one {@code false}; run elsewhere (an IDE), the expectation follows from the JVM itself.
 */
class VectorizationTest {

    private static boolean expectSimd() {
        String expected = System.getProperty("backprop4j.test.expectSimd");
        if (expected != null) {
            return Boolean.parseBoolean(expected);
        }
        return Kernels.vectorModule().isPresent() && !"false".equals(System.getProperty(Kernels.PROPERTY));
    }

    @Test
    void theActiveKernelsAreTheOnesThisJvmWasStartedFor() {
        boolean simd = expectSimd();
        assertEquals(simd, Vectorization.isSimdEnabled(), Vectorization.describe());
        assertEquals(simd, Kernels.vectorModule().isPresent(), "the vector module is present exactly in the SIMD run");
        assertEquals(simd ? "SimdFloatKernels" : "FloatKernels", Kernels.active().getClass().getSimpleName());
        assertTrue(Vectorization.describe().startsWith(simd ? "kernels: SIMD (jdk.incubator.vector, "
                : "kernels: plain Java; module jdk.incubator.vector not present"), Vectorization.describe());
    }

    @Test
    void thePropertyFalseKeepsThePlainKernelsEvenWithTheModule() {
        Kernels.Choice off = Kernels.choose("false", Kernels.vectorModule());
        assertSame(Kernels.plain(), off.kernels());
        assertEquals("SIMD turned off by -Dbackprop4j.simd=false", off.reason());
        Kernels.Choice on = Kernels.choose(null, Kernels.vectorModule());
        assertEquals(expectSimd(), on.kernels() != Kernels.plain(), on.reason());
    }

    @Test
    void withoutTheModuleThePlainKernelsAreUsedAndTheFlagIsNamed() {
        Kernels.Choice c = Kernels.choose("true", Optional.empty());
        assertSame(Kernels.plain(), c.kernels());
        assertTrue(c.reason().contains("--add-modules jdk.incubator.vector"), c.reason());
    }

    @Test
    void simdKernelsAreAvailableForComparisonExactlyWhenTheModuleIs() {
        assertEquals(expectSimd(), Kernels.simd() != null);
    }
}
