package io.github.backprop4j.examples.cli;

import io.github.backprop4j.examples.seeds.Walkthrough;
import io.github.backprop4j.examples.seeds.Walkthroughs;
import io.github.backprop4j.examples.i18n.Phrasebook;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backprop4j seeds [NAME]}: replays the worked examples the project started from. */
@Command(
        name = "seeds",
        mixinStandardHelpOptions = true,
        description = {
            "Replays the worked examples the project started from, printing tensors the way PyTorch "
                    + "prints them, each followed by the same numbers computed step by step by hand.",
            "",
            "  log-softmax-nll             log-softmax then NLL by hand, 10x5 batch (1.4693)",
            "  cross-entropy-options       CE = LogSoftmax + NLL (1.3447), and CE's options",
            "  paper-pencil                CE on paper (0.10166) and by the library (0.1017)",
            "  multi-class-vs-multi-label  CE (1.7804) vs the BCE family and MLSM (0.7644)",
        })
public final class SeedsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME",
            description = "The walk-through to run (default: all four, in the order above).")
    private String name;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "The language of the explanations: en (default) or zh (Simplified Chinese).")
    private String lang;

    @Override
    public Integer call() {
        Phrasebook phrasebook = LangOption.phrasebook(spec, lang);
        List<Walkthrough> chosen = name == null ? Walkthroughs.all() : List.of(Walkthroughs.named(name)
                .orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "Unknown walk-through '" + name + "'; the walk-throughs are " + Walkthroughs.names())));
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < chosen.size(); i++) {
            if (i > 0) {
                out.println();
            }
            StringWriter text = new StringWriter();
            chosen.get(i).run(new PrintWriter(text));
            out.print(phrasebook.translate(text.toString()));
            out.flush();
        }
        return 0;
    }
}
