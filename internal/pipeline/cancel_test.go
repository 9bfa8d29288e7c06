package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"report/internal/diskfs"
	"report/internal/render"
	"report/internal/synthsite"
)

// TestPublishStops cancels a build while it writes its new tree: the
// build returns the context's error, the new tree is gone, and the previous
// output is as it was.
func TestPublishStops(t *testing.T) {
	root := filepath.Join(t.TempDir(), "site")
	if err := synthsite.WriteReport(root, "", synthsite.Defaults(100)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	fsys := diskfs.Dir(root)
	_, files, err := Publish(context.Background(), fsys, Options{}, out)
	if err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	// Cancel once the build has written a few files.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var written atomic.Int32
	publishFile = func(name string, f render.File, keeping bool) (fs.FileInfo, [32]byte, error) {
		if written.Add(1) == 10 {
			cancel()
		}
		return writeFile(name, f, keeping)
	}
	defer func() { publishFile = writeFile }()
	_, _, err = Publish(ctx, fsys, Options{}, out)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Publish = %v, want context.Canceled (did the build finish before the cancel?)", err)
	}
	if n := int(written.Load()); n >= files {
		t.Errorf("the build went on writing after the cancel: %d of %d files", n, files)
	}
	if n := newTrees(t, out); n != 0 {
		t.Errorf("%d unfinished trees left beside the output", n)
	}
	after, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || string(after) != string(before) {
		t.Errorf("the previous output changed: %v", err)
	}
}

func newTrees(t *testing.T, out string) int {
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Error(err)
		return 0
	}
	n := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(out)+".new-") {
			n++
		}
	}
	return n
}

// TestEachStopsAtFirstFailure: when writing fails (a full disk fails every
// write after the first), the build stops handing out files and reports the
// failure once.
func TestEachStopsAtFirstFailure(t *testing.T) {
	root := filepath.Join(t.TempDir(), "site")
	if err := synthsite.WriteReport(root, "", synthsite.Defaults(100)); err != nil {
		t.Fatal(err)
	}
	plan, _, err := Prepare(diskfs.Dir(root), Options{})
	if err != nil {
		t.Fatal(err)
	}
	full := errors.New("no space left on device")
	var calls atomic.Int32
	err = plan.Each(context.Background(), func(int, render.File) error {
		calls.Add(1)
		return full
	})
	if err != full {
		t.Errorf("Each = %v, want the one failure", err)
	}
	if n := int(calls.Load()); n >= len(plan.Paths()) {
		t.Errorf("Each went on writing after the failure: %d of %d files", n, len(plan.Paths()))
	}
}

// TestStaleTreesRemoved: a build removes the unfinished trees that killed
// builds left beside the output more than an hour ago, and leaves a recent
// one, which another build may still be writing.
func TestStaleTreesRemoved(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	old := filepath.Join(parent, ".public.new-111")
	recent := filepath.Join(parent, ".public.new-222")
	other := filepath.Join(parent, ".other.new-333")
	for _, d := range []string{old, recent, other} {
		if err := os.MkdirAll(filepath.Join(d, "2016"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * staleAge)
	for _, d := range []string{old, other} {
		if err := os.Chtimes(d, long, long); err != nil {
			t.Fatal(err)
		}
	}
	if err := write(render.Output{{Path: "index.html", Data: []byte("x")}}, out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the stale tree is still there: %v", err)
	}
	for _, d := range []string{recent, other} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(d), err)
		}
	}
}
