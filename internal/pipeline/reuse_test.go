//go:build unix

package pipeline

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"report/internal/diskfs"
	"report/internal/sitetest"
)

// reuseSite is the test site with a second case story, English
// translations and a chart, so that every kind of page and every kind of
// input is there to change.
var reuseSite = sitetest.Parse(`
-- content/2016/cases/en-anden-historie.md --
+++
title = "En anden historie"
cluster = "lifestyle-design"
theme = "matchmaking"
summary = "Om en anden historie."

[quote]
text = "Det gav os nye partnere."
person = "Bo Berg"
+++

Den anden historie.
-- content/2016/cases/en-god-historie.en.md --
+++
title = "A good story"
summary = "About a good story."

[quote]
text = "It brought us new customers."
role = "Director"
+++

The story is told here.
-- content/2016/_index.en.md --
+++
title = "Foreword"
+++

A foreword with {{klynger 2015}} clusters.
-- content/2016/udvikling.md --
+++
title = "Udviklingen"
weight = 20
summary = "Tallene over tid."
+++

## Omsætning

` + "```chart" + `
type = "bar"
title = "Omsætning"
metrics = ["omsaetning"]
years = [2014, 2015]
` + "```" + `
`)

// TestReuseNeverStale changes each kind of input a page is made from, and
// checks that a build reusing what the last build kept writes exactly what
// a build from nothing writes; and that it does reuse the pages whose
// inputs did not change, so that the comparison is not won by rendering
// everything again.
func TestReuseNeverStale(t *testing.T) {
	dir := sitetest.Dir(t, reuseSite)
	out := filepath.Join(t.TempDir(), "public")
	publish(t, dir, out, true)
	edit := func(name, old, replacement string) func(t *testing.T) {
		return func(t *testing.T) {
			p := filepath.Join(dir, name)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("%s does not hold %q", name, old)
			}
			writeSource(t, p, bytes.Replace(b, []byte(old), []byte(replacement), 1))
		}
	}
	steps := []struct {
		name   string
		change func(t *testing.T)
		// rendered are the files that must be rendered and written again;
		// every other file, page or not, must be taken from the last build.
		// nil: do not count (the change touches every page).
		rendered []string
	}{
		{"nothing", func(*testing.T) {}, []string{}},
		{"a story's body", edit("content/2016/cases/en-anden-historie.md", "Den anden historie.", "Den anden historie, fortalt om."),
			[]string{"2016/cases/en-anden-historie/index.html"}},
		{"a translation's body", edit("content/2016/cases/en-god-historie.en.md", "The story is told here.", "The story is told."),
			[]string{"en/2016/cases/en-god-historie/index.html"}},
		{"a story's title", edit("content/2016/cases/en-anden-historie.md", `title = "En anden historie"`, `title = "En tredje historie"`), nil},
		{"a chapter's chart", edit("content/2016/udvikling.md", `years = [2014, 2015]`, `years = [2015]`),
			[]string{"2016/udvikling/index.html", "2016/udvikling/figur-omsaetning.csv", "2016/udvikling/figur-omsaetning.json"}},
		{"a figure", edit("data/years/2015.toml", "omsaetning = 15.6", "omsaetning = 15.7"), nil},
		{"an interface string", edit("i18n/da.toml", `skip_link = "`, `skip_link = "Gå `), nil},
		{"a layout", edit("layouts/case.html", `<p class="back">`, `<p class="back tilbage">`), nil},
		{"a style sheet", func(t *testing.T) {
			p := filepath.Join(dir, "static/css/report.css")
			b, _ := os.ReadFile(p)
			writeSource(t, p, append(b, "\n.tilbage { margin: 0 }\n"...))
		}, nil},
		{"a new story", func(t *testing.T) {
			writeSource(t, filepath.Join(dir, "content/2016/cases/en-ny-historie.md"), []byte("+++\ntitle = \"En ny historie\"\ncluster = \"lifestyle-design\"\ntheme = \"matchmaking\"\nsummary = \"Ny.\"\n\n[quote]\ntext = \"Nyt.\"\nperson = \"Ida\"\n+++\n\nNy historie.\n"))
		}, nil},
		{"a story removed", func(t *testing.T) {
			if err := os.Remove(filepath.Join(dir, "content/2016/cases/en-ny-historie.md")); err != nil {
				t.Fatal(err)
			}
		}, nil},
		{"a page edited in the output", func(t *testing.T) {
			p := filepath.Join(out, "2016/cases/en-god-historie/index.html")
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			// in place, as an editor's mistake or a tool would: the same
			// inode, another time
			if err := os.WriteFile(p, bytes.Replace(b, []byte("</main>"), []byte("<p>redigeret</p></main>"), 1), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"2016/cases/en-god-historie/index.html"}},
		{"a file beside the pages edited in the output", func(t *testing.T) {
			p := filepath.Join(out, "robots.txt")
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b[0] ^= 0x20 // the same size, in the same file
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"robots.txt"}},
		{"a page deleted from the output", func(t *testing.T) {
			if err := os.Remove(filepath.Join(out, "2016/cases/en-god-historie/index.html")); err != nil {
				t.Fatal(err)
			}
			// The site before last, kept beside the output, still has the
			// page as the build wrote it: it comes back from there, not
			// rendered again.
		}, []string{}},
		{"a layout that shows every story's body", func(t *testing.T) {
			edit("layouts/cases.html", `{{define "main"}}`, `{{define "main"}}{{range .Edition.Cases}}<div hidden>{{.Body.HTML}}</div>{{end}}`)(t)
		}, nil},
		{"a story's body, shown on the list", edit("content/2016/cases/en-anden-historie.md", "fortalt om.", "fortalt om igen."),
			[]string{"2016/cases/en-anden-historie/index.html", "2016/cases/index.html", "en/2016/cases/index.html"}},
		{"a body changed in place within the racy window", func(t *testing.T) {
			// Same size, same time: only its time being too recent to trust
			// makes the build read it.
			p := filepath.Join(dir, "content/2016/cases/en-anden-historie.md")
			info, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			edit("content/2016/cases/en-anden-historie.md", "igen.", "igeN.")(t)
			if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
				t.Fatal(err)
			}
		}, []string{"2016/cases/en-anden-historie/index.html", "2016/cases/index.html", "en/2016/cases/index.html"}},
		{"a body changed in place with its time set back" + ctimeOnly, func(t *testing.T) {
			// Saved an hour ago and built since, its stamp is trusted; then
			// changed, same size, and its time set back: only the time its
			// inode changed, which no program sets, tells.
			p := filepath.Join(dir, "content/2016/cases/en-anden-historie.md")
			hourAgo := time.Now().Add(-time.Hour)
			if err := os.Chtimes(p, hourAgo, hourAgo); err != nil {
				t.Fatal(err)
			}
			publish(t, dir, out, true)
			edit("content/2016/cases/en-anden-historie.md", "igeN.", "IgeN.")(t)
			if err := os.Chtimes(p, hourAgo, hourAgo); err != nil {
				t.Fatal(err)
			}
		}, nil},
		{"a file of the site before last changed where it is kept", func(t *testing.T) {
			// The site the last build replaced is kept beside the output
			// for the next to fill its tree from (outdir.Recycle); a file
			// there changed, in place, must not reach the new site.
			p := filepath.Join(filepath.Dir(out), ".public.prev", "robots.txt")
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			writeSource(t, p, append(b, "# tilføjet\n"...))
			edit("content/2016/cases/en-anden-historie.md", "IgeN.", "igen.")(t)
		}, nil},
		{"a link put in the site before last", func(t *testing.T) {
			// Nor may a link there lead a build outside: the kept site is
			// removed, not used, and what the link leads to is untouched.
			outside := filepath.Join(t.TempDir(), "kilder")
			if err := os.MkdirAll(outside, 0o755); err != nil {
				t.Fatal(err)
			}
			writeSource(t, filepath.Join(outside, "index.html"), []byte("kilde"))
			if err := os.Symlink(outside, filepath.Join(filepath.Dir(out), ".public.prev", "2016", "udvikling", "kilder")); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if b, err := os.ReadFile(filepath.Join(outside, "index.html")); err != nil || string(b) != "kilde" {
					t.Errorf("the folder a link in the kept site led to was changed: %q, %v", b, err)
				}
			})
			edit("content/2016/cases/en-anden-historie.md", "igen.", "igen!")(t)
		}, nil},
		{"the kept file of another program", func(t *testing.T) {
			kept := filepath.Join(filepath.Dir(out), ".public.cache")
			b, err := os.ReadFile(kept)
			if err != nil {
				t.Fatal(err)
			}
			b[0] ^= 0xff // the mark of the program that kept it
			writeSource(t, kept, b)
		}, nil},
		{"a kept file cut short", func(t *testing.T) {
			kept := filepath.Join(filepath.Dir(out), ".public.cache")
			b, err := os.ReadFile(kept)
			if err != nil {
				t.Fatal(err)
			}
			writeSource(t, kept, b[:len(b)/2])
		}, nil},
	}
	for _, step := range steps {
		if strings.HasSuffix(step.name, ctimeOnly) && runtime.GOOS != "linux" {
			continue
		}
		t.Run(step.name, func(t *testing.T) {
			before := inodes(t, out)
			folder, err := os.Stat(out)
			if err != nil {
				t.Fatal(err)
			}
			step.change(t)
			publish(t, dir, out, true)
			// With nothing changed the folder is up to date, and left as it
			// is; anything else replaces it.
			if now, err := os.Stat(out); err != nil || os.SameFile(folder, now) != (step.name == "nothing") {
				t.Errorf("the output folder was replaced: %t, want %t", err == nil && !os.SameFile(folder, now), step.name != "nothing")
			}
			fresh := filepath.Join(t.TempDir(), "public")
			publish(t, dir, fresh, false)
			sameTree(t, out, fresh)
			if step.rendered == nil {
				return
			}
			after := inodes(t, out)
			var rendered []string
			for path, ino := range after {
				// A file of static/ under its own name is copied again by
				// every build, as it is read.
				_, copied := os.Stat(filepath.Join(dir, "static", filepath.FromSlash(path)))
				if before[path] != ino && copied != nil {
					rendered = append(rendered, path)
				}
			}
			if !sameSet(rendered, step.rendered) {
				t.Errorf("files written again: %q, want %q", rendered, step.rendered)
			}
		})
	}
}

