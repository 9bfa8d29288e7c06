package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A writer that waits for its file's folder finds it made, whichever order
// the writers come in, while the folders are made on their own goroutine.
func TestTreeFoldersAreMadeBeforeTheirFilesAreWritten(t *testing.T) {
	root := t.TempDir()
	paths := []string{"2016/cases/a/index.html", "2016/cases/b/index.html", "2016/index.html", "en/2016/cases/a/index.html", "index.html", "tal/data/x.csv"}
	f, err := newTreeFolders(paths, nil)
	if err != nil {
		t.Fatal(err)
	}
	go f.make(context.Background(), root)
	defer f.stop()
	for i := len(paths) - 1; i >= 0; i-- { // the last file's folder is the last made
		if err := f.wait(paths[i]); err != nil {
			t.Fatalf("wait(%q): %v", paths[i], err)
		}
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(paths[i])), nil, 0o644); err != nil {
			t.Fatalf("writing %s once wait returned: %v", paths[i], err)
		}
	}
}

// A folder that cannot be made fails every file below it and after it
// with its error, and no writer waits for ever.
func TestTreeFoldersReportTheFolderThatCouldNotBeMade(t *testing.T) {
	root := t.TempDir()
	// A file where the folder 2016 should be: mkdir 2016/cases fails.
	if err := os.WriteFile(filepath.Join(root, "2016"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := newTreeFolders([]string{"2016/cases/a/index.html", "en/index.html"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	go f.make(context.Background(), root)
	defer f.stop()
	for _, p := range []string{"2016/cases/a/index.html", "en/index.html"} {
		if err := f.wait(p); err == nil {
			t.Errorf("wait(%q) = nil with a file where its folder 2016 belongs", p)
		}
	}
	if err := f.wait("index.html"); err != nil {
		t.Errorf("wait(index.html) = %v: the tree's root needs no folder made", err)
	}
}

// Once stop returns, no folder is made any more, and a writer still
// waiting is told why: the tree may be removed or swapped in.
func TestTreeFoldersStop(t *testing.T) {
	root := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the build is stopped before the first folder
	f, err := newTreeFolders([]string{"a/index.html", "b/index.html"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	go f.make(ctx, root)
	f.stop()
	if err := f.wait("b/index.html"); !errors.Is(err, context.Canceled) && !errors.Is(err, errStopped) {
		t.Errorf("wait after stop = %v, want the build's end", err)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 {
		t.Errorf("a cancelled build made %d folders", len(entries))
	}
}

// A path that would land outside the output folder is refused before any
// folder is made.
func TestTreeFoldersRefuseAPathOutside(t *testing.T) {
	for _, p := range []string{"../x/index.html", "/etc/x", "a/../../x", `a\b`} {
		if _, err := newTreeFolders([]string{"index.html", p}, nil); err == nil {
			t.Errorf("newTreeFolders accepted %q", p)
		}
	}
}
