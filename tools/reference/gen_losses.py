#!/usr/bin/python3
"""Generate the PyTorch reference cases for the backprop4j losses.

Writes (relative to the repository root):
    losses/src/test/resources/reference/loss_cases.jsonl

Run from anywhere with Debian's system interpreter (it has PyTorch):
    /usr/bin/python3 tools/reference/gen_losses.py

Each line of the output is one JSON object
    {"request": <a `loss --jsonl` request as described in cli.md>,
     "expected": <the answer: {"id", "output", "grad_input"[, "grad_target"]}
                  or {"id", "error": "<message>"}>}
Tensors are {"shape": [...], "data": [...]} with row-major flat data; NaN and
+/-Infinity are written as the bare tokens NaN, Infinity, -Infinity (Python's
json module).  float32 numbers are the exact float32 values, written as Python
floats (repr round-trips).

PyTorch is the oracle, but the reference follows CURRENT PyTorch where the
installed 1.13.1 differs (losses.md section 0):
  1. binary_cross_entropy rejects targets outside [0, 1] (or NaN) with
     "all elements of target should be between 0 and 1" (1.13 accepted them).
     The element-wise check order of the current kernel is emulated: for each
     element in memory order, input is checked first, then target.
  2. binary_cross_entropy uses log1p(-x) instead of log(1 - x).  The forward
     value is therefore NOT taken from 1.13; it is recomputed with the current
     kernel formula, evaluated with torch element-wise ops IN THE CASE DTYPE:
         l = (y - 1) * max(log1p(-x), -100) - y * max(log(x), -100);  l *= w
     followed by torch's sum / mean.  Gradients are taken from 1.13 autograd
     (the backward formulas did not change).
  3. nll_loss with a 1-D input and a 1-D target is an error in current PyTorch
     ("Expected target to be 0D when input is 1D, but got target.dim =1"); 1.13
     silently used target[0].  This is emulated when the lengths are equal
     (unequal lengths give 1.13's "size mismatch" error, as losses.md 3.5 says).
  4. binary_cross_entropy_with_logits: the forward value is recomputed with the
     current formula  (1 - y) * x - lw * logsigmoid(x)  (lw = 1 + (pw - 1) * y),
     then times weight and reduced with torch; 1.13 used an algebraically
     identical older formula (differences are in the last bit only).
     Gradients come from 1.13 autograd.

Uses only torch, numpy and the standard library.  Deterministic: seeded, single
threaded; re-running rewrites an identical file.
"""

import json
import random
import sys
import warnings
from collections import Counter
from pathlib import Path

import torch
import torch.nn.functional as F

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "losses" / "src" / "test" / "resources" / "reference" / "loss_cases.jsonl"

DTYPES = {"float32": torch.float32, "float64": torch.float64}
INF = float("inf")
NAN = float("nan")

warnings.filterwarnings("ignore")
torch.set_num_threads(1)

# --------------------------------------------------------------------------------------
# tensor <-> JSON
# --------------------------------------------------------------------------------------


def tj(t):
    """torch tensor -> {"shape", "data"} (exact values; ints stay ints)."""
    t = t.detach()
    data = t.reshape(-1).tolist()
    if t.is_floating_point():
        data = [float(v) for v in data]
    else:
        data = [int(v) for v in data]
    return {"shape": list(t.shape), "data": data}


def fj(obj, dtype):
    """{"shape", "data"} -> torch tensor of the given dtype."""
    shape = obj["shape"]
    data = obj["data"]
    t = torch.tensor(data, dtype=dtype) if data else torch.zeros(0, dtype=dtype)
    return t.reshape(shape)


# --------------------------------------------------------------------------------------
# the oracle: evaluate one request
# --------------------------------------------------------------------------------------

NLL_1D1D_MSG = "Expected target to be 0D when input is 1D, but got target.dim =1"
BCE_INPUT_MSG = "all elements of input should be between 0 and 1"
BCE_TARGET_MSG = "all elements of target should be between 0 and 1"


class CurrentTorchError(RuntimeError):
    """An error that current PyTorch raises but 1.13 does not."""


def _bce_current_checks(x, y, w, reduction):
    """Python-level checks of F.binary_cross_entropy, then the current kernel's element checks.

    Returns normally when current PyTorch would get past the element-wise kernel."""
    # reduction, size and weight checks happen in Python before the kernel: let 1.13 raise them
    from torch.nn import _reduction as _Reduction
    _Reduction.get_enum(reduction)
    if y.size() != x.size():
        F.binary_cross_entropy(x, y, weight=w, reduction=reduction)  # raises the ValueError
        raise AssertionError("expected a size error")
    if w is not None:
        new_size = torch._C._infer_size(y.size(), w.size())
        w.expand(new_size)
    if y.dtype != x.dtype:
        F.binary_cross_entropy(x, y, weight=w, reduction=reduction)  # raises "Found dtype ..."
        raise AssertionError("expected a dtype error")
    for a, b in zip(x.detach().reshape(-1).tolist(), y.detach().reshape(-1).tolist()):
        if not (0 <= a <= 1):
            raise CurrentTorchError(BCE_INPUT_MSG)
        if not (0 <= b <= 1):
            raise CurrentTorchError(BCE_TARGET_MSG)


def _reduce(l, reduction):
    if reduction == "none":
        return l
    if reduction == "sum":
        return l.sum()
    return l.mean()


def bce_current_forward(x, y, w, reduction):
    x = x.detach()
    y = y.detach()
    a = torch.clamp_min(torch.log1p(-x), -100)
    b = torch.clamp_min(torch.log(x), -100)
    l = (y - 1) * a - y * b
    if w is not None:
        l = l * w.detach()
    return _reduce(l, reduction)


def bcel_current_forward(x, y, w, pw, reduction):
    x = x.detach()
    y = y.detach()
    ls = F.logsigmoid(x)
    if pw is not None:
        lw = (pw.detach() - 1) * y + 1
        ls = ls * lw
    l = (1 - y) * x - ls
    if w is not None:
        l = l * w.detach()
    return _reduce(l, reduction)


def _close(a, b, rtol, atol):
    return torch.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True)


STATS = Counter()


