// Reads a psem-bench interval log (run --hlog) with HdrHistogram's JavaScript log reader
// (hdr-histogram-js's HistogramLogReader, the reference) and checks it against the report
// of the same run: every interval line parses and decodes, each repetition's intervals are
// tagged "<benchmark>/rep:<n>", follow each other in time, and their counts add up to the
// entry's total (for pingpong, whose every round trip is timed, its iterations).
// Usage: node check-hlog.js LOG REPORT.json MIN_INTERVALS_PER_RUN
"use strict";
const fs = require("fs");
const hdr = require("hdr-histogram-js");

const [logFile, reportFile, minIntervals] = process.argv.slice(2);
const log = fs.readFileSync(logFile, "utf8");
const doc = JSON.parse(fs.readFileSync(reportFile, "utf8"));
let failed = 0;
const fail = (what) => {
  console.error(`FAIL ${what}`);
  failed++;
};

const reader = new hdr.HistogramLogReader(log);
const byTag = new Map();
let h;
while ((h = reader.nextIntervalHistogram()) !== null) {
  const list = byTag.get(h.tag) || [];
  list.push({start: h.startTimeStampMsec, end: h.endTimeStampMsec, count: Number(h.totalCount)});
  byTag.set(h.tag, list);
}
const lines = log.split("\n").filter((l) => l.startsWith("Tag=")).length;
const read = [...byTag.values()].reduce((n, l) => n + l.length, 0);
if (read !== lines) fail(`the reader returned ${read} intervals of ${lines} lines`);

for (const b of doc.benchmarks) {
  if (b.run_type !== "iteration" || b.latency_histogram === undefined) continue;
  const tag = `${b.run_name}/rep:${b.repetition_index}`;
  const list = byTag.get(tag);
  if (!list) {
    fail(`${tag}: no interval in the log`);
    continue;
  }
  const total = list.reduce((n, x) => n + x.count, 0);
  const expected = Number(hdr.decodeFromCompressedBase64(b.latency_histogram).totalCount);
  if (total !== expected) fail(`${tag}: intervals hold ${total} values, the entry's histogram ${expected}`);
  if (b.workload === "pingpong" && total !== b.iterations) fail(`${tag}: ${total} values, ${b.iterations} round trips`);
  if (list.length < Number(minIntervals)) fail(`${tag}: ${list.length} intervals, expected at least ${minIntervals}`);
  for (let i = 1; i < list.length; i++)
    if (!(list[i].start > list[i - 1].start)) fail(`${tag}: interval ${i} does not follow the one before`);
  if (!(list[0].start > 1.7e12)) fail(`${tag}: start ${list[0].start} ms is not an absolute time`);
  console.log(`${tag}: ${list.length} intervals, ${total} values`);
}
if (byTag.size === 0) fail("no interval read");
process.exit(failed === 0 ? 0 : 1);
