package markdown_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"report/internal/markdown"
)

// TestLayoutIDsReserved finds every id the layouts write and requires it
// among markdown.LayoutIDs, so that no heading can take one.
func TestLayoutIDsReserved(t *testing.T) {
	paths, _ := filepath.Glob("../../layouts/*.html")
	if len(paths) == 0 {
		t.Fatal("no layouts found")
	}
	idAttr := regexp.MustCompile(`\bid="([^"{]+)"`)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range idAttr.FindAllStringSubmatch(string(b), -1) {
			if !slices.Contains(markdown.LayoutIDs, m[1]) {
				t.Errorf("%s gives an element id %q; add it to markdown.LayoutIDs", filepath.Base(p), m[1])
			}
		}
	}
}
