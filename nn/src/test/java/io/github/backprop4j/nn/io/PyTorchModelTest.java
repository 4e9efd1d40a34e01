package io.github.backprop4j.nn.io;

import static io.github.backprop4j.tensor.testkit.TensorKit.assertClose;
import static io.github.backprop4j.tensor.testkit.TensorKit.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.nn.Linear;
import io.github.backprop4j.nn.ReLU;
import io.github.backprop4j.nn.Sequential;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Generator;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.testkit.ReferenceFiles;
import io.github.backprop4j.testkit.Tolerance;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model PyTorch saved (reference/pytorch_linear.safetensors, described in
 * safetensors_model.json): Sequential(Linear(4, 5), ReLU(), Linear(5, 3)) in float32.
 */
class PyTorchModelTest {
    private static final JsonNode DOC = ReferenceFiles.json("/reference/safetensors_model.json");

    private static Sequential model(long seed) {
        Generator gen = new Generator(seed);
        return new Sequential(new Linear(4, 5, gen), new ReLU(), new Linear(5, 3, gen));
    }

    @Test
    void loadsPyTorchsFileExactly() {
        SafeTensors.Contents c = SafeTensors.read(ReferenceFiles.path("/reference/pytorch_linear.safetensors"));
        assertEquals(Map.of("format", "pt"), c.metadata());
        assertEquals(Map.of("0.weight", DType.FLOAT32, "0.bias", DType.FLOAT32, "2.weight", DType.FLOAT32,
                "2.bias", DType.FLOAT32), toDtypes(c.tensors()));
        DOC.get("tensors").fields().forEachRemaining(e ->
                assertEquals(tensor(e.getValue(), DType.FLOAT32), c.tensors().get(e.getKey()), e.getKey()));
    }

    private static Map<String, DType> toDtypes(Map<String, Tensor> m) {
        Map<String, DType> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.dtype()));
        return out;
    }

    @Test
    void theLoadedModelComputesPyTorchsOutput() {
        Sequential net = model(123);
        net.loadStateDict(SafeTensors.load(ReferenceFiles.path("/reference/pytorch_linear.safetensors")));
        Variable x = Variable.of(tensor(DOC.get("input"), DType.FLOAT32));
        assertClose(tensor(DOC.get("hidden_after_relu"), DType.FLOAT32), net.get(1).forward(net.get(0).forward(x)).value(),
                Tolerance.absolute(1e-6), "hidden layer");
        assertClose(tensor(DOC.get("output"), DType.FLOAT32), net.forward(x).value(), Tolerance.absolute(1e-6), "output");
    }

    @Test
    void saveThenLoadIntoAFreshModelGivesTheSameOutputs(@TempDir Path dir) {
        Sequential a = model(1);
        Path file = dir.resolve("a.safetensors");
        SafeTensors.save(file, a.stateDict());
        Sequential b = model(2);
        b.loadStateDict(SafeTensors.load(file));
        Variable x = Variable.of(Tensor.randn(new Generator(5), 6, 4));
        assertEquals(a.forward(x).value(), b.forward(x).value());
    }

    @Test
    void aFileForAnotherArchitectureIsRejectedAndNothingIsLoaded() {
        Map<String, Tensor> pytorch = SafeTensors.load(ReferenceFiles.path("/reference/pytorch_linear.safetensors"));
        Sequential wider = new Sequential(new Linear(4, 6, new Generator(0)), new ReLU(), new Linear(6, 3, new Generator(0)));
        Map<String, Tensor> before = wider.stateDict();
        String message = assertThrows(IllegalArgumentException.class, () -> wider.loadStateDict(pytorch)).getMessage();
        assertTrue(message.contains("size mismatch for 0.weight: copying a param with shape torch.Size([5, 4]) from"
                + " checkpoint, the shape in current model is torch.Size([6, 4])."), message);
        assertTrue(message.contains("size mismatch for 2.weight"), message);
        assertEquals(before, wider.stateDict());

        Sequential deeper = new Sequential(new Linear(4, 5, new Generator(0)), new ReLU(), new Linear(5, 3, new Generator(0)),
                new ReLU(), new Linear(3, 2, new Generator(0)));
        String missing = assertThrows(IllegalArgumentException.class, () -> deeper.loadStateDict(pytorch)).getMessage();
        assertTrue(missing.contains("Missing key(s) in state_dict: \"4.weight\", \"4.bias\"."), missing);

        Sequential shallow = new Sequential(new Linear(4, 5, new Generator(0)));
        String unexpected = assertThrows(IllegalArgumentException.class, () -> shallow.loadStateDict(pytorch)).getMessage();
        assertTrue(unexpected.contains("Unexpected key(s) in state_dict: \"2.weight\", \"2.bias\"."), unexpected);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(shallow.stateDict().keySet()));
    }
}
