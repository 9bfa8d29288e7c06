package outdir

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"unsafe"
)

// A build may keep what the next build into the same folder can reuse (the
// parsed content, see package pipeline) in one file beside the folder,
// .<dir>.cache, next to its list of files. Only a build holding the lock
// reads or writes it.

func (o *Output) keptPath() string { return filepath.Join(o.parent, "."+o.base+".cache") }

// ReadKept returns what the last build kept, or nil when it kept nothing,
// or something that is not a regular file: a link there is not followed,
// nor a pipe waited on.
func (o *Output) ReadKept() []byte {
	b, err := readKeptFile(o.keptPath())
	if err != nil {
		return nil
	}
	return b
}

// maxKept is the most a file kept beside the output may hold: the parsed
// content of about 900,000 stories, the list or record of ten million
// files. A larger one is no file a build wrote (a sparse file of 40 GB
// put in the cache's place took the whole memory), and is not read.
const maxKept = 1 << 30

// readKeptFile reads whole a file a build keeps beside the output (the
// cache, a list of files, a record of folders), as openRegular opens it,
// and refuses one larger than maxKept without reading it. What is added to
// the file while it is read is not read.
func readKeptFile(path string) ([]byte, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.Size() > maxKept {
		return nil, fmt.Errorf("%s holds %d bytes, more than any file a build keeps; remove it by hand", path, info.Size())
	}
	b := make([]byte, info.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, err
	}
	return b, nil
}

// readKeptString is readKeptFile's bytes as a string, not a copy of them:
// nothing else holds the bytes, and nothing writes them again.
func readKeptString(path string) (string, error) {
	b, err := readKeptFile(path)
	return unsafe.String(unsafe.SliceData(b), len(b)), err
}

// openRegular opens a file a build keeps beside the output for reading,
// and refuses anything but a regular file without reading it: not through
// a link (O_NOFOLLOW where the system has it), and not waiting on a pipe
// put in its place (O_NONBLOCK), as the look before an open cannot
// promise.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|noFollow|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errors.New(path + " is " + kindOf(info) + ", not a file a build keeps; remove it by hand")
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Keep replaces what the last build kept with what write writes: whole or
// not at all, through a new file renamed into place.
func (o *Output) Keep(write func(io.Writer) error) error {
	f, err := os.CreateTemp(o.parent, "."+o.base+".cache-")
	if err != nil {
		return err
	}
	err = errors.Join(write(f), f.Close())
	if err == nil {
		err = os.Rename(f.Name(), o.keptPath())
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// Forget removes what earlier builds kept beside the folder for the next:
// the cache (see Keep) and the site before last (see recycle.go). A build
// that keeps nothing does so once it has replaced the folder, whose kept
// state would then describe an older site (harmless, since the next build
// checks every stamp, but a whole copy of that site on disk). A kept site
// that is not a folder a build made is left alone (see removeTree).
func (o *Output) Forget() error {
	var errs []error
	for _, p := range []string{o.keptPath(), o.prevList(), o.prevTree(), recordPath(o.dir)} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	errs = append(errs, removeTree(o.prevDir()))
	return errors.Join(errs...)
}

// Listed is the list of the files the last build wrote into the folder (see
// manifest.go); ok is false when there is none to go by. Once Examine has
// started, it is the list the walk goes by, not read again: the folder is
// locked, so the list cannot have changed.
func (o *Output) Listed() (files map[string]bool, ok bool) {
	if o.last != nil {
		return o.last.files, o.last.ok
	}
	listed, err := readManifest(o.dir)
	return listed.files, listed.ok && err == nil
}
