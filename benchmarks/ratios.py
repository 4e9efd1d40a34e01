#!/usr/bin/env python3
"""Ratios from MatMulBenchmark runs, each against the plain one-thread kernel of the same run.

    java -jar benchmarks/target/benchmarks.jar MatMulBenchmark -p mkn=256x256x256,1024x1024x1024 \\
        -rf json -rff run1.json
    /usr/bin/python3 tools/bench/torch_bench.py --only matmul --json > torch1.json   # right after
    python3 benchmarks/ratios.py run1.json:torch1.json run2.json:torch2.json ...

Prints, per run and as medians over the runs: GFLOP/s of each method, its ratio to
plainOneThread, and for 1024x1024x1024 the ratio of JMH ops/s to PyTorch's (best of its thread
counts) from the torch file paired with the run. Standard library only.
"""
import json
import statistics
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def main(pairs):
    ratios = {}  # (mkn, method) -> [ratio per run]
    gflops = {}
    vs_torch = {}
    for n, pair in enumerate(pairs, 1):
        jmh_path, _, torch_path = pair.partition(":")
        scores = {}
        for r in load(jmh_path):
            method = r["benchmark"].rsplit(".", 1)[1]
            mkn = r["params"]["mkn"]
            scores[(mkn, method)] = r["primaryMetric"]["score"]
        torch_ops = None
        if torch_path:
            t = load(torch_path)["results"]["matmul-1024"]
            torch_ops = 1e6 / t["best_us"]
        print(f"run {n}: {jmh_path}" + (f", PyTorch matmul-1024 {torch_ops:.3f} ops/s" if torch_ops else ""))
        for (mkn, method), ops in sorted(scores.items()):
            m, k, nn = (int(x) for x in mkn.split("x"))
            base = scores.get((mkn, "plainOneThread"))
            g = 2 * m * k * nn * ops / 1e9
            ratio = ops / base if base else float("nan")
            gflops.setdefault((mkn, method), []).append(g)
            ratios.setdefault((mkn, method), []).append(ratio)
            line = f"  {mkn:>15} {method:15} {ops:10.2f} ops/s {g:8.1f} GFLOP/s  x{ratio:6.2f} vs plainOneThread"
            if torch_ops and mkn == "1024x1024x1024":
                vs_torch.setdefault(method, []).append(ops / torch_ops)
                line += f"  x{ops / torch_ops:6.2f} vs PyTorch"
            print(line)
    print("medians:")
    for key in sorted(ratios):
        mkn, method = key
        line = (f"  {mkn:>15} {method:15} {statistics.median(gflops[key]):8.1f} GFLOP/s"
                f"  x{statistics.median(ratios[key]):6.2f} vs plainOneThread")
        if mkn == "1024x1024x1024" and method in vs_torch:
            line += f"  x{statistics.median(vs_torch[method]):6.2f} vs PyTorch"
        print(line)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
