#!/usr/bin/python3
"""Generate PyTorch reference gradients for small autograd expressions.

Writes (relative to the repository root):
    autograd/src/test/resources/reference/expression_grads.json

Run with Debian's system interpreter (it has PyTorch):
    /usr/bin/python3 tools/reference/gen_autograd.py

Each expression is written in a tiny mini-language (documented in the JSON under
"mini_language") so that a Java test can build the same expression by hand.  The script
evaluates the formula string with a small parser that maps every function to one torch op,
cross-checks the result against a hand-written torch lambda, and records the scalar value and
the gradient of that scalar with respect to every floating-point input (float64 throughout).
One expression also records a Hessian-vector product (second derivative via create_graph).

Deterministic (seeded; inputs rounded to 3 decimals).  Uses only torch and the standard library.
"""

import json
import re
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "autograd" / "src" / "test" / "resources" / "reference" / "expression_grads.json"

torch.set_num_threads(1)
torch.manual_seed(1234)
D = torch.float64

MINI_LANGUAGE = {
    "summary": "Formulas are documentation for the Java test; they use PyTorch semantics (float64).",
    "operands": "input names (tensors listed under 'inputs'), and decimal number literals (scalars)",
    "infix": {
        "+ - * /": "element-wise with NumPy/PyTorch broadcasting (trailing dims aligned, size-1 dims stretch)",
        "> <": "element-wise comparison giving a boolean mask (used only as the first argument of where)",
        "unary -": "negation",
    },
    "functions": {
        "exp(x), log(x), tanh(x), sigmoid(x), relu(x)": "element-wise",
        "pow(x, p)": "element-wise x^p; p is a number literal or a tensor (broadcast)",
        "matmul(x, y)": "2-D matrix product, or batched product of 3-D tensors (leading dim = batch)",
        "transpose(x)": "swap the last two dimensions",
        "reshape(x, [d0, d1, ...])": "row-major reshape",
        "sum(x)": "sum of all elements (0-d result)",
        "sum(x, d)": "sum over dimension d, the dimension is removed (keepdim=False)",
        "mean(x)": "mean of all elements",
        "mean(x, d)": "mean over dimension d, dimension removed",
        "max(x, d)": "maximum values over dimension d, dimension removed (gradient goes to the arg-max; "
                     "inputs have no ties)",
        "logsumexp(x, d)": "log(sum(exp(x), d)) computed stably, dimension removed",
        "gather(x, d, idx)": "out[i][j] = x[i][idx[i][j]] for d = 1 (idx is an int64 input, same rank as x); "
                             "repeated indices accumulate gradient",
        "where(c, x, y)": "element-wise select: x where c is true, else y (broadcast)",
    },
    "result": "every formula evaluates to a 0-d scalar; 'value' is that scalar and 'grads' holds "
              "d value / d input for every float64 input (same shape as the input)",
    "second_order": "when present: 'hvp' holds d/dx sum(grad_<wrt>(value) * v) for each float input x, "
                    "i.e. a Hessian-vector product (x = wrt) and the mixed second derivative (other inputs)",
}

# ------------------------------------------------------------------------------------------
# a tiny parser for the mini-language, mapping each construct to one torch op
# ------------------------------------------------------------------------------------------

TOKEN = re.compile(r"\s*(?:(\d+\.\d*|\d+)|([A-Za-z_][A-Za-z_0-9]*)|(.))")


def tokenize(s):
    out = []
    pos = 0
    s = s.strip()
    while pos < len(s):
        m = TOKEN.match(s, pos)
        num, name, op = m.groups()
        if num is not None:
            out.append(("num", float(num)))
        elif name is not None:
            out.append(("name", name))
        elif op.strip():
            out.append(("op", op))
        pos = m.end()
    out.append(("end", None))
    return out


FUNCS = {
    "exp": lambda x: torch.exp(x),
    "log": lambda x: torch.log(x),
    "tanh": lambda x: torch.tanh(x),
    "sigmoid": lambda x: torch.sigmoid(x),
    "relu": lambda x: torch.relu(x),
    "pow": lambda x, p: torch.pow(x, p),
    "matmul": lambda x, y: torch.matmul(x, y),
    "transpose": lambda x: x.transpose(-2, -1),
    "reshape": lambda x, shape: x.reshape([int(v) for v in shape]),
    "sum": lambda x, d=None: x.sum() if d is None else x.sum(int(d)),
    "mean": lambda x, d=None: x.mean() if d is None else x.mean(int(d)),
    "max": lambda x, d: x.max(int(d)).values,
    "logsumexp": lambda x, d: torch.logsumexp(x, int(d)),
    "gather": lambda x, d, idx: torch.gather(x, int(d), idx),
    "where": lambda c, x, y: torch.where(c, x, y),
}


