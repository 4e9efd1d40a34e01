#!/usr/bin/python3
"""Generate PyTorch references for the backprop4j nn module: optimizer trajectories and a
safetensors model.

Writes (relative to the repository root):
    nn/src/test/resources/reference/optim_trajectories.json
    nn/src/test/resources/reference/pytorch_linear.safetensors
    nn/src/test/resources/reference/safetensors_model.json

Run with Debian's system interpreter (it has PyTorch):
    /usr/bin/python3 tools/reference/gen_nn.py

Optimizer trajectories: one fixed float64 problem
    logits = X @ w + b,  loss = cross_entropy(logits, y)   (mean reduction)
with w (3, 2), b (2,), X (4, 3), y (4,) class indices; every configuration starts from the
same initial w, b and runs 5 steps of: zero_grad, loss, backward, [clip_grad_norm_],
optimizer.step(), [scheduler.step()].  Recorded per step: the loss and gradients at the
parameters BEFORE the step, the lr used by the step, and the parameters AFTER the step.

Safetensors: nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 3)) in float32 created
right after torch.manual_seed(0); its state_dict is written as safetensors (by the
`safetensors` package when it is installed, else by the hand-written writer below, which
follows the format exactly: 8-byte little-endian header length, space-padded JSON header,
little-endian row-major data).  safetensors_model.json records the architecture, the tensor
names/shapes/values, a fixed (3, 4) input batch and the model's float32 output on it.

Deterministic; uses only torch, numpy and the standard library.
"""

import json
import struct
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_safetensors import read_safetensors  # noqa: E402  (same directory)

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "nn" / "src" / "test" / "resources" / "reference"
D = torch.float64

torch.set_num_threads(1)


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def tj(t):
    return {"shape": list(t.shape), "data": flat(t)}


# ------------------------------------------------------------------------------------------
# optimizer trajectories
# ------------------------------------------------------------------------------------------

W0 = torch.tensor([[0.2, -0.3], [0.5, 0.1], [-0.4, 0.25]], dtype=D)
B0 = torch.tensor([0.05, -0.1], dtype=D)
X = torch.tensor([[1.0, 0.5, -1.2],
                  [-0.7, 1.5, 0.3],
                  [0.2, -0.4, 2.0],
                  [1.1, 1.3, -0.6]], dtype=D)
Y = torch.tensor([0, 1, 0, 1], dtype=torch.int64)
STEPS = 5

CONFIGS = [
    {"name": "sgd", "optimizer": "SGD", "hyper": {"lr": 0.1}},
    {"name": "sgd_momentum_dampening_wd", "optimizer": "SGD",
     "hyper": {"lr": 0.1, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}},
    {"name": "sgd_nesterov", "optimizer": "SGD", "hyper": {"lr": 0.1, "momentum": 0.9, "nesterov": True}},
    {"name": "adam", "optimizer": "Adam", "hyper": {"lr": 0.01}},
    {"name": "adam_weight_decay", "optimizer": "Adam", "hyper": {"lr": 0.01, "weight_decay": 0.01, "amsgrad": False}},
    {"name": "adamw", "optimizer": "AdamW", "hyper": {"lr": 0.01, "weight_decay": 0.1}},
    {"name": "sgd_clip_grad_norm", "optimizer": "SGD", "hyper": {"lr": 0.1},
     "clip_grad_norm": {"max_norm": 0.5, "norm_type": 2.0}},
    {"name": "sgd_cosine_annealing", "optimizer": "SGD", "hyper": {"lr": 0.1},
     "scheduler": {"type": "CosineAnnealingLR", "T_max": 4, "eta_min": 0.001}},
    {"name": "sgd_step_lr", "optimizer": "SGD", "hyper": {"lr": 0.1},
     "scheduler": {"type": "StepLR", "step_size": 2, "gamma": 0.5}},
]

