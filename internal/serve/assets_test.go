package serve

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"report/internal/diskfs"
	"report/internal/pipeline"
	"report/internal/sitetest"
)

// swapForLink replaces a file of the site with a symbolic link to a secret
// outside it, as an attacker with write access to content/ (or a careless
// sync tool) could.
func swapForLink(t *testing.T, file string) {
	t.Helper()
	secret := filepath.Join(t.TempDir(), "shadow")
	if err := os.WriteFile(secret, []byte("root:hemmelig-hash:19000:0:99999:7:::\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, file); err != nil {
		t.Fatal(err)
	}
}

// TestAssetSwappedForLink publishes content/2016/note.txt, then swaps it for
// a link to a file outside the site. The preview serves the bytes the last
// good build read, never the link's target: neither before the watcher's
// rebuild nor after it (the rebuild fails on the link, and the last good
// build stays in place). Both file systems the preview is used with are
// tried: the CLI's and package os's.
func TestAssetSwappedForLink(t *testing.T) {
	for name, open := range map[string]func(string) fs.FS{
		"diskfs": func(root string) fs.FS { return diskfs.Dir(root) },
		"os":     os.DirFS,
	} {
		t.Run(name, func(t *testing.T) {
			root := sitetest.Dir(t, nil)
			note := filepath.Join(root, "content/2016/note.txt")
			if err := os.WriteFile(note, []byte("Et notat.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			s := New(open(root), pipeline.Options{}, io.Discard)
			if !s.Rebuild() {
				t.Fatal("the test site does not build")
			}
			srv := httptest.NewServer(s)
			defer srv.Close()
			if code, body := get(t, srv.URL+"/2016/note.txt"); code != 200 || body != "Et notat.\n" {
				t.Fatalf("before the swap: %d %q", code, body)
			}
			swapForLink(t, note)
			check := func(when string) {
				t.Helper()
				code, body := get(t, srv.URL+"/2016/note.txt")
				if strings.Contains(body, "hemmelig") {
					t.Fatalf("%s: the preview served the link's target: %d %q", when, code, body)
				}
				if code != 200 || body != "Et notat.\n" {
					t.Errorf("%s: %d %q; want the bytes the last good build read", when, code, body)
				}
			}
			check("before the rebuild")
			if s.Rebuild() {
				t.Fatal("a build with a symbolic link in content/ succeeded")
			}
			check("after the failed rebuild")
		})
	}
}

// TestAssetChangedBeyondMemory is the same swap for an asset the preview
// did not keep in memory (its budget is spent): the file on disk is read
// again on request, and refused since it is no longer the file the build
// read.
func TestAssetChangedBeyondMemory(t *testing.T) {
	root := sitetest.Dir(t, nil)
	note := filepath.Join(root, "content/2016/note.txt")
	if err := os.WriteFile(note, []byte("Et notat.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(diskfs.Dir(root), pipeline.Options{}, io.Discard)
	s.keepAssets = 0 // nothing kept: every asset is read again when asked for
	if !s.Rebuild() {
		t.Fatal("the test site does not build")
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	if code, body := get(t, srv.URL+"/2016/note.txt"); code != 200 || body != "Et notat.\n" {
		t.Fatalf("before the swap: %d %q", code, body)
	}
	if code, _ := get(t, srv.URL+sheet(t, s)); code != 200 {
		t.Fatalf("an unchanged asset read again: %d", code)
	}
	swapForLink(t, note)
	code, body := get(t, srv.URL+"/2016/note.txt")
	if strings.Contains(body, "hemmelig") || code != 500 || !strings.Contains(body, "content/2016/note.txt") {
		t.Errorf("a swapped asset: %d %q; want 500 naming the file", code, body)
	}

	// An edit in place, no link: refused as well until the next good build.
	if err := os.Remove(note); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(note, []byte("Et andet notat.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, body := get(t, srv.URL+"/2016/note.txt"); code != 500 || !strings.Contains(body, "changed since the last good build") {
		t.Errorf("an asset edited since the build: %d %q", code, body)
	}
	if !s.Rebuild() {
		t.Fatal("the rebuild failed")
	}
	if code, body := get(t, srv.URL+"/2016/note.txt"); code != 200 || body != "Et andet notat.\n" {
		t.Errorf("after the rebuild: %d %q", code, body)
	}
}

// TestAssetTypeFromExtension serves a file of static/ that holds markup
// under an extension no one knows: it is served for download, never
// sniffed into a page.
func TestAssetTypeFromExtension(t *testing.T) {
	root := sitetest.Dir(t, nil)
	if err := os.WriteFile(filepath.Join(root, "static/noter.ukendt"), []byte("<!doctype html><script>alert(1)</script>"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(diskfs.Dir(root), pipeline.Options{}, io.Discard)
	if !s.Rebuild() {
		t.Fatal("the test site does not build")
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	for path, want := range map[string]string{"/noter.ukendt": "application/octet-stream", sheet(t, s): "text/css; charset=utf-8"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Type"); got != want || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: Content-Type %q, X-Content-Type-Options %q; want %q and nosniff", path, got, resp.Header.Get("X-Content-Type-Options"), want)
		}
	}
}

// TestLargeAssetStreamed serves an asset the preview does not keep in
// memory as it reads it, never whole for each request, in the parts a browser asks of a PDF: a range is answered with
// 206 and those bytes, and HEAD with the size alone.
func TestLargeAssetStreamed(t *testing.T) {
	root := sitetest.Dir(t, nil)
	big := make([]byte, 3<<20)
	for i := range big {
		big[i] = byte(i % 251)
	}
	if err := os.WriteFile(filepath.Join(root, "content/2016/rapport.pdf"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(diskfs.Dir(root), pipeline.Options{}, io.Discard)
	s.keepAssets = 1 << 20 // the PDF does not fit: it is read on request
	if !s.Rebuild() {
		t.Fatal("the test site does not build")
	}
	f, ok, err := s.plan.OpenAsset("2016/rapport.pdf")
	if !ok || err != nil {
		t.Fatalf("a 3 MB asset is not streamed: %v, %v", ok, err)
	}
	f.Close()
	srv := httptest.NewServer(s)
	defer srv.Close()
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/2016/rapport.pdf", nil)
	req.Header.Set("Range", "bytes=1000-1999")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	part, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusPartialContent || string(part) != string(big[1000:2000]) {
		t.Errorf("a range: %d, %d bytes", resp.StatusCode, len(part))
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("Content-Type %q", ct)
	}
	if code, body := get(t, srv.URL+"/2016/rapport.pdf"); code != 200 || body != string(big) {
		t.Errorf("the whole file: %d, %d bytes", code, len(body))
	}
}
