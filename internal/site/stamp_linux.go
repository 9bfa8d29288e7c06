package site

import (
	"io/fs"
	"syscall"
)

// fileID is what names a file on disk besides its size and time: its
// device and inode, and the time its inode last changed, which no program
// can set back. Two folders with a file of the same name, size and time
// (a copy that kept the times) are then told apart, and so is a file
// changed in place with its time set back.
func fileID(info fs.FileInfo) (dev, ino uint64, ctime int64) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, 0
	}
	return uint64(st.Dev), uint64(st.Ino), int64(st.Ctim.Sec)*1e9 + int64(st.Ctim.Nsec) // int32 fields on 32-bit systems
}