# defaults PyTorch applies to the hyper-parameters not given above, recorded for the Java side
DEFAULTS = {
    "SGD": {"momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0, "nesterov": False, "maximize": False},
    "Adam": {"betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False, "maximize": False},
    "AdamW": {"betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.01, "amsgrad": False, "maximize": False},
}

NOTES = [
    "SGD (PyTorch): g = grad + weight_decay*p; if momentum: buf = g on the first step, else "
    "buf = momentum*buf + (1-dampening)*g; g = g + momentum*buf if nesterov else buf; p -= lr*g.",
    "Adam: g = grad + weight_decay*p (L2, coupled); m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; "
    "p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps).",
    "AdamW: p *= (1 - lr*weight_decay) first (decoupled), then the Adam update without the L2 term.",
    "clip_grad_norm_: total = sqrt(sum of squared grads over w and b); if total > max_norm every grad is "
    "multiplied by max_norm/(total + 1e-6). grad_norm_before_clip records total.",
    "Schedulers step after optimizer.step(); lr[k] is the lr used by step k (k = 0..4). "
    "CosineAnnealingLR closed form: eta_min + (lr0 - eta_min)*(1 + cos(pi*k/T_max))/2 (PyTorch evaluates "
    "a recursive form; the recorded values are PyTorch's). StepLR: lr0 * gamma^(k // step_size).",
]


def run_config(cfg):
    w = W0.clone().requires_grad_(True)
    b = B0.clone().requires_grad_(True)
    params = [w, b]
    opt_cls = {"SGD": torch.optim.SGD, "Adam": torch.optim.Adam, "AdamW": torch.optim.AdamW}[cfg["optimizer"]]
    opt = opt_cls(params, **cfg["hyper"])
    sched = None
    if "scheduler" in cfg:
        s = dict(cfg["scheduler"])
        kind = s.pop("type")
        sched = getattr(torch.optim.lr_scheduler, kind)(opt, **s)
    steps = []
    for k in range(STEPS):
        opt.zero_grad()
        loss = F.cross_entropy(X @ w + b, Y)
        loss.backward()
        rec = {"step": k + 1, "loss": float(loss.item()), "lr": float(opt.param_groups[0]["lr"]),
               "grad_w": tj(w.grad), "grad_b": tj(b.grad)}
        if "clip_grad_norm" in cfg:
            total = torch.nn.utils.clip_grad_norm_(params, **cfg["clip_grad_norm"])
            rec["grad_norm_before_clip"] = float(total.item())
            rec["clipped_grad_w"] = tj(w.grad)
            rec["clipped_grad_b"] = tj(b.grad)
        opt.step()
        if sched is not None:
            sched.step()
        rec["w"] = tj(w)
        rec["b"] = tj(b)
        steps.append(rec)
    with torch.no_grad():
        final_loss = float(F.cross_entropy(X @ w + b, Y).item())
    out = {"name": cfg["name"], "optimizer": cfg["optimizer"], "hyper": cfg["hyper"],
           "defaults": {k: v for k, v in DEFAULTS[cfg["optimizer"]].items() if k not in cfg["hyper"]}}
    for key in ("clip_grad_norm", "scheduler"):
        if key in cfg:
            out[key] = cfg[key]
    out["steps"] = steps
    out["final_loss"] = final_loss
    return out


def optim_trajectories():
    doc = {
        "description": "PyTorch optimizer trajectories on a fixed float64 problem, for the backprop4j nn "
                       "tests. Generated by tools/reference/gen_nn.py (run: /usr/bin/python3 "
                       "tools/reference/gen_nn.py); do not edit by hand.",
        "torch_version": torch.__version__,
        "dtype": "float64",
        "problem": {
            "loss": "cross_entropy(matmul(X, w) + b, y), reduction mean",
            "X": tj(X), "y": {"shape": list(Y.shape), "data": [int(v) for v in Y.tolist()]},
            "w0": tj(W0), "b0": tj(B0),
            "steps": STEPS,
            "loop": "for each step: zero_grad; loss = f(w, b); backward; [clip_grad_norm_]; optimizer.step(); "
                    "[scheduler.step()]",
        },
        "notes": NOTES,
        "configs": [run_config(c) for c in CONFIGS],
    }
    path = OUT_DIR / "optim_trajectories.json"
    path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    json.loads(path.read_text(encoding="utf-8"))
    return path, doc


# ------------------------------------------------------------------------------------------
# safetensors
# ------------------------------------------------------------------------------------------

ST_DTYPE = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64", torch.int32: "I32"}


def write_safetensors(path, tensors, metadata):
    """Hand-written safetensors writer (used when the `safetensors` package is not installed)."""
    header = {}
    chunks = []
    offset = 0
    for name, t in tensors.items():
        t = t.detach().contiguous().cpu()
        arr = t.numpy()
        data = arr.astype(arr.dtype.newbyteorder("<"), copy=False).tobytes(order="C")
        header[name] = {"dtype": ST_DTYPE[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    header["__metadata__"] = dict(metadata)
    hb = json.dumps(header, separators=(",", ":")).encode("utf-8")
    hb += b" " * ((8 - len(hb) % 8) % 8)  # pad with spaces to a multiple of 8
    with open(path, "wb") as fh:
        fh.write(struct.pack("<Q", len(hb)))
        fh.write(hb)
        for c in chunks:
            fh.write(c)


def safetensors_model():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 3))
    model = model.float()
    state = model.state_dict()
    st_path = OUT_DIR / "pytorch_linear.safetensors"
    try:
        from safetensors.torch import save_file  # type: ignore
        save_file({k: v.contiguous() for k, v in state.items()}, str(st_path), metadata={"format": "pt"})
        writer = "safetensors package"
    except ImportError:
        write_safetensors(st_path, state, {"format": "pt"})
        writer = "hand-written writer (tools/reference/gen_nn.py)"

    # verify: read back with the hand-written reader and compare bit for bit
    tensors, meta = read_safetensors(st_path)
    assert meta == {"format": "pt"}, meta
    assert set(tensors) == set(state), (set(tensors), set(state))
    for k, v in state.items():
        dtype, shape, arr = tensors[k]
        assert dtype == "F32" and shape == list(v.shape), (k, dtype, shape)
        assert np.array_equal(arr, v.numpy()), k

    x = torch.tensor([[0.5, -1.0, 2.0, 0.25],
                      [-0.3, 0.8, -1.5, 1.0],
                      [1.2, 0.0, 0.4, -0.7]], dtype=torch.float32)
    with torch.no_grad():
        hidden = torch.relu(model[0](x))
        y = model(x)
    doc = {
        "description": "A PyTorch model saved as safetensors, for the backprop4j nn tests: load "
                       "pytorch_linear.safetensors, run 'input' through the model, compare with 'output' "
                       "(float32). Generated by tools/reference/gen_nn.py; do not edit by hand.",
        "torch_version": torch.__version__,
        "file": "pytorch_linear.safetensors",
        "written_by": writer,
        "seed": 0,
        "construction": "torch.manual_seed(0); nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 3))",
        "architecture": [
            {"index": 0, "type": "Linear", "in_features": 4, "out_features": 5, "bias": True},
            {"index": 1, "type": "ReLU"},
            {"index": 2, "type": "Linear", "in_features": 5, "out_features": 3, "bias": True},
        ],
        "layout": "Linear weight has shape [out_features, in_features]; y = x @ weight^T + bias",
        "dtype": "float32",
        "metadata": {"format": "pt"},
        "tensors": {k: {"dtype": "F32", "shape": list(v.shape), "data": flat(v)} for k, v in state.items()},
        "input": tj(x),
        "hidden_after_relu": tj(hidden),
        "output": tj(y),
    }
    path = OUT_DIR / "safetensors_model.json"
    path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    json.loads(path.read_text(encoding="utf-8"))
    return st_path, path, writer


def main():
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    p, doc = optim_trajectories()
    print(f"wrote {p.relative_to(ROOT)}: {len(doc['configs'])} configs x {STEPS} steps (torch {torch.__version__})")
    for c in doc["configs"]:
        print(f"  {c['name']:<28} loss {c['steps'][0]['loss']:.6f} -> final {c['final_loss']:.6f}  "
              f"lrs {[round(s['lr'], 6) for s in c['steps']]}")
    st, js, writer = safetensors_model()
    print(f"wrote {st.relative_to(ROOT)} ({st.stat().st_size} bytes, {writer}) and {js.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