def _evaluate(req):
    op = req["op"]
    dt = DTYPES[req["dtype"]]
    x = fj(req["input"], dt).requires_grad_(True)
    opts = req.get("options", {})
    reduction = opts.get("reduction", "mean")
    weight = fj(opts["weight"], dt) if "weight" in opts else None
    tgt = None
    if "target" in req:
        tdt = torch.int64 if req["target_dtype"] == "int64" else DTYPES[req["target_dtype"]]
        tgt = fj(req["target"], tdt)
    want_tgrad = False
    out_value = None  # value to report, when it differs from the autograd output

    if op in ("log_softmax", "softmax"):
        fn = F.log_softmax if op == "log_softmax" else F.softmax
        out = fn(x, dim=opts["dim"]) if "dim" in opts else fn(x)
    elif op == "nll_loss":
        if x.dim() == 1 and tgt.dim() == 1 and tgt.shape[0] == x.shape[0]:
            raise CurrentTorchError(NLL_1D1D_MSG)
        out = F.nll_loss(x, tgt, weight=weight, ignore_index=opts.get("ignore_index", -100),
                         reduction=reduction)
    elif op == "cross_entropy":
        if tgt.is_floating_point() and tgt.shape == x.shape:
            tgt.requires_grad_(True)
            want_tgrad = True
        out = F.cross_entropy(x, tgt, weight=weight, ignore_index=opts.get("ignore_index", -100),
                              reduction=reduction, label_smoothing=opts.get("label_smoothing", 0.0))
    elif op == "binary_cross_entropy":
        # Python-level checks, then the current kernel's per-element input/target range checks
        _bce_current_checks(x, tgt, weight, reduction)
        if tgt.is_floating_point():
            tgt.requires_grad_(True)
            want_tgrad = True
        out = F.binary_cross_entropy(x, tgt, weight=weight, reduction=reduction)
        out_value = bce_current_forward(x, tgt, weight, reduction)
        STATS["bce_compared"] += 1
        if not torch.equal(out_value.nan_to_num(0.5), out.detach().nan_to_num(0.5)):
            STATS["bce_not_bitwise_equal"] += 1
        if not _close(out_value, out.detach(), 1e-4 if dt == torch.float32 else 1e-9, 1e-6):
            STATS["bce_log1p_visible"] += 1
    elif op == "binary_cross_entropy_with_logits":
        pw = fj(opts["pos_weight"], dt) if "pos_weight" in opts else None
        if tgt.is_floating_point():
            tgt.requires_grad_(True)
            want_tgrad = True
        out = F.binary_cross_entropy_with_logits(x, tgt, weight=weight, pos_weight=pw,
                                                 reduction=reduction)
        out_value = bcel_current_forward(x, tgt, weight, pw, reduction)
        assert out_value.shape == out.shape
        if not _close(out_value, out.detach(), 1e-5 if dt == torch.float32 else 1e-12, 1e-6):
            STATS["bcel_formula_visible"] += 1
            print("note: BCEWithLogits old/new formula differ visibly:", req["id"],
                  out_value.reshape(-1)[:4].tolist(), out.detach().reshape(-1)[:4].tolist(),
                  file=sys.stderr)
    elif op == "multilabel_soft_margin_loss":
        if tgt.is_floating_point():
            tgt.requires_grad_(True)
            want_tgrad = True
        out = F.multilabel_soft_margin_loss(x, tgt, weight=weight, reduction=reduction)
    else:
        raise AssertionError("unknown op " + op)

    if "grad_output" in req:
        go = fj(req["grad_output"], dt)
        assert tuple(go.shape) == tuple(out.shape), (req["id"], go.shape, out.shape)
    else:
        go = torch.ones_like(out)
    inputs = [x] + ([tgt] if want_tgrad else [])
    if out.requires_grad:
        grads = torch.autograd.grad(out, inputs, grad_outputs=go, allow_unused=True)
    else:
        grads = [None] * len(inputs)
    grads = [torch.zeros_like(t) if g is None else g for t, g in zip(inputs, grads)]
    ans = {"id": req["id"],
           "output": tj(out if out_value is None else out_value),
           "grad_input": tj(grads[0])}
    if want_tgrad:
        ans["grad_target"] = tj(grads[1])
    return ans


def evaluate(req):
    # round-trip through JSON so that the oracle sees exactly the request that is written
    req = json.loads(json.dumps(req))
    try:
        return _evaluate(req)
    except (RuntimeError, ValueError, IndexError, TypeError) as e:
        msg = str(e)
        assert "\n" not in msg, msg
        return {"id": req["id"], "error": msg}


# --------------------------------------------------------------------------------------
# random case generation
# --------------------------------------------------------------------------------------

R = random.Random(20240601)
torch.manual_seed(20240601)

REDUCTIONS = ["none", "mean", "sum"]


def pick_dtype():
    return R.choice(["float32", "float64"])


def randn(shape, dt, scale=1.0):
    return torch.randn(*shape, dtype=DTYPES[dt]) * scale if len(shape) else torch.randn((), dtype=DTYPES[dt]) * scale


def rand(shape, dt):
    return torch.rand(*shape, dtype=DTYPES[dt]) if len(shape) else torch.rand((), dtype=DTYPES[dt])


def set_reduction(opts):
    r = R.random()
    if r < 0.12:
        return  # default ("mean")
    opts["reduction"] = R.choice(REDUCTIONS)


def pick_N(maxn=5, empty_p=0.04):
    if R.random() < empty_p:
        return 0
    return R.randint(1, maxn)


def class_shapes(fam, C):
    """(input shape, index-target shape) for a shape family 0..4."""
    if fam == 0:
        return (C,), ()
    if fam == 1:
        N = pick_N(5)
        return (N, C), (N,)
    if fam == 2:
        N = pick_N(4)
        d = R.randint(1, 3)
        return (N, C, d), (N, d)
    if fam == 3:
        N = pick_N(3)
        d1, d2 = R.randint(1, 3), R.randint(1, 3)
        return (N, C, d1, d2), (N, d1, d2)
    N = pick_N(2)
    d1, d2, d3 = R.randint(1, 2), R.randint(1, 2), R.randint(1, 3)
    return (N, C, d1, d2, d3), (N, d1, d2, d3)


def spice_logits(x, dt, allow_inf=True):
    """Occasionally put extreme values into logits (in place on a float tensor)."""
    flat = x.view(-1)
    n = flat.numel()
    if n == 0:
        return x
    r = R.random()
    if r < 0.08:
        for _ in range(R.randint(1, 3)):
            flat[R.randrange(n)] = R.choice([1e4, -1e4])
    elif r < 0.13 and allow_inf:
        flat[R.randrange(n)] = -INF
    elif r < 0.20:
        x.mul_(R.choice([10.0, 30.0]))
    return x


def random_weight(C, dt, zero_p=0.2):
    w = torch.rand(C, dtype=DTYPES[dt]) * 1.9 + 0.1
    if R.random() < zero_p and C > 1:
        w[R.randrange(C)] = 0.0
    return w


def maybe_grad_output(req, p=1.0 / 3.0):
    """Add a random grad_output shaped like the output (about a third of the cases)."""
    if R.random() >= p:
        return req
    ans = evaluate(req)
    if "error" in ans:
        return req
    shape = ans["output"]["shape"]
    g = randn(shape, req["dtype"])
    if R.random() < 0.15:
        g = g * 0 + R.choice([2.0, -1.0, 0.5])
    req["grad_output"] = tj(g)
    return req


def gen_softmax(i, op):
    dt = pick_dtype()
    r = R.random()
    if r < 0.03:
        shape = ()
    else:
        nd = R.choice([1, 1, 2, 2, 2, 3, 3, 4, 5])
        shape = []
        for k in range(nd):
            lim = {1: 6, 2: 5, 3: 4, 4: 3, 5: 2}[nd]
            shape.append(R.randint(1, lim))
        if R.random() < 0.05:
            shape[R.randrange(nd)] = 0
        shape = tuple(shape)
    x = randn(shape, dt, R.choice([1.0, 1.0, 3.0]))
    if x.numel() > 0:
        r = R.random()
        flat = x.view(-1)
        if r < 0.06:
            flat[R.randrange(flat.numel())] = R.choice([1e4, -1e4])
        elif r < 0.12:
            flat[R.randrange(flat.numel())] = -INF
        elif r < 0.14:
            flat[R.randrange(flat.numel())] = INF
    nd = max(len(shape), 1)
    opts = {}
    if R.random() < 0.05:
        pass  # implicit dim (deprecated): 0 if ndim in {0,1,3} else 1
    else:
        opts["dim"] = R.randint(-nd, nd - 1)
    req = {"id": f"{op[:2]}-{i:04d}", "op": op, "dtype": dt, "input": tj(x), "options": opts}
    return maybe_grad_output(req)