class Parser:
    def __init__(self, text, env):
        self.toks = tokenize(text)
        self.i = 0
        self.env = env

    def peek(self):
        return self.toks[self.i]

    def take(self, kind=None, val=None):
        t = self.toks[self.i]
        if (kind and t[0] != kind) or (val is not None and t[1] != val):
            raise SyntaxError(f"expected {kind} {val}, got {t}")
        self.i += 1
        return t

    def parse(self):
        v = self.cmp()
        self.take("end")
        return v

    def cmp(self):
        a = self.add()
        t = self.peek()
        if t == ("op", ">"):
            self.take()
            return a > self.add()
        if t == ("op", "<"):
            self.take()
            return a < self.add()
        return a

    def add(self):
        a = self.mul()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            b = self.mul()
            a = a + b if op == "+" else a - b
        return a

    def mul(self):
        a = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            b = self.unary()
            a = a * b if op == "*" else a / b
        return a

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        return self.primary()

    def primary(self):
        t = self.take()
        if t[0] == "num":
            return t[1]
        if t == ("op", "("):
            v = self.cmp()
            self.take("op", ")")
            return v
        if t == ("op", "["):
            items = []
            while self.peek() != ("op", "]"):
                if items:
                    self.take("op", ",")
                items.append(self.take("num")[1])
            self.take("op", "]")
            return items
        if t[0] == "name":
            if self.peek() == ("op", "("):
                self.take()
                args = []
                while self.peek() != ("op", ")"):
                    if args:
                        self.take("op", ",")
                    args.append(self.cmp())
                self.take("op", ")")
                return FUNCS[t[1]](*args)
            return self.env[t[1]]
        raise SyntaxError(f"unexpected {t}")


def evaluate_formula(formula, env):
    return Parser(formula, env).parse()


# ------------------------------------------------------------------------------------------
# inputs
# ------------------------------------------------------------------------------------------


def r3(*shape, scale=1.0, positive=False):
    x = torch.randn(*shape, dtype=D) * scale
    if positive:
        x = x.abs() + 0.2
    return torch.round(x * 1000) / 1000


def tj(t):
    t = t.detach()
    data = t.reshape(-1).tolist()
    d = {"shape": list(t.shape), "dtype": "float64" if t.is_floating_point() else "int64",
         "data": [float(v) for v in data] if t.is_floating_point() else [int(v) for v in data]}
    return d


def no_ties_rows(x):
    """Make the row maxima unique (distinct values everywhere)."""
    flat = torch.arange(x.numel(), dtype=D).reshape(x.shape)
    y = torch.round((x + flat * 1e-3) * 1000) / 1000
    assert y.unique().numel() == y.numel()
    return y


EXPRESSIONS = []


def expr(name, formula, inputs, check, note=""):
    EXPRESSIONS.append((name, formula, inputs, check, note))


expr("broadcast_add_mul", "sum((a + b) * c)",
     {"a": r3(2, 3), "b": r3(3), "c": r3(2, 1)},
     lambda a, b, c: ((a + b) * c).sum(),
     "b broadcasts over rows, c over columns; grads of b and c are reduced over the broadcast dims")
expr("matmul_tanh_exp", "sum(tanh(matmul(a, b)) * exp(c))",
     {"a": r3(2, 3), "b": r3(3, 4), "c": r3(2, 4, scale=0.5)},
     lambda a, b, c: (torch.tanh(a @ b) * torch.exp(c)).sum())
expr("batched_matmul_sigmoid_mean", "mean(sigmoid(matmul(a, b)) * c)",
     {"a": r3(2, 2, 3), "b": r3(2, 3, 4), "c": r3(4)},
     lambda a, b, c: (torch.sigmoid(torch.matmul(a, b)) * c).mean(),
     "batched matmul (2 batches of 2x3 @ 3x4); c broadcasts over the last dim")
expr("log_relu_div", "sum(log(a) * relu(b) / (c + 2))",
     {"a": r3(3, 3, positive=True), "b": r3(3, 3), "c": r3(3, positive=True)},
     lambda a, b, c: (torch.log(a) * torch.relu(b) / (c + 2)).sum(),
     "relu gradient is 0 for negative b (no exact zeros in b)")
expr("sum_mean_dims", "sum(mean(a, 1) * sum(b, 0)) - mean(a)",
     {"a": r3(3, 4), "b": r3(2, 3)},
     lambda a, b: (a.mean(1) * b.sum(0)).sum() - a.mean())
expr("max_reduction", "sum(max(a, 1) * w) + sum(max(a, 0))",
     {"a": no_ties_rows(r3(3, 4)), "w": r3(3)},
     lambda a, w: (a.max(1).values * w).sum() + a.max(0).values.sum(),
     "max over a dim returns the values; its gradient goes only to the arg-max entry (no ties)")
expr("logsumexp_rows", "sum(logsumexp(a * 3, 1) * b)",
     {"a": r3(3, 4), "b": r3(3)},
     lambda a, b: (torch.logsumexp(a * 3, 1) * b).sum(),
     "d logsumexp = softmax")
expr("transpose_reshape_matmul", "sum(matmul(transpose(a), reshape(b, [2, 3])) * c)",
     {"a": r3(2, 4), "b": r3(6), "c": r3(4, 3)},
     lambda a, b, c: ((a.t() @ b.reshape(2, 3)) * c).sum())
