package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// sourceDirs are the site's own folders, which a build reads and must never
// replace.
var sourceDirs = []string{"content", "data", "layouts", "static"}

// CheckOutput refuses, with the reason, an output folder whose replacement
// would destroy more than a site built before. A build replaces the folder whole (see
// replace), so "--out content" would delete the editors' Markdown, and an
// output folder that is a Git checkout would lose its history. root is the
// site's folder; dir is the output folder, which need not exist.
func CheckOutput(root, dir string) error {
	absRoot, err := resolve(root)
	if err != nil {
		return err
	}
	absDir, err := resolve(dir)
	if err != nil {
		return err
	}
	if within(absDir, absRoot) {
		return errors.New("it is the site's own folder or holds it; write the site to a folder of its own, such as public/")
	}
	for _, src := range sourceDirs {
		if within(filepath.Join(absRoot, src), absDir) {
			return fmt.Errorf("it is inside %s/, which holds the site's sources; write the site to a folder of its own, such as public/", src)
		}
	}
	switch info, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return errors.New("it is a file, not a folder")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	switch {
	case slices.Contains(names, ".git"):
		return errors.New("it holds a Git repository (.git), which a build would delete with the rest of the folder; write the site elsewhere and copy it in")
	case len(names) > 0 && !slices.Contains(names, "index.html"):
		return errors.New("it has files but no index.html, so it is not a site built before, and a build replaces the whole folder; choose a new or empty folder, or empty this one first")
	}
	return nil
}

// resolve makes a path absolute and follows symbolic links in the part of it
// that exists, so that two names of one folder compare equal.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(append([]string{abs}, rest...)...), nil
		}
		rest = append([]string{filepath.Base(abs)}, rest...)
		abs = parent
	}
}

// within reports whether path is dir or lies inside it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
