// Shared by every page: the page's messages (from the server, in its language), and the
// language switch, which keeps the rest of the URL as it is.
"use strict";

const MESSAGES = JSON.parse(document.getElementById("messages").textContent);
const LANG = document.documentElement.lang;

/** The message called key in the page's language. */
function t(key) {
  return key in MESSAGES ? MESSAGES[key] : key;
}

/** The current URL with lang set to the other language (English needs no parameter). */
function otherLanguageUrl() {
  const url = new URL(window.location.href);
  if (LANG === "zh") {
    url.searchParams.delete("lang");
  } else {
    url.searchParams.set("lang", "zh");
  }
  return url.pathname + url.search;
}

document.addEventListener("DOMContentLoaded", () => {
  const sw = document.getElementById("lang-switch");
  sw.addEventListener("click", (e) => {
    e.preventDefault();
    window.location.href = otherLanguageUrl();
  });
  if (LANG === "zh") {
    document.querySelectorAll("a[data-lang-link]").forEach((a) => {
      a.href = a.getAttribute("href") + "?lang=zh";
    });
  }
});

/** Creates an element: el("td", {class: "x"}, "text", child, ...). */
function el(tag, attrs, ...children) {
  const ns = ["svg", "g", "rect", "ellipse", "line", "path", "text", "title", "marker", "defs"].includes(tag)
    ? "http://www.w3.org/2000/svg" : null;
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    node.setAttribute(k, v);
  }
  for (const c of children) {
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}
