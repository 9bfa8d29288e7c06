package outdir

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck refuses every output folder whose replacement would
// destroy sources, a Git checkout or an unknown folder, and accepts a new,
// an empty and a previously built one.
func TestCheck(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "site")
	write := func(p string) {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{"content/2016/a.md", "data/site.toml", "notes/todo.txt", "old/index.html", "repo/.git/HEAD", "file.txt", "finder/.DS_Store",
		// A site built by a version of report that kept no list of its
		// files, and another folder with an index.html that is not one.
		"built/index.html", "built/404.html", "built/robots.txt", "built/_headers", "built/2016/index.html",
		"page/index.html", "page/photo.jpg",
		// A site whose list names its files, with a reader's file in it, and
		// one with a repository deep inside.
		"listed/index.html", "listed/2016/index.html", "listed/2016/mine.docx", "listed/pagefind/pagefind.js",
		"nested/index.html", "nested/404.html", "nested/robots.txt", "nested/_headers", "nested/2016/.git/HEAD",
	} {
		write(p)
	}
	if err := os.WriteFile(filepath.Join(root, ".listed.files"), []byte("2016/index.html\nindex.html\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"empty", "static"} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ out, refusal string }{
		{"public", ""},
		{"empty", ""},
		{"old", "not the files every build writes"},
		{"finder", ""},
		{"new/deeper", ""},
		{".", "the site's own folder"},
		{"..", "holds the site's own folder"},
		{"content", "inside content/"},
		{"content/2016/x", "inside content/"},
		{"data", "inside data/"},
		{"static", "inside static/"},
		{"notes", "no index.html"},
		{"repo", "Git repository"},
		{"file.txt", "a file, not a folder"},
		{"built", ""},
		{"page", "not the files every build writes"},
		{"listed", "files the last build did not write (2016/mine.docx)"},
		{"nested", "Git repository (2016/.git)"},
	}
	// Links: to a source folder, dangling, and a source folder that is
	// itself a link to a folder outside the site.
	links := map[string]string{
		"alias":    filepath.Join(root, "content"),
		"dangling": filepath.Join(root, "nowhere"),
	}
	shared := filepath.Join(top, "shared-layouts")
	if err := os.MkdirAll(filepath.Join(shared, "partials"), 0o755); err != nil {
		t.Fatal(err)
	}
	links["layouts"] = shared
	linked := true
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Logf("no symbolic links here (%v): the cases with links are left out", err)
			linked = false
			break
		}
	}
	if linked {
		// A link inside a built site, and one named like a build's working
		// folder, which a build would have emptied the target of.
		for _, d := range []string{"linkin", "leftover"} {
			for _, f := range []string{"index.html", "404.html", "robots.txt", "_headers"} {
				write(d + "/" + f)
			}
		}
		if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "linkin", "2016")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(root, "content"), filepath.Join(root, "leftover", ".leftover.new-1")); err != nil {
			t.Fatal(err)
		}
		tests = append(tests, []struct{ out, refusal string }{
			{"linkin", "a symbolic link, 2016"},
			{"leftover", "named like a folder a build leaves, but a symbolic link"},
			{"alias", "inside content/"},
			{"alias/nye", "inside content/"},
			{"dangling", "does not exist"},
			{"layouts/partials", "inside layouts/"},
			{"layouts/new/deeper", "inside layouts/"},
		}...)
	}
	checkAll(t, root, tests)
}

// TestCheckThroughLinks: an output reached through a symbolic link is
// judged by the folder it really is. A link into a source folder, or into a
// folder inside one, is refused however deep the output lies below it; a
// link to a folder outside the site (where a web server serves from) is
// accepted.
func TestCheckThroughLinks(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "site")
	for _, d := range []string{"content/2016", "data/years", "layouts", "static/docs", "public"} {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "static", "docs", "guide.txt"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	served := filepath.Join(top, "www", "site")
	if err := os.MkdirAll(served, 0o755); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		"d":        filepath.Join("static", "docs"), // relative, as ln -s writes it
		"x":        filepath.Join(root, "content", "2016"),
		"y":        filepath.Join("data", "years"),
		"chain":    "x", // a link to a link into the sources
		"up":       "..",
		"self":     ".",
		"www":      served,
		"wwwchain": "www",
		"pub":      "public",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ out, refusal string }{
		{"d", "inside static/"},
		{"d/new", "inside static/"},
		{"x", "inside content/"},
		{"x/sub", "inside content/"},
		{"x/sub/deeper", "inside content/"},
		{"y/sub", "inside data/"},
		{"chain/sub", "inside content/"},
		{"self", "the site's own folder"},
		{"up", "holds the site's own folder"},
		{"up/site", "the site's own folder"},
		{"up/site/static/docs", "inside static/"},
		{"www", ""},
		{"wwwchain", ""},
		{"www/deeper", ""},
		{"pub", ""},
	}
	checkAll(t, root, tests)
	if _, err := os.Stat(filepath.Join(root, "static", "docs", "guide.txt")); err != nil {
		t.Errorf("the check touched the sources: %v", err)
	}
}

// checkAll checks each output folder below root: refused with a reason
// that says refusal, or accepted when refusal is empty.
func checkAll(t *testing.T, root string, tests []struct{ out, refusal string }) {
	t.Helper()
	for _, tt := range tests {
		err := Check(root, filepath.Join(root, filepath.FromSlash(tt.out)))
		switch {
		case tt.refusal == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.out, err)
		case tt.refusal != "" && (err == nil || !strings.Contains(err.Error(), tt.refusal)):
			t.Errorf("%s: got %v, want a refusal saying %q", tt.out, err, tt.refusal)
		}
	}
}
