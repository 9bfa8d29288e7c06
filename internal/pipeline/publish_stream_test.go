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
// exact, and the build never holds the asset in memory.
func TestPublishStreamsAssets(t *testing.T) {
	const size = 40 << 20
	root := sitetest.Dir(t, nil)
	big := filepath.Join(root, "content/2016/bilag.pdf")
	if err := os.WriteFile(big, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, size); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, _, err := Publish(context.Background(), diskfs.Dir(root), Options{}, out); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > size/4 {
		t.Errorf("publishing allocated %d MB for a %d MB asset", alloc>>20, size>>20)
	}
	info, err := os.Stat(filepath.Join(out, "2016/bilag.pdf"))
	if err != nil || info.Size() != size {
		t.Fatalf("the copy: %v, %v", info, err)
	}
}
