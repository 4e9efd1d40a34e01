#!/usr/bin/env python3
"""The default `./backprop4j train` run of each dataset, written as a plain PyTorch script.

    /work/.venv-torch/bin/python tools/bench/torch_train.py digits [--threads 1]
    /usr/bin/python3 tools/bench/torch_train.py digits            # Debian's PyTorch 1.13

It does what examples/.../train/Trainer.java does with TrainingConfig.defaultsFor(dataset):
  - the same data: the CSV files shipped in the examples jar (read from
    examples/src/main/resources/.../datasets/), or the generated 2-D sets drawn by the same
    formulas as Synthetic.java (from numpy's generator, so other points of the same kind);
  - a stratified 80/20 split (ceil(0.2 n) test samples shared out over the classes by largest
    remainder, each class shuffled, then train and test each shuffled), as TrainTestSplit;
  - features standardised with the training part's mean and population standard deviation
    (scale 1 for a constant column), as Standardizer;
  - Linear -> ReLU -> ... -> Linear in float32 with PyTorch's default initialisation (which
    backprop4j's Linear copies: kaiming_uniform(a=sqrt(5)), bias uniform(+-1/sqrt(fan_in)));
  - the same loss (cross_entropy, binary_cross_entropy_with_logits or
    multilabel_soft_margin_loss), optimizer (Adam; AdamW with weight decay 0.01; SGD with
    momentum 0.9), learning rate, batch size and epochs;
  - each epoch: the training part reshuffled and cut into batches (the last one smaller), the
    loss averaged over samples, then the model evaluated on the whole training and test parts.
Batches are taken by indexing the tensors with a permutation, not with torch.utils.data's
DataLoader, which would collate sample by sample and be slower: PyTorch gets its best case.

`seconds` is timed as Trainer.java times it: from the split to the end of the last epoch's
evaluation (the data is loaded before). The last line of stdout is one JSON object with the same
keys as `./backprop4j train --json` plus torch and threads.
"""
import argparse
import gzip
import json
import math
import os
import time

import numpy as np
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "examples", "src", "main", "resources", "io", "github", "backprop4j", "examples",
                    "datasets")

# TrainingConfig.defaultsFor: epochs, batch, lr, optimizer, hidden sizes
DEFAULTS = {
    "digits": (30, 32, 0.003, "adam", [64]),
    "iris": (100, 16, 0.01, "adam", [16]),
    "wine": (60, 16, 0.01, "adamw", [16]),
    "breast-cancer": (50, 32, 0.003, "adam", [16]),
    "digits-multilabel": (40, 32, 0.003, "adam", [64]),
    "spiral": (300, 32, 0.01, "adam", [64, 64]),
    "moons": (100, 32, 0.01, "adam", [16, 16]),
    "xor": (100, 32, 0.01, "adam", [16, 16]),
}
TEST_FRACTION = 0.2


def read_csv(name, header):
    """Features (float64) and integer labels of a CSV file: features, then the label last."""
    path = os.path.join(DATA, name)
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt") as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    if header:
        lines = lines[1:]
    rows = [line.split(",") for line in lines]
    x = np.array([[float(v) for v in r[:-1]] for r in rows])
    y = np.array([int(r[-1]) for r in rows])
    return x, y


def spiral(rng, per_class=100, classes=3):
    xy, labels = [], []
    for k in range(classes):
        for i in range(per_class):
            r = i / (per_class - 1)
            theta = k * 4.0 + 4.0 * r + rng.standard_normal() * 0.2
            xy.append([r * math.sin(theta), r * math.cos(theta)])
            labels.append(k)
    return np.array(xy), np.array(labels)


def moons(rng, per_class=250, noise=0.1):
    upper, lower = [], []
    for i in range(per_class):
        t = math.pi * i / (per_class - 1)
        upper.append([math.cos(t) + noise * rng.standard_normal(), math.sin(t) + noise * rng.standard_normal()])
        lower.append([1 - math.cos(t) + noise * rng.standard_normal(),
                      0.5 - math.sin(t) + noise * rng.standard_normal()])
    return np.array(upper + lower), np.array([0] * per_class + [1] * per_class)


def xor(rng, count=500, margin=0.05):
    xy, labels = [], []
    for _ in range(count):
        while True:
            x, y = rng.uniform(-1, 1), rng.uniform(-1, 1)
            if abs(x) >= margin and abs(y) >= margin:
                break
        xy.append([x, y])
        labels.append(1 if (x > 0) == (y > 0) else 0)
    return np.array(xy), np.array(labels)


def digit_attributes(d):
    return [d % 2 == 0, d > 4, d in (2, 3, 5, 7), d % 3 == 0]