def gen_index_target(tshape, C, ignore_index, ignore_p):
    t = torch.randint(0, C, tshape, dtype=torch.int64) if len(tshape) else torch.randint(0, C, (), dtype=torch.int64)
    if ignore_p > 0 and t.numel() > 0:
        flat = t.view(-1)
        for k in range(flat.numel()):
            if R.random() < ignore_p:
                flat[k] = ignore_index
    return t


def index_options(C, opts, dt, allow_smoothing):
    """Choose weight / ignore_index / label_smoothing for index targets; returns (ignore_index, ignore_p)."""
    if R.random() < 0.45:
        opts["weight"] = tj(random_weight(C, dt))
    r = R.random()
    ignore_index = -100
    if r < 0.35:
        pass  # default -100, no ignored targets
    elif r < 0.55:
        pass  # default -100 with some -100 targets
    elif r < 0.65:
        opts["ignore_index"] = -100
    elif r < 0.85:
        ignore_index = R.randrange(C)  # in range
        opts["ignore_index"] = ignore_index
    elif r < 0.93:
        ignore_index = -1
        opts["ignore_index"] = -1
    else:
        ignore_index = 255
        opts["ignore_index"] = 255
    ignore_p = 0.0
    if r >= 0.35:
        ignore_p = R.choice([0.2, 0.3, 0.5]) if R.random() > 0.06 else 1.0  # sometimes all ignored
    if allow_smoothing:
        rs = R.random()
        if rs < 0.45:
            pass
        elif rs < 0.5:
            opts["label_smoothing"] = 0.0
        elif rs < 0.95:
            opts["label_smoothing"] = R.choice([0.05, 0.1, 0.2, 0.3, 0.5, 0.75])
        elif rs < 0.98:
            opts["label_smoothing"] = 1.0
        else:
            opts["label_smoothing"] = -0.2  # silently treated as 0
    return ignore_index, ignore_p


def gen_nll(i):
    dt = pick_dtype()
    C = R.randint(1, 6) if R.random() < 0.1 else R.randint(2, 6)
    fam = R.choice([0, 1, 1, 1, 2, 2, 3, 3, 4])
    xshape, tshape = class_shapes(fam, C)
    logits = randn(xshape, dt, R.choice([1.0, 2.0]))
    if R.random() < 0.7 and logits.numel() > 0:
        x = F.log_softmax(logits, dim=0 if fam == 0 else 1)  # genuine log-probabilities
    else:
        x = logits  # nll_loss does not check its input
    spice_logits(x, dt)
    opts = {}
    ignore_index, ignore_p = index_options(C, opts, dt, allow_smoothing=False)
    set_reduction(opts)
    t = gen_index_target(tshape, C, ignore_index, ignore_p)
    req = {"id": f"nll-{i:04d}", "op": "nll_loss", "dtype": dt, "input": tj(x),
           "target": tj(t), "target_dtype": "int64", "options": opts}
    return maybe_grad_output(req)


def gen_ce_index(i):
    dt = pick_dtype()
    C = R.randint(1, 6) if R.random() < 0.08 else R.randint(2, 6)
    fam = R.choice([0, 1, 1, 1, 2, 2, 3, 3, 4])
    xshape, tshape = class_shapes(fam, C)
    x = randn(xshape, dt, R.choice([1.0, 2.0, 4.0]))
    spice_logits(x, dt)
    opts = {}
    ignore_index, ignore_p = index_options(C, opts, dt, allow_smoothing=True)
    set_reduction(opts)
    t = gen_index_target(tshape, C, ignore_index, ignore_p)
    req = {"id": f"cei-{i:04d}", "op": "cross_entropy", "dtype": dt, "input": tj(x),
           "target": tj(t), "target_dtype": "int64", "options": opts}
    return maybe_grad_output(req)


def gen_ce_prob(i):
    dt = pick_dtype()
    C = R.randint(2, 6) if R.random() > 0.05 else 1
    fam = R.choice([0, 1, 1, 1, 2, 2, 3, 4])
    xshape, _ = class_shapes(fam, C)
    cdim = 0 if fam == 0 else 1
    x = randn(xshape, dt, R.choice([1.0, 2.0]))
    spice_logits(x, dt)
    r = R.random()
    if r < 0.6:
        t = F.softmax(randn(xshape, dt, 2.0), dim=cdim) if x.numel() > 0 else rand(xshape, dt)
    elif r < 0.8:
        # one-hot probabilities
        idx = torch.randint(0, C, xshape[:cdim] + xshape[cdim + 1:], dtype=torch.int64)
        t = F.one_hot(idx, C).to(DTYPES[dt]).movedim(-1, cdim)
    else:
        t = rand(xshape, dt)  # not normalised: PyTorch does not check
    opts = {}
    if R.random() < 0.45:
        opts["weight"] = tj(random_weight(C, dt))
    rs = R.random()
    if rs < 0.5:
        pass
    elif rs < 0.95:
        opts["label_smoothing"] = R.choice([0.05, 0.1, 0.2, 0.4])
    else:
        opts["label_smoothing"] = 1.0
    if R.random() < 0.1:
        opts["ignore_index"] = R.choice([-100, -1])  # negative: accepted, no effect
    set_reduction(opts)
    req = {"id": f"cep-{i:04d}", "op": "cross_entropy", "dtype": dt, "input": tj(x),
           "target": tj(t), "target_dtype": dt, "options": opts}
    return maybe_grad_output(req)


def elementwise_shape(allow_scalar=True):
    r = R.random()
    if r < 0.04 and allow_scalar:
        return ()
    nd = R.choice([1, 2, 2, 2, 3, 3, 4])
    lim = {1: 6, 2: 5, 3: 4, 4: 3}[nd]
    shape = [R.randint(1, lim) for _ in range(nd)]
    if R.random() < 0.05:
        shape[0] = 0
    return tuple(shape)


def broadcast_weight_shape(shape):
    """A random shape that broadcasts to `shape` without enlarging it."""
    r = R.random()
    nd = len(shape)
    if nd == 0:
        return () if r < 0.7 else shape
    if r < 0.3:
        return shape
    if r < 0.6:
        return shape[-1:]
    if r < 0.7:
        return ()
    # keep some dims, set others to 1, maybe drop leading dims
    s = [d if R.random() < 0.5 else 1 for d in shape]
    drop = R.randint(0, nd - 1)
    return tuple(s[drop:])


def gen_bce(i):
    dt = pick_dtype()
    shape = elementwise_shape()
    x = rand(shape, dt)
    # keep x away from 0 (log1p/log(1-x) differences are emulated anyway); then sprinkle exact 0/1
    x = x * 0.98 + 0.01
    if x.numel() > 0 and R.random() < 0.2:
        flat = x.view(-1)
        for _ in range(R.randint(1, 3)):
            flat[R.randrange(flat.numel())] = R.choice([0.0, 1.0])
    r = R.random()
    if r < 0.5:
        y = (rand(shape, dt) < 0.5).to(DTYPES[dt])
    elif r < 0.9:
        y = rand(shape, dt)
    else:
        y = x.clone()
        if y.numel() > 0:
            y.view(-1)[0] = R.choice([0.0, 1.0])
    opts = {}
    if R.random() < 0.45:
        ws = broadcast_weight_shape(shape)
        w = rand(ws, dt) * 2
        if R.random() < 0.2 and w.numel() > 1:
            w.view(-1)[0] = 0.0
        opts["weight"] = tj(w)
    set_reduction(opts)
    req = {"id": f"bce-{i:04d}", "op": "binary_cross_entropy", "dtype": dt, "input": tj(x),
           "target": tj(y), "target_dtype": dt, "options": opts}
    return maybe_grad_output(req)


