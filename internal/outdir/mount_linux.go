package outdir

import "golang.org/x/sys/unix"

// isMountPoint reports whether dir is the root of a mounted file system,
// which cannot be renamed. statx says so directly (Linux 5.8 and later),
// bind mounts of a folder on itself included; before that, a device other
// than the parent's tells every mount but a bind mount, which Replace finds
// out when the rename fails.
func isMountPoint(dir, parent string) bool {
	var st unix.Statx_t
	if err := unix.Statx(unix.AT_FDCWD, dir, 0, unix.STATX_BASIC_STATS, &st); err != nil {
		return false
	}
	if st.Attributes_mask&unix.STATX_ATTR_MOUNT_ROOT != 0 {
		return st.Attributes&unix.STATX_ATTR_MOUNT_ROOT != 0
	}
	var up unix.Statx_t
	if err := unix.Statx(unix.AT_FDCWD, parent, 0, unix.STATX_BASIC_STATS, &up); err != nil {
		return false
	}
	return st.Dev_major != up.Dev_major || st.Dev_minor != up.Dev_minor
}
