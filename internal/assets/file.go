package assets

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

// File is one asset of a plan: a file of content/ or static/ published as
// it is, read from the site folder when its bytes are needed.
type File struct {
	source string // path under the site root

	// What Keep read: the bytes when kept in memory, or else their
	// size and hash, for a later read to be compared with.
	read bool
	kept bool
	data []byte
	size int64
	sum  [sha256.Size]byte
}

// New is the asset at source, a path under the site root.
func New(source string) *File { return &File{source: source} }

// Source is the asset's path under the site root.
func (a *File) Source() string { return a.source }

func (a *File) problem(format string, args ...any) *diag.Problem {
	return &diag.Problem{Path: a.source, Msg: fmt.Sprintf(format, args...)}
}

// Keep reads the asset now, as the preview does after each build, so
// that a request is answered with the bytes this build read, whatever the
// file holds, or what a link put in its place leads to, by then. The bytes
// are kept in memory while they fit in *memory bytes, which they then take
// from it; a bigger file is remembered by size and hash, read again when
// asked for, and refused if it changed.
func (a *File) Keep(fsys fs.FS, memory *int64) *diag.Problem {
	f, size, prob := a.open(fsys)
	if prob != nil {
		return prob
	}
	// A file of static/ was read once already, for its hashed name:
	// what is kept must be what the name says.
	named, namedSum, namedSize := a.read, a.sum, a.size
	if size <= *memory {
		a.data, prob = a.readAll(f, size)
		a.kept = prob == nil
		if named {
			a.sum = sha256.Sum256(a.data)
		}
		*memory -= size
	} else {
		a.sum, prob = a.hash(f, size)
	}
	f.Close()
	if prob == nil && named && (size != namedSize || a.sum != namedSum) {
		a.kept, a.data = false, nil
		prob = a.problem("changed while the site was built; build again")
	}
	if prob != nil {
		return prob
	}
	a.read, a.size = true, size
	return nil
}

// Contents returns the asset's bytes: those Keep kept, or the file's,
// read now, and when Keep or the hashed name saw the file, only if they are
// the bytes it read.
func (a *File) Contents(fsys fs.FS) ([]byte, *diag.Problem) {
	if a.kept {
		return a.data, nil
	}
	f, size, prob := a.open(fsys)
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

// OpenLarge opens the asset when it is of streamFrom bytes or more, for
// the preview to copy as it reads it (with ranges, through
// http.ServeContent); ok is false for a smaller one, which Contents gives
// whole, and for one Keep kept. An asset whose size changed since it was
// planned is refused, as Contents refuses one whose content changed.
func (a *File) OpenLarge(fsys fs.FS) (f fs.File, ok bool, err error) {
	if a.kept {
		return nil, false, nil
	}
	f, size, prob := a.open(fsys)
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
func (a *File) open(fsys fs.FS) (fs.File, int64, *diag.Problem) {
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
func (a *File) readAll(f fs.File, size int64) ([]byte, *diag.Problem) {
	b := make([]byte, size)
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, a.readProblem(err)
	}
	return b, nil
}

func (a *File) hash(f fs.File, size int64) ([sha256.Size]byte, *diag.Problem) {
	h := sha256.New()
	if _, err := io.CopyN(h, f, size); err != nil {
		return [sha256.Size]byte{}, a.readProblem(err)
	}
	return [sha256.Size]byte(h.Sum(nil)), nil
}

func (a *File) readProblem(err error) *diag.Problem {
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

// Streamable reports whether the asset may be copied as it is read
// (Open): only while nobody has read it, since bytes that Keep or the
// hashed name saw must be compared before they are copied (Contents).
func (a *File) Streamable() bool { return !a.read }

// Opened is an asset open for its bytes to be copied once, as the build
// streams files into the output folder so that a large PDF is never held
// in memory whole.
type Opened struct {
	a    *File
	file fs.File
	size int64 // what the file's Stat said when it was opened
}

// Open opens the asset to be copied, checked as every read is.
func (a *File) Open(fsys fs.FS) (*Opened, *diag.Problem) {
	f, size, prob := a.open(fsys)
	if prob != nil {
		return nil, prob
	}
	return &Opened{a: a, file: f, size: size}, nil
}

// WriteTo copies the asset to w as it was when opened. Copied from one
// file to another, the bytes need not pass through the process at all
// (io.Copy lets the kernel copy them).
func (o *Opened) WriteTo(w io.Writer) (int64, error) {
	n, err := io.Copy(w, io.LimitReader(o.file, o.size))
	if err == nil && n < o.size {
		return n, o.a.problem("shrank while it was copied; build again")
	}
	return n, err
}

// Close closes the file.
func (o *Opened) Close() error { return o.file.Close() }
