package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const overlay = `
# A story replaced, a page added, a year removed.
-- content/2016/cases/en-god-historie.md --
ny
-- content/2016/ny.md --
side
-- data/years/2014.toml --
DELETE
-- want --
content/2016/ny.md: error: …
`

func TestFS(t *testing.T) {
	before := FS(t, nil)
	for _, name := range []string{"data/site.toml", "data/years/2014.toml", "content/2016/tal.md", "layouts/base.html", "static/css/report.css"} {
		if _, ok := before[name]; !ok {
			t.Errorf("the test site lacks %s", name)
		}
	}
	after := FS(t, Parse(overlay))
	if got := string(after["content/2016/cases/en-god-historie.md"].Data); got != "ny\n" {
		t.Errorf("the replaced story is %q", got)
	}
	if got := string(after["content/2016/ny.md"].Data); got != "side\n" {
		t.Errorf("the added page is %q", got)
	}
	if _, ok := after["data/years/2014.toml"]; ok {
		t.Error("the deleted year is still there")
	}
	if _, ok := after["want"]; ok {
		t.Error("the want section became a file of the site")
	}
	if len(after) != len(before) {
		t.Errorf("%d files after the overlay, %d before; want the same (one added, one removed)", len(after), len(before))
	}
	if got := Want(Parse(overlay)); got != "content/2016/ny.md: error: …\n" {
		t.Errorf("Want = %q", got)
	}
}

// TestDeleteMissing refuses an overlay that deletes a file the site does
// not have: a misspelt name would otherwise test nothing.
func TestDeleteMissing(t *testing.T) {
	fsys := fstest.MapFS{}
	err := apply(Parse("-- content/2016/tall.md --\nDELETE\n"), nil, func(name string) error {
		_, err := fsys.Open(name)
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "deletes content/2016/tall.md, which the site does not have") {
		t.Errorf("err = %v", err)
	}
	if err := apply(nil, nil, nil); err != nil {
		t.Errorf("no overlay: %v", err)
	}
}

// TestDir writes the same site to a folder as FS holds in memory, and
// ApplyDir lays an overlay over it as Apply does.
func TestDir(t *testing.T) {
	dir := Dir(t, nil)
	if filepath.Base(dir) != "site" {
		t.Errorf("Dir = %s; want a folder named site with room beside it", dir)
	}
	ApplyDir(t, dir, Parse(overlay))
	got, want := ReadFiles(t, dir), FS(t, Parse(overlay))
	if len(got) != len(want) {
		t.Errorf("%d files in the folder, %d in memory", len(got), len(want))
	}
	for name, f := range want {
		if got[name] != string(f.Data) {
			t.Errorf("%s differs between the folder and memory", name)
		}
	}
}

// TestWriteBaseKeepsFiles keeps what a testscript wrote before its Setup.
func TestWriteBaseKeepsFiles(t *testing.T) {
	dir := t.TempDir()
	own := filepath.Join(dir, "data", "site.toml")
	if err := os.MkdirAll(filepath.Dir(own), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(own, []byte("title = \"Egen\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteBase(dir); err != nil {
		t.Fatal(err)
	}
	files := ReadFiles(t, dir)
	files.AssertFileContent(t, "data/site.toml", `title = "Egen"`)
	files.AssertExists(t, "content/2016/tal.md", "layouts/base.html")
}

func TestSetWant(t *testing.T) {
	name := filepath.Join(t.TempDir(), "bad.txtar")
	ar := Parse("# A comment.\n-- content/2016/tal.md --\nx\n")
	SetWant(t, name, ar, "content/2016/tal.md: error: a\n")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	const first = "# A comment.\n-- content/2016/tal.md --\nx\n-- want --\ncontent/2016/tal.md: error: a\n"
	if string(b) != first {
		t.Errorf("after the first SetWant:\n%s", b)
	}
	SetWant(t, name, Parse(string(b)), "content/2016/tal.md: error: b\n")
	b, _ = os.ReadFile(name)
	if want := strings.Replace(first, "error: a", "error: b", 1); string(b) != want {
		t.Errorf("after the second SetWant:\n%s", b)
	}
}

// recorder is a testing.TB that keeps what Errorf is given.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestAssertContains(t *testing.T) {
	const page = "<h1>Økonomi og støtte</h1>\n<p>Omsætningen var <span>15,6</span> mio. kr.</p>\n"
	for _, tc := range []struct {
		name    string
		matches []string
		errs    []string
	}{
		{"each held", []string{"<h1>Økonomi og støtte</h1>", "<span>15,6</span>"}, nil},
		{"lines of one string", []string{`
			# A comment, and a blank line, are skipped.

			<h1>Økonomi
			mio. kr.</p>
			! <script`}, nil},
		{"missing", []string{"<span>15,7</span>"}, []string{
			"page lacks \"<span>15,7</span>\"; nearest:\n\t\"<h1>Økonomi og støtte</h1>\\n<p>Omsætningen var <span>15,6</span> mio. kr.</p>\\n\""}},
		{"nothing near", []string{"§ 3"}, []string{"page lacks \"§ 3\"; nearest:\n(no part of it)"}},
		{"must not", []string{"! støtte", "! mio."}, []string{
			"page holds \"støtte\", which it must not:\n\t\"<h1>Økonomi og støtte</h1>\\n<p>Omsætningen var <span>15,6</span> mio. kr.</p>\\n\"",
			"page holds \"mio.\", which it must not:\n\t…\"onomi og støtte</h1>\\n<p>Omsætningen var <span>15,6</span> mio. kr.</p>\\n\""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{TB: t}
			AssertContains(r, "page", page, tc.matches...)
			if strings.Join(r.errs, "\n--\n") != strings.Join(tc.errs, "\n--\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(r.errs, "\n--\n"), strings.Join(tc.errs, "\n--\n"))
			}
		})
	}
}

func TestAssertFileContent(t *testing.T) {
	files := Files{"index.html": "<h1>Forside</h1>"}
	r := &recorder{TB: t}
	files.AssertFileContent(r, "index.html", "Forside")
	files.AssertFileContent(r, "404.html", "Siden findes ikke")
	files.AssertExists(r, "index.html", "robots.txt")
	want := []string{"404.html is missing", "robots.txt is missing"}
	if strings.Join(r.errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors: %q, want %q", r.errs, want)
	}
}
