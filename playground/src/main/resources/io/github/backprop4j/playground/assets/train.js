// Live training: the server trains (GET /api/train streams each epoch as a server-sent event);
// this page draws the curves, the decision regions or the confusion matrix, and steers the run.
"use strict";

const DATASETS = JSON.parse(document.getElementById("datasets").textContent);
const SETTINGS = ["hidden", "optimizer", "lr", "batch-size", "epochs", "seed"];
const COLOURS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#475569", "#ea580c"];

let source = null;
let runId = null;
let history_ = [];
let points = null;
let box = null;

function input(name) {
  return document.getElementById("t-" + name);
}

function setStatus(code) {
  document.getElementById("train-status").textContent = code;
  // the code is the stable hook for tests; the translation is shown beside it only when it differs
  const label = t("train.status." + code);
  document.getElementById("status-label").textContent = label === code ? "" : "(" + label + ")";
  // pausing and stepping: asked of the server, which answers with a "paused" event between epochs
  const held = code === "paused" || code === "pausing" || code === "stepping";
  const running = code === "running" || held;
  input("pause").textContent = held ? t("train.resume") : t("train.pause");
  input("pause").disabled = !running;
  input("start").disabled = running;
}

function fillDefaults(dataset) {
  const d = DATASETS[dataset];
  for (const s of SETTINGS) {
    input(s).value = d[s];
  }
}

function settingsQuery() {
  const p = new URLSearchParams({dataset: input("dataset").value});
  for (const s of SETTINGS) {
    p.set(s, input(s).value.trim());
  }
  return p;
}

function remember() {
  const p = settingsQuery();
  if (LANG === "zh") p.set("lang", "zh");
  history.replaceState(null, "", "/train?" + p.toString().replaceAll("%2C", ","));
}

async function control(action) {
  if (runId) {
    await fetch(`/api/train/${runId}/${action}`, {method: "POST"});
  }
}

/** Starts a run; paused: it trains epoch 1 and then waits for step or resume. */
function start(paused) {
  reset();
  remember();
  setStatus(paused ? "stepping" : "running");
  const q = settingsQuery();
  if (paused) q.set("paused", "1");
  source = new EventSource("/api/train?" + q);
  source.addEventListener("started", (e) => {
    const s = JSON.parse(e.data);
    runId = s.id;
    points = s.points || null;
    box = s.box || null;
    document.getElementById("regions-figure").hidden = !points;
    document.getElementById("confusion-figure").hidden = !!points;
  });
  source.addEventListener("paused", () => setStatus("paused"));
  source.addEventListener("epoch", (e) => epoch(JSON.parse(e.data)));
  source.addEventListener("done", () => finish("done"));
  source.addEventListener("stopped", () => finish("stopped"));
  source.addEventListener("failure", (e) => {
    document.getElementById("t-error").textContent = JSON.parse(e.data).error;
    finish("error");
  });
  source.onerror = () => {
    // The server refused the run (400, 429) or went away: never let EventSource retry.
    if (source) {
      finish(document.getElementById("train-status").textContent === "running" ? "error" : "stopped");
      if (!runId) {
        fetch("/api/train?" + settingsQuery()).then((r) => r.json()).then((j) => {
          document.getElementById("t-error").textContent = j.error || "";
        }).catch(() => {});
      }
    }
  };
}

function finish(code) {
  if (source) {
    source.close();
    source = null;
  }
  runId = null;
  setStatus(code);
}

function reset() {
  if (source) {
    control("stop");
    source.close();
    source = null;
  }
  runId = null;
  history_ = [];
  document.getElementById("t-error").textContent = "";
  document.getElementById("train-epoch").textContent = "0";
  document.getElementById("test-accuracy").textContent = "";
  for (const id of ["loss-chart", "accuracy-chart", "regions"]) {
    const c = document.getElementById(id);
    c.getContext("2d").clearRect(0, 0, c.width, c.height);
  }
  document.getElementById("confusion").replaceChildren();
  setStatus("idle");
}

function epoch(e) {
  history_.push(e);
  document.getElementById("train-epoch").textContent = `${e.epoch} / ${e.epochs}`;
  document.getElementById("test-accuracy").textContent = String(Math.round(e.testAccuracy * 10000) / 10000);
  drawCurves("loss-chart", [history_.map((h) => h.loss)], ["#dc2626"], false);
  drawCurves("accuracy-chart", [history_.map((h) => h.trainAccuracy), history_.map((h) => h.testAccuracy)],
    ["#2563eb", "#16a34a"], true, [t("train.train"), t("train.test")]);
  if (e.regions) drawRegions(e.regions);
  if (e.confusion) drawConfusion(e.confusion);
}

