package io.github.backprop4j.examples.cli;

import io.github.backprop4j.examples.Main;
import io.github.backprop4j.examples.jsonl.JsonlSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
            "Blank lines are skipped; a line that is not JSON, or input that PyTorch rejects, gets an "
                    + "error answer and the program goes on.",
        })
public final class LossCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Option(names = "--jsonl", required = true, paramLabel = "FILE",
            description = "The requests, one JSON object per line; '-' reads standard input.")
    private String jsonl;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (BufferedReader in = open(jsonl)) {
            JsonlSession.run(in, out);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("cannot read " + jsonl + ": no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl + ": " + e, e);
        }
        return 0;
    }

    /** The requests as UTF-8 text; bytes that are not UTF-8 become U+FFFD instead of ending the run. */
    private BufferedReader open(String file) throws IOException {
        InputStream in = file.equals("-") ? main.stdin() : Files.newInputStream(Path.of(file));
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
