package pipeline

import (
	"bytes"
	"path/filepath"
	"testing"

	"report/internal/diskfs"
	"report/internal/sitetest"
)

// TestPublishWritesWhatRunRenders builds the shipped site with Publish,
// which writes each page as it renders it and then lets go of its body's
// HTML (markdown.Doc.DropHTML), and with Run, which renders every page in
// memory and drops nothing: every file must be the same, byte for byte.
func TestPublishWritesWhatRunRenders(t *testing.T) {
	fsys := diskfs.Dir(sitetest.Shipped())
	res, err := Run(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, _, err := Publish(t.Context(), fsys, Options{Reuse: true, Fresh: true}, out); err != nil {
		t.Fatal(err)
	}
	written := readTree(t, out)
	for _, f := range res.Output {
		if b, ok := written[f.Path]; !ok {
			t.Errorf("%s was not written", f.Path)
		} else if !bytes.Equal(b, f.Data) {
			t.Errorf("%s differs from what Run rendered", f.Path)
		}
		delete(written, f.Path)
	}
	for p := range written {
		t.Errorf("%s was written, and Run did not render it", p)
	}
}
