// The report's charts, drawn in SVG from the KPI document: grouped bars and a line per day,
// bars per bucket. No chart library: a few axes and rectangles are all the report needs.

import { svg } from "./dom.js";

const COLORS = ["#1f6feb", "#e8833a", "#2da44e", "#a371f7"];
const W = 560;
const H = 230;
const PAD = { left: 44, right: 12, top: 26, bottom: 34 };

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((v) => v >= value);
}

function frame(title, yMax, labels, legend, percent) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": title });
  root.append(svg("text", { x: PAD.left, y: 16, class: "chart-title" }, title));
  for (let i = 0; i <= 4; i += 1) {
    const y = PAD.top + plotH - (plotH * i) / 4;
    const value = (yMax * i) / 4;
    root.append(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: "grid-line" }));
    root.append(svg("text", { x: PAD.left - 6, y: y + 4, class: "axis", "text-anchor": "end" }, percent ? `${Math.round(value * 100)}%` : Number.isInteger(value) ? value : value.toFixed(1)));
  }
  const step = plotW / Math.max(labels.length, 1);
  const every = Math.ceil(labels.length / 10);
  labels.forEach((label, i) => {
    if (i % every === 0) root.append(svg("text", { x: PAD.left + step * (i + 0.5), y: H - PAD.bottom + 16, class: "axis", "text-anchor": "middle" }, label));
  });
  let x = W - PAD.right;
  [...legend].reverse().forEach(([name, color]) => {
    const width = 14 + name.length * 7;
    x -= width + 8;
    root.append(svg("rect", { x, y: 7, width: 10, height: 10, fill: color, rx: 2 }), svg("text", { x: x + 14, y: 16, class: "axis" }, name));
  });
  return { root, plotW, plotH, step };
}

export function barChart(title, labels, series, { percent = false } = {}) {
  const peak = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const yMax = percent ? 1 : Math.max(4, Math.ceil(niceMax(peak) / 4) * 4); // whole-number ticks
  const { root, plotH, step } = frame(title, yMax, labels, series.map((s, i) => [s.name, COLORS[i]]), percent);
  const group = step * 0.8;
  const bar = group / series.length;
  series.forEach((s, si) => s.values.forEach((value, i) => {
    const height = ((value ?? 0) / yMax) * plotH;
    root.append(svg("rect", {
      x: PAD.left + step * i + (step - group) / 2 + bar * si, y: PAD.top + plotH - height, width: Math.max(bar - 1, 1), height, fill: COLORS[si], rx: 1.5,
    }, svg("title", {}, `${labels[i]} ${s.name}: ${value ?? "—"}`)));
  }));
  return root;
}

export function lineChart(title, labels, values, name) {
  const { root, plotH, step } = frame(title, 1, labels, [[name, COLORS[2]]], true);
  const points = values.map((v, i) => (v === null || v === undefined ? null : [PAD.left + step * (i + 0.5), PAD.top + plotH - v * plotH]));
  const d = points.reduce((path, p, i) => (p ? `${path}${path && points[i - 1] ? "L" : "M"}${p[0].toFixed(1)},${p[1].toFixed(1)}` : path), "");
  root.append(svg("path", { d, fill: "none", stroke: COLORS[2], "stroke-width": 2 }));
  points.filter(Boolean).forEach(([x, y]) => root.append(svg("circle", { cx: x, cy: y, r: 3, fill: COLORS[2] })));
  return root;
}
