//go:build unix

package pipeline

import (
	"io/fs"
	"syscall"
)

// stampOf is what the file system says of a file the build wrote: the
// device and inode name the file itself, not a name for it, so that a file
// put in its place (or a link) is never taken for it.
func stampOf(info fs.FileInfo) (fileStamp, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok || !info.Mode().IsRegular() {
		return fileStamp{}, false
	}
	return fileStamp{Dev: uint64(st.Dev), Ino: uint64(st.Ino), Size: info.Size(), ModTime: info.ModTime().UnixNano()}, true
}
