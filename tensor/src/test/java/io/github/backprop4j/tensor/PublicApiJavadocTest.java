package io.github.backprop4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.backprop4j.testkit.JavadocLint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public and protected member of the tensor module's exported packages is documented. */
class PublicApiJavadocTest {
    @Test
    void javadocReportsNothingWithEveryDoclintCheck() {
        assertEquals(List.of(), JavadocLint.problems("io.github.backprop4j.tensor"));
    }
}
