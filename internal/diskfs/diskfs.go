package diskfs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
	"syscall"
	"time"
)

// Dir is a folder on disk as an fs.FS, like os.DirFS, except that the empty
// Dir is the current folder (os.DirFS("") refuses every name), and that it
// opens nothing but the folder's own files and folders: a symbolic link
// anywhere below the folder, a pipe, a device or a socket is refused with
// ErrNotOwn, never followed or read. It is the one way the build, the
// preview and the commands that write content open the site's files.
type Dir string

// Dir is an fs.ReadLinkFS so that code holding only an fs.FS can describe
// a link without following it, as the build's check of its assets does.
var _ fs.ReadLinkFS = Dir("")

// ErrNotOwn is the error for a name below a Dir that is a symbolic link, or
// neither a regular file nor a folder. A link could lead anywhere (out of
// the site, or into a source the build must not write); a pipe would block
// a read for ever.
var ErrNotOwn = errors.New("is a symbolic link, or neither a file nor a folder; the site's files must be its own files and folders")

// Open opens a file or folder of d by its slash-separated name.
func (d Dir) Open(name string) (fs.File, error) {
	full, err := d.join("open", name)
	if err != nil {
		return nil, err
	}
	if err := d.foldersAbove("open", name); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(full, os.O_RDONLY|nonBlock|noFollow, 0)
	if err != nil {
		return nil, renamed(linkError(err), name)
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		err = ErrNotOwn
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f, nil
}

// ReadLimited reads a regular file of d whole, by its slash-separated
// name, and describes it as it was when opened, before the read; it
// refuses unread a file over limit bytes with a *TooBig. Like Open, it
// refuses a link or a special file; on Linux it takes four system calls
// where Open, Stat and reads to the end take seven (see readRegular).
func (d Dir) ReadLimited(name string, limit int64) ([]byte, fs.FileInfo, error) {
	full, err := d.join("open", name)
	if err != nil {
		return nil, nil, err
	}
	if err := d.foldersAbove("open", name); err != nil {
		return nil, nil, err
	}
	src, info, err := readRegular(full, limit)
	return src, info, renamed(err, name)
}

// ReadOpened reads the opened file f whole and describes it, as ReadLimited
// does, for a file system that is not a Dir (and for ReadLimited outside
// Linux): one read of the size Stat gives, read on if the file grew, and
// a file over limit bytes refused with a *TooBig, unread when Stat says
// so. A folder is refused, as is anything but a regular file (ErrNotOwn).
func ReadOpened(f fs.File, limit int64) ([]byte, fs.FileInfo, error) {
	info, err := f.Stat()
	switch {
	case err != nil:
		return nil, nil, err
	case info.IsDir():
		return nil, nil, &fs.PathError{Op: "read", Path: info.Name(), Err: errors.New("is a directory")}
	case !info.Mode().IsRegular():
		return nil, nil, &fs.PathError{Op: "open", Path: info.Name(), Err: ErrNotOwn}
	case info.Size() > limit:
		return nil, nil, &TooBig{Size: info.Size(), Limit: limit}
	}
	src := make([]byte, 0, info.Size()+1)
	for {
		n, err := f.Read(src[len(src):cap(src)])
		src = src[:len(src)+n]
		switch {
		case int64(len(src)) > limit:
			return nil, nil, &TooBig{Size: -1, Limit: limit} // it grew as it was read
		case err == io.EOF:
			return src, info, nil
		case err != nil:
			return nil, nil, err
		case len(src) == cap(src):
			src = append(src, 0)[:len(src)]
		}
	}
}

// TooBig is ReadLimited's error for a file over its limit.
type TooBig struct {
	Size  int64 // the file's size, or -1 when it grew past the limit as it was read
	Limit int64
}

func (e *TooBig) Error() string {
	return fmt.Sprintf("file of %d bytes is over the limit of %d", e.Size, e.Limit)
}

// Stat describes a file of d with one system call (besides the look at
// its folders, see foldersAbove), where fs.Stat would open and close it.
// Like Open, it refuses a link or a special file.
func (d Dir) Stat(name string) (fs.FileInfo, error) {
	info, err := d.Lstat(name)
	if err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: ErrNotOwn}
	}
	return info, err
}

