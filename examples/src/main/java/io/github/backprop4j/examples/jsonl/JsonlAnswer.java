package io.github.backprop4j.examples.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * One answer line of {@code loss --jsonl}, written as Python's {@code json.dumps} writes it
 * (separators {@code ", "} and {@code ": "}, non-ASCII characters escaped):
 *
 * <pre>
 * {"id": "c1", "output": {...}, "grad_input": {...}, "grad_target": {...}}
 * {"id": "c1", "error": "Target 5 is out of bounds."}
 * </pre>
 */
public sealed interface JsonlAnswer permits JsonlAnswer.Result, JsonlAnswer.Failure {

    /** The answer as one line of JSON, without the newline. */
    String toJson();

    /** A computed answer; {@code gradTarget} is present only for differentiable targets. */
    record Result(JsonNode id, Tensor output, Tensor gradInput, @Nullable Tensor gradTarget) implements JsonlAnswer {
        @Override
        public String toJson() {
            StringBuilder sb = new StringBuilder("{\"id\": ").append(JsonText.write(id))
                    .append(", \"output\": ").append(JsonTensors.write(output))
                    .append(", \"grad_input\": ").append(JsonTensors.write(gradInput));
            if (gradTarget != null) {
                sb.append(", \"grad_target\": ").append(JsonTensors.write(gradTarget));
            }
            return sb.append('}').toString();
        }
    }

    /** A request that could not be answered, with a one-line reason. */
    record Failure(JsonNode id, String message) implements JsonlAnswer {
        @Override
        public String toJson() {
            return "{\"id\": " + JsonText.write(id) + ", \"error\": " + JsonText.write(TextNode.valueOf(message)) + "}";
        }
    }
}
