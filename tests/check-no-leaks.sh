#!/bin/sh
# Runs last in ctest (the cleanup of fixture psem_suite): fails when the suite left a
# named semaphore or a worker process behind. Test semaphores are named /psem-test.*,
# harness ones /psem-bench.*; glibc keeps them as /dev/shm/sem.<name>.
left=$(ls /dev/shm 2>/dev/null | grep -E '^sem\.psem-(test|bench)\.' || true)
stray=$(pgrep -f 'psem-bench (worker|__worker)' 2>/dev/null || true)
status=0
if [ -n "$left" ]; then
  echo "leaked named semaphores:"; echo "$left"
  status=1
fi
if [ -n "$stray" ]; then
  echo "worker processes still running:"; ps -o pid,args -p $(echo $stray | tr ' ' ',')
  status=1
fi
[ $status -eq 0 ] && echo "no semaphore and no worker left behind"
exit $status
