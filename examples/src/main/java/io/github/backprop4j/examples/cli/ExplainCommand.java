package io.github.backprop4j.examples.cli;

import io.github.backprop4j.autograd.Variable;
import io.github.backprop4j.examples.i18n.Phrasebook;
import io.github.backprop4j.examples.literal.TensorLiteral;
import io.github.backprop4j.losses.Explanation;
import io.github.backprop4j.losses.LossKind;
import io.github.backprop4j.losses.LossOptions;
import io.github.backprop4j.losses.Losses;
import io.github.backprop4j.losses.Reduction;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code backprop4j explain LOSS --input ... [--target ...] [options]}: prints
 * {@link Losses#explain}: every forward step with its numbers, the loss, the closed-form
 * gradient next to autograd's, and their largest difference.
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        resourceBundle = "io.github.backprop4j.examples.cli.ExplainCommand$LossNames",
        description = {
            "Explains one loss on your numbers: each forward step (max-shift, exp, sum, log-probabilities, "
                    + "picked entries, weights, the reduction and its denominator), the loss, then the backward: "
                    + "the closed-form gradient evaluated next to the gradient autograd computed, and their "
                    + "largest difference.",
            "",
            "Tensors are nested lists as Python writes them, e.g. --input '[[1, 4, 1, 1], [5, 1, 2, 1]]'. "
                    + "A target of ${bp4j.index-target-losses} written with integers only and shaped unlike the input "
                    + "holds class indices (int64); any other tensor has the --dtype.",
            "",
            "Example:",
            "  backprop4j explain ${bp4j.example-loss} --input '[[1, 4, 1, 1], [5, 1, 2, 1]]' \\",
            "      --target '[1, 0]'",
        })
public final class ExplainCommand implements Callable<Integer> {
    private static final List<String> LOSS_OPTIONS = List.of("--target", "--weight", "--ignore-index", "--reduction",
            "--label-smoothing", "--pos-weight", "--dim");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOSS", description = "One of ${bp4j.losses}.")
    private String loss;

    @Option(names = "--input", required = true, paramLabel = "TENSOR",
            description = "The input: logits, log-probabilities (${bp4j.nll}) or probabilities (${bp4j.bce}).")
    private String input;

    @Option(names = "--target", paramLabel = "TENSOR",
            description = "The target: class indices or probabilities (required by every LOSS but the softmaxes).")
    private String target;

    @Option(names = "--weight", paramLabel = "TENSOR", description = "Class weights (${bp4j.class-weight-losses}) or "
            + "element weights (${bp4j.element-weight-losses}).")
    private String weight;

    @Option(names = "--ignore-index", paramLabel = "K", description = "Target value to ignore "
            + "(${bp4j.with.ignore_index}). Default: -100.")
    private Long ignoreIndex;

    @Option(names = "--reduction", paramLabel = "mean|sum|none", converter = ReductionConverter.class,
            description = "How the losses are combined. Default: mean.")
    private Reduction reduction;

    @Option(names = "--label-smoothing", paramLabel = "E", description = "Label smoothing in [0, 1] "
            + "(${bp4j.with.label_smoothing}). Default: 0.")
    private Double labelSmoothing;

    @Option(names = "--pos-weight", paramLabel = "TENSOR", description = "Weight of the positive term "
            + "(${bp4j.with.pos_weight}), broadcast over the last dimension.")
    private String posWeight;

    @Option(names = "--dim", paramLabel = "D", description = "The dimension of ${bp4j.with.dim}. "
            + "Default: PyTorch's implicit choice, 0 for 0-, 1- and 3-dimensional input, else 1.")
    private Integer dim;

