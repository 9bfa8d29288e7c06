//go:build linux

package diskfs

import (
	"io"
	"io/fs"
	"path/filepath"
	"syscall"
	"time"
)

// readRegular reads the regular file at full whole, with four system
// calls: open, fstat, one read of the size fstat gave and close. Package
// os would add the poller's epoll call, a second fstat when asked the
// size, and a read that finds the end. A file that is not a regular one
// is refused unread (ErrNotOwn), as is one over limit bytes (TooBig). It
// describes the file as fstat found it, before the read.
func readRegular(full string, limit int64) ([]byte, fs.FileInfo, error) {
	fd, err := open(full, syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, &fs.PathError{Op: "open", Path: full, Err: linkErrno(err)}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		return nil, nil, &fs.PathError{Op: "stat", Path: full, Err: err}
	}
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFREG:
	case syscall.S_IFDIR:
		return nil, nil, &fs.PathError{Op: "read", Path: full, Err: syscall.EISDIR}
	default:
		return nil, nil, &fs.PathError{Op: "open", Path: full, Err: ErrNotOwn}
	}
	if st.Size > limit {
		return nil, nil, &TooBig{Size: st.Size, Limit: limit}
	}
	// Room for one byte more than the file has: a read that fills it
	// finds a file that grew, and reads on.
	src := make([]byte, 0, st.Size+1)
	for {
		n, err := read(fd, src[len(src):cap(src)])
		if err != nil {
			return nil, nil, &fs.PathError{Op: "read", Path: full, Err: err}
		}
		src = src[:len(src)+n]
		switch {
		case int64(len(src)) > limit:
			return nil, nil, &TooBig{Size: -1, Limit: limit} // it grew as it was read
		case n == 0:
			return src, statInfo{name: filepath.Base(full), st: st}, nil // the end
		case int64(len(src)) >= st.Size && len(src) < cap(src):
			// A short read at the size fstat gave is the end of a
			// regular file, without one more read to say so.
			return src, statInfo{name: filepath.Base(full), st: st}, nil
		case len(src) == cap(src):
			src = append(src, 0)[:len(src)]
		}
	}
}

// linkErrno is ELOOP, what opening a link with O_NOFOLLOW fails with, as
// ErrNotOwn.
func linkErrno(err error) error {
	if err == syscall.ELOOP {
		return ErrNotOwn
	}
	return err
}

// open, fstat and read retry a call a signal interrupted, as package os
// does.
func open(path string, flags int, perm uint32) (int, error) {
	for {
		fd, err := syscall.Open(path, flags, perm)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}

func read(fd int, p []byte) (int, error) {
	for {
		n, err := syscall.Read(fd, p)
		if err != syscall.EINTR {
			if n < 0 {
				n = 0
			}
			return n, err
		}
	}
}

// writeRegular writes data to the file name, opened with os.O_TRUNC or
// os.O_EXCL (how), with open, write and close, and an fstat when asked to
// describe it: package os would add the poller's epoll call, refused for
// every regular file. It reports the write done; elsewhere than on Linux
// it leaves it to package os.
func writeRegular(name string, data []byte, how int, describe bool) (done bool, info fs.FileInfo, err error) {
	fd, err := open(name, syscall.O_WRONLY|syscall.O_CREAT|how|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return true, nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = syscall.Write(fd, data)
		switch {
		case err == syscall.EINTR:
			err = nil
		case err == nil && n == 0:
			err = io.ErrShortWrite
		case err == nil:
			data = data[n:]
		}
	}
	if err != nil {
		err = &fs.PathError{Op: "write", Path: name, Err: err}
	} else if describe {
		var st syscall.Stat_t
		if err = fstat(fd, &st); err != nil {
			err = &fs.PathError{Op: "stat", Path: name, Err: err}
		} else {
			info = statInfo{name: filepath.Base(name), st: st}
		}
	}
	if cerr := syscall.Close(fd); cerr != nil && err == nil {
		err = &fs.PathError{Op: "close", Path: name, Err: cerr}
	}
	if err != nil {
		info = nil
	}
	return true, info, err
}

// statInfo is a regular file as fstat described it.
type statInfo struct {
	name string
	st   syscall.Stat_t
}

func (i statInfo) Name() string       { return i.name }
func (i statInfo) Size() int64        { return i.st.Size }
func (i statInfo) Mode() fs.FileMode  { return fs.FileMode(i.st.Mode & 0o777) }
func (i statInfo) ModTime() time.Time { return time.Unix(i.st.Mtim.Unix()) }
func (i statInfo) IsDir() bool        { return false }
func (i statInfo) Sys() any           { return &i.st }
