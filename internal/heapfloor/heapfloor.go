// Package heapfloor keeps the Go collector from running while a program's
// heap is still small.
//
// The runtime starts collecting at a 4 MB heap, and sets each next goal at
// twice what the last collection found in use. A build of the shipped
// edition keeps 2 to 9 MB in use while it allocates about 70 MB, so it
// collected 11 times in 130 ms: each collection stops the program twice,
// turns on the write barrier, and makes the next allocations fault in fresh
// mark bits (about 15 µs a page fault on the project's machine). With a
// floor of 16 MB under the goal it collected 4 times, and took 15-20 % less
// time; cmd/report now sets 24 MB, and it collects twice (see
// docs/speed.md).
//
// The floor is lifted for good by the first collection that finds half of
// it in use, or by Lift: from then on the runtime paces itself. A build
// lifts it once it has counted the site's pages and found the site large
// (see package pipeline): held through a build of 1,000 stories, whose
// goals soon outgrow it anyway, it gained no time and raised the peak
// memory by 4.5 %.
package heapfloor

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// runtimeMinimum is the heap at which the runtime starts its first
// collection at the default GOGC of 100; it scales with GOGC.
const runtimeMinimum = 4 << 20

// Hold sets the floor under the heap's goal, in bytes, until a collection
// finds half of it in use (see the package documentation). It does nothing
// when GOGC is set: whoever set it chose how the program collects. Call it
// first thing in main.
func Hold(floor uint64) {
	if os.Getenv("GOGC") != "" || floor <= 2*runtimeMinimum {
		mu.Lock()
		held = false // nor is one held from before
		mu.Unlock()
		return
	}
	mu.Lock()
	held, lifted = true, false
	mu.Unlock()
	f := &holder{floor: floor}
	f.adjust(0)
	f.arm()
}

type holder struct{ floor uint64 }

var (
	mu sync.Mutex // orders Hold, Lift and the cleanups' adjust
	// held is set by a Hold that set a floor; lifted then by Lift, or once
	// a collection found half the floor in use.
	held, lifted bool
)

// Lift ends the floor Hold set, if it set one, and leaves the collector
// to the runtime's own pacing (GOGC 100). Without a floor it does
// nothing: a GOGC the user set stays.
func Lift() {
	mu.Lock()
	defer mu.Unlock()
	lift()
}

func lift() {
	if held && !lifted {
		lifted = true
		debug.SetGCPercent(100)
	}
}

// LiftTo is Lift leaving the collector at percent instead, for a program
// that has found it will hold a lot and may trade memory for collecting
// less often; also once the floor is lifted, as long as Hold set one.
// Without a floor it does nothing: a GOGC the user set stays.
func LiftTo(percent int) {
	mu.Lock()
	defer mu.Unlock()
	if held {
		lifted = true
		debug.SetGCPercent(percent)
	}
}

// sentinel is garbage from the moment it is made: the next collection
// finds it unreachable and runs its cleanup, which is how the holder hears
// that a collection ended. (Large enough that the runtime's tiny allocator,
// which packs objects under 16 bytes together, gives it a block of its
// own.)
type sentinel struct{ _ [32]byte }

func (f *holder) arm() {
	runtime.AddCleanup(new(sentinel), func(f *holder) {
		if f.adjust(liveBytes()) {
			f.arm()
		}
	}, f)
}

// adjust sets GOGC so that the next goal is the floor, given what the
// last collection found in use (0 before the first): the goal is what is
// in use times 1+GOGC/100, and never under the runtime's minimum times
// GOGC/100. It returns false once the floor is lifted, with GOGC back at
// 100.
func (f *holder) adjust(live uint64) (holding bool) {
	mu.Lock()
	defer mu.Unlock()
	if lifted {
		return false
	}
	if 2*live >= f.floor {
		lift()
		return false
	}
	percent := f.floor * 100 / runtimeMinimum
	if live > 0 {
		percent = min(percent, f.floor*100/live-100)
	}
	debug.SetGCPercent(int(percent))
	return true
}

// liveBytes is what the last collection found in use.
func liveBytes() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}
