# How `scripts/ci-gate --record` pooled its runs into a stored baseline before
# `psem-bench merge` took over (the Python embedded in scripts/ci-gate up to commit
# 563591b, unchanged but for this header): test_merge_cmd.cpp checks merge against it.
# usage: python3 record_pool_reference.py SRC_DIR OUT_FILE
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
files = sorted(f for f in os.listdir(src) if f.endswith(".json"))
merged, benchmarks = None, []
for f in files:
    with open(os.path.join(src, f)) as fh:
        report = json.load(fh)
    merged = merged or report
    benchmarks += [b for b in report["benchmarks"] if b.get("run_type", "iteration") == "iteration"]
seen = {}
for b in benchmarks:
    key = b.get("run_name", b["name"])
    b["repetition_index"] = seen.get(key, 0)
    seen[key] = b["repetition_index"] + 1
for b in benchmarks:
    b["repetitions"] = seen[b.get("run_name", b["name"])]
merged["benchmarks"] = benchmarks
merged["context"].setdefault("psem", {})["recorded_runs"] = len(files)
with open(out, "w") as fh:
    json.dump(merged, fh, indent=2)
    fh.write("\n")
