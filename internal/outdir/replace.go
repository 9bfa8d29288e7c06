package outdir

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
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
	if isMountPoint(o.dir, o.parent) {
		return o.replaceInside(fill)
	}
	tmp, err := os.MkdirTemp(o.parent, "."+o.base+".new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := o.lock.note(filepath.Base(tmp)); err != nil {
		return err
	}
	if err := fill(tmp); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	hook("filled")
	err = o.swap(tmp)
	if errors.Is(err, syscall.EBUSY) || errors.Is(err, syscall.EXDEV) {
		if info, statErr := os.Stat(o.dir); statErr == nil && info.IsDir() {
			// A mount point that isMountPoint cannot tell (a bind mount
			// of the same file system): write the tree again, inside it.
			_ = os.RemoveAll(tmp)
			return o.replaceInside(fill)
		}
	}
	return err
}

// swap puts the filled tree fresh in the output's place and removes the
// previous site.
func (o *Output) swap(fresh string) error {
	if _, err := os.Lstat(o.dir); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(fresh, o.dir)
	}
	switch err := exchange(fresh, o.dir); {
	case err == nil:
		// fresh now holds the previous site, under a name the lock file
		// holds: if this build dies now, the next removes it.
		hook("swapped")
		return removeTree(fresh)
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
	return removeTree(aside)
}

// recover repairs what builds killed in this output left, and resets the
// lock file's list of working trees. It runs under the lock, so no other
// build of this version is writing here.
func (o *Output) recover() error {
	names, err := o.lock.noted()
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(o.parent)
	if err != nil {
		return err
	}
	var asides []fs.DirEntry
	var stale []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case !e.IsDir():
		case strings.HasPrefix(name, "."+o.base+".old-"),
			// as report named the previous site aside before it took a lock
			strings.HasPrefix(name, "."+o.base+".new-") && strings.HasSuffix(name, ".old"):
			asides = append(asides, e)
		case strings.HasPrefix(name, "."+o.base+".new-"):
			info, err := e.Info()
			if slices.Contains(names, name) || err == nil && time.Since(info.ModTime()) > StaleAge {
				stale = append(stale, name)
			}
		}
	}
	// A previous site aside with no output folder is what a build killed
	// between its two renames leaves: put the site back, the newest if
	// there are several. Only the previous site is known to be whole; a
	// finished new tree, beside it, cannot be told from an unfinished one.
	if _, err := os.Lstat(o.dir); errors.Is(err, fs.ErrNotExist) && len(asides) > 0 {
		newest := slices.MaxFunc(asides, func(a, b fs.DirEntry) int {
			ai, _ := a.Info()
			bi, _ := b.Info()
			if ai == nil || bi == nil {
				return 0
			}
			return ai.ModTime().Compare(bi.ModTime())
		})
		if err := os.Rename(filepath.Join(o.parent, newest.Name()), o.dir); err != nil {
			return fmt.Errorf("the previous site, moved aside by a build that was stopped, could not be put back: %w; rename %s to %s by hand", err, newest.Name(), o.dir)
		}
		asides = slices.DeleteFunc(asides, func(e fs.DirEntry) bool { return e == newest })
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

// replaceInside replaces the contents of the output folder, for a folder
// that cannot be renamed because it is a mount point (EBUSY) and whose
// parent is another file system (EXDEV).
//
// This gives up part of what Replace guarantees, and only this part: the
// new tree is written inside the folder, as a hidden working folder, and
// then moved in one top-level entry at a time (each entry exchanged
// atomically where Replace could exchange the folder). While that runs, and
// for good if the build is killed while it runs, a reader may see some
// entries of the new site beside others of the old; an entry the new site
// drops may already be gone. The next build removes the working folders
// and replaces every entry. A build that fails or is stopped before that
// point leaves the site as it was, as Replace does, and one whose moves
// fail midway moves back what it had moved. During the build, the hidden
// working folder is inside the folder a web server may serve. The file
// system's lost+found, if the mount has one, is left where it is.
func (o *Output) replaceInside(fill func(tmp string) error) error {
	tmp, err := os.MkdirTemp(o.dir, "."+o.base+".new-")
	if err != nil {
		return err
	}
	// stranded is set when entries of the previous site could not be put
	// back: then they are in the working folders, which must be kept.
	stranded := false
	defer func() {
		if !stranded {
			_ = os.RemoveAll(tmp)
		}
	}()
	if err := fill(tmp); err != nil {
		return err
	}
	aside, err := os.MkdirTemp(o.dir, "."+o.base+".old-")
	if err != nil {
		return err
	}
	defer func() {
		if !stranded {
			_ = removeTree(aside)
		}
	}()
	fresh, err := os.ReadDir(tmp)
	if err != nil {
		return err
	}
	current, err := os.ReadDir(o.dir)
	if err != nil {
		return err
	}
	var done []func() error // undo steps, in the order they were done
	undo := func(err error) error {
		for i := len(done) - 1; i >= 0; i-- {
			if back := done[i](); back != nil {
				stranded = true
				return fmt.Errorf("%w; and putting the previous site back failed (%v): entries of the previous site are in %s and %s; move them back into %s before the next build, which removes both", err, back, aside, tmp, o.dir)
			}
		}
		return err
	}
	move := func(from, to string) error {
		if err := os.Rename(from, to); err != nil {
			return err
		}
		done = append(done, func() error { return os.Rename(to, from) })
		return nil
	}
	// Entries the new site does not have go first, aside.
	for _, e := range current {
		name := e.Name()
		if isOwn(name, o.base) || name == lostFound || slices.ContainsFunc(fresh, func(f fs.DirEntry) bool { return f.Name() == name }) {
			continue
		}
		if err := move(filepath.Join(o.dir, name), filepath.Join(aside, name)); err != nil {
			return undo(err)
		}
	}
	for _, f := range fresh {
		from, to := filepath.Join(tmp, f.Name()), filepath.Join(o.dir, f.Name())
		if _, err := os.Lstat(to); errors.Is(err, fs.ErrNotExist) {
			if err := move(from, to); err != nil {
				return undo(err)
			}
			continue
		}
		switch err := exchange(from, to); {
		case err == nil:
			done = append(done, func() error { return exchange(from, to) })
			continue
		case !errors.Is(err, errNoExchange):
			return undo(err)
		}
		if err := move(to, filepath.Join(aside, f.Name())); err != nil {
			return undo(err)
		}
		if err := move(from, to); err != nil {
			return undo(err)
		}
	}
	hook("swapped")
	return errors.Join(removeTree(tmp), removeTree(aside))
}

// lostFound is where fsck puts what it recovers; ext4 and others make it
// at the root of the file system, so it belongs to the mount, not the site.
const lostFound = "lost+found"

// hook is called at the points of a build that tests kill it at.
var hook = func(point string) {}

// errNoExchange is exchange's answer where the system, or the file system,
// cannot exchange two paths atomically.
var errNoExchange = errors.New("no atomic exchange here")

// exchange swaps the two paths atomically, or returns errNoExchange. A
// variable, so that tests can make it fail as a mount point does.
var exchange = exchangeOS

// lockFile is the lock of one output folder: held while a build writes, and
// holding the names of that build's working trees, so that the next build
// can tell a dead build's trees from a live one's.
type lockFile struct {
	path string
	f    *os.File
}

// acquire takes the lock at path, waiting while another process holds it.
// The file is removed when the lock is released (it would otherwise lie
// beside the output for good, in the site's own folder for public/), so a
// build that got the lock on a file that has since been removed, or
// replaced, tries again.
func acquire(ctx context.Context, path string) (*lockFile, error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("cannot create the lock file %s, which keeps two builds from writing one folder at once: %w", path, err)
		}
		for {
			ok, err := tryLock(f)
			if err != nil {
				f.Close()
				return nil, fmt.Errorf("cannot lock %s, which keeps two builds from writing one folder at once: %w", path, err)
			}
			if ok {
				break
			}
			select {
			case <-ctx.Done():
				f.Close()
				return nil, ctx.Err()
			case <-time.After(lockPoll):
			}
		}
		held, err1 := f.Stat()
		named, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			return &lockFile{path: path, f: f}, nil
		}
		f.Close()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
}

