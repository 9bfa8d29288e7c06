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
	// A folder can go between the look and the resolving: another build
	// into it moves the site aside for a moment where the system cannot
	// swap two folders at once (see swap), and Open resolves before it
	// waits for the lock. What went is looked for again, from the top.
	for range maxVanished {
		resolved, vanished, err := resolve(abs)
		if !vanished {
			return resolved, err
		}
	}
	resolved, _, err := resolve(abs)
	return resolved, err
}

// maxVanished is how often Resolve looks again for a part of the path
// that went while it resolved it.
const maxVanished = 8

// resolveHook is called between the look at what exists and the
// resolving, where tests move a folder away.
var resolveHook = func(existing string) {}

// resolve is one try of Resolve; vanished reports that the part of abs
// that existed was gone by the time it was resolved.
func resolve(abs string) (resolved string, vanished bool, err error) {
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
	resolveHook(existing)
	resolved, err = filepath.EvalSymlinks(existing)
	if err != nil {
		if _, lerr := os.Lstat(existing); errors.Is(lerr, fs.ErrNotExist) {
			return "", true, err
		}
		// Only a link can exist and still not resolve: one that leads
		// nowhere, or round in a loop.
		target, _ := os.Readlink(existing)
		if _, statErr := os.Stat(existing); errors.Is(statErr, fs.ErrNotExist) {
			return "", false, fmt.Errorf("%s is a symbolic link to %s, which does not exist; create that folder or remove the link", existing, target)
		}
		return "", false, fmt.Errorf("%s is a symbolic link that cannot be followed (%v); fix or remove the link", existing, err)
	}
	if rest != "" {
		if info, err := os.Stat(resolved); err == nil && !info.IsDir() {
			return "", false, fmt.Errorf("%s is a file, not a folder, so nothing can be written below it", existing)
		}
	}
	return filepath.Join(resolved, rest), false, nil
}
