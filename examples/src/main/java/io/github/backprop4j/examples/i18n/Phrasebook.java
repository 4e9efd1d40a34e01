package io.github.backprop4j.examples.i18n;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Translates the text that {@code explain} and {@code seeds} print, and the playground shows,
 * phrase by phrase. The bundle {@code io.github.backprop4j.examples.i18n.phrases} maps each
 * English phrase (the key is the English text itself) to its translation; {@link #translate}
 * replaces the longest phrases first and leaves everything else — numbers, formulas, tensors —
 * as it is. English needs no bundle entries: its phrasebook changes nothing.
 */
public final class Phrasebook {
    /** The languages {@code --lang} and {@code ?lang=} accept. */
    public static final List<String> LANGUAGES = List.of("en", "zh");

    private static final String BUNDLE = "io.github.backprop4j.examples.i18n.phrases";

    private final List<Map.Entry<String, String>> phrases;

    private Phrasebook(List<Map.Entry<String, String>> phrases) {
        this.phrases = phrases;
    }

    /**
     * The phrasebook of {@code language} ({@code en} or {@code zh}).
     *
     * @throws IllegalArgumentException for any other language
     */
    public static Phrasebook forLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("--lang must be one of " + String.join(", ", LANGUAGES)
                    + ", got '" + language + "'");
        }
        if (language.equals("en")) {
            return new Phrasebook(List.of());
        }
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<Map.Entry<String, String>> entries = bundle.keySet().stream()
                .map(k -> Map.entry(k, bundle.getString(k)))
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .toList();
        return new Phrasebook(entries);
    }

    /** {@code text} with every known phrase replaced, longest first. */
    public String translate(String text) {
        String result = text;
        for (Map.Entry<String, String> phrase : phrases) {
            result = result.replace(phrase.getKey(), phrase.getValue());
        }
        return result;
    }
}
