// The loss explorer. Its state is the URL's query, in the explain command's names and literal
// syntax; each change asks /api/explain, which runs explain itself, and redraws.
"use strict";

const CATALOG = JSON.parse(document.getElementById("catalog").textContent);
const FIELDS = ["input", "target", "weight", "pos-weight", "ignore-index", "reduction", "label-smoothing", "dim", "dtype"];
const DEFAULTS = {loss: "cross-entropy", input: "[[1, 4, 1, 1], [5, 1, 2, 1]]", target: "[1, 0]"};

function field(name) {
  return document.getElementById("f-" + name);
}

function lossInfo(name) {
  return CATALOG.find((l) => l.name === name) || CATALOG[0];
}

/** Shows only the fields the chosen loss takes. */
function showFields() {
  const loss = lossInfo(field("loss").value);
  for (const f of FIELDS) {
    const takes = f === "input" || f === "dtype" || (f === "target" ? loss.takesTarget : loss.options.includes(f));
    document.querySelector(`.field[data-field="${f}"]`).hidden = !takes;
  }
}

/** The state: loss, and every shown, non-empty field. */
function state() {
  const s = {loss: field("loss").value};
  for (const f of FIELDS) {
    const box = document.querySelector(`.field[data-field="${f}"]`);
    const v = field(f).value.trim();
    if (!box.hidden && v !== "") {
      s[f] = v;
    }
  }
  return s;
}

function query(s) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) {
    p.set(k, v);
  }
  if (LANG === "zh") {
    p.set("lang", "zh");
  }
  return p.toString().replaceAll("%2C", ",").replaceAll("%5B", "[").replaceAll("%5D", "]");
}

function shellQuote(v) {
  return /^[A-Za-z0-9_.,=\/-]+$/.test(v) ? v : "'" + v.replaceAll("'", "'\\''") + "'";
}

function cliCommand(s) {
  const parts = ["./backprop4j", "explain", s.loss];
  for (const f of FIELDS) {
    if (s[f] !== undefined) {
      parts.push("--" + f, shellQuote(s[f]));
    }
  }
  if (LANG === "zh") {
    parts.push("--lang", "zh");
  }
  return parts.join(" ");
}

function clearErrors() {
  document.querySelectorAll(".field .error").forEach((e) => { e.textContent = ""; });
  document.querySelectorAll(".field.bad").forEach((e) => e.classList.remove("bad"));
}

function showError(fieldName, message) {
  const box = document.querySelector(`.field[data-field="${fieldName}"]`) || document.querySelector('.field[data-field="loss"]');
  box.classList.add("bad");
  box.querySelector(".error").textContent = message;
  document.getElementById("stale").hidden = false;
  document.getElementById("results").classList.add("stale");
}

let pending = 0;

async function update() {
  const s = state();
  history.replaceState(null, "", "/loss?" + query(s));
  document.getElementById("cli-command").textContent = cliCommand(s);
  const mine = ++pending;
  let response;
  try {
    response = await fetch("/api/explain?" + query(s));
  } catch (e) {
    return;
  }
  const answer = await response.json();
  if (mine !== pending) {
    return; // a newer edit is on its way
  }
  clearErrors();
  if (!response.ok) {
    showError(answer.field || "loss", answer.error);
    return;
  }
  document.getElementById("stale").hidden = true;
  document.getElementById("results").classList.remove("stale");
  document.getElementById("loss-value").textContent = answer.loss;
  document.getElementById("largest-difference").textContent = answer.largestDifference;
  document.getElementById("explain-text").textContent = answer.text;
  document.getElementById("jsonl-request").textContent = answer.request;
  document.getElementById("jsonl-answer").textContent = answer.answer;
  drawHeatmap(answer.gradInput);
  Graph.draw(answer.graph);
}

/** The gradient as a table of coloured cells: blue negative, red positive, white zero. */
function drawHeatmap(grid) {
  const box = document.getElementById("heatmap");
  box.replaceChildren();
  if (!grid) {
    return;
  }
  const max = Math.max(1e-12, ...grid.rows.flat().map((v) => Math.abs(v)));
  const table = el("table", {class: "heatmap"});
  grid.rows.forEach((row, i) => {
    const tr = el("tr", {});
    row.forEach((v, j) => {
      const a = Math.min(1, Math.abs(v) / max);
      const colour = v < 0 ? `rgba(37, 99, 235, ${a})` : `rgba(220, 38, 38, ${a})`;
      tr.append(el("td", {style: `background:${colour}`, title: `[${i}, ${j}] = ${v}`,
        "data-testid": `grad-cell-${i}-${j}`}, formatNumber(v)));
    });
    table.append(tr);
  });
  box.append(table);
}

function formatNumber(v) {
  return Math.abs(v) >= 1e-4 || v === 0 ? v.toFixed(4) : v.toExponential(2);
}

/** A table of the input's cells (1-D or 2-D input); editing a cell rewrites the literal. */
function drawInputTable() {
  const table = document.getElementById("input-table");
  table.replaceChildren();
  let rows;
  try {
    const value = JSON.parse(field("input").value);
    rows = Array.isArray(value) && value.every(Array.isArray) ? value : [value];
    if (!rows.every((r) => Array.isArray(r) && r.every((x) => typeof x === "number"))) {
      return;
    }
  } catch (e) {
    return;
  }
  const oneDim = !Array.isArray(JSON.parse(field("input").value)[0]);
  rows.forEach((row, i) => {
    const tr = el("tr", {});
    row.forEach((x, j) => {
      const cell = el("input", {value: String(x), size: "5", "data-testid": `input-cell-${i}-${j}`});
      cell.addEventListener("change", () => {
        const n = Number(cell.value);
        if (Number.isFinite(n)) {
          rows[i][j] = n;
          field("input").value = JSON.stringify(oneDim ? rows[0] : rows).replaceAll(",", ", ");
          update();
        }
      });
      tr.append(el("td", {}, cell));
    });
    table.append(tr);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const select = field("loss");
  for (const l of CATALOG) {
    select.append(el("option", {value: l.name}, l.name));
  }
  const params = new URLSearchParams(window.location.search);
  const fresh = ![...params.keys()].some((k) => k !== "lang");
  select.value = params.get("loss") || DEFAULTS.loss;
  for (const f of FIELDS) {
    field(f).value = params.get(f) ?? (fresh ? DEFAULTS[f] ?? "" : "");
  }
  showFields();
  drawInputTable();
  let timer;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  };
  select.addEventListener("change", () => { showFields(); update(); });
  for (const f of FIELDS) {
    field(f).addEventListener("input", later);
    field(f).addEventListener("change", () => { if (f === "input") { drawInputTable(); } });
  }
  document.getElementById("graph-step").addEventListener("click", () => Graph.step());
  document.getElementById("graph-reset").addEventListener("click", () => Graph.resetSteps());
  update();
});
