package io.github.backprop4j.examples.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The datasets match the sizes their sources document (datasets/NOTICE.md). */
class DatasetsTest {
    @ParameterizedTest
    @CsvSource({
        "digits, 1797, 64, 10, MULTICLASS",
        "iris, 150, 4, 3, MULTICLASS",
        "wine, 178, 13, 3, MULTICLASS",
        "breast-cancer, 569, 30, 2, BINARY",
        "digits-multilabel, 1797, 64, 10, MULTILABEL",
        "spiral, 300, 2, 3, MULTICLASS",
        "moons, 500, 2, 2, BINARY",
        "xor, 500, 2, 2, BINARY",
    })
    void sizesMatchTheSources(String name, int samples, int features, int classes, Task task) {
        LabeledData d = Datasets.load(name, 0);
        assertEquals(Shape.of(samples, features), d.features().shape());
        assertEquals(DType.FLOAT32, d.features().dtype());
        assertEquals(task, d.task());
        assertEquals(samples, d.strata().length);
        assertEquals(classes, Arrays.stream(d.strata()).distinct().count());
        if (task == Task.MULTICLASS) {
            assertEquals(DType.INT64, d.targets().dtype());
            assertEquals(Shape.of(samples), d.targets().shape());
        } else {
            assertEquals(Shape.of(samples, d.outputCount()), d.targets().shape());
        }
    }

    @Test
    void firstIrisRowIsFishersFirstFlower() {
        LabeledData iris = Datasets.load("iris", 0);
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, iris.features().get(0).toFloatArray());
        assertEquals(0, iris.strata()[0]);
        assertEquals(java.util.List.of("setosa", "versicolor", "virginica"), iris.classNames());
    }

    @Test
    void digitAttributesAreFactsAboutTheDigit() {
        // even, > 4, prime, multiple of 3
        assertArrayEquals(new boolean[] {true, false, false, true}, Datasets.digitAttributes(0));
        assertArrayEquals(new boolean[] {false, false, true, true}, Datasets.digitAttributes(3));
        assertArrayEquals(new boolean[] {false, true, true, false}, Datasets.digitAttributes(7));
        assertArrayEquals(new boolean[] {true, true, false, true}, Datasets.digitAttributes(6));
        LabeledData d = Datasets.load("digits-multilabel", 0);
        for (int i = 0; i < 50; i++) {
            boolean[] expected = Datasets.digitAttributes((int) d.strata()[i]);
            float[] row = d.targets().get(i).toFloatArray();
            for (int a = 0; a < expected.length; a++) {
                assertEquals(expected[a] ? 1f : 0f, row[a]);
            }
        }
    }

    @Test
    void xorLabelsFollowTheSignsAndKeepAwayFromTheAxes() {
        LabeledData d = Datasets.load("xor", 3);
        float[] xy = d.features().toFloatArray();
        for (int i = 0; i < d.size(); i++) {
            float x = xy[2 * i];
            float y = xy[2 * i + 1];
            assertTrue(Math.abs(x) >= 0.05f && Math.abs(y) >= 0.05f);
            assertEquals((x > 0) == (y > 0) ? 1 : 0, d.strata()[i]);
        }
    }

    @Test
    void generatedSetsDependOnlyOnTheSeed() {
        assertEquals(Datasets.load("spiral", 5).features(), Datasets.load("spiral", 5).features());
        assertTrue(!Datasets.load("moons", 5).features().equals(Datasets.load("moons", 6).features()));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("mnist", 0));
        assertTrue(e.getMessage().contains("digits, iris, wine"));
    }
}
