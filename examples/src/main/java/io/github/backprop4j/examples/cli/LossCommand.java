package io.github.backprop4j.examples.cli;

import io.github.backprop4j.examples.Main;
import io.github.backprop4j.examples.jsonl.JsonlSession;
import io.github.backprop4j.examples.jsonl.RequestLimits;
import io.github.backprop4j.nn.io.SafeFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code backprop4j loss --jsonl FILE}: batch evaluation of the losses, one JSON object per line. */
@Command(
        name = "loss",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates losses for another program: reads one JSON request per line and writes one JSON "
                    + "answer per line, in order, flushing each (so it can be driven interactively).",
            "",
            "Request: {\"id\": \"c1\", \"op\": \"cross_entropy\", \"dtype\": \"float32\", "
                    + "\"input\": {\"shape\": [2, 3], \"data\": [...]}, "
                    + "\"target\": {\"shape\": [2], \"data\": [0, 2]}, \"target_dtype\": \"int64\", "
                    + "\"options\": {\"reduction\": \"mean\", \"weight\": {...}, \"ignore_index\": -100, "
                    + "\"label_smoothing\": 0.1}, \"grad_output\": {\"shape\": [], \"data\": [1.0]}}",
            "Answer:  {\"id\": \"c1\", \"output\": {...}, \"grad_input\": {...}[, \"grad_target\": {...}]} "
                    + "or {\"id\": \"c1\", \"error\": \"<message>\"}",
            "",
            "Ops: log_softmax, softmax (option dim), nll_loss, cross_entropy, binary_cross_entropy, "
                    + "binary_cross_entropy_with_logits (option pos_weight), multilabel_soft_margin_loss. "
                    + "Options not given take PyTorch's defaults; dtype is float32 (default) or float64; "
                    + "target_dtype is int64 or the same as dtype (default: int64 for class indices); "
                    + "grad_output defaults to ones. NaN, Infinity and -Infinity are bare tokens, as in "
                    + "Python's json module. float32 numbers are written as the shortest decimal that "
                    + "rounds back to the same float32.",
            "",
            "Blank lines are skipped; a line that is not JSON, input that PyTorch rejects, a line longer than "
                    + "--max-line-length and a request over --memory-budget each get an error answer and the "
                    + "program goes on. A closed or full standard output ends it (exit 1).",
        })
public final class LossCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Option(names = "--jsonl", required = true, paramLabel = "FILE",
            description = "The requests, one JSON object per line; '-' reads standard input.")
    private String jsonl;

    @Option(names = "--max-line-length", paramLabel = "CHARS", converter = SizeConverter.class,
            description = "The longest request line read, in characters (1000, 64k, 16m); a longer line gets an "
                    + "error answer without being held in memory. Default: 1/64 of the largest heap, or the "
                    + "system property " + RequestLimits.MAX_LINE_PROPERTY + ".")
    private @Nullable Long maxLineLength;

    @Option(names = "--memory-budget", paramLabel = "BYTES", converter = SizeConverter.class,
            description = "The most memory one request may need (64k, 256m, 2g), estimated from its shapes after "
                    + "broadcasting; a larger request gets an error answer before anything is allocated. "
                    + "Default: 1/4 of the largest heap, or the system property " + RequestLimits.BUDGET_PROPERTY + ".")
    private @Nullable Long memoryBudget;

    @Override
    public Integer call() {
        RequestLimits limits = RequestLimits.defaults().with(maxLineLength, memoryBudget);
        PrintWriter out = spec.commandLine().getOut();
        try (Reader in = open(jsonl)) {
            JsonlSession.run(in, out, limits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl + ": " + SafeFiles.reason(e), e);
        }
        return 0;
    }

    /** The requests as UTF-8 text; bytes that are not UTF-8 become U+FFFD instead of ending the run. */
    private Reader open(String file) throws IOException {
        InputStream in = file.equals("-") ? main.stdin() : Files.newInputStream(Path.of(file));
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** A size: digits with an optional k, m or g (powers of 1024). */
    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return RequestLimits.parseSize(value, "the option");
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected a size like 1000, 64k, 512m or 2g but was '" + value + "'");
            }
        }
    }
}
