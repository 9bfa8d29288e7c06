package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// readTree reads every file below dir, by its slash-separated path below
// dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	eachFile(t, dir, func(rel, p string, _ fs.DirEntry) error {
		b, err := os.ReadFile(p)
		out[rel] = b
		return err
	})
	return out
}

// eachFile calls fn for every file below dir, with its slash-separated
// path below dir, and fails the test on the first error.
func eachFile(t *testing.T, dir string, fn func(rel, p string, e fs.DirEntry) error) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		return fn(filepath.ToSlash(rel), p, e)
	})
	if err != nil {
		t.Fatal(err)
	}
}
