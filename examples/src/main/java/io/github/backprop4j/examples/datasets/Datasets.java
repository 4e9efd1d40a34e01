package io.github.backprop4j.examples.datasets;

import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import java.util.List;

/** The datasets the {@code train} command knows, by name. */
public final class Datasets {
    /** Every name {@link #load} accepts, the default first. */
    public static final List<String> NAMES =
            List.of("digits", "iris", "wine", "breast-cancer", "digits-multilabel", "spiral", "moons", "xor");

    /** The attributes of a digit that {@code digits-multilabel} learns. */
    public static final List<String> DIGIT_ATTRIBUTES = List.of("even", "greater than 4", "prime", "multiple of 3");

    private Datasets() {
    }

    /**
     * The dataset called {@code name}; generated ones are drawn from {@code seed}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static LabeledData load(String name, long seed) {
        return switch (name) {
            case "digits" -> multiclass(name, CsvDatasets.read("digits.csv.gz", false,
                    List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));
            case "iris" -> multiclass(name, CsvDatasets.read("iris.csv", true, List.of()));
            case "wine" -> multiclass(name, CsvDatasets.read("wine_data.csv", true, List.of()));
            case "breast-cancer" -> binary(name, CsvDatasets.read("breast_cancer.csv", true, List.of()));
            case "digits-multilabel" -> digitsMultilabel();
            case "spiral" -> points(name, Synthetic.spiral(100, 3, new Generator(seed)), List.of("arm 0", "arm 1", "arm 2"),
                    Task.MULTICLASS);
            case "moons" -> points(name, Synthetic.moons(250, 0.1, new Generator(seed)), List.of("upper", "lower"),
                    Task.BINARY);
            case "xor" -> points(name, Synthetic.xor(500, 0.05, new Generator(seed)), List.of("different signs",
                    "same sign"), Task.BINARY);
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "' (expected one of "
                    + String.join(", ", NAMES) + ")");
        };
    }

    private static LabeledData multiclass(String name, CsvDatasets.Table t) {
        return new LabeledData(name, CsvDatasets.featureTensor(t.features()), Tensor.of(t.labels()), t.labels(),
                t.classNames(), Task.MULTICLASS);
    }

    private static LabeledData binary(String name, CsvDatasets.Table t) {
        return new LabeledData(name, CsvDatasets.featureTensor(t.features()), binaryTargets(t.labels()), t.labels(),
                t.classNames(), Task.BINARY);
    }

    private static Tensor binaryTargets(long[] labels) {
        float[] y = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = labels[i];
        }
        return Tensor.fromFlat(y, labels.length, 1);
    }

    private static LabeledData points(String name, Synthetic.Points p, List<String> classNames, Task task) {
        Tensor targets = task == Task.BINARY ? binaryTargets(p.labels()) : Tensor.of(p.labels());
        return new LabeledData(name, CsvDatasets.featureTensor(p.xy()), targets, p.labels(), classNames, task);
    }

    private static LabeledData digitsMultilabel() {
        CsvDatasets.Table t = CsvDatasets.read("digits.csv.gz", false, List.of());
        int n = t.labels().length;
        float[] y = new float[n * DIGIT_ATTRIBUTES.size()];
        for (int i = 0; i < n; i++) {
            boolean[] attributes = digitAttributes((int) t.labels()[i]);
            for (int a = 0; a < attributes.length; a++) {
                y[i * attributes.length + a] = attributes[a] ? 1 : 0;
            }
        }
        return new LabeledData("digits-multilabel", CsvDatasets.featureTensor(t.features()),
                Tensor.fromFlat(y, n, DIGIT_ATTRIBUTES.size()), t.labels(), DIGIT_ATTRIBUTES, Task.MULTILABEL);
    }

    /** Even, greater than 4, prime, multiple of 3 — facts about the digit itself. */
    static boolean[] digitAttributes(int digit) {
        boolean prime = digit == 2 || digit == 3 || digit == 5 || digit == 7;
        return new boolean[] {digit % 2 == 0, digit > 4, prime, digit % 3 == 0};
    }
}