/** Line charts on a canvas: x the epoch, y from 0 (accuracy: 0..1). */
function drawCurves(id, series, colours, unit, labels) {
  const c = document.getElementById(id);
  const g = c.getContext("2d");
  const pad = 34;
  g.clearRect(0, 0, c.width, c.height);
  const n = Math.max(...series.map((s) => s.length));
  const max = unit ? 1 : Math.max(1e-9, ...series.flat());
  g.strokeStyle = "#94a3b8";
  g.lineWidth = 1;
  g.strokeRect(pad, 8, c.width - pad - 8, c.height - pad - 8);
  g.fillStyle = "#475569";
  g.font = "11px sans-serif";
  g.fillText(max.toPrecision(3), 2, 16);
  g.fillText("0", 20, c.height - pad);
  g.fillText(String(n), c.width - 30, c.height - pad + 14);
  series.forEach((s, k) => {
    g.strokeStyle = colours[k];
    g.lineWidth = 2;
    g.beginPath();
    s.forEach((v, i) => {
      const x = pad + (c.width - pad - 8) * (n <= 1 ? 0 : i / (n - 1));
      const y = 8 + (c.height - pad - 8) * (1 - v / max);
      if (i === 0) g.moveTo(x, y); else g.lineTo(x, y);
    });
    g.stroke();
    if (labels) {
      g.fillStyle = colours[k];
      g.fillText(labels[k], pad + 8 + 50 * k, c.height - 8);
    }
  });
}

function drawRegions(cells) {
  const c = document.getElementById("regions");
  const g = c.getContext("2d");
  const grid = Math.round(Math.sqrt(cells.length));
  const w = c.width / grid, h = c.height / grid;
  g.clearRect(0, 0, c.width, c.height);
  g.globalAlpha = 0.25;
  cells.forEach((cls, k) => {
    g.fillStyle = COLOURS[cls % COLOURS.length];
    g.fillRect((k % grid) * w, Math.floor(k / grid) * h, w + 0.5, h + 0.5);
  });
  g.globalAlpha = 1;
  for (const [x, y, cls] of points) {
    const px = (x - box[0]) / (box[2] - box[0]) * c.width;
    const py = (box[3] - y) / (box[3] - box[1]) * c.height;
    g.fillStyle = COLOURS[cls % COLOURS.length];
    g.beginPath();
    g.arc(px, py, 2.5, 0, 2 * Math.PI);
    g.fill();
  }
}

function drawConfusion(conf) {
  const table = document.getElementById("confusion");
  const max = Math.max(1, ...conf.matrix.flat());
  table.replaceChildren(el("tr", {}, el("th", {}, ""), ...conf.labels.map((l) => el("th", {}, l))));
  conf.matrix.forEach((row, i) => {
    table.append(el("tr", {}, el("th", {}, conf.labels[i]), ...row.map((v, j) =>
      el("td", {style: `background: rgba(${i === j ? "22, 163, 74" : "220, 38, 38"}, ${v / max})`}, v))));
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const select = input("dataset");
  for (const name of Object.keys(DATASETS)) {
    select.append(el("option", {value: name}, name));
  }
  const params = new URLSearchParams(window.location.search);
  select.value = DATASETS[params.get("dataset")] ? params.get("dataset") : "xor";
  fillDefaults(select.value);
  for (const s of SETTINGS) {
    if (params.get(s) !== null) input(s).value = params.get(s);
  }
  setStatus("idle");
  select.addEventListener("change", () => { fillDefaults(select.value); reset(); remember(); });
  input("start").addEventListener("click", () => start(false));
  input("pause").addEventListener("click", () => {
    const running = document.getElementById("train-status").textContent === "running";
    control(running ? "pause" : "resume");
    setStatus(running ? "pausing" : "running");
  });
  input("step").addEventListener("click", () => {
    const status = document.getElementById("train-status").textContent;
    if (status === "paused") {
      control("step");
      setStatus("stepping");
    } else if (!["running", "pausing", "stepping"].includes(status)) {
      start(true);
    }
  });
  input("reset").addEventListener("click", reset);
  if (params.get("autostart") === "1") {
    start(false);
  }
});
