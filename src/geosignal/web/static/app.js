// geosignal dashboard behaviour. Data from the page is only ever read from attributes and
// written back with textContent or classList: never innerHTML (article text is untrusted).
"use strict";

function eventIds(el) {
  return (el.getAttribute("data-ev") || "").split(" ").filter(Boolean);
}

function selectEvent(item) {
  const id = item.getAttribute("data-event");
  const text = document.getElementById("article-text");
  if (!text || !id) return;
  document.querySelectorAll("li.event.selected").forEach(function (el) {
    el.classList.remove("selected");
    el.setAttribute("aria-pressed", "false");
  });
  text.querySelectorAll(".focus").forEach(function (el) { el.classList.remove("focus"); });
  text.querySelectorAll(".focus-sent").forEach(function (el) { el.classList.remove("focus-sent"); });
  item.classList.add("selected");
  item.setAttribute("aria-pressed", "true");
  let first = null;
  text.querySelectorAll("[data-ev]").forEach(function (el) {
    if (eventIds(el).indexOf(id) >= 0) {
      el.classList.add("focus");
      const sent = el.closest(".sent");
      if (sent) sent.classList.add("focus-sent");
      if (!first) first = el;
    }
  });
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

function initArticle() {
  document.querySelectorAll("li.event").forEach(function (item) {
    item.addEventListener("click", function () { selectEvent(item); });
    item.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); selectEvent(item); }
    });
  });
}

function initNetwork() {
  const svg = document.getElementById("bloc-graph");
  const info = document.getElementById("node-info");
  if (!svg || !info) return;
  const edges = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
  const nodes = Array.prototype.slice.call(svg.querySelectorAll(".node"));

  function show(node) {
    const id = node.getAttribute("data-id");
    const partners = {};
    edges.forEach(function (e) {
      const a = e.getAttribute("data-a"), b = e.getAttribute("data-b");
      const on = a === id || b === id;
      e.classList.toggle("hot", on);
      e.classList.toggle("dim", !on);
      if (on) partners[a === id ? b : a] = e;
    });
    nodes.forEach(function (n) {
      const nid = n.getAttribute("data-id");
      n.classList.toggle("dim", nid !== id && !(nid in partners));
      n.classList.toggle("selected", nid === id);
    });
    while (info.firstChild) info.removeChild(info.firstChild);
    const h = document.createElement("h3");
    h.textContent = node.getAttribute("data-name") + " (" + id + ")";
    info.appendChild(h);
    const p = document.createElement("p");
    p.textContent = "Bloc " + node.getAttribute("data-bloc");
    info.appendChild(p);
    const ul = document.createElement("ul");
    Object.keys(partners).sort(function (x, y) {
      return Number(partners[y].getAttribute("data-volume")) - Number(partners[x].getAttribute("data-volume"));
    }).forEach(function (other) {
      const e = partners[other];
      const li = document.createElement("li");
      li.textContent = other + ": " + e.getAttribute("data-volume") + " events, weight " + e.getAttribute("data-weight") +
        " (" + (e.classList.contains("coop") ? "cooperation" : "conflict") + ")";
      ul.appendChild(li);
    });
    info.appendChild(ul);
  }

  function clear() {
    edges.forEach(function (e) { e.classList.remove("hot", "dim"); });
    nodes.forEach(function (n) { n.classList.remove("dim", "selected"); });
  }

  nodes.forEach(function (node) {
    node.addEventListener("mouseenter", function () { show(node); });
    node.addEventListener("click", function () { show(node); });
    node.addEventListener("focus", function () { show(node); });
  });
  svg.addEventListener("mouseleave", clear);
}

document.addEventListener("DOMContentLoaded", function () {
  initArticle();
  initNetwork();
});