// Lstat describes a file of d without following a link (fs.ReadLinkFS):
// it tells what is there, a link included, where Open refuses it.
func (d Dir) Lstat(name string) (fs.FileInfo, error) {
	full, err := d.join("lstat", name)
	if err != nil {
		return nil, err
	}
	if err := d.foldersAbove("lstat", name); err != nil {
		return nil, err
	}
	info, err := os.Lstat(full)
	if err != nil {
		return nil, renamed(err, name)
	}
	return info, nil
}

// ReadLink says where a link of d leads (fs.ReadLinkFS); the build only
// names it, and never follows it. Like Lstat, it refuses a name below a
// folder that is a link: that link's target is not the site's to read.
func (d Dir) ReadLink(name string) (string, error) {
	full, err := d.join("readlink", name)
	if err != nil {
		return "", err
	}
	if err := d.foldersAbove("readlink", name); err != nil {
		return "", err
	}
	target, err := os.Readlink(full)
	return target, renamed(err, name)
}

// folders are the folders on disk found to be real folders, not links, and
// when: a name's folders are looked at once a build, not at every file in
// them. A look is good for folderLook, less than a build of a large site
// and less than it takes an editor to swap a folder for a link and save,
// so that the preview, which runs for hours, looks again.
var folders sync.Map

const folderLook = 2 * time.Second

// foldersAbove refuses a name whose folders, below d, are not all real
// folders: "data/years/2015.toml" with data/ a link out of the site.
func (d Dir) foldersAbove(op, name string) error {
	dir := path.Dir(name)
	for dir != "." && dir != "/" {
		full, err := d.join(op, dir)
		if err != nil {
			return err
		}
		if seen, ok := folders.Load(full); !ok || time.Since(seen.(time.Time)) > folderLook {
			info, err := os.Lstat(full)
			switch {
			case err != nil:
				return renamed(err, name)
			case !info.IsDir():
				return &fs.PathError{Op: op, Path: name, Err: fmt.Errorf("%s/ %w", dir, ErrNotOwn)}
			}
			folders.Store(full, time.Now())
		}
		dir = path.Dir(dir)
	}
	return nil
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

// linkError turns the error of opening a link with O_NOFOLLOW into
// ErrNotOwn.
func linkError(err error) error {
	if errors.Is(err, syscall.ELOOP) || errors.Is(err, syscall.EMLINK) && noFollow != 0 {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Err = ErrNotOwn
		}
	}
	return err
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
	_, err := writeFile(name, data, os.O_TRUNC, false)
	return err
}

// WriteNewFile writes a file that must not exist yet, and with describe
// describes it as written, with one fstat: for a build that keeps what it
// wrote to know it again (without, the description is nil). Never over a
// file: one there may be a hard link to a file of the site readers see.
func WriteNewFile(name string, data []byte, describe bool) (fs.FileInfo, error) {
	return writeFile(name, data, os.O_EXCL, describe)
}

// writeFile writes data to name, opened with os.O_TRUNC or os.O_EXCL
// (how), and describes it as written when asked.
func writeFile(name string, data []byte, how int, describe bool) (fs.FileInfo, error) {
	if done, info, err := writeRegular(name, data, how, describe); done {
		return info, err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|how|nonBlock, 0o644)
	if err != nil {
		return nil, err
	}
	var info fs.FileInfo
	_, err = f.Write(data)
	if err == nil && describe {
		info, err = f.Stat()
	}
	return info, errors.Join(err, f.Close())
}

// Create writes a new file of d, named by its slash-separated name, and
// the folders it needs: through no link (each folder on the way must be a
// real folder of d's, or is made), and never over a file that exists. The
// commands that write content (new case, new edition) write with it.
func (d Dir) Create(name string, data []byte) error {
	full, err := d.join("create", name)
	if err != nil {
		return err
	}
	var made []string
	for dir := path.Dir(name); dir != "." && dir != "/"; dir = path.Dir(dir) {
		made = append(made, dir)
	}
	for i := len(made) - 1; i >= 0; i-- {
		p, _ := d.join("create", made[i])
		info, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
		case err != nil:
			return err
		case !info.IsDir():
			return &fs.PathError{Op: "create", Path: name, Err: fmt.Errorf("%s/ %w", made[i], ErrNotOwn)}
		}
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, 0o644)
	if err != nil {
		return renamed(err, name)
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}