expr("gather_rows", "sum(gather(a, 1, idx) * b)",
     {"a": r3(3, 4), "idx": torch.tensor([[0, 2], [3, 3], [1, 0]], dtype=torch.int64), "b": r3(3, 2)},
     lambda a, idx, b: (torch.gather(a, 1, idx) * b).sum(),
     "row 1 gathers column 3 twice: its gradient is the sum of both b entries")
expr("where_pow", "sum(where(a > b, a * b, pow(a, 2))) + sum(pow(c, 3) * pow(c, d))",
     {"a": r3(2, 3), "b": r3(2, 3), "c": r3(2, 2, positive=True), "d": r3(2, 2)},
     lambda a, b, c, d: torch.where(a > b, a * b, a ** 2).sum() + (c ** 3 * torch.pow(c, d)).sum(),
     "where picks a*b where a > b, else a^2 (no ties); pow with a literal and with a tensor exponent "
     "(d/dd c^d = c^d log c)")
expr("log_softmax_by_hand", "sum(exp(a - reshape(logsumexp(a, 1), [2, 1])) * b) + mean(tanh(-a) * sigmoid(a))",
     {"a": r3(2, 3), "b": r3(2, 3)},
     lambda a, b: (torch.exp(a - torch.logsumexp(a, 1).reshape(2, 1)) * b).sum()
     + (torch.tanh(-a) * torch.sigmoid(a)).mean(),
     "a row softmax written out: logsumexp over dim 1 gives shape (2,), reshaped to (2, 1) so it "
     "broadcasts along the rows; plus unary minus inside tanh")

HVP_EXPR = ("hvp_tanh_matmul", "sum(tanh(matmul(a, b)) * c) + sum(pow(a, 3))",
            {"a": r3(2, 3), "b": r3(3, 2), "c": r3(2, 2)},
            lambda a, b, c: (torch.tanh(a @ b) * c).sum() + (a ** 3).sum(),
            "second order: v has the shape of a")
HVP_V = r3(2, 3)


def run(name, formula, inputs, check, note, hvp_v=None):
    env = {}
    floats = []
    for k, v in inputs.items():
        if v.is_floating_point():
            v = v.clone().requires_grad_(True)
            floats.append(k)
        env[k] = v
    value = evaluate_formula(formula, env)
    ref = check(*[env[k] for k in inputs])
    assert value.dim() == 0, name
    assert torch.equal(value, ref) or torch.allclose(value, ref, rtol=1e-14, atol=1e-14), (name, value, ref)
    grads = torch.autograd.grad(value, [env[k] for k in floats], create_graph=hvp_v is not None)
    ref_grads = torch.autograd.grad(ref, [env[k] for k in floats], retain_graph=True)
    for g, rg in zip(grads, ref_grads):
        assert torch.allclose(g, rg, rtol=1e-13, atol=1e-13), name
    item = {"name": name, "formula": formula,
            "inputs": {k: tj(v) for k, v in inputs.items()},
            "value": float(value.item()),
            "grads": {k: tj(g) for k, g in zip(floats, grads)}}
    if note:
        item["note"] = note
    if hvp_v is not None:
        wrt = floats[0]
        gsum = (grads[0] * hvp_v).sum()
        second = torch.autograd.grad(gsum, [env[k] for k in floats], allow_unused=True)
        second = [torch.zeros_like(env[k]) if s is None else s for k, s in zip(floats, second)]
        # cross-check the Hessian-vector product with finite differences of the gradient
        eps = 1e-6
        plus = {k: env[k].detach().clone() for k in floats}
        minus = {k: env[k].detach().clone() for k in floats}
        plus[wrt] += eps * hvp_v
        minus[wrt] -= eps * hvp_v

        def grad_at(vals):
            e = dict(env)
            for k in floats:
                e[k] = vals[k].clone().requires_grad_(True)
            val = evaluate_formula(formula, e)
            return torch.autograd.grad(val, [e[k] for k in floats])

        fd = [(gp - gm) / (2 * eps) for gp, gm in zip(grad_at(plus), grad_at(minus))]
        for s, f in zip(second, fd):
            assert torch.allclose(s, f, rtol=1e-6, atol=1e-6), (name, s, f)
        item["second_order"] = {
            "wrt": wrt,
            "v": tj(hvp_v),
            "definition": f"hvp[x] = d/dx sum(grad_{wrt}(value) * v)",
            "hvp": {k: tj(s) for k, s in zip(floats, second)},
        }
    return item


def main():
    items = [run(*e) for e in EXPRESSIONS]
    items.append(run(*HVP_EXPR, hvp_v=HVP_V))
    doc = {
        "description": "PyTorch reference values and gradients of small float64 expressions for the "
                       "backprop4j autograd tests. Generated by tools/reference/gen_autograd.py "
                       "(run: /usr/bin/python3 tools/reference/gen_autograd.py); do not edit by hand.",
        "torch_version": torch.__version__,
        "mini_language": MINI_LANGUAGE,
        "expressions": items,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    json.loads(OUT.read_text(encoding="utf-8"))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(items)} expressions (torch {torch.__version__})")
    for it in items:
        print(f"  {it['name']:<30} value={it['value']:.6f}  {it['formula']}")


if __name__ == "__main__":
    main()
