#!/usr/bin/env python3
"""Times the workloads of `./backprop4j bench` and the JMH benchmarks in PyTorch.

Run with Debian's PyTorch (`apt-get install -y python3-torch`, then `/usr/bin/python3`):

    /usr/bin/python3 tools/bench/torch_bench.py [--json]

Each workload runs with torch.set_num_threads(1) and with the machine's core count; both
timings are printed and the better one is what a ratio should use (issue 6). Every timing is
the median of several repeats after a warm-up, in microseconds per call. Workloads:

  mlp-2-16-3/b32, mlp-64-128-10/b64, mlp-784-256-10/b128 : one training step
      (forward, cross-entropy, backward, SGD update), float32, random data
  matmul-1024 : a 1024x1024 @ 1024x1024 float32 product
  ce-4096x1000 : cross_entropy forward + backward on (4096, 1000) logits
"""
import argparse
import json
import os
import statistics
import time

import torch


def mlp_step(sizes, batch):
    torch.manual_seed(0)
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x = torch.randn(batch, sizes[0])
    y = torch.randint(0, sizes[-1], (batch,))

    def step():
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        opt.step()

    return step


def matmul(n):
    a = torch.randn(n, n)
    b = torch.randn(n, n)
    return lambda: torch.matmul(a, b)


def cross_entropy(n, c):
    logits = torch.randn(n, c, requires_grad=True)
    y = torch.randint(0, c, (n,))

    def step():
        logits.grad = None
        torch.nn.functional.cross_entropy(logits, y).backward()

    return step


WORKLOADS = {
    "mlp-2-16-3/b32": lambda: mlp_step([2, 16, 3], 32),
    "mlp-64-128-10/b64": lambda: mlp_step([64, 128, 10], 64),
    "mlp-784-256-10/b128": lambda: mlp_step([784, 256, 10], 128),
    "matmul-1024": lambda: matmul(1024),
    "ce-4096x1000": lambda: cross_entropy(4096, 1000),
}


def time_us(fn, min_seconds=0.3, repeats=7):
    for _ in range(5):
        fn()
    # calibrate the number of calls per repeat to last about min_seconds / repeats
    calls = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        dt = time.perf_counter() - t0
        if dt > min_seconds / repeats or calls > 1_000_000:
            break
        calls *= 2
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        samples.append((time.perf_counter() - t0) / calls * 1e6)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--only", help="run only the workloads whose name contains this text")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    results = {}
    for name, make in WORKLOADS.items():
        if args.only and args.only not in name:
            continue
        per_threads = {}
        for threads in sorted({1, cores}):
            torch.set_num_threads(threads)
            per_threads[threads] = time_us(make())
        results[name] = {"us_by_threads": per_threads, "best_us": min(per_threads.values())}
    if args.json:
        print(json.dumps({"torch": torch.__version__, "cores": cores, "results": results}))
    else:
        print(f"PyTorch {torch.__version__}, {cores} cores; microseconds per call (median)")
        for name, r in results.items():
            cols = "  ".join(f"{t} thr: {us:10.1f}" for t, us in r["us_by_threads"].items())
            print(f"{name:22s} {cols}   best: {r['best_us']:10.1f}")


if __name__ == "__main__":
    main()
