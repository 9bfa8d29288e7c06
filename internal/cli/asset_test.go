package cli

import (
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// sparse makes a file of size bytes that takes no room on disk.
func sparse(t *testing.T, name string, size int64) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestHugeAsset puts a 1 GB PDF in content/: refused by its size, without
// being read, with the other problems of the build.
func TestHugeAsset(t *testing.T) {
	dir, before := goodSite(t)
	sparse(t, filepath.Join(dir, "content/2016/rapport.pdf"), 1<<30)
	if err := os.WriteFile(filepath.Join(dir, "content/2016/evil.html"), []byte("<script>alert(1)</script>"), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	breakAndBuild(t, dir, before, []string{
		"content/2016/rapport.pdf: error: file is 1024 MB; files published as they are may be at most 50 MB",
		"content/2016/evil.html: error: an HTML file would be published",
		"report: build failed with 2 errors",
	})
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the build took %v: the file was read", took)
	}
}

// TestHugeStaticFile puts a 60 MB file in static/: refused by its size when
// the build copies it, without being read.
func TestHugeStaticFile(t *testing.T) {
	dir, before := goodSite(t)
	sparse(t, filepath.Join(dir, "static/video.mp4"), 60<<20)
	breakAndBuild(t, dir, before, []string{
		"static/video.mp4: error: file is 60 MB; files published as they are may be at most 50 MB",
		"report: build failed with 1 error",
	})
}

// pngHeader is the start of a PNG file of w×h pixels, as far as its
// header: all a reader of its size looks at.
func pngHeader(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32([]byte("IHDR"), w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0) // 8-bit RGB
	b := append([]byte("\x89PNG\r\n\x1a\n"), 0, 0, 0, 13)
	b = append(b, ihdr...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(ihdr))
}

// TestHugePicture refuses a picture whose header says 12000×12000 pixels,
// a few bytes that every reader's browser would decode to over half a
// gigabyte, with the other problems of the build.
func TestHugePicture(t *testing.T) {
	dir, before := goodSite(t)
	if err := os.WriteFile(filepath.Join(dir, "content/2016/kort.png"), pngHeader(12000, 12000), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content/2016/lille.png"), pngHeader(1200, 800), 0o644); err != nil {
		t.Fatal(err)
	}
	breakAndBuild(t, dir, before, []string{
		"content/2016/kort.png: error: is 12000×12000 pixels; a picture may be at most 8000 pixels on a side and 25 megapixels",
		"report: build failed with 1 error",
	})
}
