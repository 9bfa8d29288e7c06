package outdir

// A build writes its new tree beside the output and swaps it in whole, so
// that a reader of the output, a web server above all, never sees a
// half-written site.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"report/internal/parallel"
)

// Refusal is ReplaceWith's error for an output folder that holds more than
// a site built before (see CheckContents): the folder is as it was, and the
// new tree written beside it is removed.
type Refusal struct{ Reason error }

func (r *Refusal) Error() string { return r.Reason.Error() }
func (r *Refusal) Unwrap() error { return r.Reason }

// Replace replaces the folder dir with a tree that fill writes, as Open and
// Output.Replace do, and lets the folder go.
func Replace(ctx context.Context, dir string, fill func(tmp string) error) error {
	o, err := Open(ctx, dir)
	if err != nil {
		return err
	}
	defer o.Close()
	return o.Replace(fill)
}

// Replace fills a new folder beside the output and swaps it in: with one
// atomic exchange where the system has one (renameat2 on Linux, renamex_np
// on macOS), so that a reader or a web server sees the old site or the new
// one and never neither; elsewhere with two renames, the old site aside and
// the new one in, which a build killed between them leaves to the next
// build to repair (see Open). If fill fails, or the swap, the output is as
// it was and the new tree is removed. An output folder that is a mount
// point cannot be renamed at all: its contents are replaced instead (see
// replaceInside).
func (o *Output) Replace(fill func(tmp string) error) error {
	return o.ReplaceWith(nil, fill)
}

// ReplaceWith is Replace for a fill that writes the files named, sorted and
// slash-separated, and nothing else: the list of them (see manifest.go) is
// written from the names, without walking the new tree. A file fill writes
// and files does not name is not on the list, so the next build refuses the
// folder as holding a file not its own.
func (o *Output) ReplaceWith(files []string, fill func(tmp string) error) error {
	// Nothing but a site built before may be lost (see CheckContents). The
	// walk of the folder runs while the new tree is filled, unless Examine
	// started it earlier, and the folder is replaced only once it has
	// passed: a refused build has written only its new tree, which it
	// removes.
	defer o.forgetWalk()
	if err := o.Examine(); err != nil {
		return err
	}
	var old *tree
	refused := func() error {
		w := o.walked()
		old = w.old
		return w.err
	}
	o.known = files
	defer func() { o.known = nil }()
	if isMountPoint(o.dir, o.parent) {
		if err := refused(); err != nil {
			return err
		}
		_ = os.Remove(recordPath(o.dir))
		return o.replaceInside(fill)
	}
	o.keptPrev, o.filledFrom = false, nil
	if o.prevWalked != nil {
		// The kept site is checked after the output, on one worker: the
		// walk is as good as done, and a build it refuses need not take
		// the kept site, nor fill a tree.
		if err := refused(); err != nil {
			return err
		}
	}
	tmp, rec := o.takePrev(files)
	if tmp == "" {
		var err error
		if tmp, err = os.MkdirTemp(o.parent, "."+o.base+".new-"); err != nil {
			return err
		}
		if err := o.lock.note(filepath.Base(tmp)); err != nil {
			os.Remove(tmp)
			return err
		}
	}
	defer os.RemoveAll(tmp)
	o.recycled = rec
	defer func() { o.recycled = nil }()
	if err := fill(tmp); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	fresh, err := o.listNew(tmp)
	if err != nil {
		return err
	}
	hook("filled")
	if err := refused(); err != nil {
		return err
	}
	// What the output held is about to change: a build killed from here on
	// leaves no record, and the next check walks the output whole.
	_ = os.Remove(recordPath(o.dir))
	err = o.swap(tmp, old)
	if err == nil {
		err = writeManifest(o.dir, fresh)
		if err == nil {
			o.recordOutput()
		}
		return err
	}
	if errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV) {
		if info, statErr := os.Stat(o.dir); statErr == nil && info.IsDir() {
			// A mount point that isMountPoint cannot tell (a bind mount
			// of the same file system): write the tree again, inside it.
			_ = os.RemoveAll(tmp)
			o.recycled = nil
			return o.replaceInside(fill)
		}
	}
	return err
}

