// Decodes every latency_histogram of a psem-bench report with HdrHistogram's JavaScript
// library (hdr-histogram-js, the reference decoder) and checks it against the entry: the
// total count is the number of timed operations (the iterations, for pingpong, whose
// every round trip is timed), and p50/p99/max agree with the entry's p50_ns, p99_ns and
// max_ns to the histogram's precision. Prints one line per entry; exits 1 on a mismatch.
// Usage: node check-histograms.js REPORT.json [EXPECTED_WORKLOAD_WITH_EVERY_OP_TIMED]
"use strict";
const fs = require("fs");
const hdr = require("hdr-histogram-js");

const [report, everyOpTimed] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(report, "utf8"));
let checked = 0;
let failed = 0;
const fail = (name, what) => {
  console.error(`FAIL ${name}: ${what}`);
  failed++;
};
// One bucket of a 3-digit histogram: values agree when within 1/1024 of each other (+1 ns).
const close = (a, b) => Math.abs(a - b) <= Math.max(a, b) / 1024 + 1;

for (const b of doc.benchmarks) {
  if (b.run_type !== "iteration" || b.latency_histogram === undefined) continue;
  const h = hdr.decodeFromCompressedBase64(b.latency_histogram);
  const count = Number(h.totalCount);
  if (count <= 0) fail(b.name, "empty histogram");
  if (everyOpTimed && b.workload === everyOpTimed && count !== b.iterations)
    fail(b.name, `total count ${count}, iterations ${b.iterations}`);
  for (const [p, key] of [[50, "p50_ns"], [99, "p99_ns"]]) {
    const v = h.getValueAtPercentile(p);
    if (!close(v, b[key])) fail(b.name, `p${p}: decoder ${v}, entry ${b[key]}`);
  }
  if (!close(h.maxValue, b.max_ns)) fail(b.name, `max: decoder ${h.maxValue}, entry ${b.max_ns}`);
  console.log(`${b.name}: ${count} values, p50 ${h.getValueAtPercentile(50)} ns, p99 ` +
              `${h.getValueAtPercentile(99)} ns, max ${h.maxValue} ns`);
  checked++;
}
if (checked === 0) fail(report, "no entry with a latency_histogram");
process.exit(failed === 0 ? 0 : 1);
