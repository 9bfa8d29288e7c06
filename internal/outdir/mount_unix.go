//go:build unix && !linux

package outdir

import (
	"os"
	"syscall"
)

// isMountPoint reports whether dir is the root of a mounted file system,
// which cannot be renamed: its device differs from its parent's. (A bind
// mount, or a nullfs mount, of the same device is not told; Replace finds
// out when the rename fails.)
func isMountPoint(dir, parent string) bool {
	a, err1 := os.Stat(dir)
	b, err2 := os.Stat(parent)
	if err1 != nil || err2 != nil {
		return false
	}
	sa, ok1 := a.Sys().(*syscall.Stat_t)
	sb, ok2 := b.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && sa.Dev != sb.Dev
}
