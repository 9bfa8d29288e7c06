// Command alternate times whole processes the way this project judges a
// change to its speed: two or more programs (a report built before a change
// and one built after) run in turn, each with the same arguments, so that
// whatever else the shared machine is doing falls on all of them alike.
//
//	go run ./tools/bench/alternate [-n runs] [-name Name] [-dir folder] program... -- arg...
//
// An argument {} stands for the program's name, so that each writes to a
// folder of its own (--out /dev/shm/{}). For each program it writes
// folder/<name>.txt, one Go benchmark line a run (wall time, CPU time, peak
// memory and page faults), which benchstat compares:
//
//	benchstat /tmp/alternate/before.txt /tmp/alternate/after.txt
//
// and it prints each program's medians. A run that fails stops it: its
// time would not be a build's.
//
// A rebuild is timed as an editor meets it with three more flags: -warm
// runs each program once, untimed, so that the first timed run has a build
// to rebuild; -before runs a shell command, untimed, before each run (an
// edit: -before 'echo x >> site/content/2016/cases/case-09999.md'); and
// -pause waits before each run, as an editor's next build comes seconds
// after the last. On a virtual machine that hands memory freed for a
// couple of seconds back to its host, a run right after another reuses
// memory the host still backs, and one after a pause does not: see
// "Fresh memory after a pause" in docs/speed.md.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 21, "how many times to run each program")
	name := flag.String("name", "Build", "the benchmark's name in the files benchstat reads")
	dir := flag.String("dir", filepath.Join(os.TempDir(), "alternate"), "the `folder` to write each program's results to")
	var o options
	flag.StringVar(&o.before, "before", "", "a shell `command` to run, untimed, before each run; {} stands for the program's name")
	flag.DurationVar(&o.pause, "pause", 0, "how long to wait before each run")
	flag.BoolVar(&o.warm, "warm", false, "run each program once, untimed, before the timed runs")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: alternate [-n runs] [-name Name] [-dir folder] [-warm] [-before command] [-pause duration] program... -- arg...")
		flag.PrintDefaults()
	}
	flag.Parse()
	programs, args, ok := split(flag.Args())
	if !ok || *n < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, programs, args, *n, *name, *dir, o); err != nil {
		fmt.Fprintln(os.Stderr, "alternate:", err)
		os.Exit(1)
	}
}

// split parses "program... -- arg...".
func split(words []string) (programs, args []string, ok bool) {
	i := slices.Index(words, "--")
	if i < 1 {
		return nil, nil, false
	}
	return words[:i], words[i+1:], true
}

// sample is what one run cost.
type sample struct {
	wall, cpu  time.Duration
	peak       int64 // bytes
	pageFaults int64
}

// options say what happens around each timed run.
type options struct {
	before string        // a shell command run first, untimed
	pause  time.Duration // waited first
	warm   bool          // each program run once, untimed, before the timed runs
}

func run(out io.Writer, programs, args []string, n int, name, dir string, o options) error {
	names := names(programs)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if o.warm {
		for i, program := range programs {
			if _, err := once(program, with(args, names[i])); err != nil {
				return fmt.Errorf("%s: %w", program, err)
			}
		}
	}
	samples := make([][]sample, len(programs))
	for range n {
		for i, program := range programs {
			if o.before != "" {
				sh := exec.Command("sh", "-c", strings.ReplaceAll(o.before, "{}", names[i]))
				if b, err := sh.CombinedOutput(); err != nil {
					return fmt.Errorf("-before: %v\n%s", err, tail(string(b), 2000))
				}
			}
			time.Sleep(o.pause)
			s, err := once(program, with(args, names[i]))
			if err != nil {
				return fmt.Errorf("%s: %w", program, err)
			}
			samples[i] = append(samples[i], s)
		}
	}
	for i, ss := range samples {
		path := filepath.Join(dir, names[i]+".txt")
		if err := os.WriteFile(path, benchLines(name, ss), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(out, "%-12s %s  (%s)\n", names[i], medians(ss), path)
	}
	return nil
}

// names gives each program a name for its file: its base name, or, where
// two share one, its place in the list as well.
func names(programs []string) []string {
	seen := map[string]int{}
	for _, p := range programs {
		seen[filepath.Base(p)]++
	}
	out := make([]string, len(programs))
	for i, p := range programs {
		out[i] = filepath.Base(p)
		if seen[out[i]] > 1 {
			out[i] = fmt.Sprintf("%d-%s", i+1, out[i])
		}
	}
	return out
}

// with is args with each {} replaced by name.
func with(args []string, name string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = strings.ReplaceAll(a, "{}", name)
	}
	return out
}

func once(program string, args []string) (sample, error) {
	cmd := exec.Command(program, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return sample{}, fmt.Errorf("%v\n%s", err, tail(stderr.String(), 2000))
		}
		return sample{}, err
	}
	ps := cmd.ProcessState
	peak, faults := memoryOf(ps)
	return sample{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), peak: peak, pageFaults: faults}, nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// benchLines writes the samples as Go benchmark results, one line a run.
func benchLines(name string, ss []sample) []byte {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "Benchmark%s 1 %d ns/op %d cpu-ns/op %d peak-B/op %d faults/op\n",
			name, s.wall.Nanoseconds(), s.cpu.Nanoseconds(), s.peak, s.pageFaults)
	}
	return []byte(b.String())
}

// medians describes the runs by their medians.
func medians(ss []sample) string {
	median := func(of func(sample) int64) int64 {
		v := make([]int64, len(ss))
		for i, s := range ss {
			v[i] = of(s)
		}
		slices.Sort(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	wall := time.Duration(median(func(s sample) int64 { return int64(s.wall) }))
	cpu := time.Duration(median(func(s sample) int64 { return int64(s.cpu) }))
	peak := median(func(s sample) int64 { return s.peak })
	return fmt.Sprintf("median of %d: %s wall, %s CPU, %.1f MB peak", len(ss),
		wall.Round(100*time.Microsecond), cpu.Round(100*time.Microsecond), float64(peak)/1e6)
}