def gen_bcel(i):
    dt = pick_dtype()
    shape = elementwise_shape()
    x = randn(shape, dt, R.choice([1.0, 2.0, 5.0]))
    if x.numel() > 0 and R.random() < 0.1:
        flat = x.view(-1)
        for _ in range(R.randint(1, 3)):
            flat[R.randrange(flat.numel())] = R.choice([1e4, -1e4, 100.0, -100.0])
    r = R.random()
    if r < 0.5:
        y = (rand(shape, dt) < 0.5).to(DTYPES[dt])
    elif r < 0.92:
        y = rand(shape, dt)
    else:
        y = rand(shape, dt) * 3 - 1  # BCEWithLogits does not range-check targets
    opts = {}
    if R.random() < 0.4:
        ws = broadcast_weight_shape(shape)
        w = rand(ws, dt) * 2
        if R.random() < 0.2 and w.numel() > 1:
            w.view(-1)[0] = 0.0
        opts["weight"] = tj(w)
    if R.random() < 0.5:
        nd = len(shape)
        choices = [()]
        if nd >= 1:
            choices += [shape[-1:], shape[-1:], (1,)]
        if nd == 4:
            choices += [(shape[1], 1, 1)] * 3
        if nd == 3:
            choices += [(shape[1], 1)]
        if nd >= 2:
            choices += [shape]
        ps = R.choice(choices)
        opts["pos_weight"] = tj(rand(ps, dt) * 3)
    set_reduction(opts)
    req = {"id": f"bcel-{i:04d}", "op": "binary_cross_entropy_with_logits", "dtype": dt,
           "input": tj(x), "target": tj(y), "target_dtype": dt, "options": opts}
    return maybe_grad_output(req)


def gen_mlsm(i):
    dt = pick_dtype()
    C = R.randint(1, 6)
    r = R.random()
    if r < 0.15:
        shape = (C,)
    elif r < 0.8:
        shape = (pick_N(5, 0.05), C)
    else:
        shape = (pick_N(3, 0.05), R.randint(1, 3), C)
    x = randn(shape, dt, R.choice([1.0, 2.0, 5.0]))
    if x.numel() > 0 and R.random() < 0.08:
        x.view(-1)[R.randrange(x.numel())] = R.choice([1e4, -1e4])
    tshape = shape
    if len(shape) == 2 and R.random() < 0.06:
        tshape = (C,)  # broadcasts against (N, C)
    if R.random() < 0.7:
        y = (rand(tshape, dt) < 0.5).to(DTYPES[dt])
    else:
        y = rand(tshape, dt)
    opts = {}
    if R.random() < 0.45:
        if R.random() < 0.85:
            w = random_weight(C, dt)
        else:
            w = rand(shape, dt) * 2
        opts["weight"] = tj(w)
    set_reduction(opts)
    req = {"id": f"mlsm-{i:04d}", "op": "multilabel_soft_margin_loss", "dtype": dt,
           "input": tj(x), "target": tj(y), "target_dtype": dt, "options": opts}
    return maybe_grad_output(req)


# --------------------------------------------------------------------------------------
# hand-written extreme cases
# --------------------------------------------------------------------------------------


def T(data, dt, shape=None):
    t = torch.tensor(data, dtype=DTYPES[dt] if dt in DTYPES else torch.int64)
    if shape is not None:
        t = t.reshape(shape)
    return tj(t)


def L(data):
    return tj(torch.tensor(data, dtype=torch.int64))


