package io.github.backprop4j.examples.cli;

import io.github.backprop4j.examples.i18n.Phrasebook;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --lang en|zh} of {@code explain} and {@code seeds}: an unknown language is a usage error. */
final class LangOption {
    private LangOption() {
    }

    static Phrasebook phrasebook(CommandSpec spec, String lang) {
        try {
            return Phrasebook.forLanguage(lang);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
