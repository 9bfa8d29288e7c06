package pipeline

import (
	"context"
	"crypto/sha256"
	"sync/atomic"

	"report/internal/outdir"
	"report/internal/parallel"
	"report/internal/render"
	"report/internal/urls"
)

// upToDate reports whether the output folder holds exactly the files this
// build would write, so that it can be left as it is: every file as the
// last build wrote it, untouched since, with its key unchanged (see
// reuse.go: a page's key, the hash of any other file's bytes), and, by the
// list of the files the last build wrote, nothing of its own besides. A
// rebuild with nothing changed then writes nothing, where replacing the
// folder would make each of its folders and link each of its pages again,
// and delete the old ones. What else the folder holds, a link or a file
// put there by hand, is for the walk of outdir.Output.Examined to refuse.
func upToDate(ctx context.Context, plan *render.Plan, out *outdir.Output, last map[string]keptFile) bool {
	listed, ok := out.Listed()
	paths := plan.Paths()
	if !ok || len(last) == 0 || len(listed) != len(paths) {
		return false
	}
	csps := map[string]string{}
	for _, path := range paths {
		if !listed[path] {
			return false
		}
		if plan.IsPage(path) {
			csps[path] = last[path].CSP
		}
	}
	var stale atomic.Bool
	stop := func() error { stale.Store(true); return context.Canceled }
	// The keys first: they need no system call, and after an edit one of
	// them differs, which spares looking at every file of the folder (at
	// 10,000 stories, 10,000 lstat calls).
	_ = parallel.Each(ctx, parallel.CPU, len(paths), func(_ context.Context, i int) error {
		path := paths[i]
		if !plan.IsPage(path) {
			return nil
		}
		key, ok := plan.PageKey(path)
		if kept, found := last[path]; !ok || !found || kept.Key != key {
			return stop()
		}
		return nil
	})
	if stale.Load() || ctx.Err() != nil {
		return false
	}
	_ = parallel.Each(ctx, parallel.Disk, len(paths), func(_ context.Context, i int) error {
		path := paths[i]
		kept := last[path]
		if !plan.IsPage(path) {
			var want [32]byte
			if path == urls.Headers {
				want = sha256.Sum256(plan.HeadersWith(csps))
			} else {
				data, ok, err := plan.File(path)
				if !ok || err != nil {
					return stop()
				}
				want = sha256.Sum256(data)
			}
			if kept.Key != want {
				return stop()
			}
		}
		if st, ok := lstatStamp(join(out.Dir(), path)); !ok || st != kept.Stamp {
			return stop()
		}
		return nil
	})
	return !stale.Load() && ctx.Err() == nil
}