def extreme_cases():
    cases = []

    def add(cid, op, dt, x, target=None, target_dtype=None, grad_output=None, **opts):
        req = {"id": cid, "op": op, "dtype": dt, "input": x}
        if target is not None:
            req["target"] = target
            req["target_dtype"] = target_dtype
        req["options"] = opts
        if grad_output is not None:
            req["grad_output"] = grad_output
        cases.append(req)

    for dt in ("float32", "float64"):
        s = dt[-2:]
        # softmax / log_softmax
        for op in ("log_softmax", "softmax"):
            p = op[:2]
            add(f"x-{p}-big-{s}", op, dt, T([[1e4, 0.0, -1e4], [-1e4, 1e4, 1e4]], dt), dim=1)
            add(f"x-{p}-neginf-{s}", op, dt, T([[0.0, -INF, 1.0], [-INF, 2.0, -INF]], dt), dim=-1,
                grad_output=T([[1.0, 0.5, -2.0], [0.25, 1.0, 3.0]], dt))
            add(f"x-{p}-allneginf-{s}", op, dt, T([[-INF, -INF], [0.0, 1.0]], dt), dim=1)
            add(f"x-{p}-posinf-{s}", op, dt, T([[0.0, INF, 1.0]], dt), dim=1)
            add(f"x-{p}-nan-{s}", op, dt, T([[0.0, NAN, 1.0], [1.0, 2.0, 3.0]], dt), dim=1)
            add(f"x-{p}-scalar-d0-{s}", op, dt, T(2.5, dt), dim=0)
            add(f"x-{p}-scalar-dm1-{s}", op, dt, T(-1.5, dt), dim=-1)
            add(f"x-{p}-empty-{s}", op, dt, tj(torch.zeros(0, 3, dtype=DTYPES[dt])), dim=1)
            add(f"x-{p}-implicit3d-{s}", op, dt, tj(torch.arange(12, dtype=DTYPES[dt]).reshape(2, 3, 2) / 4))
        # cross entropy / nll extremes
        add(f"x-ce-big-{s}", "cross_entropy", dt, T([[1e4, 0.0, -1e4], [0.0, 1e4, -1e4]], dt), L([1, 1]), "int64",
            reduction="none")
        add(f"x-ce-big-mean-{s}", "cross_entropy", dt, T([[1e4, 0.0, -1e4]], dt), L([1]), "int64")
        add(f"x-ce-neginf-nontarget-{s}", "cross_entropy", dt, T([[0.0, -INF, 1.0]], dt), L([0]), "int64")
        add(f"x-ce-neginf-target-{s}", "cross_entropy", dt, T([[0.0, -INF, 1.0], [1.0, 2.0, 3.0]], dt),
            L([1, 0]), "int64", reduction="none")
        add(f"x-ce-neginf-smooth-{s}", "cross_entropy", dt, T([[0.0, -INF, 1.0]], dt), L([0]), "int64",
            label_smoothing=0.1)
        add(f"x-ce-neginf-w0-smooth-{s}", "cross_entropy", dt, T([[0.0, -INF, 1.0]], dt), L([0]), "int64",
            label_smoothing=0.1, weight=T([1.0, 0.0, 1.0], dt))
        add(f"x-ce-neginf-ignored-smooth-{s}", "cross_entropy", dt, T([[0.0, -INF, 1.0], [1.0, 0.0, 0.5]], dt),
            L([-100, 2]), "int64", label_smoothing=0.2, reduction="none")
        add(f"x-ce-neginf-row-ignored-{s}", "cross_entropy", dt, T([[-INF, -INF, -INF], [1.0, 0.0, 0.5]], dt),
            L([-100, 2]), "int64", label_smoothing=0.2, reduction="mean")
        for red in ("mean", "sum", "none"):
            add(f"x-ce-allignored-{red}-{s}", "cross_entropy", dt, T([[1.0, 2.0, 3.0], [0.5, 0.1, -1.0]], dt),
                L([-100, -100]), "int64", reduction=red)
            add(f"x-ce-allignored-smooth-{red}-{s}", "cross_entropy", dt,
                T([[1.0, 2.0, 3.0], [0.5, 0.1, -1.0]], dt), L([1, 1]), "int64", reduction=red,
                ignore_index=1, label_smoothing=0.3, weight=T([1.0, 2.0, 0.5], dt))
            add(f"x-nll-allignored-{red}-{s}", "nll_loss", dt, T([[-1.0, -2.0], [-0.5, -0.1]], dt),
                L([-100, -100]), "int64", reduction=red)
            add(f"x-ce-w0-{red}-{s}", "cross_entropy", dt, T([[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], dt),
                L([0, 0]), "int64", reduction=red, weight=T([0.0, 1.0, 1.0], dt))
            add(f"x-nll-w0-{red}-{s}", "nll_loss", dt, T([[-1.0, -2.0, -3.0], [-1.0, -2.0, -3.0]], dt),
                L([0, 0]), "int64", reduction=red, weight=T([0.0, 1.0, 1.0], dt))
            add(f"x-ce-empty-{red}-{s}", "cross_entropy", dt, tj(torch.zeros(0, 3, dtype=DTYPES[dt])),
                L([]), "int64", reduction=red)
            add(f"x-ce-empty3d-{red}-{s}", "cross_entropy", dt, tj(torch.zeros(0, 3, 2, dtype=DTYPES[dt])),
                tj(torch.zeros(0, 2, dtype=torch.int64)), "int64", reduction=red)
            add(f"x-ce-empty4d-{red}-{s}", "cross_entropy", dt, tj(torch.zeros(0, 3, 2, 2, dtype=DTYPES[dt])),
                tj(torch.zeros(0, 2, 2, dtype=torch.int64)), "int64", reduction=red)
            add(f"x-cep-empty-{red}-{s}", "cross_entropy", dt, tj(torch.zeros(0, 3, dtype=DTYPES[dt])),
                tj(torch.zeros(0, 3, dtype=DTYPES[dt])), dt, reduction=red)
            add(f"x-bce-empty-{red}-{s}", "binary_cross_entropy", dt, tj(torch.zeros(0, 3, dtype=DTYPES[dt])),
                tj(torch.zeros(0, 3, dtype=DTYPES[dt])), dt, reduction=red)
            add(f"x-bcel-empty-{red}-{s}", "binary_cross_entropy_with_logits", dt,
                tj(torch.zeros(0, 3, dtype=DTYPES[dt])), tj(torch.zeros(0, 3, dtype=DTYPES[dt])), dt,
                reduction=red, pos_weight=T([1.0, 2.0, 3.0], dt))
            add(f"x-mlsm-empty-{red}-{s}", "multilabel_soft_margin_loss", dt,
                tj(torch.zeros(0, 3, dtype=DTYPES[dt])), tj(torch.zeros(0, 3, dtype=DTYPES[dt])), dt,
                reduction=red)
        add(f"x-nll-neginf-w0-{s}", "nll_loss", dt, T([[-INF, -1.0], [-0.5, -1.0]], dt), L([0, 1]), "int64",
            weight=T([0.0, 1.0], dt), reduction="sum")
        add(f"x-nll-negweight-{s}", "nll_loss", dt, T([[-0.5, -1.0], [-0.25, -2.0]], dt), L([0, 1]), "int64",
            weight=T([1.0, -1.0], dt))
        add(f"x-ce-C1-{s}", "cross_entropy", dt, T([[5.0], [-3.0]], dt), L([0, 0]), "int64")
        add(f"x-ce-smooth1-{s}", "cross_entropy", dt, T([[0.5, -1.0, 2.0]], dt), L([2]), "int64",
            label_smoothing=1.0)
        add(f"x-ce-smoothneg-{s}", "cross_entropy", dt, T([[0.5, -1.0, 2.0]], dt), L([1]), "int64",
            label_smoothing=-0.5)
        add(f"x-ce-inrange-ignore-smooth-{s}", "cross_entropy", dt, T([[0.5, -1.0, 2.0], [0.1, 0.2, -0.3]], dt),
            L([2, 1]), "int64", ignore_index=1, label_smoothing=0.3, reduction="none")
        add(f"x-cep-neginf-{s}", "cross_entropy", dt, T([[0.0, -INF, 1.0]], dt), T([[1.0, 0.0, 0.0]], dt), dt)
        add(f"x-cep-neginf-smooth-{s}", "cross_entropy", dt, T([[0.0, -INF, 1.0]], dt),
            T([[1.0, 0.0, 0.0]], dt), dt, label_smoothing=0.1)
        add(f"x-cep-big-{s}", "cross_entropy", dt, T([[1e4, 0.0, -1e4]], dt), T([[0.2, 0.8, 0.0]], dt), dt,
            reduction="sum")
        # BCE exact 0 / 1
        add(f"x-bce-01-none-{s}", "binary_cross_entropy", dt, T([0.0, 1.0, 0.0, 1.0, 0.0, 1.0], dt),
            T([0.0, 0.0, 1.0, 1.0, 0.5, 0.5], dt), dt, reduction="none")
        add(f"x-bce-01-mean-{s}", "binary_cross_entropy", dt, T([[0.0, 1.0], [0.25, 1.0]], dt),
            T([[1.0, 0.0], [0.0, 1.0]], dt), dt, weight=T([2.0, 0.5], dt))
        add(f"x-bce-01-sum-{s}", "binary_cross_entropy", dt, T([0.0, 1.0, 0.5], dt),
            T([1.0, 0.0, 0.5], dt), dt, reduction="sum", grad_output=T(-2.0, dt))
        add(f"x-bce-scalar-{s}", "binary_cross_entropy", dt, T(0.3, dt), T(1.0, dt), dt, reduction="none")
        add(f"x-bce-linspace-{s}", "binary_cross_entropy", dt, T([0.0, 0.25, 0.5, 0.75, 1.0], dt),
            T([0.0] * 5, dt), dt, reduction="none")
        # BCEWithLogits extremes
        add(f"x-bcel-big-{s}", "binary_cross_entropy_with_logits", dt, T([1e4, -1e4, 1e4, -1e4], dt),
            T([0.0, 0.0, 1.0, 1.0], dt), dt, reduction="none")
        add(f"x-bcel-inf-{s}", "binary_cross_entropy_with_logits", dt, T([INF, -INF, INF, -INF], dt),
            T([0.0, 0.0, 1.0, 1.0], dt), dt, reduction="none")
        add(f"x-bcel-big-pw-{s}", "binary_cross_entropy_with_logits", dt, T([[1e4, -1e4], [-1e4, 1e4]], dt),
            T([[1.0, 1.0], [0.0, 0.5]], dt), dt, reduction="sum", pos_weight=T([2.0, 0.5], dt))
        add(f"x-bcel-pw-scalar-{s}", "binary_cross_entropy_with_logits", dt, T([0.0, 0.0], dt),
            T([1.0, 0.0], dt), dt, reduction="none", pos_weight=T(2.0, dt))
        add(f"x-bcel-pw-c11-{s}", "binary_cross_entropy_with_logits", dt,
            tj(torch.linspace(-2, 2, 24, dtype=DTYPES[dt]).reshape(2, 3, 2, 2)),
            tj((torch.arange(24) % 3 == 0).to(DTYPES[dt]).reshape(2, 3, 2, 2)), dt,
            pos_weight=T([[[1.0]], [[2.0]], [[3.0]]], dt), weight=T([[1.0], [0.5]], dt, (2, 1, 1, 1)))
        # MLSM extremes
        add(f"x-mlsm-big-{s}", "multilabel_soft_margin_loss", dt, T([[1e4, -1e4, 1e4, -1e4]], dt),
            T([[0.0, 0.0, 1.0, 1.0]], dt), dt, reduction="none")
        add(f"x-mlsm-inf-{s}", "multilabel_soft_margin_loss", dt, T([[INF, -INF], [INF, -INF]], dt),
            T([[1.0, 0.0], [0.0, 1.0]], dt), dt, reduction="none")
        add(f"x-mlsm-1d-{s}", "multilabel_soft_margin_loss", dt, T([0.0, 1.0], dt), T([1.0, 0.0], dt), dt)
        add(f"x-mlsm-bcast-target-{s}", "multilabel_soft_margin_loss", dt, T([[0.5, -1.0, 2.0], [0.1, 0.2, -0.3]], dt),
            T([1.0, 0.0, 1.0], dt), dt, reduction="none", weight=T([1.0, 0.0, 2.0], dt))
        # NLL shape families with ignore in range
        add(f"x-nll-unbatched-ignored-{s}", "nll_loss", dt, T([-1.0, -2.0, -3.0], dt), L(1), "int64",
            ignore_index=1)
        add(f"x-nll-unbatched-w-{s}", "nll_loss", dt, T([-1.0, -2.0, -3.0], dt), L(1), "int64",
            weight=T([1.0, 5.0, 1.0], dt))
        add(f"x-nll-unbatched-w0-{s}", "nll_loss", dt, T([-1.0, -2.0, -3.0], dt), L(1), "int64",
            weight=T([1.0, 0.0, 1.0], dt))
    return cases


# --------------------------------------------------------------------------------------
# error cases (losses.md 2.1, 3.5, 4.7, 5.4, 6.1, 7.2)
# --------------------------------------------------------------------------------------


def error_cases():
    cases = []

    def add(cid, op, dt, x, target=None, target_dtype=None, **opts):
        req = {"id": cid, "op": op, "dtype": dt, "input": x}
        if target is not None:
            req["target"] = target
            req["target_dtype"] = target_dtype
        req["options"] = opts
        cases.append(req)

    d, f = "float64", "float32"
    x23 = T([[0.1, 0.2, 0.7], [1.0, -1.0, 0.5]], d)
    x23f = T([[0.1, 0.2, 0.7], [1.0, -1.0, 0.5]], f)
    lp23 = T([[-1.0, -2.0, -0.5], [-0.3, -1.2, -2.2]], d)

    # softmax / log_softmax: dim out of range
    add("err-ls-dim-range", "log_softmax", d, x23, dim=2)
    add("err-ls-dim-range-neg", "log_softmax", f, x23f, dim=-3)
    add("err-sm-dim-range", "softmax", d, T([1.0, 2.0], d), dim=1)
    add("err-sm-scalar-dim", "softmax", f, T(1.0, f), dim=1)

    # nll_loss (3.5)
    add("err-nll-0d-input", "nll_loss", d, T(1.0, d), L(0), "int64")
    add("err-nll-batch", "nll_loss", d, lp23, L([0, 1, 2]), "int64")
    add("err-nll-multitarget", "nll_loss", d, lp23, L([[0, 1], [1, 0]]), "int64")
    add("err-nll-1d-size", "nll_loss", d, T([-1.0, -2.0, -3.0], d), L([0, 1]), "int64")
    add("err-nll-1d-1d", "nll_loss", d, T([-1.0, -2.0, -3.0], d), L([0, 1, 2]), "int64")
    add("err-nll-3d-target-size", "nll_loss", f, tj(torch.zeros(2, 3, 4)),
        tj(torch.zeros(2, 5, dtype=torch.int64)), "int64")
    add("err-nll-5d-target-size", "nll_loss", d, tj(torch.zeros(1, 2, 2, 2, 2, dtype=torch.float64)),
        tj(torch.zeros(1, 2, 2, 3, dtype=torch.int64)), "int64")
    add("err-nll-4d-target-dim", "nll_loss", d, tj(torch.zeros(2, 3, 4, 5, dtype=torch.float64)),
        tj(torch.zeros(2, 20, dtype=torch.int64)), "int64")
    add("err-nll-4d-size", "nll_loss", f, tj(torch.zeros(2, 3, 4, 5)),
        tj(torch.zeros(2, 4, 6, dtype=torch.int64)), "int64")
    add("err-nll-weight-size", "nll_loss", d, lp23, L([0, 1]), "int64", weight=T([1.0, 2.0], d))
    add("err-nll-weight-size-4d", "nll_loss", d, tj(torch.zeros(1, 3, 2, 2, dtype=torch.float64)),
        tj(torch.zeros(1, 2, 2, dtype=torch.int64)), "int64", weight=T([1.0, 2.0], d))
    add("err-nll-weight-size-3d", "nll_loss", d, tj(torch.zeros(1, 3, 2, dtype=torch.float64)),
        tj(torch.zeros(1, 2, dtype=torch.int64)), "int64", weight=T([1.0, 2.0, 3.0, 4.0], d))
    add("err-nll-target-oob", "nll_loss", d, lp23, L([0, 3]), "int64")
    add("err-nll-target-neg", "nll_loss", f, x23f, L([-1, 0]), "int64")
    add("err-nll-target-oob-none", "nll_loss", d, lp23, L([5, 0]), "int64", reduction="none")
    add("err-nll-target-oob-unbatched", "nll_loss", d, T([-1.0, -2.0, -3.0], d), L(3), "int64")
    add("err-nll-target-oob-4d", "nll_loss", d, tj(torch.zeros(1, 3, 2, 2, dtype=torch.float64)),
        L([[[0, 1], [2, 7]]]), "int64")
    add("err-nll-target-oob-3d-none", "nll_loss", f, tj(torch.zeros(1, 3, 2)), L([[0, 4]]), "int64",
        reduction="none")
    add("err-nll-ignore-not-target", "nll_loss", d, lp23, L([-100, 3]), "int64", ignore_index=-1)
    add("err-nll-target-float", "nll_loss", d, lp23, T([0.0, 1.0], d), d)
    add("err-nll-target-float-f32", "nll_loss", f, x23f, T([0.0, 1.0], f), f)
    add("err-nll-reduction", "nll_loss", d, lp23, L([0, 1]), "int64", reduction="avg")

    # cross_entropy (4.7 + NLL rows through nll_loss_nd)
    add("err-ce-prob-int-target", "cross_entropy", d, x23, L([[0, 1, 0], [1, 0, 0]]), "int64")
    add("err-ce-unbatched-int-len-C", "cross_entropy", d, T([1.0, 2.0, 3.0], d), L([0, 1, 2]), "int64")
    add("err-ce-prob-ignore-index", "cross_entropy", d, x23, T([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]], d), d,
        ignore_index=1)
    add("err-ce-prob-ignore-index0", "cross_entropy", f, x23f, T([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]], f), f,
        ignore_index=0)
    add("err-ce-smoothing", "cross_entropy", d, x23, L([0, 1]), "int64", label_smoothing=1.5)
    add("err-ce-smoothing-prob", "cross_entropy", d, x23, T([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]], d), d,
        label_smoothing=1.5)
    add("err-ce-prob-weight-size", "cross_entropy", d, x23, T([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]], d), d,
        weight=T([1.0, 2.0], d))
    add("err-ce-index-float-target", "cross_entropy", d, x23, T([0.0, 2.0], d), d)
    add("err-ce-index-float-target-f32", "cross_entropy", f, x23f, T([0.0, 2.0], f), f)
    add("err-ce-0d-float", "cross_entropy", d, T(1.0, d), T(0.0, d), d)
    add("err-ce-0d-long", "cross_entropy", d, T(1.0, d), L(0), "int64")
    add("err-ce-target-oob", "cross_entropy", d, x23, L([0, 5]), "int64")
    add("err-ce-target-oob-smooth", "cross_entropy", f, x23f, L([0, 5]), "int64", label_smoothing=0.1)
    add("err-ce-target-neg", "cross_entropy", d, x23, L([-1, 0]), "int64", reduction="sum")
    add("err-ce-batch", "cross_entropy", d, x23, L([0, 1, 2]), "int64")
    add("err-ce-batch-f32", "cross_entropy", f, x23f, L([0]), "int64")
    add("err-ce-multitarget", "cross_entropy", d, x23, L([[0, 1], [1, 0]]), "int64")
    add("err-ce-1d-size", "cross_entropy", d, T([1.0, 2.0, 3.0], d), L([0, 1]), "int64")
    add("err-ce-weight-size", "cross_entropy", d, x23, L([0, 1]), "int64", weight=T([1.0, 2.0, 3.0, 4.0], d))
    add("err-ce-3d-target-size", "cross_entropy", d, tj(torch.zeros(2, 3, 4, dtype=torch.float64)),
        tj(torch.zeros(2, 5, dtype=torch.int64)), "int64")
    add("err-ce-4d-target-dim", "cross_entropy", f, tj(torch.zeros(2, 3, 4, 5)),
        tj(torch.zeros(2, 20, dtype=torch.int64)), "int64")
    add("err-ce-4d-size", "cross_entropy", d, tj(torch.zeros(2, 3, 4, 5, dtype=torch.float64)),
        tj(torch.zeros(2, 4, 6, dtype=torch.int64)), "int64")
    add("err-ce-reduction", "cross_entropy", d, x23, L([0, 1]), "int64", reduction="avg")
    add("err-ce-reduction-prob", "cross_entropy", f, x23f, T([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]], f), f,
        reduction="elementwise_sum")

    # binary_cross_entropy (5.4)
    p3 = T([0.2, 0.7, 0.9], d)
    add("err-bce-size", "binary_cross_entropy", d, p3, T([0.0, 1.0], d), d)
    add("err-bce-size-broadcastable", "binary_cross_entropy", d, T([[0.2, 0.7, 0.9]], d), T([0.0, 1.0, 1.0], d), d)
    add("err-bce-input-neg", "binary_cross_entropy", d, T([0.2, -0.1, 0.9], d), T([0.0, 1.0, 1.0], d), d)
    add("err-bce-input-gt1", "binary_cross_entropy", f, T([0.2, 1.5, 0.9], f), T([0.0, 1.0, 1.0], f), f)
    add("err-bce-input-nan", "binary_cross_entropy", d, T([0.2, NAN, 0.9], d), T([0.0, 1.0, 1.0], d), d)
    add("err-bce-target-gt1", "binary_cross_entropy", d, T([0.5], d), T([2.0], d), d)
    add("err-bce-target-neg", "binary_cross_entropy", f, T([0.2, 0.5], f), T([0.0, -0.5], f), f,
        reduction="none")
    add("err-bce-target-nan", "binary_cross_entropy", d, T([0.2, 0.5], d), T([NAN, 1.0], d), d, reduction="sum")
    add("err-bce-target-first", "binary_cross_entropy", d, T([0.2, 1.5], d), T([3.0, 0.5], d), d)
    add("err-bce-int-target", "binary_cross_entropy", f, T([0.2, 0.7, 0.9], f), L([0, 1, 1]), "int64")
    add("err-bce-weight-bcast", "binary_cross_entropy", d, p3, T([0.0, 1.0, 1.0], d), d, weight=T([1.0, 2.0], d))
    add("err-bce-weight-bigger", "binary_cross_entropy", d, p3, T([0.0, 1.0, 1.0], d), d,
        weight=T([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], d))
    add("err-bce-reduction", "binary_cross_entropy", d, p3, T([0.0, 1.0, 1.0], d), d, reduction="avg")

    # binary_cross_entropy_with_logits (6.1)
    z3 = T([0.5, -1.0, 2.0], d)
    add("err-bcel-size", "binary_cross_entropy_with_logits", d, z3, T([1.0, 0.0], d), d)
    add("err-bcel-size-f32", "binary_cross_entropy_with_logits", f, T([[0.5, -1.0, 2.0]], f),
        T([1.0, 0.0, 1.0], f), f)
    add("err-bcel-pw-4d-last", "binary_cross_entropy_with_logits", d,
        tj(torch.zeros(2, 3, 4, 4, dtype=torch.float64)), tj(torch.ones(2, 3, 4, 4, dtype=torch.float64)), d,
        pos_weight=T([1.0, 2.0, 3.0], d))
    add("err-bcel-pw-4d-last2", "binary_cross_entropy_with_logits", f,
        tj(torch.zeros(1, 2, 3, 3)), tj(torch.ones(1, 2, 3, 3)), f, pos_weight=T([1.0, 2.0], f))
    add("err-bcel-pw-bigger", "binary_cross_entropy_with_logits", d, z3, T([1.0, 0.0, 0.3], d), d,
        pos_weight=T([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], d))
    add("err-bcel-weight-bcast", "binary_cross_entropy_with_logits", d, z3, T([1.0, 0.0, 0.3], d), d,
        weight=T([1.0, 2.0], d))
    add("err-bcel-weight-bigger", "binary_cross_entropy_with_logits", d, z3, T([1.0, 0.0, 0.3], d), d,
        weight=T([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]], d))
    add("err-bcel-int-target", "binary_cross_entropy_with_logits", f, T([0.5, -1.0, 2.0], f), L([1, 0, 1]),
        "int64")
    add("err-bcel-reduction", "binary_cross_entropy_with_logits", d, z3, T([1.0, 0.0, 0.3], d), d, reduction="avg")

    # multilabel_soft_margin_loss (7.2)
    add("err-mlsm-bcast", "multilabel_soft_margin_loss", d, x23, T([[1.0, 0.0], [0.0, 1.0]], d), d)
    add("err-mlsm-weight-bcast", "multilabel_soft_margin_loss", d, x23, T([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], d), d,
        weight=T([1.0, 2.0], d))
    add("err-mlsm-0d", "multilabel_soft_margin_loss", d, T(1.0, d), T(1.0, d), d)
    add("err-mlsm-reduction", "multilabel_soft_margin_loss", d, x23, T([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], d), d,
        reduction="avg")
    add("err-mlsm-reduction-f32", "multilabel_soft_margin_loss", f, x23f,
        T([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], f), f, reduction="elementwise_mean")
    return cases


