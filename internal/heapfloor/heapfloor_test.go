package heapfloor

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// The tests run in order, in one process whose collector they share:
// the one that leaves GOGC alone first, then the one whose floor is lifted
// at its end.

func TestHoldLeavesAGOGCSet(t *testing.T) {
	t.Setenv("GOGC", "123")
	old := debug.SetGCPercent(123)
	defer debug.SetGCPercent(old)
	Hold(64 << 20)
	if got := gcPercent(); got != 123 {
		t.Errorf("with GOGC set, Hold changed the collector's percent to %d", got)
	}
	Lift()
	if got := gcPercent(); got != 123 {
		t.Errorf("with GOGC set and no floor held, Lift changed the collector's percent to %d", got)
	}
}

// TestHoldDelaysCollections: with a floor of 64 MB, allocating 40 MB of
// garbage sets off no collection, where the runtime's own pacing, which
// starts at 4 MB, would collect several times; once a collection finds
// half the floor in use, GOGC is back at 100.
func TestHoldDelaysCollections(t *testing.T) {
	t.Setenv("GOGC", "")
	runtime.GC()
	debug.SetGCPercent(100)
	before := cycles()
	Hold(64 << 20)
	if got := gcPercent(); got != 64*100/4 {
		t.Errorf("before any collection, GOGC is %d; want %d, for a first goal of 64 MB", got, 64*100/4)
	}
	var sink []byte
	for range 40 << 4 {
		sink = make([]byte, 64<<10)
	}
	_ = sink
	if n := cycles() - before; n > 0 {
		t.Errorf("allocating 40 MB under a 64 MB floor set off %d collections", n)
	}

	kept := make([][]byte, 0, 40<<4)
	for range 40 << 4 {
		kept = append(kept, make([]byte, 64<<10))
	}
	deadline := time.Now().Add(5 * time.Second)
	for gcPercent() != 100 && time.Now().Before(deadline) {
		runtime.GC() // the cleanup runs after it, on a goroutine of its own
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(kept)
	if got := gcPercent(); got != 100 {
		t.Errorf("with 40 MB in use under a 64 MB floor, GOGC is %d; want it back at 100", got)
	}
}

// TestLift: Lift puts GOGC back at 100 at once, and the collections
// after it leave it there.
func TestLift(t *testing.T) {
	t.Setenv("GOGC", "")
	Hold(64 << 20)
	if got := gcPercent(); got == 100 {
		t.Fatalf("Hold left GOGC at 100")
	}
	Lift()
	if got := gcPercent(); got != 100 {
		t.Errorf("after Lift, GOGC is %d; want 100", got)
	}
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // for the cleanup
	}
	if got := gcPercent(); got != 100 {
		t.Errorf("after Lift and three collections, GOGC is %d; want 100", got)
	}
}

// TestLiftTo: LiftTo leaves GOGC at the percent given, even after a
// collection lifted the floor, and collections after it leave it there;
// with GOGC set it changes nothing.
func TestLiftTo(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	Hold(64 << 20)
	Lift() // as a collection that finds half the floor in use does
	LiftTo(150)
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // for the cleanup
	}
	if got := gcPercent(); got != 150 {
		t.Errorf("after LiftTo(150) and three collections, GOGC is %d; want 150", got)
	}
	t.Setenv("GOGC", "100")
	debug.SetGCPercent(100)
	Hold(64 << 20)
	LiftTo(150)
	if got := gcPercent(); got != 100 {
		t.Errorf("with GOGC set, LiftTo changed the collector's percent to %d", got)
	}
}

// TestAdjust: the percent that puts the next goal at the floor.
func TestAdjust(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	mu.Lock()
	held, lifted = true, false // as Hold leaves them
	mu.Unlock()
	f := &holder{floor: 16 << 20}
	for _, c := range []struct {
		live    uint64
		percent int
		holding bool
	}{
		{0, 400, true},        // the first goal: 4 MB × 400/100
		{1 << 20, 400, true},  // 1 MB × 5 = 5 MB, under the 16 MB minimum
		{4 << 20, 300, true},  // 4 MB × 4
		{6 << 20, 166, true},  // 6 MB × 2.66
		{8 << 20, 100, false}, // half the floor: lifted
	} {
		if holding := f.adjust(c.live); holding != c.holding || gcPercent() != c.percent {
			t.Errorf("with %d bytes in use: GOGC %d, holding %v; want %d, %v", c.live, gcPercent(), holding, c.percent, c.holding)
		}
	}
}

func gcPercent() int {
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	return p
}

func cycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