// Examine starts, in the background, the walk that judges what the folder
// holds (see CheckContents), and returns at once: with the refusal, a
// *Refusal, when the list of the last build's files is enough to refuse.
// ReplaceWith waits for the walk before the swap, and Examined for a build
// that writes nothing. A build starts it beside its load, so that the walk
// costs no time of its own whether the build then writes the folder or
// finds it up to date. A walk already started is not started again.
func (o *Output) Examine() error {
	if o.walked != nil {
		return o.refusedAtOnce
	}
	walk, last, err := checkContents(o.dir)
	if err != nil {
		o.refusedAtOnce = &Refusal{Reason: err}
		o.walked = func() walked { return walked{err: o.refusedAtOnce} }
		return o.refusedAtOnce
	}
	o.last = &last
	walkPrev := o.examinePrev()
	done := make(chan walked, 1)
	go func() {
		old, err := walk()
		if err != nil {
			err = &Refusal{Reason: err}
		}
		done <- walked{old, err}
		// Then, on the same worker, the kept site (see recycle.go), which
		// a build that finds the folder up to date stops.
		walkPrev()
	}()
	o.walked = sync.OnceValue(func() walked { return <-done })
	return nil
}

// Examined waits for the walk Examine started and returns its refusal, a
// *Refusal, when the folder holds more than the last build's files: a
// build that finds the folder up to date asks it before saying so, since
// a link or a file put there by hand would be published with the site.
func (o *Output) Examined() error {
	o.stopPrev.Store(true) // it writes nothing: the kept site is not needed
	defer o.forgetWalk()
	if err := o.Examine(); err != nil {
		return err
	}
	return o.walked().err
}

// forgetWalk lets the next Examine walk again: a walk judges the folder
// once, as it was before one build, and what a build found is no
// judgement of the folder it leaves.
func (o *Output) forgetWalk() {
	o.walked, o.refusedAtOnce, o.last, o.prevWalked = nil, nil, nil, nil
}

// walked is what Examine's walk found.
type walked struct {
	old *tree // what the folder held, for removing it once replaced
	err error // a *Refusal
}

// swap puts the filled tree fresh in the output's place and removes the
// previous site, which held what old says (nil when unknown).
func (o *Output) swap(fresh string, old *tree) error {
	if _, err := os.Lstat(o.dir); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(fresh, o.dir)
	}
	switch err := exchange(fresh, o.dir); {
	case err == nil:
		// fresh now holds the previous site, under a name the lock file
		// holds: if this build dies now, the next removes it.
		hook("swapped")
		return o.retire(fresh, old)
	case !errors.Is(err, errNoExchange):
		return err
	}
	aside := filepath.Join(o.parent, "."+o.base+".old-"+strings.TrimPrefix(filepath.Base(fresh), "."+o.base+".new-"))
	if err := os.Rename(o.dir, aside); err != nil {
		return err
	}
	// Killed here, a build leaves no output folder: the next one moves the
	// previous site back first thing (see recover).
	hook("aside")
	if err := os.Rename(fresh, o.dir); err != nil {
		if back := os.Rename(aside, o.dir); back != nil {
			return fmt.Errorf("%w; and the previous site could not be put back from %s (%v): rename it to %s", err, aside, back, o.dir)
		}
		return err
	}
	hook("swapped")
	return o.retire(aside, old)
}

// hook is called at the points of a build that tests kill it at.
var hook = func(point string) {}

// errNoExchange is exchange's answer where the system, or the file system,
// cannot exchange two paths atomically.
var errNoExchange = errors.New("no atomic exchange here")

// exchange swaps the two paths atomically, or returns errNoExchange. A
// variable, so that tests can make it fail as a mount point does.
var exchange = exchangeOS

// removeTree removes a folder like os.RemoveAll, its top-level entries in
// parallel: deleting the previous site takes as long as writing the new one.
// (Deleting every file in parallel was slower: files of one folder contend
// for the folder's lock.)
func removeTree(dir string) error {
	// Never through a link: only a folder a build made is removed whole.
	if info, err := os.Lstat(dir); err == nil && !info.IsDir() {
		return fmt.Errorf("%s is %s, not a folder a build made; it was left alone", dir, kindOf(info))
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	// Every entry is tried, and every failure reported: one that cannot be
	// removed is no reason to leave the others.
	errs := make([]error, len(entries))
	_ = parallel.Each(context.Background(), parallel.Disk, len(entries), func(_ context.Context, i int) error {
		errs[i] = os.RemoveAll(filepath.Join(dir, entries[i].Name()))
		return nil
	})
	return errors.Join(errors.Join(errs...), os.Remove(dir))
}
