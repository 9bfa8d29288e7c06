//go:build !linux

package outdir

import (
	"io/fs"
	"path/filepath"
)

// walkBelow calls visit for every entry below dir, depth first, with its
// slash-separated path below dir and its type; visit's fs.SkipDir keeps
// the walk out of that entry. It follows no link.
// Folders are not stamped here: seen is never called, and no record is
// kept to trust.
func walkBelow(dir string, visit func(rel string, typ fs.FileMode) error, _ func(rel string, st folderStamp), _ *record) error {
	return filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		err = visit(filepath.ToSlash(p[len(dir)+1:]), e.Type())
		if err == fs.SkipDir && !e.IsDir() {
			return nil // WalkDir would skip the rest of its folder
		}
		return err
	})
}

// stampsFolders is false where walkBelow does not stamp folders.
const stampsFolders = false

func lstatFolder(string) (folderStamp, bool) { return folderStamp{}, false }

func timeWindow(string) int64 { return 2e9 }
