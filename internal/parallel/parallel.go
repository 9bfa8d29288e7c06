// Package parallel runs a function for every index of a slice on a bounded
// number of goroutines: the build's one worker pool.
//
// Each hands out the indices in order, but the calls finish in any order,
// so a caller keeps its output deterministic by writing each result into
// its slot by index, never appending in the order the calls finish. The
// first call to fail stops the work: no index is begun after it, and its
// error is the one returned. A caller that must report every item's
// problem, as the build does, keeps each in its slot and returns nil.
package parallel

import (
	"context"
	"runtime"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
)

// Work is what a call spends its time on, which sets how many calls run
// at once: the pool's one rule, with one limit for each kind of work.
type Work int

const (
	// CPU is work that only computes, as drawing charts does. As many
	// calls run at once as Go runs goroutines at once (GOMAXPROCS): more
	// would not finish sooner, and would each hold their half-done work in
	// memory.
	CPU Work = iota
	// Disk is work that reads or writes a file as it goes: parsing each
	// page's file, rendering each page into the output, removing a tree. A
	// call that waits for the file system holds no core, so twice as many
	// calls run as there are cores, and a core whose call waits has
	// another to take up. A call holds a file or two open at a time, so
	// the bound stays far below the process's limit of open files.
	Disk
)

// Limit is how many calls of w run at once. GOMAXPROCS is read at every
// call, as the runtime changes it when the container's CPU limit changes.
func (w Work) Limit() int {
	procs := runtime.GOMAXPROCS(0)
	if w == Disk {
		return 2 * procs
	}
	return procs
}

// Each calls fn for every index from 0 to n-1, with at most as many calls
// at once as w allows, and waits for them. When a call fails, or ctx is
// cancelled, no further index is begun; the calls under way are given a
// cancelled context and waited for. Each returns the error of the first
// call to fail, or ctx's error when ctx ended the work before every index
// was begun.
func Each(ctx context.Context, w Work, n int, fn func(ctx context.Context, i int) error) error {
	g, gctx := errgroup.WithContext(ctx)
	// A few long-lived workers take the indices in turn, rather than a
	// goroutine for each: a goroutine starts on a small stack, and
	// rendering a page grows it by copying several times over; a worker
	// grows its stack once and keeps it for every index it takes.
	var next atomic.Int64
	var skipped atomic.Bool
	for range min(w.Limit(), n) {
		g.Go(func() error {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return nil
				}
				// No index is begun once the work is stopped: it would be
				// work no one wants.
				if gctx.Err() != nil {
					skipped.Store(true)
					return nil
				}
				if err := fn(gctx, i); err != nil {
					return err
				}
			}
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if skipped.Load() {
		return ctx.Err()
	}
	return nil
}
