#!/usr/bin/env python3
"""backprop4j against PyTorch in one run: each workload timed in backprop4j, then at once in PyTorch.

Run from the repository root, after `mvn -B verify` (or `mvn -B package -DskipTests`) has built
`playground/target/backprop4j.jar` and `benchmarks/target/benchmarks.jar`, with Debian's PyTorch:

    /usr/bin/python3 tools/bench/compare.py [--rounds 3] [--only TEXT]

Per round and workload, backprop4j runs first and PyTorch right after (so both see the same load
on a shared machine), and the ratio PyTorch time / backprop4j time is printed: above 1 means
backprop4j is faster. PyTorch's time is the better of 1 and all-core threads (torch_bench.py).
The last lines are each workload's median ratio over the rounds, with its range and goal.

backprop4j's side of each workload:
  mlp-*         ./backprop4j bench --model M --batch B --steps N   (us_per_step; median of 5 rounds)
  matmul-1024   JMH MatMulBenchmark.simdPool, mkn=1024x1024x1024     (ops/s -> us per product)
  ce-4096x1000  JMH CrossEntropyBenchmark.Simd                      (us per forward + backward)
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_bench  # noqa: E402  (the PyTorch side; imports torch)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JMH_JAR = os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar")

# timed steps per MLP: a few seconds each
MLP_STEPS = {"2-16-3": 20000, "64-128-10": 5000, "784-256-10": 300}
# the least ratio the project aims for (README, Speed)
GOALS = {
    "mlp-2-16-3/b32": 20.0,
    "mlp-64-128-10/b64": 3.0,
    "mlp-784-256-10/b128": 1.0,
    "matmul-1024": 0.5,
    "ce-4096x1000": 1.5,
}


def run(cmd):
    """Runs cmd from the repository root and returns its stdout; on failure exits with its stderr."""
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed with exit code {done.returncode}:\n{done.stderr[-2000:]}")
    return done.stdout


def ours_mlp(model, batch):
    cmd = [os.path.join(ROOT, "backprop4j"), "bench", "--model", model, "--batch", str(batch),
           "--steps", str(MLP_STEPS[model])]
    out = run(cmd)
    return json.loads(out.strip().splitlines()[-1])["us_per_step"], " ".join(["./backprop4j"] + cmd[1:])


def ours_jmh(benchmark, params=(), throughput=False):
    args = [benchmark, "-f", "1", "-wi", "3", "-i", "5"]
    for p in params:
        args += ["-p", p]
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        run(["java", "-jar", JMH_JAR] + args + ["-rf", "json", "-rff", f.name])
        with open(f.name) as fh:
            score = json.load(fh)[0]["primaryMetric"]["score"]
    us = 1e6 / score if throughput else score
    return us, " ".join(["java -jar benchmarks/target/benchmarks.jar"] + args)


OURS = {
    "mlp-2-16-3/b32": lambda: ours_mlp("2-16-3", 32),
    "mlp-64-128-10/b64": lambda: ours_mlp("64-128-10", 64),
    "mlp-784-256-10/b128": lambda: ours_mlp("784-256-10", 128),
    "matmul-1024": lambda: ours_jmh("MatMulBenchmark.simdPool", ["mkn=1024x1024x1024"], throughput=True),
    "ce-4096x1000": lambda: ours_jmh("CrossEntropyBenchmark.Simd"),
}


def torch_us(name):
    cores = os.cpu_count() or 1
    best = None
    for threads in sorted({1, cores}):
        torch_bench.torch.set_num_threads(threads)
        us = torch_bench.time_us(torch_bench.WORKLOADS[name]())
        best = us if best is None else min(best, us)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all workloads (default: 3)")
    parser.add_argument("--only", help="run only the workloads whose name contains this text")
    args = parser.parse_args()
    if not os.path.exists(JMH_JAR):
        sys.exit(f"{JMH_JAR} is missing: run mvn -B package -DskipTests first")
    run([os.path.join(ROOT, "backprop4j"), "--version"])  # rebuilds a stale jar now, not inside round 1
    names = [n for n in OURS if not args.only or args.only in n]
    ratios = {n: [] for n in names}
    commands = {}
    print(f"PyTorch {torch_bench.torch.__version__}, {os.cpu_count()} cores; ratio = PyTorch us / backprop4j us")
    for r in range(1, args.rounds + 1):
        for name in names:
            ours, commands[name] = OURS[name]()
            theirs = torch_us(name)
            ratios[name].append(theirs / ours)
            print(f"round {r}  {name:22s} backprop4j {ours:10.1f} us   PyTorch {theirs:10.1f} us   "
                  f"ratio {theirs / ours:6.2f}", flush=True)
    print("\nmedian ratio over rounds (range), goal, backprop4j command:")
    for name in names:
        rs = ratios[name]
        met = "met" if statistics.median(rs) >= GOALS[name] else "MISSED"
        print(f"  {name:22s} {statistics.median(rs):6.2f}  ({min(rs):.2f}-{max(rs):.2f})  "
              f"goal >= {GOALS[name]:g}: {met}   {commands[name]}")


if __name__ == "__main__":
    main()
