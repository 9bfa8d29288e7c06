//go:build unix

package pipeline

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
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

// lstatStamp is the stamp of the file at path, not through a link, as
// stampOf gives it from os.Lstat; without the FileInfo os makes, which a
// rebuild that looks at 10,000 pages would make 10,000 of.
func lstatStamp(path string) (fileStamp, bool) {
	var st unix.Stat_t
	if unix.Lstat(path, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return fileStamp{}, false
	}
	return fileStamp{Dev: uint64(st.Dev), Ino: uint64(st.Ino), Size: st.Size, ModTime: st.Mtim.Nano()}, true
}