# --------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------
# degenerate denominators (issue 15): drawn on purpose, not by chance
# --------------------------------------------------------------------------------------


def gen_degenerate(i):
    """cross_entropy / nll_loss cases whose mean divides by 0 or by a tiny count, or whose smoothing
    sits at 0 or 1: every counted target of weight 0 (with and without smoothing), all targets
    ignored, all weights 0, a zero-weight class that is ignored anyway, empty batches, and their
    sum / none neighbours.  Probability targets get zero weights and empty batches too."""
    dt = pick_dtype()
    kind = R.choice(["ce_index", "ce_index", "ce_index", "nll", "ce_prob"])
    C = R.randint(2, 6)
    fam = R.choice([0, 1, 1, 2, 3, 4])
    xshape, tshape = class_shapes(fam, C)
    if R.random() < 0.12 and fam != 0:
        xshape = (0,) + tuple(xshape[1:])
        tshape = (0,) + tuple(tshape[1:])
    x = randn(xshape, dt, R.choice([1.0, 3.0]))
    opts = {}
    r = R.random()
    reduction = "mean" if r < 0.6 else R.choice(["sum", "none"])
    if R.random() > 0.1:
        opts["reduction"] = reduction
    if kind == "ce_prob":
        cdim = 0 if fam == 0 else 1
        t = F.softmax(randn(xshape, dt, 2.0), dim=cdim) if x.numel() > 0 else rand(xshape, dt)
        w = torch.rand(C, dtype=DTYPES[dt]) + 0.1
        mode = R.random()
        if mode < 0.4:
            w.zero_()
        elif mode < 0.8:
            w[R.randrange(C)] = 0.0
        opts["weight"] = tj(w)
        opts["label_smoothing"] = R.choice([0.0, 0.0, 1.0, 1.0, 0.1])
        req = {"id": f"deg-{i:04d}", "op": "cross_entropy", "dtype": dt, "input": tj(x),
               "target": tj(t), "target_dtype": dt, "options": opts}
        return maybe_grad_output(req)
    t = torch.randint(0, C, tshape, dtype=torch.int64)
    ignore_index = -100
    if R.random() < 0.4:
        ignore_index = R.randrange(C)  # a class that is ignored anyway
        opts["ignore_index"] = ignore_index
    flat = t.view(-1)
    mode = R.random()
    if mode < 0.25:
        flat.fill_(ignore_index)  # all ignored
    elif mode < 0.5:
        for k in range(flat.numel()):
            if R.random() < 0.4:
                flat[k] = ignore_index
    w = torch.rand(C, dtype=DTYPES[dt]) + 0.1
    wmode = R.random()
    if wmode < 0.45:
        # every counted target has weight 0 (the classes of the ignored ones may be anything)
        for v in flat.tolist():
            if v != ignore_index:
                w[v] = 0.0
        if ignore_index >= 0 and R.random() < 0.5:
            w[ignore_index] = 0.0  # a zero-weight class that is ignored anyway
    elif wmode < 0.6:
        w.zero_()  # all weights zero
    elif wmode < 0.8:
        w[R.randrange(C)] = 0.0
    else:
        w = None
    if w is not None:
        opts["weight"] = tj(w)
    if kind == "ce_index":
        opts["label_smoothing"] = R.choice([0.0, 0.0, 1.0, 1.0, 0.1, 0.3])
    req = {"id": f"deg-{i:04d}", "op": "cross_entropy" if kind == "ce_index" else "nll_loss", "dtype": dt,
           "input": tj(x), "target": tj(t), "target_dtype": "int64", "options": opts}
    return maybe_grad_output(req)


