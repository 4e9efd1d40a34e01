package io.github.backprop4j.examples.jsonl;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The limits that keep untrusted requests from exhausting the heap (docs/robustness.md):
 *
 * <ul>
 *   <li>{@code maxLineLength}: the longest request line, in characters, that is read into
 *       memory; a longer line is skipped without being held and gets an error answer. Default:
 *       one 64th of the largest heap ({@code -Xmx}), set by {@code --max-line-length} or the
 *       system property {@value #MAX_LINE_PROPERTY}.</li>
 *   <li>{@code memoryBudget}: the most memory, in bytes, one request may need while it is
 *       evaluated (its broadcast shape times {@value RequestBudget#BYTES_PER_ELEMENT} bytes per
 *       element); a larger request gets an error answer before anything is allocated. Default:
 *       a quarter of the largest heap, set by {@code --memory-budget} or the system property
 *       {@value #BUDGET_PROPERTY}.</li>
 * </ul>
 */
public record RequestLimits(long maxLineLength, long memoryBudget) {
    /** System property for the default line length, e.g. {@code -Dbackprop4j.maxLineLength=1000000}. */
    public static final String MAX_LINE_PROPERTY = "backprop4j.maxLineLength";
    /** System property for the default budget, e.g. {@code -Dbackprop4j.memoryBudget=256m}. */
    public static final String BUDGET_PROPERTY = "backprop4j.memoryBudget";

    /** The longest line Java can hold in one string, with room to spare. */
    static final long LONGEST_STRING = Integer.MAX_VALUE - 64;

    public RequestLimits {
        if (maxLineLength < 1 || maxLineLength > LONGEST_STRING) {
            throw new IllegalArgumentException("the line length limit must be between 1 and " + LONGEST_STRING
                    + " characters, got " + maxLineLength);
        }
        if (memoryBudget < 1) {
            throw new IllegalArgumentException("the memory budget must be at least 1 byte, got " + memoryBudget);
        }
    }

    /** The defaults: the system properties if set, else fractions of the largest heap. */
    public static RequestLimits defaults() {
        long heap = Runtime.getRuntime().maxMemory();
        String line = System.getProperty(MAX_LINE_PROPERTY);
        String budget = System.getProperty(BUDGET_PROPERTY);
        return new RequestLimits(
                line != null ? parseSize(line, MAX_LINE_PROPERTY) : Math.min(LONGEST_STRING, Math.max(1 << 16, heap / 64)),
                budget != null ? parseSize(budget, BUDGET_PROPERTY) : Math.max(1 << 20, heap / 4));
    }

    /** This limit with the line length and/or budget replaced where not null. */
    public RequestLimits with(@Nullable Long lineLength, @Nullable Long budget) {
        return new RequestLimits(lineLength != null ? lineLength : maxLineLength,
                budget != null ? budget : memoryBudget);
    }

    /** {@code 1000}, {@code 64k}, {@code 512m}, {@code 2g} (powers of 1024; case-insensitive). */
    public static long parseSize(String text, String what) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int shift = t.endsWith("k") ? 10 : t.endsWith("m") ? 20 : t.endsWith("g") ? 30 : 0;
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        if (!digits.matches("\\d{1,15}")) {
            throw new IllegalArgumentException(what + " takes a size like 1000, 64k, 512m or 2g, got '" + text + "'");
        }
        return Long.parseLong(digits) << shift;
    }

    /** {@code 64 KiB}, {@code 1.5 GiB}. */
    static String describeBytes(double bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return (bytes == Math.rint(bytes) ? String.format(Locale.ROOT, "%.0f", bytes)
                : String.format(Locale.ROOT, "%.1f", bytes)) + " " + units[unit];
    }
}