// lockPoll is how often a waiting build tries the lock again.
const lockPoll = 20 * time.Millisecond

// note records a working tree's name in the lock file.
func (l *lockFile) note(name string) error {
	if _, err := l.f.Seek(0, 2); err != nil {
		return err
	}
	_, err := l.f.WriteString(name + "\n")
	return err
}

// noted returns the working trees the last holder of the lock recorded; a
// holder that finished removed its trees and the file.
func (l *lockFile) noted() ([]string, error) {
	if _, err := l.f.Seek(0, 0); err != nil {
		return nil, err
	}
	var names []string
	sc := bufio.NewScanner(l.f)
	for sc.Scan() {
		if name := sc.Text(); name != "" && !strings.ContainsAny(name, `/\`) {
			names = append(names, name)
		}
	}
	return names, sc.Err()
}

func (l *lockFile) reset() error {
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	_, err := l.f.Seek(0, 0)
	return err
}

// removeTree removes a folder like os.RemoveAll, its top-level entries in
// parallel: deleting the previous site takes as long as writing the new one.
// (Deleting every file in parallel was slower: files of one folder contend
// for the folder's lock.)
func removeTree(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	errs := make([]error, len(entries))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(max(4, runtime.GOMAXPROCS(0)), len(entries)) {
		wg.Go(func() {
			for i := range work {
				errs[i] = os.RemoveAll(filepath.Join(dir, entries[i].Name()))
			}
		})
	}
	for i := range entries {
		work <- i
	}
	close(work)
	wg.Wait()
	return errors.Join(errors.Join(errs...), os.Remove(dir))
}
