package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"report/internal/diskfs"
	"report/internal/sitetest"
)

// TestPublishStreamsAssets publishes a site with a 40 MB asset: the copy is
// exact, and the build never holds the asset in memory. What it allocates
// is compared with a build of the same site with the asset a few bytes
// long, after a first build has drawn the charts and share images that a
// process draws once (see chart.RenderCached), so that the test measures
// the asset whichever tests ran before it.
func TestPublishStreamsAssets(t *testing.T) {
	const size = 40 << 20
	root := sitetest.Dir(t, nil)
	big := filepath.Join(root, "content/2016/bilag.pdf")
	if err := os.WriteFile(big, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// allocated publishes the site and returns what that allocated; the
	// asset's copy must be wantSize bytes.
	allocated := func(wantSize int64) uint64 {
		out := filepath.Join(t.TempDir(), "public")
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if _, _, err := Publish(context.Background(), diskfs.Dir(root), Options{}, out); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		if info, err := os.Stat(filepath.Join(out, "2016/bilag.pdf")); err != nil || info.Size() != wantSize {
			t.Fatalf("the copy: %v, %v; want %d bytes", info, err, wantSize)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	const header = int64(len("%PDF-1.4\n"))
	allocated(header) // draws what a process draws once
	small := allocated(header)
	if err := os.Truncate(big, size); err != nil {
		t.Fatal(err)
	}
	if alloc := allocated(size); alloc > small+size/4 {
		t.Errorf("publishing allocated %d MB more for a %d MB asset", (alloc-small)>>20, size>>20)
	}
}
