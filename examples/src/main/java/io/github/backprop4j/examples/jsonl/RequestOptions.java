package io.github.backprop4j.examples.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.losses.LossKind;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code options} object of a request, as given: null where a key is absent (or JSON null),
 * which means PyTorch's default.
 *
 * <p>The legacy {@code size_average} / {@code reduce} flags are honoured as PyTorch does
 * (docs/spec/losses.md §1.2): if either is given, they decide the reduction and
 * {@code reduction} is not looked at.
 */
public record RequestOptions(@Nullable Long dim, @Nullable String reduction, @Nullable Tensor weight,
                             @Nullable Long ignoreIndex, @Nullable Double labelSmoothing,
                             @Nullable Tensor posWeight, @Nullable Boolean sizeAverage, @Nullable Boolean reduce) {

    /** Reads {@code json} (may be null) for {@code op}; tensors get {@code dtype}. */
    static RequestOptions read(@Nullable JsonNode json, LossKind op, DType dtype) {
        if (json == null || json.isNull()) {
            return new RequestOptions(null, null, null, null, null, null, null, null);
        }
        if (!json.isObject()) {
            throw new RequestException("\"options\" must be an object, got " + LossRequest.kind(json));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            String key = it.next().getKey();
            if (!op.options().contains(key)) {
                throw new RequestException(op.pytorchName() + "() got an unexpected keyword argument '" + key + "'");
            }
        }
        JsonNode dim = present(json, "dim");
        JsonNode reduction = present(json, "reduction");
        JsonNode weight = present(json, "weight");
        JsonNode ignoreIndex = present(json, "ignore_index");
        JsonNode labelSmoothing = present(json, "label_smoothing");
        JsonNode posWeight = present(json, "pos_weight");
        JsonNode sizeAverage = present(json, "size_average");
        JsonNode reduce = present(json, "reduce");
        return new RequestOptions(
                dim == null ? null : JsonTensors.readLong(dim, "options.dim"),
                reduction == null ? null : string(reduction, "options.reduction"),
                weight == null ? null : JsonTensors.read(weight, dtype, "options.weight"),
                ignoreIndex == null ? null : JsonTensors.readLong(ignoreIndex, "options.ignore_index"),
                labelSmoothing == null ? null : number(labelSmoothing, "options.label_smoothing"),
                posWeight == null ? null : JsonTensors.read(posWeight, dtype, "options.pos_weight"),
                sizeAverage == null ? null : bool(sizeAverage, "options.size_average"),
                reduce == null ? null : bool(reduce, "options.reduce"));
    }

    /**
     * The reduction's name: from the legacy flags when either is given (None counts as True:
     * reduce False gives none, else size_average False gives sum, else mean), otherwise
     * {@code reduction}, default {@code mean}. Not validated here.
     */
    public String reductionName() {
        if (sizeAverage != null || reduce != null) {
            if (Boolean.FALSE.equals(reduce)) {
                return "none";
            }
            return Boolean.FALSE.equals(sizeAverage) ? "sum" : "mean";
        }
        return reduction == null ? "mean" : reduction;
    }

    /** The loss options with {@code reductionValue} and every other option given or defaulted. */
    public LossOptions toLossOptions(Reduction reductionValue) {
        LossOptions o = LossOptions.defaults().withReduction(reductionValue);
        if (weight != null) {
            o = o.withWeight(weight);
        }
        if (ignoreIndex != null) {
            o = o.withIgnoreIndex(ignoreIndex);
        }
        if (labelSmoothing != null) {
            o = o.withLabelSmoothing(labelSmoothing);
        }
        if (posWeight != null) {
            o = o.withPosWeight(posWeight);
        }
        return o;
    }

    private static @Nullable JsonNode present(JsonNode json, String key) {
        JsonNode v = json.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private static String string(JsonNode v, String what) {
        if (!v.isTextual()) {
            throw new RequestException(what + " must be a string, got " + LossRequest.kind(v));
        }
        return v.asText();
    }

    private static double number(JsonNode v, String what) {
        if (!v.isNumber()) {
            throw new RequestException(what + " must be a number, got " + LossRequest.kind(v));
        }
        return v.asDouble();
    }

    private static boolean bool(JsonNode v, String what) {
        if (!v.isBoolean()) {
            throw new RequestException(what + " must be true, false or null, got " + LossRequest.kind(v));
        }
        return v.asBoolean();
    }
}
