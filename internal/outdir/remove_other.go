//go:build !unix

package outdir

// removeWalked removes the folder dir, a site the build replaced, as
// removeTree does: the removal by the walk's list (remove_unix.go) needs
// the descriptors of folders that Windows does not give.
func removeWalked(dir string, _ *tree) error { return removeTree(dir) }
