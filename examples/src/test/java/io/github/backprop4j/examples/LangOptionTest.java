package io.github.backprop4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.backprop4j.examples.i18n.Phrasebook;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code seeds --lang zh} and {@code explain --lang zh}: the same numbers, the words in Chinese. */
class LangOptionTest {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+");

    @Test
    void seedsInChineseKeepEveryNumber() {
        Cli.Run en = Cli.run("seeds", "paper-pencil");
        Cli.Run zh = Cli.run("seeds", "paper-pencil", "--lang", "zh");
        assertEquals(0, zh.exitCode(), zh.toString());
        assertTrue(zh.out().contains("用纸和笔算交叉熵"), zh.out());
        assertTrue(zh.out().contains("手算：每一行目标类别的概率"), zh.out());
        assertFalse(zh.out().contains("By hand"), zh.out());
        assertEquals(numbers(en.out()), numbers(zh.out()));
    }

    @Test
    void everySeedHasItsHeadingTranslated() {
        Cli.Run zh = Cli.run("seeds", "--lang", "zh");
        assertEquals(0, zh.exitCode(), zh.toString());
        for (String heading : new String[] {"先 LogSoftmax 再 NLLLoss", "交叉熵是什么", "用纸和笔", "只有一个正确类别"}) {
            assertTrue(zh.out().contains(heading), heading);
        }
    }

    @Test
    void explainInChineseKeepsTheTensors() {
        String[] args = {"explain", "cross-entropy", "--input", "[[1, 4, 1, 1], [5, 1, 2, 1]]", "--target", "[1, 0]"};
        Cli.Run en = Cli.run(args);
        Cli.Run zh = Cli.run(concat(args, "--lang", "zh"));
        assertEquals(0, zh.exitCode(), zh.toString());
        assertTrue(zh.out().contains("前向：先在类别上做 log-softmax，再取负对数似然"), zh.out());
        assertTrue(zh.out().contains("tensor(0.1110)"), zh.out());
        assertEquals(numbers(en.out()), numbers(zh.out()));
    }

    @Test
    void englishIsTheDefaultAndChangesNothing() {
        assertEquals(Cli.run("seeds", "paper-pencil").out(), Cli.run("seeds", "paper-pencil", "--lang", "en").out());
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        Cli.Run r = Cli.run("seeds", "--lang", "fr");
        assertEquals(2, r.exitCode());
        assertEquals("backprop4j seeds: --lang must be one of en, zh, got 'fr' (see 'backprop4j seeds --help')",
                r.err().strip());
    }

    /** A stale phrase (one the program no longer prints) would silently translate nothing. */
    @Test
    void everyChinesePhraseOccursInSomeEnglishOutput() {
        StringBuilder english = new StringBuilder(Cli.run("seeds").out());
        String[][] explains = {
            {"softmax", "--input", "[1, 2]"}, {"log-softmax", "--input", "[[1, 2]]"},
            {"nll", "--input", "[[-1, -2]]", "--target", "[0]"},
            {"cross-entropy", "--input", "[[1, 2]]", "--target", "[1]"},
            {"cross-entropy", "--input", "[[1, 2]]", "--target", "[[0.2, 0.8]]", "--label-smoothing", "0.1"},
            {"cross-entropy", "--input", "[[1, 2]]", "--target", "[1]", "--label-smoothing", "0.1", "--reduction", "sum"},
            {"bce", "--input", "[0.3]", "--target", "[1.]", "--reduction", "none"},
            {"bce-with-logits", "--input", "[0.3]", "--target", "[1.]", "--pos-weight", "[2]"},
            {"multilabel-soft-margin", "--input", "[[0.3, 1]]", "--target", "[[1, 0]]"},
        };
        for (String[] e : explains) {
            Cli.Run r = Cli.run(concat(new String[] {"explain"}, e));
            assertEquals(0, r.exitCode(), r.toString());
            english.append(r.out());
        }
        ResourceBundle zh = ResourceBundle.getBundle("io.github.backprop4j.examples.i18n.phrases",
                java.util.Locale.SIMPLIFIED_CHINESE);
        for (String phrase : zh.keySet()) {
            assertTrue(english.indexOf(phrase) >= 0, "phrase never printed: '" + phrase + "'");
        }
        assertTrue(Phrasebook.forLanguage("zh").translate(english.toString()).contains("反向（种子 1）"));
    }

    private static java.util.List<String> numbers(String text) {
        return NUMBER.matcher(text).results().map(m -> m.group()).toList();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
