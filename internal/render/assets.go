package render

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"report/internal/diag"
	"report/internal/site"
)

// Assets are the files of content/ and static/ copied as they are. They are
// the only files read after the site is loaded, by then perhaps changed:
// the scan refused symbolic links, but a file can be swapped for one
// afterwards, and Open follows links. So every read makes sure that what it
// opened is the regular file at the asset's path, and no bigger than
// site.MaxAssetSize; and the preview serves the bytes its build read (see
// KeepAssets), never what the path leads to at the time of a request.

// asset is one asset of a plan.
type asset struct {
	source string // path under the site root

	// What KeepAssets read: the bytes when kept in memory, or else their
	// size and hash, for a later read to be compared with.
	read bool
	kept bool
	data []byte
	size int64
	sum  [sha256.Size]byte
}

func (a *asset) problem(format string, args ...any) *diag.Problem {
	return &diag.Problem{Path: a.source, Msg: fmt.Sprintf(format, args...)}
}

// KeepAssets reads every asset now, as the preview does after each build,
// so that a request is answered with the bytes this build read, whatever
// the file holds, or what a link put in its place leads to, by then. Assets
// are kept in memory, in the order of their paths, while they fit in memory
// bytes; the rest are remembered by size and hash, read again when asked
// for, and refused if they changed. It reports every asset it cannot read.
func (p *Plan) KeepAssets(memory int64) error {
	problems := &diag.List{}
	for _, path := range p.paths {
		a, ok := p.assets[path]
		if !ok {
			continue
		}
		f, size, prob := a.open(p.fsys)
		if prob != nil {
			problems.Add(prob)
			continue
		}
		// A file of static/ was read once already, for its hashed name:
		// what is kept must be what the name says.
		named, namedSum, namedSize := a.read, a.sum, a.size
		if size <= memory {
			a.data, prob = a.readAll(f, size)
			a.kept = prob == nil
			if named {
				a.sum = sha256.Sum256(a.data)
			}
			memory -= size
		} else {
			a.sum, prob = a.hash(f, size)
		}
		f.Close()
		if prob == nil && named && (size != namedSize || a.sum != namedSum) {
			a.kept, a.data = false, nil
			prob = a.problem("changed while the site was built; build again")
		}
		if prob != nil {
			problems.Add(prob)
			continue
		}
		a.read, a.size = true, size
	}
	return problems.Err()
}

// contents returns an asset's bytes: those KeepAssets kept, or the file's,
// read now, and when KeepAssets saw the file, only if they are the bytes it
// read.
func (p *Plan) contents(a *asset) ([]byte, *diag.Problem) {
	if a.kept {
		return a.data, nil
	}
	f, size, prob := a.open(p.fsys)
	if prob != nil {
		return nil, prob
	}
	defer f.Close()
	b, prob := a.readAll(f, size)
	if prob != nil {
		return nil, prob
	}
	if a.read && (size != a.size || sha256.Sum256(b) != a.sum) {
		return nil, a.problem("changed since the last good build; it is served again once the site builds")
	}
	return b, nil
}

// streamFrom is the size from which the preview copies an asset as it
// reads it rather than reading it whole for each request: fifty readers
// of a 45 MB PDF would otherwise hold over 2 GB.
const streamFrom = 1 << 20

// OpenAsset opens a file of the plan that is an asset of streamFrom bytes
// or more, for the preview to copy as it reads it (with ranges, through
// http.ServeContent); ok is false for any other file, which File gives
// whole. An asset whose size changed since it was planned is refused, as
// File refuses one whose content changed.
func (p *Plan) OpenAsset(path string) (f fs.File, ok bool, err error) {
	a, isAsset := p.assets[path]
	if !isAsset || a.kept {
		return nil, false, nil
	}
	f, size, prob := a.open(p.fsys)
	switch {
	case prob != nil:
		return nil, true, &diag.Errors{Problems: []*diag.Problem{prob}}
	case size < streamFrom:
		f.Close()
		return nil, false, nil
	case a.read && size != a.size:
		f.Close()
		return nil, true, &diag.Errors{Problems: []*diag.Problem{a.problem("changed since the last good build; it is served again once the site builds")}}
	}
	return f, true, nil
}

