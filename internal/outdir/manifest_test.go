package outdir

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestUnion merges two sorted lists into one sorted list, each path once.
func TestUnion(t *testing.T) {
	for _, tt := range []struct{ a, b, want []string }{
		{nil, nil, []string{}},
		{[]string{"a", "c"}, nil, []string{"a", "c"}},
		{nil, []string{"b"}, []string{"b"}},
		{[]string{"a", "c", "e"}, []string{"b", "c", "d", "f"}, []string{"a", "b", "c", "d", "e", "f"}},
		{[]string{"2016/index.html", "index.html"}, []string{"2016/index.html", "index.html"}, []string{"2016/index.html", "index.html"}},
	} {
		if got := union(tt.a, tt.b); !slices.Equal(got, tt.want) {
			t.Errorf("union(%q, %q) = %q; want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestManifestSorted: a list as a build writes it, sorted with each path
// once, is taken as it is; one shuffled or with a path twice, as a hand
// could leave it, is sorted afresh.
func TestManifestSorted(t *testing.T) {
	files := func(lines ...string) manifest {
		m := manifest{files: map[string]bool{}, lines: lines, ok: true}
		for _, l := range lines {
			m.files[l] = true
		}
		return m
	}
	want := []string{"a", "b", "c"}
	for _, lines := range [][]string{{"a", "b", "c"}, {"b", "a", "c"}, {"a", "b", "b", "c"}} {
		m := files(lines...)
		if got := m.sorted(); !slices.Equal(got, want) {
			t.Errorf("list %q sorted is %q; want %q", lines, got, want)
		}
	}
}

// TestListAfterShuffledList: a build over a folder whose list of files a
// hand shuffled and doubled a line in writes the union of the old and new
// files, sorted, each once; as does the list of the site it keeps.
func TestListAfterShuffledList(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	recycleBuild(t, out, []string{"a/index.html", "b/index.html", "index.html"}, "1")
	list := manifestPath(out)
	if err := os.WriteFile(list, []byte("index.html\nb/index.html\na/index.html\nb/index.html\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o, err := Open(t.Context(), out)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	o.Recycle = true
	err = o.ReplaceWith([]string{"c/index.html", "index.html"}, func(tmp string) error {
		for _, f := range []string{"c/index.html", "index.html"} {
			p := filepath.Join(tmp, filepath.FromSlash(f))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, []byte("2"), 0o644); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(o.prevList())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "a/index.html\nb/index.html\nindex.html\n"; got != want {
		t.Errorf("the kept site's list:\n%s\nwant:\n%s", got, want)
	}
	b, err = os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "c/index.html\nindex.html\n"; got != want {
		t.Errorf("the output's list:\n%s\nwant:\n%s", got, strings.TrimSpace(want))
	}
}
