package diskfs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Dir is a folder on disk as an fs.FS, like os.DirFS, except that the empty
// Dir is the current folder (os.DirFS("") refuses every name).
type Dir string

// Open opens a file or folder of d by its slash-separated name.
func (d Dir) Open(name string) (fs.File, error) {
	full, err := d.join("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(full, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, renamed(err, name)
	}
	return f, nil
}

// Stat describes a file of d with one system call, where fs.Stat would open
// and close it.
func (d Dir) Stat(name string) (fs.FileInfo, error) {
	full, err := d.join("stat", name)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return info, nil
}

func (d Dir) join(op, name string) (string, error) {
	local, err := filepath.Localize(name) // refuses "..", absolute paths and, on Windows, reserved names
	if err != nil {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	root := string(d)
	if root == "" {
		root = "."
	}
	return filepath.Join(root, local), nil
}

// renamed names a failed file by its name in the FS, not on disk, as
// os.DirFS does: errors are reported relative to the site folder.
func renamed(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		pe.Path = name
	}
	return err
}

// WriteFile creates or truncates the file name and writes data to it, like
// os.WriteFile with mode 0644.
func WriteFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|nonBlock, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}
