//go:build unix

package outdir

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// walkedSite writes a site's shape into a new folder, a story folder for
// each of n stories (enough for removeWalked to share them among
// workers), and returns the folder with what a walk of it found.
func walkedSite(t testing.TB, n int) (string, *tree) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "old")
	files := []string{"index.html", "404.html", "css/report.css", "2016/index.html", "2016/klynger/index.html"}
	for i := range n {
		files = append(files, fmt.Sprintf("2016/cases/case-%03d/index.html", i))
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	found := newTreeOf()
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		found.add(filepath.ToSlash(rel), e.IsDir())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir, found.root
}

// TestRemoveWalked removes a replaced site by what its walk found, after
// each kind of change a person, or an attacker, can make between the walk
// and the removal: whatever is there then goes, and nothing outside the
// folder does, not through a link put where a folder or a file was.
func TestRemoveWalked(t *testing.T) {
	for _, n := range []int{3, 100} { // on one goroutine, and shared among workers
		for name, change := range map[string]func(t *testing.T, dir, outside string){
			"nothing": func(*testing.T, string, string) {},
			"a file and a folder added": func(t *testing.T, dir, _ string) {
				write(t, filepath.Join(dir, "2016", "cases", "case-001", "added.txt"))
				write(t, filepath.Join(dir, "pagefind", "pagefind.js"))
			},
			"a folder and a file removed": func(t *testing.T, dir, _ string) {
				must(t, os.RemoveAll(filepath.Join(dir, "2016", "cases", "case-002")))
				must(t, os.Remove(filepath.Join(dir, "404.html")))
			},
			"a folder swapped for a link": func(t *testing.T, dir, outside string) {
				story := filepath.Join(dir, "2016", "cases", "case-001")
				must(t, os.RemoveAll(story))
				must(t, os.Symlink(outside, story))
			},
			"a folder above swapped for a link": func(t *testing.T, dir, outside string) {
				cases := filepath.Join(dir, "2016", "cases")
				must(t, os.RemoveAll(cases))
				must(t, os.Symlink(filepath.Dir(outside), cases))
			},
			"a file swapped for a link": func(t *testing.T, dir, outside string) {
				p := filepath.Join(dir, "2016", "index.html")
				must(t, os.Remove(p))
				must(t, os.Symlink(filepath.Join(outside, "index.html"), p))
			},
			"a file swapped for a folder": func(t *testing.T, dir, _ string) {
				p := filepath.Join(dir, "2016", "index.html")
				must(t, os.Remove(p))
				write(t, filepath.Join(p, "inside.txt"))
			},
		} {
			t.Run(fmt.Sprintf("%s/%d", name, n), func(t *testing.T) {
				dir, known := walkedSite(t, n)
				// Outside: a folder shaped like a story's, whose file a
				// removal through a link would take for the story's own.
				outside := filepath.Join(t.TempDir(), "sources", "case-001")
				write(t, filepath.Join(outside, "index.html"))
				change(t, dir, outside)
				if err := removeWalked(dir, known); err != nil {
					t.Fatal(err)
				}
				if _, err := os.Lstat(dir); !os.IsNotExist(err) {
					t.Errorf("the folder is still there: %v", err)
				}
				if _, err := os.Stat(filepath.Join(outside, "index.html")); err != nil {
					t.Errorf("the file outside the folder is gone: %v", err)
				}
			})
		}
	}
}

func write(t *testing.T, p string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(p), 0o755))
	must(t, os.WriteFile(p, []byte("x"), 0o644))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkRemoveSite removes a replaced site of 10,000 stories, a folder
// each, by the walk's list (removeWalked) and as os.RemoveAll would
// (removeTree). Put TMPDIR on tmpfs: on disk the file system's own time
// swamps both.
func BenchmarkRemoveSite(b *testing.B) {
	for _, by := range []string{"walk", "removeAll"} {
		b.Run(by, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				dir, known := walkedSite(b, 10000)
				b.StartTimer()
				var err error
				if by == "walk" {
					err = removeWalked(dir, known)
				} else {
					err = removeTree(dir)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestRemoveWalkedRefusesALink: a replaced site swapped for a link to
// another folder, between the walk and the removal, is refused, and the
// folder it leads to keeps its files.
func TestRemoveWalkedRefusesALink(t *testing.T) {
	dir, known := walkedSite(t, 3)
	elsewhere := filepath.Join(t.TempDir(), "sources")
	write(t, filepath.Join(elsewhere, "2016", "index.html"))
	must(t, os.RemoveAll(dir))
	must(t, os.Symlink(elsewhere, dir))
	if err := removeWalked(dir, known); err == nil {
		t.Error("a link in the place of the replaced site was not refused")
	}
	if _, err := os.Stat(filepath.Join(elsewhere, "2016", "index.html")); err != nil {
		t.Errorf("the folder the link leads to lost its file: %v", err)
	}
}
