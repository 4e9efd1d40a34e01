#!/usr/bin/env python3
"""backprop4j against PyTorch 2.x and 1.13 in one run: each workload in backprop4j, then at once in each PyTorch.

Run from the repository root, after `mvn -B verify` (or `mvn -B package -DskipTests`) has built
`playground/target/backprop4j.jar` and `benchmarks/target/benchmarks.jar`; any python3 will do
(it imports no torch itself):

    python3 tools/bench/compare.py [--rounds 3] [--only TEXT] [--torch PYTHON ...]

PyTorch runs in subprocesses of each --torch interpreter; by default PyTorch 2.x from
/work/.venv-torch/bin/python (or $TORCH2_PYTHON) first, then Debian's 1.13 from /usr/bin/python3.
An interpreter that cannot import torch is left out, with a note.

Per round and workload, backprop4j runs first and each PyTorch right after (so all see the same
load on a shared machine), and the ratio PyTorch time / backprop4j time is printed: above 1 means
backprop4j is faster. PyTorch's time is always the better of 1 and all-core threads. The summary
gives each row's median ratio over the rounds with its range, against each PyTorch, and checks
the goal (issue 10) against the better PyTorch on that row (the smaller ratio).

Workloads:
  train-D/whole  `./backprop4j train --dataset D --json` as a whole process (wall time: JVM start,
                 data loading, training, output), against `torch_train.py D --threads T` (Python
                 start and `import torch` included)
  train-D/loop   the same runs' training loop alone: the `seconds` each one reports
  mlp-*          ./backprop4j bench --model M --batch B (steady us_per_step, median of 5 rounds),
                 against torch_bench.py's same training step; the bench's cold figure is printed too
  matmul-1024    JMH MatMulBenchmark.simdPool, mkn=1024x1024x1024 (ops/s -> us per product)
  ce-4096x1000   JMH CrossEntropyBenchmark.Simd (us per forward + backward)
Each dataset's final_loss must be the same in every round (same seed, same bits): the summary
says whether it was. One untimed train run before round 1 writes the launcher's class archive,
which only the first run after a build writes (each torch has been imported once by then too).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LAUNCHER = os.path.join(ROOT, "backprop4j")
JMH_JAR = os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar")
DATASETS = ["digits", "iris", "wine", "breast-cancer", "digits-multilabel", "spiral", "moons", "xor"]
MLPS = {"mlp-2-16-3/b32": ("2-16-3", 32), "mlp-64-128-10/b64": ("64-128-10", 64),
        "mlp-784-256-10/b128": ("784-256-10", 128)}
DEFAULT_TORCH = [os.environ.get("TORCH2_PYTHON", "/work/.venv-torch/bin/python"), "/usr/bin/python3"]

# the least ratio issue 10 aims for, against the better PyTorch; rows without a goal are reported only
GOALS = {
    "train-digits/whole": 1.7,
    "train-digits/loop": 1.0,
    **{f"train-{d}/loop": 1.0 for d in DATASETS},
    "mlp-2-16-3/b32": 25.0,
    "mlp-64-128-10/b64": 4.0,
    "mlp-784-256-10/b128": 1.5,
    "matmul-1024": 1.2,
    "ce-4096x1000": 1.5,
}


def run(cmd):
    """Runs cmd from the repository root; returns (stdout, wall seconds); on failure exits with its stderr."""
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed with exit code {done.returncode}:\n{done.stderr[-2000:]}")
    return done.stdout, wall


def last_json(out):
    return json.loads(out.strip().splitlines()[-1])


def shown(cmd):
    """cmd as typed at the repository root."""
    return " ".join("./" + os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd)


# ----------------------------------------------------------------------------- backprop4j's side
# Each returns {row name: microseconds}, the command, and extra facts to print.

def ours_train(dataset):
    cmd = [LAUNCHER, "train", "--dataset", dataset, "--json"]
    out, wall = run(cmd)
    summary = last_json(out)
    facts = {"final_loss": summary["final_loss"]}
    return {f"train-{dataset}/whole": wall * 1e6, f"train-{dataset}/loop": summary["seconds"] * 1e6}, shown(cmd), facts


def ours_mlp(name):
    model, batch = MLPS[name]
    cmd = [LAUNCHER, "bench", "--model", model, "--batch", str(batch)]
    summary = last_json(run(cmd)[0])
    facts = {"cold_us_per_step": summary.get("cold_us_per_step")}
    return {name: summary["us_per_step"]}, shown(cmd), facts


def ours_jmh(name, benchmark, params=(), throughput=False):
    args = [benchmark, "-f", "1", "-wi", "3", "-i", "5"]
    for p in params:
        args += ["-p", p]
    with tempfile.NamedTemporaryFile(suffix=".json") as f:
        run(["java", "-jar", JMH_JAR] + args + ["-rf", "json", "-rff", f.name])
        with open(f.name) as fh:
            score = json.load(fh)[0]["primaryMetric"]["score"]
    us = 1e6 / score if throughput else score
    return {name: us}, " ".join(["java -jar benchmarks/target/benchmarks.jar"] + args), {}


# ----------------------------------------------------------------------------- PyTorch's side

def torch_version(python):
    try:
        done = subprocess.run([python, "-c", "import torch; print(torch.__version__)"], capture_output=True,
                              text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def torch_train(python, dataset):
    """Best of 1 and all-core threads, whole process and loop each."""
    whole, loop = [], []
    for threads in sorted({1, os.cpu_count() or 1}):
        out, wall = run([python, os.path.join(HERE, "torch_train.py"), dataset, "--threads", str(threads)])
        whole.append(wall * 1e6)
        loop.append(last_json(out)["seconds"] * 1e6)
    return {f"train-{dataset}/whole": min(whole), f"train-{dataset}/loop": min(loop)}


def torch_micro(python, name):
    out, _ = run([python, os.path.join(HERE, "torch_bench.py"), "--json", "--only", name])
    return {name: last_json(out)["results"][name]["best_us"]}


# ----------------------------------------------------------------------------- the run

def workloads():
    """(name, backprop4j side, PyTorch side taking a python), in the order rows are printed."""
    w = [(f"train-{d}", lambda d=d: ours_train(d), lambda py, d=d: torch_train(py, d)) for d in DATASETS]
    w += [(name, lambda n=name: ours_mlp(n), lambda py, n=name: torch_micro(py, n)) for name in MLPS]
    w.append(("matmul-1024", lambda: ours_jmh("matmul-1024", "MatMulBenchmark.simdPool", ["mkn=1024x1024x1024"],
                                              throughput=True), lambda py: torch_micro(py, "matmul-1024")))
    w.append(("ce-4096x1000", lambda: ours_jmh("ce-4096x1000", "CrossEntropyBenchmark.Simd"),
              lambda py: torch_micro(py, "ce-4096x1000")))
    return w


def fmt_time(us):
    return f"{us / 1e6:8.3f} s " if us >= 1e5 else f"{us:8.1f} us"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds over all workloads (default: 3)")
    parser.add_argument("--only", help="run only the workloads whose name contains this text")
    parser.add_argument("--torch", action="append", metavar="PYTHON",
                        help="a python with PyTorch; repeat for several (default: " + ", ".join(DEFAULT_TORCH) + ")")
    args = parser.parse_args()
    chosen = [w for w in workloads() if not args.only or args.only in w[0]]
    if not chosen:
        sys.exit(f"no workload name contains '{args.only}'")
    if any(name in ("matmul-1024", "ce-4096x1000") for name, _, _ in chosen) and not os.path.exists(JMH_JAR):
        sys.exit(f"{JMH_JAR} is missing: run mvn -B package -DskipTests first")
    torches = []
    for python in args.torch or DEFAULT_TORCH:
        version = torch_version(python)
        if version is None:
            print(f"note: {python} cannot import torch; left out", flush=True)
        else:
            torches.append((python, version))
    if not torches:
        sys.exit("no python with PyTorch: pass --torch PYTHON")
    run([LAUNCHER, "--version"])  # rebuilds a stale jar now, not inside round 1
    # The launcher writes a command's class archive (AppCDS) in its first run after a build, which
    # that run pays for once; torch_version above has already imported each torch once. So one
    # untimed train run first, and round 1 times the run a user makes every time after that.
    first_train = next((name for name, _, _ in chosen if name.startswith("train-")), None)
    if first_train:
        run([LAUNCHER, "train", "--dataset", first_train[len("train-"):], "--json"])

    labels = [f"PyTorch {v}" for _, v in torches]
    print(f"{os.cpu_count()} cores; ratio = PyTorch time / backprop4j time (PyTorch: better of 1 and "
          f"{os.cpu_count()} threads); " + ", ".join(f"{label} from {py}" for label, (py, _) in zip(labels, torches)))
    ratios = {}  # row -> [[ratio per round] per torch]
    commands = {}
    facts = {}  # row group -> [facts per round]
    for r in range(1, args.rounds + 1):
        for name, ours_fn, torch_fn in chosen:
            ours, commands[name], extra = ours_fn()
            facts.setdefault(name, []).append(extra)
            theirs = [torch_fn(py) for py, _ in torches]
            for row, us in ours.items():
                per_torch = ratios.setdefault(row, [[] for _ in torches])
                cols = []
                for t, times in enumerate(theirs):
                    per_torch[t].append(times[row] / us)
                    cols.append(f"{labels[t]} {fmt_time(times[row])} ratio {times[row] / us:6.2f}")
                print(f"round {r}  {row:26s} backprop4j {fmt_time(us)}   " + "   ".join(cols), flush=True)
            if extra.get("cold_us_per_step") is not None:
                print(f"round {r}  {name:26s} (backprop4j cold: first 20 steps {extra['cold_us_per_step']:.1f} us each)")

    print("\nmedian ratio over rounds (range) against each PyTorch; goal against the better PyTorch (the smaller ratio):")
    for row, per_torch in ratios.items():
        cols = "   ".join(f"{labels[t]}: {statistics.median(rs):6.2f} ({min(rs):.2f}-{max(rs):.2f})"
                          for t, rs in enumerate(per_torch))
        worst = [min(per_torch[t][i] for t in range(len(torches))) for i in range(len(per_torch[0]))]
        goal = GOALS.get(row)
        verdict = "no goal" if goal is None else (
            f"goal >= {goal:g}: {'met' if statistics.median(worst) >= goal else 'MISSED'} "
            f"(median {statistics.median(worst):.2f})")
        print(f"  {row:26s} {cols}   {verdict}")
    print("\nbackprop4j commands:")
    for name, _, _ in chosen:
        print(f"  {name:26s} {commands[name]}")
    losses = {name: {f.get("final_loss") for f in fs} for name, fs in facts.items() if name.startswith("train-")}
    if losses:
        same = all(len(v) == 1 for v in losses.values())
        print(f"\nfinal_loss the same in every round for every dataset: {'yes' if same else 'NO'}"
              + ("" if same else " " + str({k: sorted(v) for k, v in losses.items() if len(v) > 1})))


if __name__ == "__main__":
    main()
