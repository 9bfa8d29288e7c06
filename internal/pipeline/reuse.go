package pipeline

import (
	"os"
	"path/filepath"

	"report/internal/render"
)

// A build keeps, for every page it wrote, the page's key (render.Plan.
// PageKey) and the stamp of the file; the next build into the same folder
// takes a page whose key is unchanged from the folder, as a hard link into
// its new tree, instead of rendering and writing it again. The page is
// taken only while it is the very file the last build wrote (same device,
// inode, size and time): a page edited in the folder by hand is rendered
// again.

// fileStamp identifies a file a build wrote.
type fileStamp struct {
	Dev, Ino uint64
	Size     int64
	ModTime  int64
}

// keptPage is what the next build knows of a page this one wrote.
type keptPage struct {
	Key   [32]byte
	CSP   string
	Stamp fileStamp
}

// pageReuse takes pages from the last build's folder old into the new tree.
type pageReuse struct {
	paths []string
	last  map[string]keptPage // the last build's pages, by path
	old   string              // the output folder, as the last build left it
	tmp   string              // the new tree
	now   []keptPage          // this build's pages, by index in paths
}

func newPageReuse(paths []string, last map[string]keptPage, old, tmp string) *pageReuse {
	return &pageReuse{paths: paths, last: last, old: old, tmp: tmp, now: make([]keptPage, len(paths))}
}

// take is render.Reuse.
func (r *pageReuse) take(i int, key [32]byte) (string, bool) {
	path := r.paths[i]
	last, ok := r.last[path]
	if !ok || last.Key != key || !link(join(r.old, path), join(r.tmp, path), last.Stamp) {
		return "", false
	}
	r.now[i] = last
	return last.CSP, true
}

// wrote notes a page written to name, to keep for the next build.
func (r *pageReuse) wrote(i int, f render.File, info os.FileInfo) {
	if f.Key == ([32]byte{}) || info == nil {
		return
	}
	if st, ok := stampOf(info); ok {
		r.now[i] = keptPage{Key: f.Key, CSP: f.CSP, Stamp: st}
	}
}

// pages are this build's pages by path, for the next build.
func (r *pageReuse) pages() map[string]keptPage {
	out := map[string]keptPage{}
	for i, p := range r.now {
		if p.Key != ([32]byte{}) {
			out[r.paths[i]] = p
		}
	}
	return out
}

// link makes to a hard link to from when from is the file the stamp names.
// It looks at what it linked, not at from before: one look fewer, and from
// may be swapped between a look and the link. (A link, not the file it
// leads to, is what a hard link to a link links; its stamp is no page's.)
func link(from, to string, want fileStamp) bool {
	if err := os.Link(from, to); err != nil {
		return false
	}
	if info, err := os.Lstat(to); err == nil {
		if st, ok := stampOf(info); ok && st == want {
			return true
		}
	}
	_ = os.Remove(to)
	return false
}

func join(root, path string) string { return filepath.Join(root, filepath.FromSlash(path)) }
