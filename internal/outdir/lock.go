package outdir

// Two builds into one folder must not write it at once: the lock file
// beside the output makes the second wait, and names the working trees of
// the build that holds it, so that the next build knows which trees a dead
// build left. Taking and dropping the lock is per system (lock_*.go).

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"time"
)

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
		// A lock file is one a build made: a link in its place (or a
		// folder, a pipe) would have the build write through it.
		if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not a lock file a build made: it is %s; a build never makes one there, so remove it by hand", path, kindOf(info))
		}
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|noFollow, 0o644)
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

// reset empties the list once recover has dealt with the trees it named,
// so that it names only this build's.
func (l *lockFile) reset() error {
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	_, err := l.f.Seek(0, 0)
	return err
}
