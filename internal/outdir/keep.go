package outdir

import (
	"bufio"
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

// ReadKept hands what the last build kept to read, or returns nil when it
// kept nothing, or something that is not a regular file: a link there is
// not followed.
func (o *Output) ReadKept(read func(io.Reader) error) error {
	p := o.keptPath()
	if info, err := os.Lstat(p); err != nil || !info.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	return read(bufio.NewReaderSize(f, 1<<16))
}

// Keep replaces what the last build kept with what write writes: whole or
// not at all, through a new file renamed into place.
func (o *Output) Keep(write func(io.Writer) error) error {
	f, err := os.CreateTemp(o.parent, "."+o.base+".cache-")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	err = errors.Join(write(w), w.Flush(), f.Close())
	if err == nil {
		err = os.Rename(f.Name(), o.keptPath())
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
