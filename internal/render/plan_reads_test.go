package render_test

import (
	"context"
	"crypto/sha256"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/diskfs"
	"report/internal/render"
	"report/internal/site"
	"report/internal/synthsite"
)

// siteWith copies the small test site, with the real layouts and static
// files, into a folder, and adds the files given.
func siteWith(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for src, dst := range map[string]string{"../../testdata/sites/base": "", "../../i18n": "i18n", "../../layouts": "layouts", "../../static": "static"} {
		if err := synthsite.CopyTree(src, filepath.Join(root, dst)); err != nil {
			t.Fatal(err)
		}
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(root, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// plan loads the site in fsys and plans its files, as a build does.
func plan(t *testing.T, fsys fs.FS) *render.Plan {
	t.Helper()
	p, err := tryPlan(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func tryPlan(fsys fs.FS) (*render.Plan, error) {
	problems := &diag.List{}
	s := site.Load(fsys, site.Options{}, problems)
	r := render.New(fsys, s, render.Options{}, problems)
	if err := problems.Err(); err != nil {
		return nil, err
	}
	return r.Plan(fsys)
}

// TestAssetReplacedByLink swaps an asset for a symbolic link after the scan
// found a regular file and before the build reads it: the read refuses the
// link, names the file, and the target's bytes reach no output.
func TestAssetReplacedByLink(t *testing.T) {
	for name, open := range map[string]func(string) fs.FS{
		"diskfs": func(root string) fs.FS { return diskfs.Dir(root) },
		"os":     os.DirFS,
	} {
		t.Run(name, func(t *testing.T) {
			root := siteWith(t, map[string]string{"content/2016/note.txt": "Et notat.\n"})
			secret := filepath.Join(t.TempDir(), "shadow")
			if err := os.WriteFile(secret, []byte("root:hemmelig\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			p := plan(t, open(root))
			note := filepath.Join(root, "content/2016/note.txt")
			if err := os.Remove(note); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(secret, note); err != nil {
				t.Fatal(err)
			}
			out, err := p.RenderAll()
			for _, f := range out {
				if strings.Contains(string(f.Data), "hemmelig") {
					t.Fatalf("%s holds the link's target", f.Path)
				}
			}
			problems := diag.AsList(err)
			if len(problems) != 1 || problems[0].Path != "content/2016/note.txt" || !strings.Contains(problems[0].Msg, "symbolic link") {
				t.Errorf("got %v; want one error naming content/2016/note.txt as a symbolic link", err)
			}
			if b, _, err := p.File("2016/note.txt"); err == nil || strings.Contains(string(b), "hemmelig") {
				t.Errorf("Plan.File: %q, %v", b, err)
			}
		})
	}
}

// TestStreamHoldsNoAsset streams a site with a 40 MB asset: the asset comes
// without Data, is copied by WriteTo as it is, and never sits in memory
// whole; Each, for callers that want every file in memory, still reads it.
func TestStreamHoldsNoAsset(t *testing.T) {
	const size = 40 << 20
	root := siteWith(t, nil)
	big := filepath.Join(root, "content/2016/bilag.pdf")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("%PDF-1.4\n"); err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
	f.Close()
	want, err := os.ReadFile(big)
	if err != nil {
		t.Fatal(err)
	}
	wantSum := sha256.Sum256(want)
	want = nil
	p := plan(t, diskfs.Dir(root))

	out, err := os.Create(filepath.Join(t.TempDir(), "bilag.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	streamed := false
	err = p.Stream(context.Background(), func(_ int, f render.File) error {
		if f.Path != "2016/bilag.pdf" {
			return nil
		}
		streamed = f.Streamed() && f.Data == nil
		n, err := f.WriteTo(out)
		if n != size {
			t.Errorf("WriteTo copied %d bytes, want %d", n, size)
		}
		return err
	})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if !streamed {
		t.Error("the asset came read into memory, not to be streamed")
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > size/4 {
		t.Errorf("streaming the site allocated %d MB for a %d MB asset", alloc>>20, size>>20)
	}
	if _, err := out.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	if _, err := io.Copy(h, out); err != nil {
		t.Fatal(err)
	}
	if [sha256.Size]byte(h.Sum(nil)) != wantSum {
		t.Error("the copy differs from the asset")
	}

	err = p.Each(context.Background(), func(_ int, f render.File) error {
		if f.Path == "2016/bilag.pdf" && (f.Streamed() || len(f.Data) != size || sha256.Sum256(f.Data) != wantSum) {
			t.Errorf("Each: streamed %v, %d bytes", f.Streamed(), len(f.Data))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

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
