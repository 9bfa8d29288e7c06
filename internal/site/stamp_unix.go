//go:build unix && !linux

package site

import (
	"io/fs"
	"syscall"
)

// fileID is a file's device and inode, which tell two copies of a site
// apart; the time an inode changed is named differently on each of these
// systems, and left out.
func fileID(info fs.FileInfo) (dev, ino uint64, ctime int64) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, 0
	}
	return uint64(st.Dev), uint64(st.Ino), 0
}
