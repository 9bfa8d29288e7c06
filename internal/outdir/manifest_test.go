package outdir

import (
	"bufio"
	"errors"
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

// TestListReadAsLines: a list is read line by line as bufio.ScanLines
// splits it, whatever its line ends, blank lines or last line.
func TestListReadAsLines(t *testing.T) {
	dir := t.TempDir()
	for _, text := range []string{"", "\n", "a\nb\n", "a\nb", "a\r\nb\r\n", "a\n\nb\n", "a\r\n\r\n", "\r", "a b/c.html\n2016/æ.html\n"} {
		p := filepath.Join(dir, "list")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := readListAt(p)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		sc := bufio.NewScanner(strings.NewReader(text))
		for sc.Scan() {
			want = append(want, sc.Text())
		}
		if !slices.Equal(m.lines, want) {
			t.Errorf("%q read as %q, want %q", text, m.lines, want)
		}
		for _, line := range want {
			if !m.files[line] {
				t.Errorf("%q: %q is not among the files", text, line)
			}
		}
	}
}

// TestKeptFilesTooLargeAreNotRead puts a file larger than any a build
// keeps (sparse: it takes no room) where a build looks for its cache, its
// list of files and its record of folders: none is read, and the list's
// refusal names it.
func TestKeptFilesTooLargeAreNotRead(t *testing.T) {
	parent := t.TempDir()
	for _, name := range []string{".public.cache", ".public.files", ".public.tree"} {
		f, err := os.Create(filepath.Join(parent, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := errors.Join(f.Truncate(maxKept+1), f.Close()); err != nil {
			t.Fatal(err)
		}
	}
	o := &Output{parent: parent, base: "public", dir: filepath.Join(parent, "public")}
	if b := o.ReadKept(); b != nil {
		t.Errorf("ReadKept read %d bytes", len(b))
	}
	if _, err := readManifest(o.dir); err == nil || !strings.Contains(err.Error(), ".public.files") {
		t.Errorf("the list was not refused with its name: %v", err)
	}
	if rec := readRecord(recordPath(o.dir)); rec != nil {
		t.Error("the record was read")
	}
}
