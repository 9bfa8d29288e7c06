package outdir

// Check and Replace must agree on which folder they mean: a symbolic link
// on the way could otherwise make Check pass one folder and the build
// replace another. Both go through Resolve.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

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
	resolved, err := filepath.EvalSymlinks(existing)
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
		if info, err := os.Stat(resolved); err == nil && !info.IsDir() {
			return "", fmt.Errorf("%s is a file, not a folder, so nothing can be written below it", existing)
		}
	}
	return filepath.Join(resolved, rest), nil
}
