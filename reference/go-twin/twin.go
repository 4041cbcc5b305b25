// Package gotwin is psem's twin of the Go package psem grew from
// (github.com/avezila/psem): the same cost model, written from that package's
// documentation, not from its source. Each Post and each Wait is exactly one cgo call
// (sem_post, sem_wait) on a POSIX named semaphore, so `go test -bench .` here measures
// what the published W520 figures measured: the semaphore plus the cgo boundary, twice
// per pair. scripts/reproduce-laptop runs it; README's "Reproducing the laptop
// benchmark" explains the decomposition.
package gotwin

/*
#cgo LDFLAGS: -pthread
#include <fcntl.h>
#include <semaphore.h>
#include <stdlib.h>

// sem_open is variadic, which cgo cannot call directly.
static sem_t* twin_sem_open(const char* name, int oflag, unsigned mode, unsigned value) {
	sem_t* s = sem_open(name, oflag, (mode_t)mode, value);
	return s == SEM_FAILED ? NULL : s;
}
*/
import "C"

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"syscall"
	"unsafe"
)

// Sem is an open named semaphore.
type Sem struct {
	s *C.sem_t
}

// OpenPrivate creates a new semaphore exclusively (O_CREAT|O_EXCL, mode 0600) under a
// name nobody can guess, and unlinks the name at once: only this process (and what it
// forks) can reach it, as psem-bench's own runs keep theirs.
func OpenPrivate(value uint) (*Sem, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	name := "/psem-gotwin-" + hex.EncodeToString(b[:])
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	s, err := C.twin_sem_open(cname, C.O_CREAT|C.O_EXCL, 0o600, C.uint(value))
	if s == nil {
		return nil, fmt.Errorf("sem_open %s: %w", name, err)
	}
	if r, err := C.sem_unlink(cname); r != 0 {
		C.sem_close(s)
		return nil, fmt.Errorf("sem_unlink %s: %w", name, err)
	}
	return &Sem{s: s}, nil
}

// Post increments the semaphore: one cgo call.
func (m *Sem) Post() error {
	if r, err := C.sem_post(m.s); r != 0 {
		return err
	}
	return nil
}

// Wait decrements the semaphore, blocking while it is zero: one cgo call (another only
// when a signal interrupted it, EINTR: sem_wait is never restarted).
func (m *Sem) Wait() error {
	for {
		r, err := C.sem_wait(m.s)
		if r == 0 {
			return nil
		}
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// Close closes the semaphore.
func (m *Sem) Close() error {
	if r, err := C.sem_close(m.s); r != 0 {
		return err
	}
	return nil
}
