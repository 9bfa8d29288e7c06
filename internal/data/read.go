package data

import (
	"errors"
	"io/fs"

	"report/internal/diag"
	"report/internal/textfile"
)

// read returns a required file's text, or records why it cannot.
func read(fsys fs.FS, name string, required bool, problems *diag.List) ([]byte, bool) {
	if _, err := fs.Stat(fsys, name); errors.Is(err, fs.ErrNotExist) {
		if required {
			problems.Errorf(name, 0, 0, "file is missing; every site needs it (see docs/content-model.md)")
		}
		return nil, false
	}
	return textfile.Read(fsys, name, problems)
}

// readData reads one of data/'s files, and adds it to the data's fingerprint.
func (d *Data) readData(fsys fs.FS, name string, required bool, problems *diag.List) ([]byte, bool) {
	src, ok := read(fsys, name, required, problems)
	d.hash.Write([]byte(name + "\x00"))
	d.hash.Write(src)
	d.hash.Write([]byte{0})
	return src, ok
}
