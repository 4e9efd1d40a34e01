package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.backprop4j.nn.io.SafeTensors;
import io.github.backprop4j.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code backprop4j train}: each dataset's default run reaches the accuracy goal of issue 5. */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode lastJsonLine(Cli.Run run) throws Exception {
        String[] lines = run.out().strip().split("\\R");
        return JSON.readTree(lines[lines.length - 1]);
    }

    @ParameterizedTest(name = "{0}: {1} >= {2}")
    @CsvSource({
        "digits, test_accuracy, 0.96",
        "iris, test_accuracy, 0.95",
        "wine, test_accuracy, 0.95",
        "breast-cancer, test_accuracy, 0.95",
        "digits-multilabel, test_f1_micro, 0.95",
        "spiral, train_accuracy, 0.98",
        "moons, test_accuracy, 0.97",
        "xor, test_accuracy, 0.97",
    })
    void defaultRunReachesTheGoal(String dataset, String metric, double goal) throws Exception {
        Cli.Run run = Cli.run("train", "--dataset", dataset, "--json");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode summary = lastJsonLine(run);
        assertEquals(dataset, summary.get("dataset").asText());
        assertTrue(summary.get(metric).asDouble() >= goal,
                () -> dataset + ": " + metric + " " + summary.get(metric) + " is below " + goal + "\n" + run);
        int epochs = summary.get("epochs").asInt();
        long epochLines = run.out().lines().filter(l -> l.startsWith("epoch ")).count();
        assertEquals(epochs, epochLines, "one summary line per epoch");
        for (String field : new String[] {"final_loss", "train_accuracy", "test_accuracy", "seconds"}) {
            assertTrue(summary.get(field).isNumber(), field + " missing from " + summary);
        }
    }

    @Test
    void plotIsAPngWithCurvesAndDecisionRegionsForTwoDimensionalData(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("plots/moons.png");
        Cli.Run run = Cli.run("train", "--dataset", "moons", "--epochs", "3", "--plot", png.toString());
        assertEquals(0, run.exitCode(), run::toString);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(3 * image.getHeight(), image.getWidth(), "loss, accuracy and decision-region panels");
    }

    @Test
    void plotOfHigherDimensionalDataHasTwoPanels(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("iris.png");
        assertEquals(0, Cli.run("train", "--dataset", "iris", "--epochs", "2", "--plot", png.toString()).exitCode());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2 * image.getHeight(), image.getWidth());
    }

    @Test
    void savedWeightsLoadWithTheLayersShapes(@TempDir Path dir) {
        Path file = dir.resolve("iris.safetensors");
        Cli.Run run = Cli.run("train", "--dataset", "iris", "--epochs", "2", "--hidden", "8,6", "--save", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        Map<String, Tensor> weights = SafeTensors.load(file);
        assertEquals(io.github.backprop4j.tensor.Shape.of(8, 4), weights.get("0.weight").shape());
        assertEquals(io.github.backprop4j.tensor.Shape.of(6, 8), weights.get("2.weight").shape());
        assertEquals(io.github.backprop4j.tensor.Shape.of(3, 6), weights.get("4.weight").shape());
        assertEquals(io.github.backprop4j.tensor.Shape.of(3), weights.get("4.bias").shape());
        assertEquals(6, weights.size());
    }

    @Test
    void sameSeedGivesTheSameRunAndFlagsOverrideDefaults() throws Exception {
        JsonNode a = lastJsonLine(Cli.run("train", "--dataset", "xor", "--epochs", "2", "--seed", "7", "--json"));
        JsonNode b = lastJsonLine(Cli.run("train", "--dataset", "xor", "--epochs", "2", "--seed", "7", "--json"));
        assertEquals(2, a.get("epochs").asInt());
        assertEquals(a.get("final_loss").asDouble(), b.get("final_loss").asDouble());
        assertEquals(a.get("test_accuracy").asDouble(), b.get("test_accuracy").asDouble());
    }

    @Test
    void badFlagsAreUsageErrors() {
        for (String[] args : new String[][] {
            {"train", "--dataset", "mnist"},
            {"train", "--epochs", "0"},
            {"train", "--lr", "-1"},
            {"train", "--optimizer", "rmsprop"},
            {"train", "--hidden", "64,x"},
            {"train", "--batch-size", "many"},
        }) {
            Cli.Run run = Cli.run(args);
            assertEquals(2, run.exitCode(), () -> String.join(" ", args) + "\n" + run);
            assertEquals(1, run.err().strip().lines().count(), () -> "one line on stderr: " + run);
        }
    }

    @Test
    void unwritablePlotIsBadInput(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        Cli.Run run = Cli.run("train", "--dataset", "xor", "--epochs", "1", "--plot", blocker.resolve("p.png").toString());
        assertEquals(1, run.exitCode(), run::toString);
    }

    @Test
    void helpListsEveryDataset() {
        Cli.Run run = Cli.run("train", "--help");
        assertEquals(0, run.exitCode());
        for (String name : new String[] {"digits", "iris", "wine", "breast-cancer", "digits-multilabel", "spiral",
            "moons", "xor", "--plot", "--save", "--json"}) {
            assertTrue(run.out().contains(name), name);
        }
    }
}
