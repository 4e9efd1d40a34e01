package io.github.backprop4j.examples.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.backprop4j.losses.LossKind;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import org.jspecify.annotations.Nullable;

/**
 * One request line of {@code loss --jsonl}, read but not yet evaluated (docs/spec/cli.md):
 *
 * <pre>
 * {"id": "c1", "op": "cross_entropy", "dtype": "float32",
 *  "input": {"shape": [2, 3], "data": [...]},
 *  "target": {"shape": [2], "data": [0, 2]}, "target_dtype": "int64",
 *  "options": {"reduction": "mean", "weight": {...}, "ignore_index": -100, "label_smoothing": 0.1},
 *  "grad_output": {"shape": [], "data": [1.0]}}
 * </pre>
 *
 * <p>Defaults: {@code dtype} float32; {@code target_dtype} int64 for {@code nll_loss}, and for
 * {@code cross_entropy} when the target's shape differs from the input's (class indices), else
 * the same as {@code dtype}; options as in PyTorch; {@code grad_output} ones. Fields this
 * program does not know are ignored; options an op does not take are errors, as in PyTorch.
 *
 * @param id         the request's id, echoed in the answer (JSON null when absent)
 * @param op         the op
 * @param input      the input, of {@code dtype}
 * @param target     the target, or null for the softmax ops
 * @param options    the options as given (absent keys are absent)
 * @param gradOutput the upstream gradient as given, or null; read once the output's dtype is known
 */
public record LossRequest(JsonNode id, LossKind op, DType dtype, Tensor input, @Nullable Tensor target,
                          RequestOptions options, @Nullable JsonNode gradOutput) {

    /** Reads a request; throws {@link RequestException} naming the first malformed field. */
    public static LossRequest read(JsonNode json) {
        if (!json.isObject()) {
            throw new RequestException("a request must be a JSON object, got " + kind(json));
        }
        JsonNode id = json.hasNonNull("id") ? json.get("id") : NullNode.getInstance();
        LossKind op = parseOp(text(json, "op", null));
        DType dtype = floatDType(text(json, "dtype", "float32"), "dtype");
        Tensor input = JsonTensors.read(required(json, "input"), dtype, "input");

        Tensor target = null;
        JsonNode targetJson = json.get("target");
        if (op.takesTarget()) {
            if (targetJson == null || targetJson.isNull()) {
                throw new RequestException(op.pytorchName() + "() missing 1 required positional argument: 'target'");
            }
            DType targetDType = targetDType(json, op, dtype, input, targetJson);
            target = JsonTensors.read(targetJson, targetDType, "target");
        } else if (targetJson != null && !targetJson.isNull()) {
            throw new RequestException(op.pytorchName() + "() takes no target");
        }

        RequestOptions options = RequestOptions.read(json.get("options"), op, dtype);
        JsonNode gradOutput = json.hasNonNull("grad_output") ? json.get("grad_output") : null;
        return new LossRequest(id, op, dtype, input, target, options, gradOutput);
    }

    /** The loss called {@code name} in requests, by its PyTorch name, e.g. {@code cross_entropy}. */
    private static LossKind parseOp(String name) {
        return LossKind.byPytorchName(name).orElseThrow(() -> new RequestException(
                "unknown op '" + name + "' (expected one of " + LossKind.pytorchNames(", ") + ")"));
    }

    /** The id of a request that may be malformed: its "id" if it has one, else JSON null. */
    public static JsonNode idOf(@Nullable JsonNode json) {
        return json != null && json.isObject() && json.hasNonNull("id") ? json.get("id") : NullNode.getInstance();
    }

    private static DType targetDType(JsonNode json, LossKind op, DType dtype, Tensor input, JsonNode targetJson) {
        if (json.hasNonNull("target_dtype")) {
            String name = text(json, "target_dtype", null);
            return switch (name) {
                case "int64" -> DType.INT64;
                case "float32" -> DType.FLOAT32;
                case "float64" -> DType.FLOAT64;
                default -> throw new RequestException(
                        "target_dtype must be int64, float32 or float64, got '" + name + "'");
            };
        }
        boolean indices = op == LossKind.NLL
                || op == LossKind.CROSS_ENTROPY && !sameShape(targetJson.get("shape"), input);
        return indices ? DType.INT64 : dtype;
    }

    private static boolean sameShape(@Nullable JsonNode shape, Tensor input) {
        if (shape == null || !shape.isArray() || shape.size() != input.dim()) {
            return false;
        }
        for (int i = 0; i < shape.size(); i++) {
            if (shape.get(i).asLong(-1) != input.size(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code float32} or {@code float64}. */
    static DType floatDType(String name, String field) {
        return switch (name) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw new RequestException(field + " must be float32 or float64, got '" + name + "'");
        };
    }

    private static JsonNode required(JsonNode json, String field) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            throw new RequestException("missing \"" + field + "\"");
        }
        return v;
    }

    /** A string field; {@code fallback} when absent (null: the field is required). */
    private static String text(JsonNode json, String field, @Nullable String fallback) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw new RequestException("missing \"" + field + "\"");
            }
            return fallback;
        }
        if (!v.isTextual()) {
            throw new RequestException("\"" + field + "\" must be a string, got " + kind(v));
        }
        return v.asText();
    }

    static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
