package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"

	"report/internal/outdir"
)

// treeFolders makes the new tree's folders on a goroutine of its own while the
// pages render, rather than all of them before the first page: at 10,000
// stories that was 50 ms with one core idle. Folders and files come in the
// same order, their paths sorted, so the folders keep ahead of the pages
// that need them; the writer of a file waits for its folder only when it
// is not made yet. One goroutine makes them all: folders made at once in
// one parent contend for its lock.
type treeFolders struct {
	dirs []string       // to make, parents first
	rank map[string]int // each folder's index in dirs

	mu   sync.Mutex
	cond sync.Cond
	made int   // how many of dirs are made
	err  error // the first folder that could not be made, or the build's end

	done chan struct{} // closed when the goroutine has ended
}

// newTreeFolders lists the folders the files at paths need that root does not
// hold already (held, when it was filled from the site before last). It
// refuses a path that would land outside the output folder before any
// folder is made.
func newTreeFolders(paths []string, held *outdir.Recycled) (*treeFolders, error) {
	seen := map[string]bool{".": true}
	var dirs []string
	for _, p := range paths {
		if !safePath(p) {
			return nil, unsafePath(p)
		}
		for d := path.Dir(p); !seen[d]; d = path.Dir(d) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	if held != nil {
		dirs = slices.DeleteFunc(dirs, func(d string) bool { return held.Dirs[d] })
	}
	slices.Sort(dirs) // a parent sorts before its children
	f := &treeFolders{dirs: dirs, rank: make(map[string]int, len(dirs)), done: make(chan struct{})}
	for i, d := range dirs {
		f.rank[d] = i
	}
	f.cond.L = &f.mu
	return f, nil
}

// make makes the folders below root, one mkdir each (MkdirAll would first
// stat every path), until all are made, one fails, or ctx ends or stop is
// called.
func (f *treeFolders) make(ctx context.Context, root string) {
	defer close(f.done)
	for i, d := range f.dirs {
		var err error
		if i%256 == 0 {
			err = ctx.Err()
		}
		if err == nil {
			if err = os.Mkdir(filepath.Join(root, filepath.FromSlash(d)), 0o755); errors.Is(err, fs.ErrExist) {
				err = nil
			}
		}
		f.mu.Lock()
		if f.err == nil {
			f.err = err
		}
		if f.err != nil {
			f.cond.Broadcast()
			f.mu.Unlock()
			return
		}
		f.made = i + 1
		f.cond.Broadcast()
		f.mu.Unlock()
	}
}

// wait waits until the folder of the file at p is made, and returns the
// error that stopped the folders being made if it is not.
func (f *treeFolders) wait(p string) error {
	i, ok := f.rank[path.Dir(p)]
	if !ok {
		return nil // held already, or the tree's root
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.made <= i && f.err == nil {
		f.cond.Wait()
	}
	if f.made > i {
		return nil
	}
	return f.err
}

// stop ends the making of folders and waits for it: the tree must not grow
// while it is swapped in or removed.
func (f *treeFolders) stop() {
	f.mu.Lock()
	if f.err == nil {
		f.err = errStopped
	}
	f.mu.Unlock()
	<-f.done
}

var errStopped = errors.New("the build ended before every folder was made")
