package parallel

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// withProcs runs the test with GOMAXPROCS set to n, as on a machine of n
// cores.
func withProcs(t *testing.T, n int) {
	t.Helper()
	old := runtime.GOMAXPROCS(n)
	t.Cleanup(func() { runtime.GOMAXPROCS(old) })
}

func TestLimits(t *testing.T) {
	for _, c := range []struct {
		procs, cpu, disk int
	}{{1, 1, 2}, {2, 2, 4}, {8, 8, 16}} {
		withProcs(t, c.procs)
		if got := CPU.Limit(); got != c.cpu {
			t.Errorf("GOMAXPROCS %d: CPU runs %d at once, want %d", c.procs, got, c.cpu)
		}
		if got := Disk.Limit(); got != c.disk {
			t.Errorf("GOMAXPROCS %d: Disk runs %d at once, want %d", c.procs, got, c.disk)
		}
	}
}

// TestBound counts the calls under way at once: never more than the
// limit, though each call lingers long enough for many to overlap, and the
// limit reached, which the first calls wait for before any returns (were
// fewer run at once, they would wait for ever).
func TestBound(t *testing.T) {
	for name, w := range map[string]Work{"CPU": CPU, "Disk": Disk} {
		for _, procs := range []int{1, 3} {
			t.Run(fmt.Sprintf("%s/procs=%d", name, procs), func(t *testing.T) {
				withProcs(t, procs)
				limit := w.Limit()
				var active, most atomic.Int32
				var arrived sync.WaitGroup
				arrived.Add(limit)
				full := make(chan struct{})
				go func() { arrived.Wait(); close(full) }()
				err := Each(context.Background(), w, 50, func(_ context.Context, i int) error {
					n := active.Add(1)
					defer active.Add(-1)
					for {
						m := most.Load()
						if n <= m || most.CompareAndSwap(m, n) {
							break
						}
					}
					if i < limit {
						arrived.Done()
						select {
						case <-full:
						case <-time.After(10 * time.Second):
							return fmt.Errorf("only %d calls at once, want %d", active.Load(), limit)
						}
					}
					time.Sleep(time.Millisecond)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if got := int(most.Load()); got != limit {
					t.Errorf("at most %d calls at once, want %d", got, limit)
				}
			})
		}
	}
}

// TestEveryIndexOnce calls fn for each index exactly once, and not at all
// for none.
func TestEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		calls := make([]atomic.Int32, n)
		if err := Each(context.Background(), Disk, n, func(_ context.Context, i int) error {
			calls[i].Add(1)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}

// TestResultsByIndex finishes the calls in an order of their own (the
// later index sooner), and the results, written by index, come out in the
// order of the indices all the same, on one core and on several.
func TestResultsByIndex(t *testing.T) {
	const n = 40
	want := make([]string, n)
	for i := range want {
		want[i] = fmt.Sprintf("page %d", i)
	}
	for _, procs := range []int{1, 2, 8} {
		withProcs(t, procs)
		out := make([]string, n)
		if err := Each(context.Background(), CPU, n, func(_ context.Context, i int) error {
			time.Sleep(time.Duration(n-i) * 50 * time.Microsecond)
			out[i] = fmt.Sprintf("page %d", i)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for i := range out {
			if out[i] != want[i] {
				t.Fatalf("GOMAXPROCS %d: slot %d holds %q", procs, i, out[i])
			}
		}
	}
}

// TestFirstErrorStops fails one call while the others wait: the others
// are cancelled, no further index is begun, and the failure is the error,
// not the cancellation it caused.
func TestFirstErrorStops(t *testing.T) {
	withProcs(t, 2)
	full := errors.New("no space left on device")
	var begun atomic.Int32
	err := Each(context.Background(), Disk, 100, func(ctx context.Context, i int) error {
		begun.Add(1)
		if i == 2 {
			return full
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Second):
			return errors.New("not cancelled by the failure")
		}
	})
	if err != full {
		t.Errorf("Each = %v, want the failure", err)
	}
	if n, limit := int(begun.Load()), Disk.Limit(); n > limit {
		t.Errorf("%d calls begun; after the failure at index 2 no more than the %d under way should be", n, limit)
	}
}

// TestCancelStops cancels the work from inside the fifth call: once the
// cancel has returned, at most the calls already past their start (one
// fewer than the limit, the canceller holding a slot) may still begin,
// and none after them. It counts calls begun after the cancel returned,
// not calls numbered after the fifth: the canceller may be held up between
// being counted and cancelling while the other slot goes on (CI's race
// detector once saw all 1,000 calls begin in that time).
func TestCancelStops(t *testing.T) {
	withProcs(t, 2)
	for range 200 {
		ctx, cancel := context.WithCancel(context.Background())
		var begun atomic.Int32
		var cancelled atomic.Bool
		var late atomic.Int32 // calls begun once the cancel had returned
		err := Each(ctx, CPU, 1000, func(ctx context.Context, i int) error {
			if cancelled.Load() {
				late.Add(1)
			}
			if begun.Add(1) == 5 {
				cancel()
				cancelled.Store(true)
			}
			return nil
		})
		cancel()
		// The canceller may even be held up until every index is begun,
		// and then the work was done, not stopped.
		if !errors.Is(err, context.Canceled) && !(err == nil && begun.Load() == 1000) {
			t.Fatalf("Each = %v after %d calls, want context.Canceled", err, begun.Load())
		}
		if n, most := int(late.Load()), CPU.Limit()-1; n > most {
			t.Fatalf("%d calls begun after the cancel returned, want at most %d", n, most)
		}
	}
}

// TestCancelledBefore begins nothing for a context already cancelled.
func TestCancelledBefore(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Each(ctx, CPU, 10, func(context.Context, int) error {
		t.Error("a call was begun")
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Each = %v, want context.Canceled", err)
	}
}

// TestCancelledAfterwards: a context cancelled once every call is done
// does not undo the work.
func TestCancelledAfterwards(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var done atomic.Int32
	err := Each(ctx, CPU, 3, func(context.Context, int) error {
		if done.Add(1) == 3 {
			cancel()
		}
		return nil
	})
	if err != nil {
		t.Errorf("Each = %v after every call succeeded", err)
	}
}

// BenchmarkEach is the pool's own cost for each index, a goroutine and a
// slot: small beside the tens of microseconds that rendering even a page
// of minimal templates takes (BenchmarkStages in internal/pipeline).
func BenchmarkEach(b *testing.B) {
	const n = 10000
	out := make([]int, n)
	for b.Loop() {
		if err := Each(context.Background(), CPU, n, func(_ context.Context, i int) error {
			out[i] = i
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/index")
}