    @Option(names = "--dtype", paramLabel = "float32|float64", converter = FloatDTypeConverter.class,
            defaultValue = "float32", description = "The dtype of every floating-point tensor. Default: float32.")
    private DType dtype;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en",
            description = "The language of the explanation: en (default) or zh (Simplified Chinese).")
    private String lang;

    @Override
    public Integer call() {
        Phrasebook phrasebook = LangOption.phrasebook(spec, lang);
        checkUsage();
        Tensor inputTensor = TensorLiteral.parse("--input", input).toTensor(dtype, "--input");
        Tensor targetTensor = target == null ? null : parseTarget(inputTensor);
        LossOptions options = LossOptions.defaults();
        if (weight != null) {
            options = options.withWeight(TensorLiteral.parse("--weight", weight).toTensor(dtype, "--weight"));
        }
        if (ignoreIndex != null) {
            options = options.withIgnoreIndex(ignoreIndex);
        }
        if (reduction != null) {
            options = options.withReduction(reduction);
        }
        if (labelSmoothing != null) {
            options = options.withLabelSmoothing(labelSmoothing);
        }
        if (posWeight != null) {
            options = options.withPosWeight(TensorLiteral.parse("--pos-weight", posWeight)
                    .toTensor(dtype, "--pos-weight"));
        }
        int softmaxDim = dim != null ? dim : Losses.implicitSoftmaxDim(inputTensor.dim());

        Explanation explanation = kind().explain(Variable.of(inputTensor),
                targetTensor == null ? null : Variable.of(targetTensor), options, softmaxDim);
        PrintWriter out = spec.commandLine().getOut();
        String text = phrasebook.translate(explanation.text());
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
        return 0;
    }

    /** LOSS is known, has a target when it needs one, and is given only options it takes. */
    private void checkUsage() {
        LossKind kind = LossKind.byCliName(loss).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Unknown LOSS '" + loss + "'; the losses are " + LossKind.cliNames(", ", ", ")));
        Set<String> accepted = flags(kind);
        ParseResult given = spec.commandLine().getParseResult();
        for (String option : LOSS_OPTIONS) {
            if (given.hasMatchedOption(option) && !accepted.contains(option)) {
                throw new ParameterException(spec.commandLine(), "LOSS " + loss + " takes no " + option);
            }
        }
        if (accepted.contains("--target") && target == null) {
            throw new ParameterException(spec.commandLine(), "LOSS " + loss + " needs --target");
        }
    }

    /** LOSS, known once {@link #checkUsage} passed. */
    private LossKind kind() {
        return LossKind.byCliName(loss).orElseThrow();
    }

    /** The options besides --input and --dtype that {@code kind} takes: --target, and its options' flags. */
    private static Set<String> flags(LossKind kind) {
        Set<String> flags = new HashSet<>();
        if (kind.takesTarget()) {
            flags.add("--target");
        }
        for (String option : kind.options()) {
            flags.add("--" + option.replace('_', '-'));
        }
        return flags;
    }

    /**
     * Class indices (int64) for nll and cross-entropy when the literal holds only integers and
     * its shape differs from the input's; a floating-point tensor of {@code --dtype} otherwise.
     */
    private Tensor parseTarget(Tensor inputTensor) {
        TensorLiteral literal = TensorLiteral.parse("--target", target);
        boolean classLoss = kind() == LossKind.NLL || kind() == LossKind.CROSS_ENTROPY;
        boolean indices = classLoss && literal.integral()
                && !Arrays.equals(literal.shape(), inputTensor.shape().toArray());
        return literal.toTensor(indices ? DType.INT64 : dtype, "--target");
    }

    /**
     * The loss names in --help, from the catalogue ({@link LossKind}): picocli looks up
     * {@code ${bp4j.…}} in the command's resource bundle.
     */
    public static final class LossNames extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            List<Object[]> texts = new ArrayList<>(List.of(
                    new Object[] {"bp4j.losses", LossKind.cliNames(", ", ", ")},
                    new Object[] {"bp4j.example-loss", LossKind.CROSS_ENTROPY.cliName()},
                    new Object[] {"bp4j.index-target-losses",
                        LossKind.CROSS_ENTROPY.cliName() + " or " + LossKind.NLL.cliName()},
                    new Object[] {"bp4j.nll", LossKind.NLL.cliName()},
                    new Object[] {"bp4j.bce", LossKind.BCE.cliName()},
                    new Object[] {"bp4j.class-weight-losses", names(k -> k.accepts("weight") && k.accepts("ignore_index"),
                        ", ")},
                    new Object[] {"bp4j.element-weight-losses", names(k -> k.accepts("weight")
                        && !k.accepts("ignore_index"), ", ")}));
            for (String option : List.of("ignore_index", "label_smoothing", "pos_weight")) {
                texts.add(new Object[] {"bp4j.with." + option, names(k -> k.accepts(option), ", ")});
            }
            texts.add(new Object[] {"bp4j.with.dim", names(k -> k.accepts("dim"), " and ")});
            return texts.toArray(new Object[0][]);
        }

        private static String names(Predicate<LossKind> which, String separator) {
            return Arrays.stream(LossKind.values()).filter(which).map(LossKind::cliName)
                    .collect(Collectors.joining(separator));
        }
    }

    /** {@code --reduction}: none, mean or sum (PyTorch's message for anything else). */
    static final class ReductionConverter implements ITypeConverter<Reduction> {
        @Override
        public Reduction convert(String value) {
            try {
                return Reduction.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + " (expected mean, sum or none)");
            }
        }
    }

    /** {@code --dtype}: float32 or float64. */
    static final class FloatDTypeConverter implements ITypeConverter<DType> {
        @Override
        public DType convert(String value) {
            return switch (value) {
                case "float32" -> DType.FLOAT32;
                case "float64" -> DType.FLOAT64;
                default -> throw new TypeConversionException("expected float32 or float64 but was '" + value + "'");
            };
        }
    }
}