def main():
    reqs = []
    counts = {"log_softmax": 70, "softmax": 70, "nll_loss": 120, "ce_index": 130, "ce_prob": 80,
              "binary_cross_entropy": 90, "binary_cross_entropy_with_logits": 90,
              "multilabel_soft_margin_loss": 80, "degenerate": 200}
    for i in range(counts["log_softmax"]):
        reqs.append(gen_softmax(i, "log_softmax"))
    for i in range(counts["softmax"]):
        reqs.append(gen_softmax(i, "softmax"))
    for i in range(counts["nll_loss"]):
        reqs.append(gen_nll(i))
    for i in range(counts["ce_index"]):
        reqs.append(gen_ce_index(i))
    for i in range(counts["ce_prob"]):
        reqs.append(gen_ce_prob(i))
    for i in range(counts["binary_cross_entropy"]):
        reqs.append(gen_bce(i))
    for i in range(counts["binary_cross_entropy_with_logits"]):
        reqs.append(gen_bcel(i))
    for i in range(counts["multilabel_soft_margin_loss"]):
        reqs.append(gen_mlsm(i))
    n_random = len(reqs)
    # about a third of the hand-written extreme cases get a random grad_output too
    reqs += [r if "grad_output" in r else maybe_grad_output(r) for r in extreme_cases()]
    n_extreme = len(reqs) - n_random
    errs = error_cases()
    reqs += errs
    # drawn after every older case, so that those stay as they were
    n_degenerate = counts["degenerate"]
    reqs += [gen_degenerate(i) for i in range(n_degenerate)]

    ids = [r["id"] for r in reqs]
    assert len(ids) == len(set(ids)), "duplicate ids"

    lines = []
    per_op = Counter()
    per_dtype = Counter()
    n_err = 0
    unexpected = []
    random_errors = []
    n_gradout = 0
    n_gradtarget = 0
    for req in reqs:
        ans = evaluate(req)
        is_err_case = req["id"].startswith("err-")
        if "error" in ans:
            n_err += 1
            if not is_err_case:
                random_errors.append((req["id"], ans["error"]))
        elif is_err_case:
            unexpected.append(req["id"])
        if "grad_output" in req:
            n_gradout += 1
        if "grad_target" in ans:
            n_gradtarget += 1
        per_op[req["op"]] += 1
        per_dtype[req["dtype"]] += 1
        lines.append(json.dumps({"request": req, "expected": ans}, separators=(",", ":")))

    if unexpected:
        raise SystemExit(f"error cases that did not fail: {unexpected}")
    if random_errors:
        raise SystemExit(f"random cases that failed: {random_errors[:10]}")

    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines) + "\n"
    OUT.write_text(text, encoding="utf-8")

    # self-check: parse back
    with OUT.open(encoding="utf-8") as fh:
        parsed = [json.loads(l) for l in fh]
    assert len(parsed) == len(lines)

    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines)} cases, {len(text.encode()) / 1e6:.2f} MB")
    print(f"  random cases: {n_random}, extreme cases: {n_extreme}, error cases: {n_err}, "
          f"degenerate-denominator cases: {n_degenerate}")
    print(f"  with grad_output: {n_gradout}, with grad_target: {n_gradtarget}")
    print("  per op:", dict(sorted(per_op.items())))
    print("  per dtype:", dict(sorted(per_dtype.items())))
    print("  BCE forwards compared with 1.13:", STATS["bce_compared"],
          "not bit-identical:", STATS["bce_not_bitwise_equal"],
          "visibly different (log1p):", STATS["bce_log1p_visible"],
          "; BCEWithLogits visibly different:", STATS["bcel_formula_visible"])
    print("  torch", torch.__version__)


if __name__ == "__main__":
    main()
