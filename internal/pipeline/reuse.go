package pipeline

import (
	"crypto/sha256"
	"os"
	"path/filepath"

	"report/internal/outdir"
	"report/internal/render"
)

// A build keeps, for every file it wrote, the file's key and stamp: for a
// page, the page's key (render.Plan.PageKey), for any other file the hash
// of its bytes. The next build into the same folder takes a page whose key
// is unchanged from the folder, as a hard link into its new tree, instead
// of rendering and writing it again; and with every file unchanged, leaves
// the folder as it is (see upToDate). A file is taken only while it is the
// very file the last build wrote (same device, inode, size and time): a
// page edited in the folder by hand is rendered again.

// fileStamp identifies a file a build wrote.
type fileStamp struct {
	Dev, Ino uint64
	Size     int64
	ModTime  int64
}

// keptFile is what the next build knows of a file this one wrote.
type keptFile struct {
	Key   [32]byte
	CSP   string // a page's policy, for _headers
	Stamp fileStamp
}

// When the new tree is filled from the site before last (see
// outdir.Recycle), a file it holds is left in place while it is the very
// file that build wrote and its key is unchanged; otherwise it is removed,
// and the file linked from the last build's folder or written anew, never
// written over: it may be a hard link to a file of the site readers see.

// reuse takes pages from the last build's folder old into the new tree,
// and notes what this build wrote.
type reuse struct {
	paths []string
	last  map[string]keptFile // the last build's files, by path
	prev  map[string]keptFile // the files of the site before last, by path
	held  *outdir.Recycled    // what the new tree holds of that site; nil when none
	old   string              // the output folder, as the last build left it
	tmp   string              // the new tree
	now   []keptFile          // this build's files, by index in paths
}

func newReuse(paths []string, last, prev map[string]keptFile, held *outdir.Recycled, old, tmp string) *reuse {
	return &reuse{paths: paths, last: last, prev: prev, held: held, old: old, tmp: tmp, now: make([]keptFile, len(paths))}
}

// take is render.Reuse: it keeps the file i the new tree holds from the
// site before last, or links it from the last build's folder, when either
// has it with the key given.
func (r *reuse) take(i int, key [32]byte) (string, bool) {
	path := r.paths[i]
	if prev, ok := r.holds(path, key); ok {
		r.now[i] = prev
		return prev.CSP, true
	}
	r.clear(path)
	last, ok := r.last[path]
	if !ok || last.Key != key || !link(join(r.old, path), join(r.tmp, path), last.Stamp) {
		return "", false
	}
	r.now[i] = last
	return last.CSP, true
}

// holds reports whether the new tree holds, at path, the file the build
// before last wrote there, with the key given.
func (r *reuse) holds(path string, key [32]byte) (keptFile, bool) {
	if r.held == nil || !r.held.Files[path] {
		return keptFile{}, false
	}
	prev, ok := r.prev[path]
	if !ok || prev.Key != key {
		return keptFile{}, false
	}
	if st, ok := lstatStamp(join(r.tmp, path)); !ok || st != prev.Stamp {
		return keptFile{}, false
	}
	return prev, true
}

// clear removes what the new tree holds at path from the site before
// last, for a file to be linked or written there.
func (r *reuse) clear(path string) {
	if r.held != nil && r.held.Files[path] {
		_ = os.Remove(join(r.tmp, path))
	}
}

// same takes a file that is not a page from the last build's folder when
// the last build wrote the same bytes there: a rebuild after one edit
// writes again only the few files the edit changed, not every chart, data
// file and feed. It gives the file its key (the hash of its bytes) either
// way, for writeFile and the next build.
func (r *reuse) same(i int, f *render.File) bool {
	if f.Streamed() || f.Key != ([32]byte{}) {
		return false // a page, or an asset copied as it is read
	}
	f.Key = sha256.Sum256(f.Data)
	_, ok := r.take(i, f.Key) // as a page is taken, by its key
	return ok
}

// wrote notes a file written, with its key and, for a page, its policy,
// to keep for the next build.
func (r *reuse) wrote(i int, key [32]byte, csp string, info os.FileInfo) {
	if info == nil {
		return
	}
	if st, ok := stampOf(info); ok {
		r.now[i] = keptFile{Key: key, CSP: csp, Stamp: st}
	}
}

// files are this build's files by path, for the next build.
func (r *reuse) files() map[string]keptFile {
	out := make(map[string]keptFile, len(r.now))
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
	if st, ok := lstatStamp(to); ok && st == want {
		return true
	}
	_ = os.Remove(to)
	return false
}

func join(root, path string) string { return filepath.Join(root, filepath.FromSlash(path)) }
