package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// sourceDirs are the site's own folders, which a build reads and must never
// replace.
var sourceDirs = []string{"content", "data", "layouts", "static"}

// litter are files that desktops leave in any folder they show; a folder
// holding only these is as good as empty.
var litter = []string{".DS_Store", "Thumbs.db", "desktop.ini"}

// CheckOutput refuses, with the reason, an output folder whose replacement
// would destroy more than a site built before. A build replaces the folder
// whole (see replace), so "--out content" would delete the editors'
// Markdown, and an output folder that is a Git checkout would lose its
// history. root is the site's folder; dir is the output folder, which need
// not exist.
//
// Folders are compared as the file system sees them (os.SameFile), not by
// name, so that a symbolic link, a bind mount or a file system that ignores
// case cannot make one folder look like two.
func CheckOutput(root, dir string) error {
	rootInfo, err := os.Stat(root)
	if err != nil {
		return err
	}
	sources := map[string]fs.FileInfo{}
	for _, src := range sourceDirs {
		if info, err := os.Stat(filepath.Join(root, src)); err == nil {
			sources[src] = info
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	// The output, or the nearest folder above it that exists, must not be
	// one of the sources or lie inside one.
	for p := abs; ; p = filepath.Dir(p) {
		if info, err := os.Stat(p); err == nil {
			for _, src := range sourceDirs {
				if s, ok := sources[src]; ok && os.SameFile(info, s) {
					return fmt.Errorf("it is inside %s/, which holds the site's sources; write the site to a folder of its own, such as public/", src)
				}
			}
			if os.SameFile(info, rootInfo) && p == abs {
				return errors.New("it is the site's own folder; write the site to a folder of its own, such as public/")
			}
		}
		if filepath.Dir(p) == p {
			break
		}
	}

	if link, err := os.Lstat(dir); err == nil && link.Mode()&fs.ModeSymlink != 0 {
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
			target, _ := os.Readlink(dir)
			return fmt.Errorf("it is a symbolic link to %s, which does not exist; create that folder or remove the link", target)
		}
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return errors.New("it is a file, not a folder")
	}
	// The output must not hold the site.
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	for p := rootAbs; ; p = filepath.Dir(p) {
		if above, err := os.Stat(p); err == nil && os.SameFile(above, info) {
			return errors.New("it holds the site's own folder; write the site to a folder of its own, such as public/")
		}
		if filepath.Dir(p) == p {
			break
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if !slices.Contains(litter, e.Name()) {
			names = append(names, e.Name())
		}
	}
	switch {
	case slices.Contains(names, ".git"):
		return errors.New("it holds a Git repository (.git), which a build would delete with the rest of the folder; write the site elsewhere and copy it in")
	case len(names) > 0 && !slices.Contains(names, "index.html"):
		return errors.New("it has files but no index.html, so it is not a site built before, and a build replaces the whole folder; choose a new or empty folder, or empty this one first")
	}
	return nil
}
