package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"report/internal/diskfs"
	"report/internal/render"
	"report/internal/sitetest"
	"report/internal/synthsite"
)

// version is a small site whose every file says which build wrote it, so
// that a mix of two builds shows.
func version(v int) render.Output {
	var out render.Output
	for _, p := range []string{"index.html", "2016/index.html", "2016/tal/index.html", "css/report.css"} {
		out = append(out, render.File{Path: p, Data: fmt.Appendf(nil, "version %d of %s", v, p)})
	}
	return out
}

// wholeVersion returns the version the output folder holds, or an error if
// a file is missing or the files are of different builds.
func wholeVersion(dir string) (int, error) {
	v := -1
	for _, f := range version(0) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			return 0, err
		}
		var got int
		if _, err := fmt.Sscanf(string(data), "version %d of", &got); err != nil {
			return 0, fmt.Errorf("%s: %q", f.Path, data)
		}
		if v >= 0 && got != v {
			return 0, fmt.Errorf("a mix of versions %d and %d", v, got)
		}
		v = got
	}
	return v, nil
}

// TestConcurrentBuildsOneOutput: builds into one output folder at the same
// time take turns. Every one succeeds, the folder ends as one whole build,
// and nothing is left beside it.
func TestConcurrentBuildsOneOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := write(version(0), out); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 24)
	for i := range errs {
		wg.Go(func() { errs[i] = write(version(i+1), out) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("build %d: %v", i+1, err)
		}
	}
	if v, err := wholeVersion(out); err != nil || v == 0 {
		t.Errorf("the output is not one whole new build: version %d, %v", v, err)
	}
	if left := sitetest.Beside(t, out); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

// TestOutputNeverMissing: while builds replace the output folder one after
// another, a reader always finds a whole site in it: the swap is atomic.
func TestOutputNeverMissing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := write(version(0), out); err != nil {
		t.Fatal(err)
	}
	var done atomic.Bool
	var misses atomic.Int32
	var reader sync.WaitGroup
	reader.Go(func() {
		for !done.Load() {
			if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
				misses.Add(1)
			}
		}
	})
	for i := range 100 {
		if err := write(version(i+1), out); err != nil {
			t.Fatal(err)
		}
	}
	done.Store(true)
	reader.Wait()
	if n := misses.Load(); n > 0 {
		t.Errorf("a reader found no index.html %d times while builds swapped the output", n)
	}
}

// TestRecoverAfterKillBetweenRenames: a build killed between moving the
// previous site aside and moving the new one in left no output folder. The
// next build puts the previous site back before anything else, so that even
// a build that then fails leaves the site as it was published.
func TestRecoverAfterKillBetweenRenames(t *testing.T) {
	root := filepath.Join(t.TempDir(), "site")
	if err := synthsite.WriteReport(root, "", synthsite.Defaults(5)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if err := write(version(1), out); err != nil {
		t.Fatal(err)
	}
	// What the killed build left: the previous site aside (as this and the
	// earlier version of report name it) and its own finished tree.
	for _, aside := range []string{".public.new-71.old", ".public.old-72"} {
		t.Run(aside, func(t *testing.T) {
			if err := write(version(2), out); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(out, filepath.Join(filepath.Dir(out), aside)); err != nil {
				t.Fatal(err)
			}
			killed := filepath.Join(filepath.Dir(out), ".public.new-71")
			if err := os.Mkdir(killed, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := writeTree(version(3), killed); err != nil {
				t.Fatal(err)
			}
			// A build that fails on the content.
			if err := os.WriteFile(filepath.Join(root, "data", "site.toml"), []byte("title = \n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, _, err := Publish(context.Background(), diskfs.Dir(root), Options{}, out); err == nil {
				t.Fatal("the broken site built")
			}
			if v, err := wholeVersion(out); err != nil || v != 2 {
				t.Errorf("after a failed build the output is version %d (%v), want the previous site, version 2", v, err)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(out), aside)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the previous site is still aside as %s: %v", aside, err)
			}
			if err := os.RemoveAll(filepath.Join(filepath.Dir(out), ".public.new-71")); err != nil {
				t.Fatal(err)
			}
			if err := synthsite.WriteReport(root, "", synthsite.Defaults(5)); err != nil {
				t.Fatal(err)
			}
		})
	}
}
