//go:build !unix

package pipeline

import "io/fs"

// stampOf tells no file apart where the system has no inode numbers to go
// by: every page is rendered again.
func stampOf(fs.FileInfo) (fileStamp, bool) { return fileStamp{}, false }