// ctimeOnly marks a step that needs the time a file's inode changed, which
// site's stamps know on Linux only (see site.fileID).
const ctimeOnly = " (Linux)"

func publish(t *testing.T, dir, out string, reuse bool) {
	t.Helper()
	if _, _, err := Publish(context.Background(), diskfs.Dir(dir), Options{Reuse: reuse}, out); err != nil {
		t.Fatal(err)
	}
}

// writeSource writes a file of the site, or the kept file, as an editor or
// an accident would.
func writeSource(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// inodes are the files of a built site by path, with the stamp of each: a
// page taken from the last build keeps its inode and time (a file written
// again may get a freed inode back, but not its time).
func inodes(t *testing.T, dir string) map[string]fileStamp {
	t.Helper()
	out := map[string]fileStamp{}
	eachFile(t, dir, func(rel, p string, e fs.DirEntry) error {
		info, err := e.Info()
		st, _ := stampOf(info)
		out[rel] = st
		return err
	})
	return out
}

// sameTree fails the test unless the two folders hold the same files with
// the same bytes, and the same folders: a tree filled from the site before
// last (outdir.Recycle) keeps none the site no longer has.
func sameTree(t *testing.T, got, want string) {
	t.Helper()
	if g, w := folders(t, got), folders(t, want); !slices.Equal(g, w) {
		t.Errorf("folders %q, want %q", g, w)
	}
	g, w := readTree(t, got), readTree(t, want)
	for p, b := range w {
		if gb, ok := g[p]; !ok {
			t.Errorf("%s is missing", p)
		} else if !bytes.Equal(gb, b) {
			t.Errorf("%s differs from a build from nothing", p)
		}
	}
	for p := range g {
		if _, ok := w[p]; !ok {
			t.Errorf("%s should not be there", p)
		}
	}
}

// folders are the folders below dir, slash-separated and sorted.
func folders(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.IsDir() && p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// savedAnHourAgo gives every file below dir the time of an hour ago: old
// enough for its stamp to be trusted (see site's racy window).
func savedAnHourAgo(t *testing.T, dir string) {
	t.Helper()
	hourAgo := time.Now().Add(-time.Hour)
	eachFile(t, dir, func(_, p string, _ fs.DirEntry) error { return os.Chtimes(p, hourAgo, hourAgo) })
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// TestNothingChangedWritesNothingKept: a rebuild that parsed no file
// again, drew nothing new and rendered no page leaves the kept file as it
// was, rather than writing the same megabytes again.
func TestNothingChangedWritesNothingKept(t *testing.T) {
	dir := sitetest.Dir(t, reuseSite)
	out := filepath.Join(t.TempDir(), "public")
	kept := filepath.Join(filepath.Dir(out), ".public.cache")
	savedAnHourAgo(t, dir)
	// The first rebuild drops the charts only the Markdown drew, which it
	// no longer converts; from the second on, nothing changes.
	publish(t, dir, out, true)
	publish(t, dir, out, true)
	first, err := os.Stat(kept)
	if err != nil {
		t.Fatal(err)
	}
	publish(t, dir, out, true)
	second, err := os.Stat(kept)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(first, second) || !first.ModTime().Equal(second.ModTime()) {
		t.Error("a rebuild with nothing changed wrote the kept file again")
	}
	// And one with a change does write it.
	p := filepath.Join(dir, "content/2016/cases/en-anden-historie.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	writeSource(t, p, append(b, "Mere.\n"...))
	publish(t, dir, out, true)
	third, err := os.Stat(kept)
	if err != nil {
		t.Fatal(err)
	}
	if os.SameFile(second, third) {
		t.Error("a rebuild after an edit kept the old file")
	}
}

// TestReuseAcrossFolders builds two copies of a site into one folder, in
// turn: files of the same name, size and time in the two copies, but not
// the same bytes, are told apart.
func TestReuseAcrossFolders(t *testing.T) {
	one := sitetest.Dir(t, reuseSite)
	two := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(two, os.DirFS(one)); err != nil {
		t.Fatal(err)
	}
	story := "content/2016/cases/en-anden-historie.md"
	b, err := os.ReadFile(filepath.Join(two, story))
	if err != nil {
		t.Fatal(err)
	}
	writeSource(t, filepath.Join(two, story), bytes.Replace(b, []byte("Den anden"), []byte("Den andeN"), 1))
	savedAnHourAgo(t, one)
	savedAnHourAgo(t, two)
	out := filepath.Join(t.TempDir(), "public")
	publish(t, one, out, true)
	publish(t, two, out, true)
	fresh := filepath.Join(t.TempDir(), "public")
	publish(t, two, fresh, false)
	sameTree(t, out, fresh)
}
