#!/bin/sh
# The suite's leak check (ctest fixture psem_suite).
#   check-no-leaks.sh --snapshot FILE   runs first: records what /dev/shm already holds
#   check-no-leaks.sh FILE              runs last, also when tests failed: fails when the
#                                       suite left a named semaphore, a shared-memory
#                                       object, a SysV semaphore set or a worker process
#                                       behind
# Test semaphores are named /psem-test.*, harness ones /psem-bench.* (glibc keeps a
# semaphore "/x" as /dev/shm/sem.x and a shared-memory object "/x" as /dev/shm/x).
# SysV semaphore sets (the sysv backend's, created IPC_PRIVATE with mode 0600) have no name:
# every set of this user counts, as "sysv-set <id>", and the snapshot keeps those that were
# there before the suite.
list() {
  { ls /dev/shm 2>/dev/null | grep -E '^(sem\.)?psem-(test|bench)\.'
    [ -r /proc/sysvipc/sem ] && awk -v uid="$(id -u)" 'NR > 1 && $5 == uid { print "sysv-set " $2 }' /proc/sysvipc/sem
  } | sort
}

if [ "${1:-}" = "--snapshot" ]; then
  list > "$2"
  n=$(wc -l < "$2")
  echo "recorded $n pre-existing psem entries in /dev/shm"
  exit 0
fi

baseline=${1:-/dev/null}
[ -f "$baseline" ] || baseline=/dev/null
left=$(list | comm -23 - "$baseline")
stray=$(pgrep -f 'psem-bench __worker' 2>/dev/null || true)
status=0
if [ -n "$left" ]; then
  echo "left behind by this suite (in /dev/shm, or SysV sets):"; echo "$left"
  status=1
fi
if [ -n "$stray" ]; then
  echo "worker processes still running:"; ps -o pid,args -p "$(echo $stray | tr ' ' ',')"
  status=1
fi
[ $status -eq 0 ] && echo "no semaphore, shared memory, SysV set or worker left behind"
exit $status
