package render_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"report/internal/diskfs"
)

// TestStyleSheetsInACircle refuses style sheets that import each other in
// a circle: neither name could carry the hash of the other.
func TestStyleSheetsInACircle(t *testing.T) {
	root := siteWith(t, map[string]string{"static/css/a.css": `@import "b.css";`, "static/css/b.css": `@import url(a.css);`})
	_, err := tryPlan(diskfs.Dir(root))
	if err == nil || !strings.Contains(err.Error(), "import each other in a circle") {
		t.Errorf("a circle of imports: %v", err)
	}
}

// TestHashedAssetChanged changes a font after the plan named it by its hash
// and before it is copied: the copy is refused, so no name carries the hash
// of other bytes.
func TestHashedAssetChanged(t *testing.T) {
	root := siteWith(t, nil)
	p := plan(t, diskfs.Dir(root))
	font := filepath.Join(root, "static/fonts/RobotoMedium-Latin.ttf")
	if err := os.WriteFile(font, []byte("another font"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := p.RenderAll()
	if err == nil || !strings.Contains(err.Error(), "static/fonts/RobotoMedium-Latin.ttf") {
		t.Errorf("a font changed after its name was hashed: %v", err)
	}
}
