#!/usr/bin/env bash
# examples/ansible/psem-bench.yml for real, against this machine under four inventory
# names with ansible_connection=local: two that work (host-a, host-b), one whose scenario
# psem-bench refuses (a --set of a field that does not exist) and one with no psem-bench
# (a path that does not exist). Checks that the two good hosts' reports and their
# side-by-side Markdown are on the "controller", that the two bad hosts fail with what
# went wrong and leave no report, that the playbook exits 2 (failed hosts), and that no
# target working directory is left. Then again on the two good hosts only, with
# psem_repetitions and psem_sets: exit 0, and the variables reached psem-bench.
# Exit 77 (ctest's SKIP) only when ansible-playbook is absent: scripts/install-deps
# installs Debian's ansible-core, so CI always runs it.
# Usage: test-ansible.sh PSEM_BENCH
set -euo pipefail
bench=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v ansible-playbook >/dev/null; then
  echo "SKIP: ansible-playbook is not installed (scripts/install-deps installs ansible-core)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Ansible's own state under $tmp, not in the home directory, and no ansible.cfg of the
# current directory; the targets' working directories (tempfile) under $tmp/targets.
: >"$tmp/ansible.cfg"
export ANSIBLE_CONFIG=$tmp/ansible.cfg ANSIBLE_HOME=$tmp/ansible-home ANSIBLE_LOCAL_TEMP=$tmp/ansible-local \
  ANSIBLE_REMOTE_TEMP=$tmp/ansible-remote ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 TMPDIR=$tmp/targets
mkdir -p "$tmp/targets"

# A directory of two small scenarios (the playbook copies a directory whole).
mkdir "$tmp/scenarios"
cat >"$tmp/scenarios/postwait.json" <<'JSON'
{"schema_version": 1, "name": "fleet-postwait", "workload": "postwait", "ops_per_worker": 20000,
 "warmup_ops": 1000, "repetitions": 3, "timeout_s": 60}
JSON
cat >"$tmp/scenarios/postwait-2.json" <<'JSON'
{"schema_version": 1, "name": "fleet-postwait-2", "workload": "postwait", "processes": 2, "ops_per_worker": 20000,
 "warmup_ops": 1000, "repetitions": 3, "timeout_s": 60}
JSON

cat >"$tmp/inventory.ini" <<EOF_INV
[targets]
host-a
host-b
refused psem_sets='["no_such_field=1"]'
no-psem psem_bench_binary="" psem_bench_command=/nonexistent/bin/psem-bench

[targets:vars]
ansible_connection=local
ansible_python_interpreter=/usr/bin/python3
psem_bench_binary=$bench
psem_bench_controller=$bench
EOF_INV

reports=$tmp/reports
set +e
ansible-playbook -i "$tmp/inventory.ini" "$root/examples/ansible/psem-bench.yml" \
  -e "psem_scenarios=$tmp/scenarios" -e "psem_reports_dir=$reports" >"$tmp/out.txt" 2>&1
rc=$?
set -e
cat "$tmp/out.txt"
[ "$rc" -eq 2 ] || fail "the playbook with two failing hosts exited $rc, expected 2 (failed hosts)"
for h in host-a host-b; do
  [ -s "$reports/$h.json" ] || fail "no report for $h in $reports"
done
for h in refused no-psem; do
  [ ! -e "$reports/$h.json" ] || fail "a report for $h, which could not run"
done
/usr/bin/python3 - "$reports" <<'PY'
import json, sys
for h in ("host-a", "host-b"):
    r = json.load(open(f"{sys.argv[1]}/{h}.json"))
    names = {b["run_name"] for b in r["benchmarks"] if b["run_type"] == "iteration"}
    assert names == {"postwait/processes:1/threads:1", "postwait/processes:2/threads:1"}, (h, names)
    reps = [b for b in r["benchmarks"] if b["run_type"] == "iteration"]
    assert len(reps) == 6 and all(b["real_time"] > 0 for b in reps), (h, reps)
PY
md=$reports/side-by-side.md
[ -s "$md" ] || fail "no side-by-side Markdown at $md"
grep -q '| benchmark | host-a ns/op | cv | host-b ns/op | cv | ratio |' "$md" || fail "side-by-side columns: $(cat "$md")"
grep -q '^| postwait/processes:2/threads:1 | ' "$md" || fail "side-by-side rows: $(cat "$md")"
! grep -q 'refused\|no-psem' "$md" || fail "a failed host in the side-by-side: $(cat "$md")"
grep -q 'psem-bench failed on refused: psem-bench run on the target: .*no_such_field' "$tmp/out.txt" ||
  fail "the refused scenario's failure does not say why"
grep -q 'psem-bench failed on no-psem: psem-bench starts on the target (psem-bench --version): .*No such file' \
  "$tmp/out.txt" || fail "the missing psem-bench's failure does not say why"
[ -z "$(ls -A "$tmp/targets")" ] || fail "working directories left on the targets: $(ls "$tmp/targets")"

# The good hosts alone, with the optional variables: exit 0, and they reached psem-bench.
# Paths relative to the directory ansible-playbook starts in, as a user types them (the
# binary through a relative symlink, so the copy must follow it).
mkdir "$tmp/bin"
ln -s "$bench" "$tmp/bin/psem-bench"
set +e
(cd "$tmp" && ansible-playbook -i inventory.ini "$root/examples/ansible/psem-bench.yml" --limit host-a,host-b \
  -e psem_scenarios=scenarios/postwait.json -e psem_reports_dir=reports -e psem_bench_binary=bin/psem-bench \
  -e psem_repetitions=2 -e '{"psem_sets": ["ops_per_worker=5000"]}' -e psem_side_by_side=fleet.md) \
  >"$tmp/out2.txt" 2>&1
rc=$?
set -e
cat "$tmp/out2.txt"
[ "$rc" -eq 0 ] || fail "the playbook on the two good hosts exited $rc"
/usr/bin/python3 - "$reports" <<'PY'
import json, sys
for h in ("host-a", "host-b"):
    r = json.load(open(f"{sys.argv[1]}/{h}.json"))
    reps = [b for b in r["benchmarks"] if b["run_type"] == "iteration"]
    assert len(reps) == 2, (h, len(reps))  # one scenario, --repetitions 2
    assert all(b["iterations"] == 5000 for b in reps), (h, [b["iterations"] for b in reps])
PY
grep -q '| benchmark | host-a ns/op | cv | host-b ns/op | cv | ratio |' "$tmp/fleet.md" || fail "psem_side_by_side not used"
# Without the two required variables, or with scenarios that are not there: stop at once,
# saying what is needed.
set +e
(cd "$tmp" && ansible-playbook -i inventory.ini "$root/examples/ansible/psem-bench.yml" \
  -e psem_scenarios=no-such-dir -e psem_reports_dir=reports) >"$tmp/out3.txt" 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] || { cat "$tmp/out3.txt"; fail "missing scenarios: exit $rc, expected 2"; }
grep -q 'psem-bench.yml needs psem_scenarios (a scenario file or directory on the controller, given: no-such-dir)' \
  "$tmp/out3.txt" || { cat "$tmp/out3.txt"; fail "missing scenarios: no message saying so"; }
! grep -q 'psem-bench run on the target' "$tmp/out3.txt" || fail "missing scenarios: it went on to run"
echo "PASS: two local inventory names gave two reports and a side-by-side; the broken hosts failed with why"
