//go:build !linux

package diskfs

import (
	"errors"
	"io"
	"io/fs"
	"os"
)

// readRegular reads the regular file at full whole, through package os,
// refusing unread a file that is not a regular one (ErrNotOwn), or is over
// limit bytes (TooBig). It describes the file as it was opened.
func readRegular(full string, limit int64) ([]byte, fs.FileInfo, error) {
	f, err := os.OpenFile(full, os.O_RDONLY|nonBlock|noFollow, 0)
	if err != nil {
		return nil, nil, linkError(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if info.IsDir() {
		return nil, nil, &fs.PathError{Op: "read", Path: full, Err: errors.New("is a directory")}
	}
	if !info.Mode().IsRegular() {
		return nil, nil, &fs.PathError{Op: "open", Path: full, Err: ErrNotOwn}
	}
	if info.Size() > limit {
		return nil, nil, &TooBig{Size: info.Size(), Limit: limit}
	}
	src, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(src)) > limit {
		return nil, nil, &TooBig{Size: -1, Limit: limit}
	}
	return src, info, nil
}

// writeRegular leaves the write to package os here.
func writeRegular(string, []byte, int, bool) (bool, fs.FileInfo, error) { return false, nil, nil }
