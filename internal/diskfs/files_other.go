//go:build !linux

package diskfs

import (
	"io/fs"
	"os"
)

// readRegular reads the regular file at full whole, through package os
// (see ReadOpened). It describes the file as it was opened.
func readRegular(full string, limit int64) ([]byte, fs.FileInfo, error) {
	f, err := os.OpenFile(full, os.O_RDONLY|nonBlock|noFollow, 0)
	if err != nil {
		return nil, nil, linkError(err)
	}
	defer f.Close()
	return ReadOpened(f, limit)
}

// writeRegular leaves the write to package os here.
func writeRegular(string, []byte, int, bool) (bool, fs.FileInfo, error) { return false, nil, nil }
