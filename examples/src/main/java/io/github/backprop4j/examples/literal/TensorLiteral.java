package io.github.backprop4j.examples.literal;

import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A tensor written as nested lists, the way Python writes them: {@code [[1, 4, 1, 1], [5, 1, 2, 1]]},
 * {@code [0.5, -1e-3, nan, -inf]}, or a bare number for a 0-d tensor.
 *
 * <p>Numbers are decimal literals ({@code 1}, {@code -2.5}, {@code .5}, {@code 1.}, {@code 3e-4})
 * or {@code nan}, {@code inf}, {@code infinity} with an optional sign (any letter case, so
 * JSON's {@code NaN} and {@code -Infinity} work too). Lists must be rectangular and nested at
 * most {@value #MAX_DEPTH} deep (PyTorch's limit on dimensions); a number written as an integer
 * must fit int64 (as in {@code torch.tensor}: "Overflow when unpacking long"). Errors name the
 * literal ({@code what}, e.g. {@code --input}) and the column where parsing stopped.
 *
 * @param shape    the sizes of the nested lists ({@code []} for a bare number)
 * @param values   the numbers in row-major order
 * @param integers the numbers written as integers, exactly (0 where a number was not)
 * @param integral true when every number was written as an integer (no point, exponent, nan
 *                 or inf), as {@code torch.tensor} would then make an int64 tensor
 */
public record TensorLiteral(int[] shape, double[] values, long[] integers, boolean integral) {
    /** The deepest nesting accepted: PyTorch's largest number of dimensions. */
    public static final int MAX_DEPTH = 64;

    /** 2^63, the first double above the int64 range. */
    private static final double TWO_TO_63 = 0x1p63;


    /** Parses {@code text}; {@code what} names it in error messages. */
    public static TensorLiteral parse(String what, String text) {
        Parser p = new Parser(what, text);
        Node root = p.value();
        p.skipSpaces();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "' after the end of the tensor");
        }
        List<Integer> shape = new ArrayList<>();
        root.collectShape(shape);
        double[] values = new double[numel(shape)];
        long[] integers = new long[values.length];
        boolean[] integral = {true};
        int[] next = {0};
        root.flatten(values, integers, next, integral);
        return new TensorLiteral(shape.stream().mapToInt(Integer::intValue).toArray(), values, integers, integral[0]);
    }

    /** The tensor of {@code dtype}; for INT64 every number must be a whole number. */
    public Tensor toTensor(DType dtype, String what) {
        if (dtype == DType.INT64) {
            if (integral) {
                return Tensor.fromFlat(integers.clone(), shape);
            }
            long[] longs = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (v != Math.rint(v) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException(what + ": an int64 tensor needs whole numbers, got " + v);
                }
                if (v < -TWO_TO_63 || v >= TWO_TO_63) {
                    throw new IllegalArgumentException(what + ": " + v + " is out of the int64 range");
                }
                longs[i] = (long) v;
            }
            return Tensor.fromFlat(longs, shape);
        }
        return Tensor.fromFlat(dtype, values, shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorLiteral t && integral == t.integral && Arrays.equals(shape, t.shape)
                && Arrays.equals(values, t.values) && Arrays.equals(integers, t.integers);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(values)) + Arrays.hashCode(integers))
                + Boolean.hashCode(integral);
    }

    @Override
    public String toString() {
        return "TensorLiteral[shape=" + Arrays.toString(shape) + ", values=" + Arrays.toString(values)
                + ", integral=" + integral + "]";
    }

    private static int numel(List<Integer> shape) {
        int n = 1;
        for (int s : shape) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    // ------------------------------------------------------------------ the parse tree

    /** A number or a list of nodes. */
    private sealed interface Node permits Num, ListNode {
        /** Appends this node's sizes to {@code shape}. */
        void collectShape(List<Integer> shape);

        void flatten(double[] out, long[] integers, int[] next, boolean[] integral);
    }

    /** A number; {@code integer} is its exact value when {@code integral}. */
    private record Num(double value, long integer, boolean integral) implements Node {
        @Override
        public void collectShape(List<Integer> shape) {
        }

        @Override
        public void flatten(double[] out, long[] integers, int[] next, boolean[] allIntegral) {
            integers[next[0]] = integer;
            out[next[0]++] = value;
            allIntegral[0] &= integral;
        }
    }

    private record ListNode(List<Node> items) implements Node {
        @Override
        public void collectShape(List<Integer> shape) {
            shape.add(items.size());
            if (!items.isEmpty()) {
                items.get(0).collectShape(shape);
            }
        }

        @Override
        public void flatten(double[] out, long[] integers, int[] next, boolean[] integral) {
            for (Node item : items) {
                item.flatten(out, integers, next, integral);
            }
        }
    }

    // ------------------------------------------------------------------ the parser

    /**
     * Recursive descent over {@code text}, at most {@value #MAX_DEPTH} lists deep (so the stack
     * stays small whatever the input); checks that sibling lists have the same shape.
     */
    private static final class Parser {
        private final String what;
        private final String text;
        private int pos;
        private int depth;

        Parser(String what, String text) {
            this.what = what;
            this.text = text;
        }

        Node value() {
            skipSpaces();
            if (pos >= text.length()) {
                throw error("expected a number or '[' but the text ended");
            }
            return text.charAt(pos) == '[' ? list() : number();
        }

        private Node list() {
            if (++depth > MAX_DEPTH) {
                throw error("the lists are nested more than " + MAX_DEPTH + " deep (a tensor has at most "
                        + MAX_DEPTH + " dimensions)");
            }
            try {
                return listItems();
            } finally {
                depth--;
            }
        }

        private Node listItems() {
            int start = pos;
            pos++; // '['
            List<Node> items = new ArrayList<>();
            skipSpaces();
            if (peek() == ']') {
                pos++;
                return new ListNode(items);
            }
            while (true) {
                skipSpaces();
                int itemStart = pos;
                Node item = value();
                if (!items.isEmpty()) {
                    checkSameShape(items.get(0), item, itemStart);
                }
                items.add(item);
                skipSpaces();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == ']') {
                    pos++;
                    return new ListNode(items);
                } else if (c == 0) {
                    pos = start;
                    throw error("the '[' here is never closed");
                } else {
                    throw error("expected ',' or ']' but found '" + c + "'");
                }
            }
        }

        /** Items are rectangular themselves (checked when they were parsed): compare their shapes. */
        private void checkSameShape(Node first, Node item, int itemStart) {
            List<Integer> a = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            first.collectShape(a);
            item.collectShape(b);
            boolean sameKind = (first instanceof Num) == (item instanceof Num);
            if (!sameKind || !a.equals(b)) {
                pos = itemStart;
                throw error("the lists are not rectangular: this entry has shape " + b
                        + " but the first entry of its list has shape " + a);
            }
        }

        private Node number() {
            int start = pos;
            while (pos < text.length() && isNumberChar(text.charAt(pos))) {
                pos++;
            }
            String token = text.substring(start, pos);
            if (token.isEmpty()) {
                throw error("expected a number or '[' but found '" + text.charAt(pos) + "'");
            }
            String lower = token.toLowerCase(Locale.ROOT);
            String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
            boolean negative = lower.startsWith("-");
            switch (unsigned) {
                case "nan":
                    return new Num(Double.NaN, 0, false);
                case "inf":
                case "infinity":
                    return new Num(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, 0, false);
                default:
                    break;
            }
            if (!unsigned.matches("(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                pos = start;
                throw error("'" + shorten(token) + "' is not a number");
            }
            if (!unsigned.matches("\\d+")) {
                return new Num(Double.parseDouble(lower), 0, false);
            }
            try {
                long integer = Long.parseLong(lower.startsWith("+") ? lower.substring(1) : lower);
                return new Num(integer, integer, true);
            } catch (NumberFormatException e) {
                pos = start;
                String shown = shorten(token);
                throw error(shown + " is out of the int64 range (write " + shown + ".0 for a floating-point number)");
            }
        }

        /** A token of at most 40 characters as it is; a longer one cut, with its length. */
        private static String shorten(String token) {
            return token.length() <= 40 ? token : token.substring(0, 20) + "... (" + token.length() + " characters)";
        }

        private static boolean isNumberChar(char c) {
            return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+';
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(what + ": " + problem + " (column " + (pos + 1) + " of '"
                    + excerpt() + "')");
        }

        /** The text, or for a long one the 60 characters around the position, marked with "...". */
        private String excerpt() {
            if (text.length() <= 100) {
                return text;
            }
            int from = Math.max(0, pos - 30);
            int to = Math.min(text.length(), from + 60);
            return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
        }
    }
}
