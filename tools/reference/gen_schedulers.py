#!/usr/bin/env python3
"""Generate PyTorch learning-rate trajectories for backprop4j's ReduceLROnPlateau and LinearLR.

Writes (relative to the repository root):
    nn/src/test/resources/reference/scheduler_trajectories.json

Run with current PyTorch (the venv) or Debian's 1.13 (same numbers for these schedules):
    /work/.venv-torch/bin/python tools/reference/gen_schedulers.py

Each case: an SGD optimizer over one dummy parameter with a base lr, the scheduler built with the
given options, then for each step: scheduler.step(metric) (ReduceLROnPlateau) or
optimizer.step(); scheduler.step() (LinearLR), recording the optimizer's lr after the step.
Entry 0 of "lrs" is the lr right after construction.
"""

import json
import os

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "nn", "src", "test", "resources", "reference", "scheduler_trajectories.json")

# A metric that improves, stalls, jitters and improves again: exercises patience, threshold and cooldown.
METRICS = [1.0, 0.9, 0.9, 0.95, 0.91, 0.8999, 0.85, 0.85, 0.86, 0.87, 0.84, 0.84, 0.84, 0.6, 0.6,
           0.61, 0.62, 0.63, 0.64, 0.65]


def optimizer(lr):
    p = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    return torch.optim.SGD([p], lr=lr)


def plateau(name, lr, options, metrics):
    opt = optimizer(lr)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, **options)
    lrs = [opt.param_groups[0]["lr"]]
    for m in metrics:
        sched.step(m)
        lrs.append(opt.param_groups[0]["lr"])
    return {"name": name, "kind": "ReduceLROnPlateau", "lr": lr, "options": options, "metrics": metrics, "lrs": lrs}


def linear(name, lr, options, steps):
    opt = optimizer(lr)
    sched = torch.optim.lr_scheduler.LinearLR(opt, **options)
    lrs = [opt.param_groups[0]["lr"]]
    for _ in range(steps):
        opt.step()
        sched.step()
        lrs.append(opt.param_groups[0]["lr"])
    return {"name": name, "kind": "LinearLR", "lr": lr, "options": options, "steps": steps, "lrs": lrs}


def main():
    cases = [
        plateau("defaults-patience-2", 0.1, {"patience": 2}, METRICS),
        plateau("max-mode", 0.5, {"mode": "max", "patience": 1, "factor": 0.5},
                [1 - m for m in METRICS]),
        plateau("abs-threshold-cooldown", 0.1, {"patience": 1, "threshold": 0.02, "threshold_mode": "abs",
                                                 "cooldown": 2, "factor": 0.3}, METRICS),
        plateau("min-lr-floor", 0.01, {"patience": 0, "factor": 0.1, "min_lr": 0.0005}, METRICS),
        linear("defaults", 0.1, {}, 8),
        linear("warm-up-from-1-percent", 0.3, {"start_factor": 0.01, "end_factor": 1.0, "total_iters": 10}, 14),
        linear("decay", 0.2, {"start_factor": 1.0, "end_factor": 0.25, "total_iters": 4}, 6),
    ]
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
