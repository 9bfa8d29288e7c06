//go:build !unix

package outdir

// isMountPoint cannot tell a mount point here; Replace finds out when the
// rename fails.
func isMountPoint(dir, parent string) bool { return false }
