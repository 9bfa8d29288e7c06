package outdir

// A build can be killed at any point of replacing the output; the next one
// into the same folder must find the site whole all the same. Open takes
// the folder for one build and, before anything is written, repairs what an
// earlier build left.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"
)

// StaleAge is how long a tree of unknown origin may lie beside the output
// before a build removes it. Every build of this version names its working
// trees in the lock file (see Open), so the next build removes them at once
// if it was killed; a tree not named there may be one that an earlier
// version of report, which takes no lock, is still writing. An hour is
// longer than any build runs.
const StaleAge = time.Hour

// Output is an output folder held by one build: Open locks it, Replace
// swaps a new tree in, Close lets the next build have it.
type Output struct {
	dir    string // the folder itself, every link resolved (see Resolve)
	parent string
	base   string
	lock   *lockFile
	known  []string      // the files the fill of ReplaceWith writes, sorted
	walked func() walked // the walk Examine started, waited for; nil before
	// refusedAtOnce is Examine's refusal that needed no walk.
	refusedAtOnce error
	last          *manifest // the list Examine's walk goes by, for Listed; nil before

	// Recycle has ReplaceWith keep the site it swaps out, and fill its new
	// tree from the one kept before (see recycle.go).
	Recycle    bool
	prevWalked func() prevWalk // the walk of the kept site; nil when none
	stopPrev   atomic.Bool     // stops that walk
	recycled   *Recycled       // during ReplaceWith's fill
	keptPrev   bool            // the last ReplaceWith kept the site it swapped out
	filledFrom *tree           // the kept site's tree, as checked, the new tree was filled from
}

// Open resolves dir (see Resolve), locks it against other builds and
// repairs what a killed build left: the previous site put back if the
// build died with it moved aside, its working trees removed. The lock is
// a file beside dir, .<dir>.lock; a build that finds it held waits its turn
// until ctx is done, since a second build into one folder is most often the
// same command run twice, and its result is the one wanted last. The lock
// ends with the process, however it ends, so a killed build never holds up
// the next.
func Open(ctx context.Context, dir string) (*Output, error) {
	dir, err := Resolve(dir)
	if err != nil {
		return nil, err
	}
	o := &Output{dir: dir, parent: filepath.Dir(dir), base: filepath.Base(dir)}
	if err := os.MkdirAll(o.parent, 0o755); err != nil {
		return nil, err
	}
	if o.lock, err = acquire(ctx, filepath.Join(o.parent, "."+o.base+".lock")); err != nil {
		return nil, err
	}
	if err := o.recover(); err != nil {
		o.Close()
		return nil, err
	}
	return o, nil
}

// Close releases the output for the next build.
func (o *Output) Close() {
	o.lock.release()
}

// Dir is the output folder, as written: every link on the way resolved.
func (o *Output) Dir() string { return o.dir }

// recover repairs what builds killed in this output left, and resets the
// lock file's list of working trees. It runs under the lock, so no other
// build of this version is writing here.
func (o *Output) recover() error {
	if err := o.refuseForeign(); err != nil {
		return err
	}
	names, err := o.lock.noted()
	if err != nil {
		return err
	}
	asides, stale, err := o.leftovers(names)
	if err != nil {
		return err
	}
	if asides, err = o.putBack(asides); err != nil {
		return err
	}
	// What is left is litter: a failure to remove it must not fail the
	// build.
	for _, e := range asides {
		_ = removeTree(filepath.Join(o.parent, e.Name()))
	}
	for _, name := range stale {
		_ = removeTree(filepath.Join(o.parent, name))
	}
	if inside, err := os.ReadDir(o.dir); err == nil {
		for _, e := range inside {
			if isOwn(e.Name(), o.base) {
				_ = removeTree(filepath.Join(o.dir, e.Name()))
			}
		}
	}
	return o.lock.reset()
}

// refuseForeign refuses entries named like a build's working folders that
// are not folders, beside the output or inside it: a build only ever makes
// folders there, and removing "what a build left" through a link would
// delete whatever the link leads to.
func (o *Output) refuseForeign() error {
	for _, dir := range []string{o.parent, o.dir} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if isOwn(e.Name(), o.base) && !e.IsDir() {
				return fmt.Errorf("%s is named like a folder a build leaves, but it is %s; a build never makes one, so remove it by hand", filepath.Join(dir, e.Name()), kindOf(entryInfo(e)))
			}
		}
	}
	return nil
}

func entryInfo(e fs.DirEntry) fs.FileInfo {
	info, _ := e.Info()
	return info
}

// kindOf names what a file that should have been a folder or a regular
// file is.
func kindOf(info fs.FileInfo) string {
	switch {
	case info == nil:
		return "gone"
	case info.Mode()&fs.ModeSymlink != 0:
		return "a symbolic link"
	case info.IsDir():
		return "a folder"
	case info.Mode().IsRegular():
		return "a file"
	}
	return "neither a file nor a folder"
}

// leftovers finds, beside the output, the previous sites that builds moved
// aside, and the new trees that are stale: named in the lock file (noted),
// or older than StaleAge.
func (o *Output) leftovers(noted []string) (asides []fs.DirEntry, stale []string, err error) {
	entries, err := os.ReadDir(o.parent)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.Type().IsRegular() && strings.HasPrefix(name, "."+o.base+".cache-"):
			// a kept file a killed build did not finish (see Keep)
			_ = os.Remove(filepath.Join(o.parent, name))
		case !e.IsDir():
		case strings.HasPrefix(name, "."+o.base+".old-"),
			// as report named the previous site aside before it took a lock
			strings.HasPrefix(name, "."+o.base+".new-") && strings.HasSuffix(name, ".old"):
			asides = append(asides, e)
		case strings.HasPrefix(name, "."+o.base+".new-"):
			info, err := e.Info()
			if slices.Contains(noted, name) || err == nil && time.Since(info.ModTime()) > StaleAge {
				stale = append(stale, name)
			}
		}
	}
	return asides, stale, nil
}

// putBack returns the previous site to its place if a build left it aside
// with no output folder, as one killed between its two renames does, and
// returns the asides still to remove. Of several, the newest goes back.
// Only the previous site is known to be whole; a finished new tree, beside
// it, cannot be told from an unfinished one.
func (o *Output) putBack(asides []fs.DirEntry) ([]fs.DirEntry, error) {
	if _, err := os.Lstat(o.dir); !errors.Is(err, fs.ErrNotExist) || len(asides) == 0 {
		return asides, nil
	}
	newest := slices.MaxFunc(asides, func(a, b fs.DirEntry) int {
		ai, _ := a.Info()
		bi, _ := b.Info()
		if ai == nil || bi == nil {
			return 0
		}
		return ai.ModTime().Compare(bi.ModTime())
	})
	if err := os.Rename(filepath.Join(o.parent, newest.Name()), o.dir); err != nil {
		return nil, fmt.Errorf("the previous site, moved aside by a build that was stopped, could not be put back: %w; rename %s to %s by hand", err, newest.Name(), o.dir)
	}
	return slices.DeleteFunc(asides, func(e fs.DirEntry) bool { return e == newest }), nil
}
