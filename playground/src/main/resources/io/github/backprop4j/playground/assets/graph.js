// The autograd graph of the explorer's computation, drawn as SVG: leaves on the left, the loss
// on the right, values flowing left to right. Click a node for its value, gradient and
// vector-Jacobian product; "step" walks the backward pass in the order the engine took.
"use strict";

const Graph = (() => {
  const W = 170, H = 46, GAP_X = 70, GAP_Y = 26;
  let graph = null;
  let stepIndex = -1;

  function byId(id) {
    return graph.nodes.find((n) => n.id === id);
  }

  /** Column of each node: its longest distance from a leaf. */
  function columns() {
    const col = {};
    const incoming = (id) => graph.edges.filter((e) => e.to === id).map((e) => e.from);
    const depth = (id, seen = new Set()) => {
      if (id in col) return col[id];
      if (seen.has(id)) return 0;
      seen.add(id);
      const ins = incoming(id);
      col[id] = ins.length === 0 ? 0 : 1 + Math.max(...ins.map((i) => depth(i, seen)));
      return col[id];
    };
    graph.nodes.forEach((n) => depth(n.id));
    return col;
  }

  function draw(g) {
    graph = g;
    stepIndex = -1;
    const svg = document.getElementById("graph");
    svg.replaceChildren();
    document.getElementById("node-info").replaceChildren();
    document.getElementById("graph-step-label").textContent = "";
    if (!g) return;
    const col = columns();
    const perCol = {};
    const pos = {};
    for (const n of g.nodes) {
      const c = col[n.id];
      const r = perCol[c] = (perCol[c] ?? -1) + 1;
      pos[n.id] = {x: 10 + c * (W + GAP_X), y: 10 + r * (H + GAP_Y)};
    }
    const cols = Math.max(...Object.values(col)) + 1;
    const rows = Math.max(...Object.values(perCol)) + 1;
    svg.setAttribute("width", 20 + cols * W + (cols - 1) * GAP_X);
    svg.setAttribute("height", 20 + rows * H + (rows - 1) * GAP_Y);
    svg.append(el("defs", {}, el("marker", {id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
      markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse"}, el("path", {d: "M 0 0 L 10 5 L 0 10 z"}))));
    for (const e of g.edges) {
      const a = pos[e.from], b = pos[e.to];
      svg.append(el("line", {x1: a.x + W, y1: a.y + H / 2, x2: b.x, y2: b.y + H / 2, class: "edge",
        "data-from": e.from, "data-to": e.to, "marker-end": "url(#arrow)"}));
    }
    for (const n of g.nodes) {
      const p = pos[n.id];
      const group = el("g", {class: "node " + n.kind, "data-node": n.id, "data-testid": "graph-node-" + n.op,
        transform: `translate(${p.x}, ${p.y})`, tabindex: "0"});
      group.append(n.kind === "leaf"
        ? el("ellipse", {cx: W / 2, cy: H / 2, rx: W / 2, ry: H / 2})
        : el("rect", {width: W, height: H, rx: 6}));
      group.append(el("text", {x: W / 2, y: 19, "text-anchor": "middle", class: "op"}, n.op));
      group.append(el("text", {x: W / 2, y: 35, "text-anchor": "middle", class: "shape"}, n.shape));
      group.addEventListener("click", () => select(n.id));
      svg.append(group);
    }
  }

  function block(label, text) {
    return el("div", {class: "block"}, el("div", {class: "label"}, label), el("pre", {}, text));
  }

  /** Shows the node's value, gradient and vector-Jacobian product. */
  function select(id) {
    const n = byId(id);
    document.querySelectorAll("#graph .node").forEach((g) => g.classList.toggle("selected", g.dataset.node === id));
    const info = document.getElementById("node-info");
    info.replaceChildren(el("h3", {"data-testid": "node-title"}, n.op + "  " + n.shape));
    info.append(block(t("node.value"), n.value));
    if (n.kind === "leaf") {
      const grad = n.requiresGrad ? n.grad : t("node.noGrad");
      info.append(el("div", {"data-testid": "node-grad"}, block(t("node.leafGrad"), grad)));
    } else {
      info.append(el("div", {"data-testid": "node-grad"}, block(t("node.grad"), n.grad)));
      info.append(el("div", {"data-testid": "node-vjp"}, block(t("node.vjp"), n.vjp)));
      for (const s of n.sends) {
        info.append(el("div", {"data-testid": "node-sends-" + byId(s.to).op},
          block(t("node.sends") + " → " + byId(s.to).op, s.grad || t("node.noGrad"))));
      }
    }
  }

  /** The next node of the backward pass: highlighted with the edges its gradient goes along. */
  function step() {
    if (!graph || graph.order.length === 0) return;
    stepIndex = (stepIndex + 1) % graph.order.length;
    const id = graph.order[stepIndex];
    document.querySelectorAll("#graph .node").forEach((g) => g.classList.toggle("active", g.dataset.node === id));
    document.querySelectorAll("#graph .edge").forEach((e) => e.classList.toggle("sending", e.dataset.to === id));
    document.getElementById("graph-step-label").textContent =
      `${t("node.step")} ${stepIndex + 1} ${t("node.of")} ${graph.order.length}: ${byId(id).op}`;
    select(id);
  }

  function resetSteps() {
    stepIndex = -1;
    document.querySelectorAll("#graph .active").forEach((g) => g.classList.remove("active"));
    document.querySelectorAll("#graph .sending").forEach((g) => g.classList.remove("sending"));
    document.getElementById("graph-step-label").textContent = "";
  }

  return {draw, step, resetSteps, select};
})();