def load(name, rng):
    """(features float32 [n, f], targets, strata, task) as Datasets.load gives them."""
    if name in ("digits", "digits-multilabel"):
        x, y = read_csv("digits.csv.gz", False)
    elif name == "iris":
        x, y = read_csv("iris.csv", True)
    elif name == "wine":
        x, y = read_csv("wine_data.csv", True)
    elif name == "breast-cancer":
        x, y = read_csv("breast_cancer.csv", True)
    else:
        x, y = {"spiral": spiral, "moons": moons, "xor": xor}[name](rng)
    features = torch.tensor(x, dtype=torch.float32)
    if name == "digits-multilabel":
        targets = torch.tensor([digit_attributes(int(d)) for d in y], dtype=torch.float32)
        return features, targets, y, "multilabel"
    if name in ("breast-cancer", "moons", "xor"):
        return features, torch.tensor(y, dtype=torch.float32).reshape(-1, 1), y, "binary"
    return features, torch.tensor(y, dtype=torch.int64), y, "multiclass"


def stratified_split(strata, rng):
    n = len(strata)
    n_test = math.ceil(TEST_FRACTION * n)
    classes = sorted(set(strata.tolist()))
    members = [np.flatnonzero(strata == c) for c in classes]
    quotas = [len(m) * n_test / n for m in members]
    counts = [math.floor(q) for q in quotas]
    by_remainder = sorted(range(len(classes)), key=lambda c: -(quotas[c] - counts[c]))
    for c in by_remainder[:n_test - sum(counts)]:
        counts[c] += 1
    train, test = [], []
    for m, count in zip(members, counts):
        m = rng.permutation(m)
        test.extend(m[:count])
        train.extend(m[count:])
    return torch.tensor(rng.permutation(train)), torch.tensor(rng.permutation(test))


def standardise(train, test):
    mean = train.mean(0)
    std = train.var(0, unbiased=False).sqrt()
    constant = train.max(0).values == train.min(0).values
    scale = torch.where(constant, torch.ones_like(std), std)
    return (train - mean) / scale, (test - mean) / scale


def mlp(inputs, hidden, outputs):
    layers, width = [], inputs
    for h in hidden:
        layers += [torch.nn.Linear(width, h), torch.nn.ReLU()]
        width = h
    layers.append(torch.nn.Linear(width, outputs))
    return torch.nn.Sequential(*layers)


def optimizer(kind, params, lr):
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=0.9)
    if kind == "adamw":
        return torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    return torch.optim.Adam(params, lr=lr)


def loss_fn(task):
    f = torch.nn.functional
    return {"multiclass": f.cross_entropy, "binary": f.binary_cross_entropy_with_logits,
            "multilabel": f.multilabel_soft_margin_loss}[task]


def accuracy(task, logits, targets):
    if task == "multiclass":
        return (logits.argmax(1) == targets).double().mean().item()
    return ((logits > 0) == (targets > 0.5)).all(1).double().mean().item()


def f1_micro(logits, targets):
    predicted, actual = logits > 0, targets > 0.5
    tp = (predicted & actual).sum().item()
    fp = (predicted & ~actual).sum().item()
    fn = (~predicted & actual).sum().item()
    return 0.0 if tp == 0 else 2.0 * tp / (2.0 * tp + fp + fn)


def train(name, seed=0):
    epochs, batch, lr, kind, hidden = DEFAULTS[name]
    rng = np.random.default_rng(seed)
    torch.manual_seed(seed)
    features, targets, strata, task = load(name, rng)
    start = time.perf_counter()
    train_idx, test_idx = stratified_split(strata, rng)
    x_train, x_test = standardise(features[train_idx], features[test_idx])
    y_train, y_test = targets[train_idx], targets[test_idx]
    outputs = int(targets.max().item()) + 1 if task == "multiclass" else targets.shape[1]
    model = mlp(features.shape[1], hidden, outputs)
    opt = optimizer(kind, model.parameters(), lr)
    loss_of = loss_fn(task)
    n = x_train.shape[0]
    last = None
    for epoch in range(1, epochs + 1):
        model.train()
        loss_sum = 0.0
        perm = torch.randperm(n)
        for i in range(0, n, batch):
            idx = perm[i:i + batch]
            loss = loss_of(model(x_train[idx]), y_train[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            loss_sum += loss.item() * idx.shape[0]
        model.eval()
        with torch.no_grad():
            train_logits, test_logits = model(x_train), model(x_test)
            last = {"epoch": epoch, "loss": loss_sum / n, "train": accuracy(task, train_logits, y_train),
                    "test": accuracy(task, test_logits, y_test),
                    "f1": f1_micro(test_logits, y_test) if task == "multilabel" else None}
    seconds = time.perf_counter() - start
    summary = {"dataset": name, "epochs": epochs, "final_loss": last["loss"], "train_accuracy": last["train"],
               "test_accuracy": last["test"], "seconds": seconds}
    if last["f1"] is not None:
        summary["test_f1_micro"] = last["f1"]
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", choices=list(DEFAULTS))
    parser.add_argument("--threads", type=int, help="torch.set_num_threads (default: PyTorch's own choice)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    summary = train(args.dataset)
    print(f"{args.dataset}: train accuracy {summary['train_accuracy']:.4f}, test accuracy "
          f"{summary['test_accuracy']:.4f} after {summary['epochs']} epochs in {summary['seconds']:.2f} s")
    summary.update({"torch": torch.__version__, "threads": torch.get_num_threads()})
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
