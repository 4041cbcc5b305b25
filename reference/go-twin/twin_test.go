package gotwin

import "testing"

func openOrFail(tb testing.TB) *Sem {
	tb.Helper()
	s, err := OpenPrivate(0)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Error(err)
		}
	})
	return s
}

// The loop's invariant, checked once outside the timed benchmarks: a post makes the
// next wait return at once.
func TestPostThenWait(t *testing.T) {
	s := openOrFail(t)
	for i := 0; i < 100; i++ {
		if err := s.Post(); err != nil {
			t.Fatal(err)
		}
		if err := s.Wait(); err != nil {
			t.Fatal(err)
		}
	}
}

// BenchmarkPostWait: one goroutine posts then waits, b.N times. The published figure:
// BenchmarkPostWait-8 3000000 416 ns/op (ThinkPad W520).
func BenchmarkPostWait(b *testing.B) {
	s := openOrFail(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Post(); err != nil {
			b.Fatal(err)
		}
		if err := s.Wait(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPostWaitParallel: GOMAXPROCS goroutines (b.RunParallel's default) each post
// then wait on the one semaphore; ns/op is wall time over all b.N pairs. Every goroutine
// waits only after its own post, so the value never reaches zero before a wait and no
// wait blocks. The published figure: BenchmarkPostWaitParallel-8 10000000 175 ns/op.
func BenchmarkPostWaitParallel(b *testing.B) {
	s := openOrFail(b)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := s.Post(); err != nil {
				b.Error(err)
				return
			}
			if err := s.Wait(); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
