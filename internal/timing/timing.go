// Package timing records where a build's time goes, for `report build
// --metrics`: the wall time of each stage and how many cores the process
// kept busy meanwhile, and the time of each page and chart, so that one
// slow page or chart can be named, and a stage that leaves a core idle
// seen. A nil *Recorder records nothing, so code that is timed needs no
// conditions.
package timing

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"
	"unicode/utf8"
)

// Recorder collects spans. It is safe for concurrent use.
type Recorder struct {
	mu     sync.Mutex
	stages []stage
	items  []Span
}

// Span is a named duration.
type Span struct {
	Name string
	Dur  time.Duration
}

// stage is a stage's span, and the CPU time the whole process used
// meanwhile, on every core: negative where the system does not say.
type stage struct {
	Span
	cpu time.Duration
}

// Mark is a moment of the build: the time, and the CPU time the process
// had used by then.
type Mark struct {
	wall   time.Time
	cpu    time.Duration
	hasCPU bool // the system says what CPU time the process used
}

// Now marks the start of a stage, for Stage. A nil Recorder asks the
// system nothing: a build without --metrics spends no system call on it.
func (r *Recorder) Now() Mark {
	if r == nil {
		return Mark{}
	}
	cpu, ok := processCPU()
	return Mark{time.Now(), cpu, ok}
}

// Stage records a stage that began at start and ends now.
func (r *Recorder) Stage(name string, start Mark) {
	if r == nil {
		return
	}
	end := r.Now()
	cpu := time.Duration(-1)
	if start.hasCPU && end.hasCPU {
		cpu = end.cpu - start.cpu
	}
	r.mu.Lock()
	r.stages = append(r.stages, stage{Span{name, end.wall.Sub(start.wall)}, cpu})
	r.mu.Unlock()
}

// Item records the time one page, file or chart took; kind is "markdown",
// "chart", "page" or "write". (Two arguments, so that a build without
// --metrics does not join the name for every page only to drop it.)
func (r *Recorder) Item(kind, name string, d time.Duration) {
	if r == nil {
		return
	}
	r.mu.Lock()
	r.items = append(r.items, Span{Name: kind + " " + name, Dur: d})
	r.mu.Unlock()
}

// Sum adds up the items whose names start with prefix.
func (r *Recorder) sum(prefix string) (time.Duration, int) {
	var d time.Duration
	n := 0
	for _, it := range r.items {
		if len(it.Name) >= len(prefix) && it.Name[:len(prefix)] == prefix {
			d += it.Dur
			n++
		}
	}
	return d, n
}

// Report writes the stages, the time spent on pages and charts, and every
// single item that took more than share of the whole. A stage's line ends
// with how many cores were busy during it, on average, where the system
// says: on a machine of two, a stage at 1.00 kept one idle.
func (r *Recorder) Report(w io.Writer, total time.Duration, share float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintf(w, "metrics: build took %v\n", total.Round(10*time.Microsecond))
	width := len("parse and render Markdown, charts") + 1 // one column for every name
	for _, s := range r.stages {
		width = max(width, utf8.RuneCountInString(s.Name))
	}
	for _, s := range r.stages {
		fmt.Fprintf(w, "  %-*s %10v %5.1f %%", width, s.Name, s.Dur.Round(10*time.Microsecond), pct(s.Dur, total))
		if s.cpu >= 0 && s.Dur > 0 {
			fmt.Fprintf(w, " %6.2f cores", float64(s.cpu)/float64(s.Dur))
		}
		fmt.Fprintln(w)
	}
	for _, kind := range []string{"markdown ", "chart ", "page ", "write "} {
		if d, n := r.sum(kind); n > 0 {
			fmt.Fprintf(w, "  %-*s %10v over %d (summed across cores)\n", width, kind+"items", d.Round(10*time.Microsecond), n)
		}
	}
	slow := slices.Clone(r.items)
	slices.SortStableFunc(slow, func(a, b Span) int { return cmp.Compare(b.Dur, a.Dur) })
	named := 0
	for _, it := range slow {
		if pct(it.Dur, total) > share*100 {
			fmt.Fprintf(w, "  slow: %s took %v, %.1f %% of the build\n", it.Name, it.Dur.Round(10*time.Microsecond), pct(it.Dur, total))
			named++
		}
	}
	if named == 0 {
		fmt.Fprintf(w, "  no single page or chart took more than %.0f %% of the build; the slowest:\n", share*100)
		for _, it := range slow[:min(3, len(slow))] {
			fmt.Fprintf(w, "    %s took %v\n", it.Name, it.Dur.Round(10*time.Microsecond))
		}
	}
}

func pct(d, total time.Duration) float64 {
	if total <= 0 {
		return 0
	}
	return float64(d) / float64(total) * 100
}
