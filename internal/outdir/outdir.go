// Package outdir guards and replaces the folder a build writes the site to.
//
// A build replaces its output folder whole, so Check refuses a folder whose
// loss would hurt (the sources, the site itself, a Git checkout, a folder
// that is not a site built before), and Replace swaps a new tree in so that
// a failed, stopped or killed build never leaves a half-written site, and
// two builds into one folder take turns.
package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// SourceDirs are the site's own folders, which a build reads and must never
// replace.
var SourceDirs = []string{"content", "data", "layouts", "static"}

// litter are files that desktops leave in any folder they show; a folder
// holding only these is as good as empty.
var litter = []string{".DS_Store", "Thumbs.db", "desktop.ini"}

// Resolve returns the folder dir really is: absolute, with every symbolic
// link resolved in the longest part of it that exists; the rest, which a
// build will create, follows as given. Check judges, and Replace writes, this
// path, so that what is checked is what is written.
func Resolve(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	existing, rest := abs, ""
	for {
		// Any failure (no such file, a file or a looping link on the way)
		// means this part does not exist as a folder; what exists above it
		// decides, below.
		if _, err := os.Lstat(existing); err == nil {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		rest = filepath.Join(filepath.Base(existing), rest)
		existing = parent
	}
	real, err := filepath.EvalSymlinks(existing)
	if err != nil {
		// Only a link can exist and still not resolve: one that leads
		// nowhere, or round in a loop.
		target, _ := os.Readlink(existing)
		if _, statErr := os.Stat(existing); errors.Is(statErr, fs.ErrNotExist) {
			return "", fmt.Errorf("%s is a symbolic link to %s, which does not exist; create that folder or remove the link", existing, target)
		}
		return "", fmt.Errorf("%s is a symbolic link that cannot be followed (%v); fix or remove the link", existing, err)
	}
	if rest != "" {
		if info, err := os.Stat(real); err == nil && !info.IsDir() {
			return "", fmt.Errorf("%s is a file, not a folder, so nothing can be written below it", existing)
		}
	}
	return filepath.Join(real, rest), nil
}

// Check refuses, with the reason, an output folder whose replacement would
// destroy more than a site built before. A build replaces the folder whole
// (see Replace), so "--out content" would delete the editors' Markdown, and
// an output folder that is a Git checkout would lose its history. root is
// the site's folder; dir is the output folder, which need not exist. Check
// reads, and never writes.
//
// The output is judged by the folder it really is (see Resolve), and folders
// are compared as the file system sees them (os.SameFile), not by name, so
// that a symbolic link anywhere in either path, a bind mount or a file
// system that ignores case cannot make one folder look like two.
func Check(root, dir string) error {
	rootReal, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	if rootReal, err = filepath.Abs(rootReal); err != nil {
		return err
	}
	rootInfo, err := os.Stat(rootReal)
	if err != nil {
		return err
	}
	real, err := Resolve(dir)
	if err != nil {
		return err
	}
	via := ""
	if abs, err := filepath.Abs(dir); err == nil && abs != real {
		via = fmt.Sprintf(" (through a symbolic link, it is %s)", real)
	}
	sources := map[string]fs.FileInfo{}
	for _, src := range SourceDirs {
		if info, err := os.Stat(filepath.Join(rootReal, src)); err == nil {
			sources[src] = info
		}
	}
	// The output, or the nearest folder above it that exists, must not be
	// one of the sources or lie inside one.
	for p := real; ; p = filepath.Dir(p) {
		if info, err := os.Stat(p); err == nil {
			for _, src := range SourceDirs {
				if s, ok := sources[src]; ok && os.SameFile(info, s) {
					return fmt.Errorf("it is inside %s/, which holds the site's sources%s; write the site to a folder of its own, such as public/", src, via)
				}
			}
			if p == real && os.SameFile(info, rootInfo) {
				return fmt.Errorf("it is the site's own folder%s; write the site to a folder of its own, such as public/", via)
			}
		}
		if filepath.Dir(p) == p {
			break
		}
	}

	info, err := os.Stat(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return errors.New("it is a file, not a folder")
	}
	// The output must not hold the site.
	for p := rootReal; ; p = filepath.Dir(p) {
		if above, err := os.Stat(p); err == nil && os.SameFile(above, info) {
			return fmt.Errorf("it holds the site's own folder%s; write the site to a folder of its own, such as public/", via)
		}
		if filepath.Dir(p) == p {
			break
		}
	}
	entries, err := os.ReadDir(real)
	if err != nil {
		return err
	}
	mount := isMountPoint(real, filepath.Dir(real))
	var names []string
	for _, e := range entries {
		if !slices.Contains(litter, e.Name()) && !isOwn(e.Name(), filepath.Base(real)) && !(mount && e.Name() == lostFound) {
			names = append(names, e.Name())
		}
	}
	switch {
	case slices.Contains(names, ".git"):
		return fmt.Errorf("it holds a Git repository (.git)%s, which a build would delete with the rest of the folder; write the site elsewhere and copy it in", via)
	case len(names) > 0 && !slices.Contains(names, "index.html"):
		return fmt.Errorf("it has files but no index.html%s, so it is not a site built before, and a build replaces the whole folder; choose a new or empty folder, or empty this one first", via)
	}
	return nil
}

// isOwn reports whether name, in the output folder base, is a working
// folder of a build (see Replace): a build that cannot swap the folder
// writes its new tree inside it, and one killed there leaves that tree
// behind, which the next build removes.
func isOwn(name, base string) bool {
	return strings.HasPrefix(name, "."+base+".new-") || strings.HasPrefix(name, "."+base+".old-")
}
