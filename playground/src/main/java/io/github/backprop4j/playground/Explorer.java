package io.github.backprop4j.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.backprop4j.examples.Main;
import io.github.backprop4j.examples.jsonl.JsonlAnswer;
import io.github.backprop4j.examples.jsonl.JsonlSession;
import io.github.backprop4j.examples.jsonl.LossRequest;
import io.github.backprop4j.examples.literal.TensorLiteral;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loss explorer's answer to its page's state ({@code loss}, {@code input}, {@code target} and
 * the options, named and written as {@code explain} takes them):
 *
 * <ol>
 *   <li>the text {@code backprop4j explain} prints, by running that very command — or, for bad
 *       input, its one-line error and the field it names;</li>
 *   <li>the same computation as a {@code loss --jsonl} request, answered by the code that answers
 *       {@code POST /api/loss}: the loss as PyTorch prints it, and the input's gradient;</li>
 *   <li>the autograd graph ({@link LossGraph}).</li>
 * </ol>
 */
final class Explorer {
    /** The option names of the page and the URL: explain's, without the dashes. */
    static final List<String> FIELDS = List.of("input", "target", "weight", "ignore-index", "reduction",
            "label-smoothing", "pos-weight", "dim", "dtype");

    private static final Pattern NAMED_OPTION = Pattern.compile("^backprop4j explain: (--[a-z-]+)");
    /** explain's last line in either language: "largest |closed form − autograd| = …", "|闭式解 − autograd| 的最大值 = …". */
    private static final Pattern LARGEST = Pattern.compile("\\|[^|\\n]+ − autograd\\|[^=\\n]* = (\\S+)");

    private Explorer() {
    }

    /** The answer for the page's parameters; a 400 {@link Exchange.HttpError} carries explain's error. */
    static ObjectNode explain(Map<String, String> params) {
        String loss = params.getOrDefault("loss", "cross-entropy");
        String lang = params.getOrDefault("lang", "en");
        List<String> args = new ArrayList<>(List.of("explain", loss));
        for (String field : FIELDS) {
            String value = params.get(field);
            if (value != null && !value.isBlank()) {
                args.add("--" + field);
                args.add(value.strip());
            }
        }
        args.add("--lang");
        args.add(lang.equals("zh") ? "zh" : "en");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err));
        if (exit != 0) {
            String line = err.toString().lines().findFirst().orElse("backprop4j explain: failed");
            Matcher m = NAMED_OPTION.matcher(line);
            throw new FieldError(m.find() ? m.group(1).substring(2) : "loss", line);
        }
        LossCatalog.Loss chosen = LossCatalog.named(loss).orElseThrow();
        ObjectNode result = Exchange.JSON.createObjectNode();
        String text = out.toString();
        result.put("text", text);
        Matcher largest = LARGEST.matcher(text);
        result.put("largestDifference", largest.find() ? largest.group(1) : "");

        String request = jsonlRequest(chosen, params);
        result.put("request", request);
        JsonlAnswer answer = JsonlSession.answer(request);
        result.put("answer", answer.toJson());
        if (answer instanceof JsonlAnswer.Result r) {
            result.put("loss", r.output().toString());
            result.set("gradInput", grid(r.gradInput().toDoubleArray(), r.gradInput().shape().toArray()));
            try {
                result.set("graph", LossGraph.of(LossRequest.read(Exchange.JSON.readTree(request))));
            } catch (Exception e) {
                result.putNull("graph");
            }
        } else {
            result.put("loss", "");
        }
        return result;
    }

    /** The explorer's state as one {@code loss --jsonl} request line, with explain's dtype rules. */
    static String jsonlRequest(LossCatalog.Loss loss, Map<String, String> params) {
        String given = params.get("dtype");
        String dtype = given == null || given.isBlank() ? "float32" : given.strip();
        ObjectNode request = Exchange.JSON.createObjectNode();
        request.put("id", "explorer").put("op", loss.op().pytorchName()).put("dtype", dtype);
        TensorLiteral input = TensorLiteral.parse("--input", params.get("input"));
        request.set("input", tensor(input, false));
        if (loss.takesTarget()) {
            TensorLiteral target = TensorLiteral.parse("--target", params.get("target"));
            boolean classLoss = loss.cliName().equals("nll") || loss.cliName().equals("cross-entropy");
            boolean indices = classLoss && target.integral() && !Arrays.equals(target.shape(), input.shape());
            request.set("target", tensor(target, indices));
            request.put("target_dtype", indices ? "int64" : dtype);
        }
        ObjectNode options = request.putObject("options");
        for (LossCatalog.Option option : loss.options()) {
            String value = params.get(option.cliName());
            if (value == null || value.isBlank()) {
                continue;
            }
            value = value.strip();
            if (option.tensor()) {
                options.set(option.jsonName(), tensor(TensorLiteral.parse("--" + option.cliName(), value), false));
            } else if (option.cliName().equals("reduction")) {
                options.put("reduction", value);
            } else if (option.cliName().equals("label-smoothing")) {
                options.put("label_smoothing", Double.parseDouble(value));
            } else {
                options.put(option.jsonName(), Long.parseLong(value));
            }
        }
        return request.toString();
    }

    private static ObjectNode tensor(TensorLiteral literal, boolean integers) {
        ObjectNode t = Exchange.JSON.createObjectNode();
        ArrayNode shape = t.putArray("shape");
        for (int s : literal.shape()) {
            shape.add(s);
        }
        ArrayNode data = t.putArray("data");
        for (double v : literal.values()) {
            if (integers) {
                data.add((long) v);
            } else {
                data.add(v);
            }
        }
        return t;
    }

    /** A tensor as rows × columns for the heatmap: the last dimension across, everything else down. */
    private static JsonNode grid(double[] values, int[] shape) {
        int columns = shape.length == 0 ? 1 : shape[shape.length - 1];
        ObjectNode g = Exchange.JSON.createObjectNode();
        ArrayNode rows = g.putArray("rows");
        for (int start = 0; columns > 0 && start < values.length; start += columns) {
            ArrayNode row = rows.addArray();
            for (int j = 0; j < columns; j++) {
                row.add(values[start + j]);
            }
        }
        return g;
    }

    /** explain's error for the page's state, and the field it concerns. */
    static final class FieldError extends Exchange.HttpError {
        private final String field;

        FieldError(String field, String message) {
            super(400, message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
