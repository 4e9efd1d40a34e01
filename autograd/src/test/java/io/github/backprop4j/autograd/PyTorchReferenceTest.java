package io.github.backprop4j.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.backprop4j.tensor.DType;
import io.github.backprop4j.tensor.Tensor;
import io.github.backprop4j.tensor.testkit.TensorKit;
import io.github.backprop4j.testkit.ReferenceFiles;
import io.github.backprop4j.testkit.Tolerance;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Gradients of small float64 expressions against PyTorch's: {@code reference/expression_grads.json}
 * is written by {@code tools/reference/gen_autograd.py}. Each formula, in the file's small
 * documented language, is parsed and rebuilt from Variable operations, evaluated, and
 * differentiated; value and gradients must match to 1e-10 relative. Where the file gives a
 * Hessian-vector product, it is recomputed with {@code createGraph}.
 */
class PyTorchReferenceTest {
    private static final Tolerance CLOSE = Tolerance.of(1e-10, 1e-12);

    private static JsonNode reference() {
        return ReferenceFiles.json("/reference/expression_grads.json");
    }

    @Test
    void theReferenceFileHasExpressions() {
        JsonNode root = reference();
        assertTrue(root.get("expressions").size() >= 5, "expected several reference expressions");
    }

    @TestFactory
    List<DynamicTest> gradientsMatchPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode e : reference().get("expressions")) {
            tests.add(DynamicTest.dynamicTest(e.get("name").asText() + ": " + e.get("formula").asText(), () -> check(e)));
        }
        return tests;
    }

    private static void check(JsonNode e) {
        String formula = e.get("formula").asText();
        Map<String, Object> env = new LinkedHashMap<>();
        Map<String, Variable> floats = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.get("inputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> in = it.next();
            Tensor t = tensor(in.getValue());
            if (t.dtype() == DType.INT64) {
                env.put(in.getKey(), t);
            } else {
                Variable v = Variable.parameter(t).named(in.getKey());
                env.put(in.getKey(), v);
                floats.put(in.getKey(), v);
            }
        }
        Variable value = (Variable) new Parser(formula, env).parse();
        assertEquals(0, value.dim(), formula + " should be a scalar");
        TensorKit.assertClose(Tensor.scalar(e.get("value").asDouble(), DType.FLOAT64), value.value(), CLOSE,
                formula + " value");

        JsonNode second = e.get("second_order");
        value.backward(Variable.of(value.value().onesLike()),
                second == null ? BackwardOptions.DEFAULT : BackwardOptions.RETAIN_GRAPH);
        for (Iterator<Map.Entry<String, JsonNode>> it = e.get("grads").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            Variable grad = floats.get(g.getKey()).grad();
            assertNotNull(grad, formula + ": no gradient reached " + g.getKey());
            TensorKit.assertClose(tensor(g.getValue()), grad.value(), CLOSE, formula + " d/d" + g.getKey());
        }
        if (second != null) {
            checkHessianVectorProduct(formula, value, floats, second);
        }
    }

    /** hvp[x] = d/dx Σ (∂value/∂wrt · v), for every float input x. */
    private static void checkHessianVectorProduct(String formula, Variable value, Map<String, Variable> floats,
                                                  JsonNode second) {
        Variable wrt = floats.get(second.get("wrt").asText());
        Variable v = Variable.of(tensor(second.get("v")));
        Variable g = Autograd.grad(List.of(value), List.of(wrt), null, BackwardOptions.CREATE_GRAPH)[0];
        assertNotNull(g);
        Variable s = g.times(v).sum();
        List<Variable> xs = new ArrayList<>(floats.values());
        @Nullable Variable[] hvp = Autograd.grad(List.of(s), xs, null, BackwardOptions.DEFAULT);
        int i = 0;
        for (Map.Entry<String, Variable> x : floats.entrySet()) {
            Tensor expected = tensor(second.get("hvp").get(x.getKey()));
            Variable got = hvp[i++];
            TensorKit.assertClose(expected, got == null ? expected.zerosLike() : got.value(), CLOSE,
                    formula + " hvp d/d" + x.getKey());
        }
    }

    private static Tensor tensor(JsonNode node) {
        return TensorKit.tensor(node);
    }

    /**
     * The reference file's formula language (see its "mini_language" section): infix + - * / with
     * broadcasting, comparisons &gt; &lt; giving masks, unary minus, number literals, [d0, d1]
     * lists, and the functions it names.
     */
    static final class Parser {
        private final String src;
        private final Map<String, Object> env;
        private int pos;

        Parser(String src, Map<String, Object> env) {
            this.src = src;
            this.env = env;
        }

        Object parse() {
            Object v = comparison();
            skipSpace();
            if (pos != src.length()) {
                throw error("unexpected text");
            }
            return v;
        }

        private Object comparison() {
            Object left = additive();
            skipSpace();
            if (peek('>') || peek('<')) {
                char op = src.charAt(pos++);
                Object right = additive();
                Tensor a = var(left).value();
                Tensor b = var(right).value();
                return op == '>' ? a.gt(b) : a.lt(b);
            }
            return left;
        }

        private Object additive() {
            Object v = multiplicative();
            while (true) {
                skipSpace();
                if (peek('+')) {
                    pos++;
                    v = var(v).plus(var(multiplicative()));
                } else if (peek('-')) {
                    pos++;
                    v = var(v).minus(var(multiplicative()));
                } else {
                    return v;
                }
            }
        }

        private Object multiplicative() {
            Object v = unary();
            while (true) {
                skipSpace();
                if (peek('*')) {
                    pos++;
                    v = var(v).times(var(unary()));
                } else if (peek('/')) {
                    pos++;
                    v = var(v).div(var(unary()));
                } else {
                    return v;
                }
            }
        }

        private Object unary() {
            skipSpace();
            if (peek('-')) {
                pos++;
                Object v = unary();
                return v instanceof Double d ? -d : var(v).unaryMinus();
            }
            return primary();
        }

        private Object primary() {
            skipSpace();
            char c = src.charAt(pos);
            if (c == '(') {
                pos++;
                Object v = comparison();
                expect(')');
                return v;
            }
            if (c == '[') {
                pos++;
                List<Integer> dims = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (peek(']')) {
                        pos++;
                        return dims.stream().mapToInt(Integer::intValue).toArray();
                    }
                    dims.add((int) number());
                    skipSpace();
                    if (peek(',')) {
                        pos++;
                    }
                }
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            String name = identifier();
            skipSpace();
            if (!peek('(')) {
                Object v = env.get(name);
                if (v == null) {
                    throw error("unknown input '" + name + "'");
                }
                return v;
            }
            pos++;
            List<Object> args = new ArrayList<>();
            skipSpace();
            while (!peek(')')) {
                args.add(comparison());
                skipSpace();
                if (peek(',')) {
                    pos++;
                }
                skipSpace();
            }
            pos++;
            return call(name, args);
        }

        private Object call(String f, List<Object> a) {
            switch (f) {
                case "exp": return var(a.get(0)).exp();
                case "log": return var(a.get(0)).log();
                case "tanh": return var(a.get(0)).tanh();
                case "sigmoid": return var(a.get(0)).sigmoid();
                case "relu": return var(a.get(0)).relu();
                case "pow":
                    return a.get(1) instanceof Double p ? var(a.get(0)).pow(p) : var(a.get(0)).pow(var(a.get(1)));
                case "matmul": return var(a.get(0)).matmul(var(a.get(1)));
                case "transpose": return var(a.get(0)).transpose(-2, -1);
                case "reshape": return var(a.get(0)).reshape((int[]) a.get(1));
                case "sum": return a.size() == 1 ? var(a.get(0)).sum() : var(a.get(0)).sum(intArg(a.get(1)), false);
                case "mean": return a.size() == 1 ? var(a.get(0)).mean() : var(a.get(0)).mean(intArg(a.get(1)), false);
                case "max": return var(a.get(0)).max(intArg(a.get(1)), false);
                case "logsumexp": return var(a.get(0)).logsumexp(intArg(a.get(1)), false);
                case "gather": return var(a.get(0)).gather(intArg(a.get(1)), (Tensor) a.get(2));
                case "where": return Variable.where((Tensor) a.get(0), var(a.get(1)), var(a.get(2)));
                default: throw error("unknown function '" + f + "'");
            }
        }

        private static int intArg(Object o) {
            return (int) (double) (Double) o;
        }

        private static Variable var(Object o) {
            if (o instanceof Variable v) {
                return v;
            }
            if (o instanceof Double d) {
                return Variable.of(Tensor.scalar(d, DType.FLOAT64));
            }
            throw new IllegalArgumentException("expected a tensor expression, got " + o);
        }

        private double number() {
            int start = pos;
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                    || src.charAt(pos) == 'e')) {
                pos++;
            }
            return Double.parseDouble(src.substring(start, pos));
        }

        private String identifier() {
            int start = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a name");
            }
            return src.substring(start, pos);
        }

        private void skipSpace() {
            while (pos < src.length() && src.charAt(pos) == ' ') {
                pos++;
            }
        }

        private boolean peek(char c) {
            return pos < src.length() && src.charAt(pos) == c;
        }

        private void expect(char c) {
            skipSpace();
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at position " + pos + " of: " + src);
        }
    }
}
