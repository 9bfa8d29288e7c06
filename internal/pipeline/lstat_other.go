//go:build !linux

package pipeline

import "os"

// lstatStamp is the stamp of the file at path, not through a link.
func lstatStamp(path string) (fileStamp, bool) {
	info, err := os.Lstat(path)
	if err != nil {
		return fileStamp{}, false
	}
	return stampOf(info)
}
