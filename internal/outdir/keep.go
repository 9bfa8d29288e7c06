package outdir

import (
	"errors"
	"io"
	"os"
	"path/filepath"
)

// A build may keep what the next build into the same folder can reuse (the
// parsed content, see package pipeline) in one file beside the folder,
// .<dir>.cache, next to its list of files. Only a build holding the lock
// reads or writes it.

func (o *Output) keptPath() string { return filepath.Join(o.parent, "."+o.base+".cache") }

// ReadKept returns what the last build kept, or nil when it kept nothing,
// or something that is not a regular file: a link there is not followed.
func (o *Output) ReadKept() []byte {
	f, err := os.Open(o.keptPath())
	if err != nil {
		return nil
	}
	defer f.Close()
	if l, err := os.Lstat(o.keptPath()); err != nil || !l.Mode().IsRegular() {
		return nil
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	b := make([]byte, info.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		return nil
	}
	return b
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

// Listed is the list of the files the last build wrote into the folder (see
// manifest.go); ok is false when there is none to go by.
func (o *Output) Listed() (files map[string]bool, ok bool) {
	files, ok, err := readManifest(o.dir)
	return files, ok && err == nil
}
