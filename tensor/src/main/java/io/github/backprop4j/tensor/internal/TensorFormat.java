package io.github.backprop4j.tensor.internal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats tensors exactly as PyTorch's default {@code repr} does ({@code torch/_tensor_str.py}
 * with precision 4, threshold 1000, edgeitems 3, linewidth 80):
 *
 * <pre>
 * tensor(1.4693)
 * tensor([1.0986, 0.0000, 1.0986])
 * tensor([[ 0, -40],
 *         [ 3,   5]])
 * tensor([-1.0000e+12,  1.0000e+12])
 * tensor([1.5000, 2.2500], dtype=torch.float64)
 * tensor([], size=(0, 3))
 * </pre>
 *
 * <p>Layout: rows nest with one more space of indent per level, and blocks of rank ≥ 2 are
 * separated by {@code rank − 1} newlines. A 1-D row wraps after
 * ⌊(80 − indent) / (width + 2)⌋ elements. Above 1000 elements every dimension longer than 6
 * shows its first and last 3 entries around {@code ...}. Every element is right-aligned to one
 * common width, chosen by {@link ElementFormat}. The {@code dtype=} suffix appears for float64
 * (float32 and int64 are PyTorch's defaults), and for empty tensors of any dtype but float32.
 */
public final class TensorFormat {
    static final int PRECISION = 4;
    static final int THRESHOLD = 1000;
    static final int EDGE_ITEMS = 3;
    static final int LINE_WIDTH = 80;

    private static final String PREFIX = "tensor(";

    private TensorFormat() {
    }

    /** PyTorch's {@code repr(t)}. */
    public static String format(Tensor t) {
        int indent = PREFIX.length();
        List<String> suffixes = new ArrayList<>();
        String body;
        if (t.numel() == 0) {
            if (t.dim() != 1) {
                suffixes.add("size=" + pythonTuple(t.shape().toArray()));
            }
            if (t.dtype() != DType.FLOAT32) {
                suffixes.add("dtype=" + t.dtype().torchName());
            }
            body = "[]";
        } else {
            if (t.dtype() == DType.FLOAT64) {
                suffixes.add("dtype=" + t.dtype().torchName());
            }
            boolean summarize = t.numel() > THRESHOLD;
            List<Tensor> shown = new ArrayList<>();
            collectShownRows(t, summarize, shown);
            body = tensorString(t, indent, summarize, ElementFormat.of(t.dtype(), shown));
        }
        return withSuffixes(PREFIX + body, suffixes, indent);
    }

    /** {@code (2, 0)}, {@code (0,)}: how Python prints a tuple of sizes. */
    private static String pythonTuple(int[] sizes) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < sizes.length; i++) {
            sb.append(i > 0 ? ", " : "").append(sizes[i]);
        }
        return sb.append(sizes.length == 1 ? ",)" : ")").toString();
    }

    /** The positions shown along a dimension of {@code size}: all, or the first and last 3. */
    private static int[] shownIndices(int size, boolean summarize) {
        boolean elide = summarize && size > 2 * EDGE_ITEMS;
        int n = elide ? 2 * EDGE_ITEMS : size;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = elide && i >= EDGE_ITEMS ? size - 2 * EDGE_ITEMS + i : i;
        }
        return idx;
    }

    /** The 0-d or 1-D pieces whose values are printed (PyTorch's {@code get_summarized_data}). */
    private static void collectShownRows(Tensor t, boolean summarize, List<Tensor> out) {
        if (t.dim() <= 1) {
            if (t.dim() == 0) {
                out.add(t);
            } else {
                for (int i : shownIndices(t.size(0), summarize)) {
                    out.add(t.select(0, i));
                }
            }
            return;
        }
        for (int i : shownIndices(t.size(0), summarize)) {
            collectShownRows(t.select(0, i), summarize, out);
        }
    }

    private static String tensorString(Tensor t, int indent, boolean summarize, ElementFormat f) {
        if (t.dim() == 0) {
            return f.format(t);
        }
        if (t.dim() == 1) {
            return vectorString(t, indent, summarize, f);
        }
        boolean elide = summarize && t.size(0) > 2 * EDGE_ITEMS;
        List<String> slices = new ArrayList<>();
        for (int i : shownIndices(t.size(0), summarize)) {
            if (elide && i == t.size(0) - EDGE_ITEMS) {
                slices.add("...");
            }
            slices.add(tensorString(t.select(0, i), indent + 1, summarize, f));
        }
        String separator = "," + "\n".repeat(t.dim() - 1) + " ".repeat(indent + 1);
        return "[" + String.join(separator, slices) + "]";
    }

    private static String vectorString(Tensor t, int indent, boolean summarize, ElementFormat f) {
        int elementLength = f.width() + 2;
        int perLine = Math.max(1, Math.floorDiv(LINE_WIDTH - indent, elementLength));
        boolean elide = summarize && t.size(0) > 2 * EDGE_ITEMS;
        List<String> data = new ArrayList<>();
        for (int i : shownIndices(t.size(0), summarize)) {
            if (elide && i == t.size(0) - EDGE_ITEMS) {
                data.add(" ...");
            }
            data.add(f.format(t.select(0, i)));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.size(); i += perLine) {
            lines.add(String.join(", ", data.subList(i, Math.min(data.size(), i + perLine))));
        }
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    /** Appends {@code , suffix} to the last line, or starts a new line when it would pass 80 columns. */
    private static String withSuffixes(String text, List<String> suffixes, int indent) {
        StringBuilder sb = new StringBuilder(text);
        int lastLineLength = text.length() - text.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > LINE_WIDTH) {
                sb.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }
}