// open opens an asset for reading, and makes sure that what it opened is the
// regular file at the asset's path, not one a symbolic link leads to, and
// no bigger than site.MaxAssetSize. It returns the file's size.
func (a *asset) open(fsys fs.FS) (fs.File, int64, *diag.Problem) {
	// A link is refused before it is opened: opening one that leads to a
	// named pipe would wait for a writer.
	if info, err := lstat(fsys, a.source); err != nil {
		return nil, 0, a.problem("cannot read: %v", unwrapPath(err))
	} else if info.Mode()&fs.ModeSymlink != 0 {
		return nil, 0, a.problem("is a symbolic link; symbolic links are not followed, copy the file instead")
	}
	f, err := fsys.Open(a.source)
	if err != nil {
		return nil, 0, a.problem("cannot read: %v", unwrapPath(err))
	}
	opened, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, a.problem("cannot read: %v", unwrapPath(err))
	}
	// The path may have been swapped for a link between the look above and
	// the open: what was opened must still be what the path names itself.
	var prob *diag.Problem
	switch listed, err := lstat(fsys, a.source); {
	case err != nil:
		prob = a.problem("cannot read: %v", unwrapPath(err))
	case listed.Mode()&fs.ModeSymlink != 0:
		prob = a.problem("is a symbolic link; symbolic links are not followed, copy the file instead")
	case !opened.Mode().IsRegular():
		prob = a.problem("is not a regular file; only files are copied to the site")
	case !sameFile(opened, listed):
		prob = a.problem("was replaced while the site was built; build again")
	case opened.Size() > site.MaxAssetSize:
		prob = a.problem("%s", site.TooBig(opened.Size()))
	}
	if prob != nil {
		f.Close()
		return nil, 0, prob
	}
	return f, opened.Size(), nil
}

// readAll reads the size bytes an open asset's Stat promised, and no more:
// a file that grew since is copied as it was when opened.
func (a *asset) readAll(f fs.File, size int64) ([]byte, *diag.Problem) {
	b := make([]byte, size)
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, a.readProblem(err)
	}
	return b, nil
}

func (a *asset) hash(f fs.File, size int64) ([sha256.Size]byte, *diag.Problem) {
	h := sha256.New()
	if _, err := io.CopyN(h, f, size); err != nil {
		return [sha256.Size]byte{}, a.readProblem(err)
	}
	return [sha256.Size]byte(h.Sum(nil)), nil
}

func (a *asset) readProblem(err error) *diag.Problem {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return a.problem("shrank while it was read; build again")
	}
	return a.problem("cannot read: %v", unwrapPath(err))
}

// lstat describes the file at name without following a link. A file system
// without Lstat is asked for the entry in name's folder, which describes
// the link itself too.
func lstat(fsys fs.FS, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(fs.ReadLinkFS); ok {
		return l.Lstat(name)
	}
	entries, err := fs.ReadDir(fsys, path.Dir(name))
	if err != nil {
		return nil, err
	}
	base := path.Base(name)
	i, found := slices.BinarySearchFunc(entries, base, func(e fs.DirEntry, name string) int { return strings.Compare(e.Name(), name) })
	if !found {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
	}
	return entries[i].Info()
}

// sameFile reports whether two descriptions are of the same file. Files of
// package os are compared by device and inode; other file systems (the
// in-memory ones of tests) know no identity, and are compared by what they
// describe.
func sameFile(a, b fs.FileInfo) bool {
	if os.SameFile(a, a) { // true only for a description from package os
		return os.SameFile(a, b)
	}
	return a.Mode() == b.Mode() && a.Size() == b.Size() && a.ModTime().Equal(b.ModTime())
}

// unwrapPath drops the path a PathError repeats: the problem names the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// openAsset is an asset open for a File to be copied from.
type openAsset struct {
	*asset
	file fs.File
	size int64 // what the file's Stat said when it was opened
}

// Streamed reports whether the file's content is to be copied with WriteTo
// rather than taken from Data: an asset handed out by Stream.
func (f File) Streamed() bool { return f.stream != nil }

// WriteTo writes the file's content to w: Data, or, for an asset Stream
// handed out, the asset copied from the site folder as it was when opened,
// once. Copied from one file to another, the bytes need not pass through
// the process at all (io.Copy lets the kernel copy them).
func (f File) WriteTo(w io.Writer) (int64, error) {
	if f.stream == nil {
		n, err := w.Write(f.Data)
		return int64(n), err
	}
	n, err := io.Copy(w, io.LimitReader(f.stream.file, f.stream.size))
	if err == nil && n < f.stream.size {
		return n, f.stream.problem("shrank while it was copied; build again")
	}
	return n, err
}
