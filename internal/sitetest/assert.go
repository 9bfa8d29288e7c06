package sitetest

// A test of a build asserts on what it wrote; a failed assertion shows
// where the text came nearest, so that a wrong match is found without
// reading the whole page.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// Files are the files a build wrote, by slash-separated path.
type Files map[string]string

// ReadFiles reads every file below the folder dir, a built site.
func ReadFiles(t testing.TB, dir string) Files {
	t.Helper()
	fsys := fstest.MapFS{}
	AddDir(t, fsys, dir, "")
	out := Files{}
	for name, f := range fsys {
		out[name] = string(f.Data)
	}
	return out
}

// AssertExists fails t for each of names that is not among the files.
func (f Files) AssertExists(t testing.TB, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, ok := f[name]; !ok {
			t.Errorf("%s is missing", name)
		}
	}
}

// AssertFileContent fails t unless the file name holds every match, as
// AssertContains reads them.
func (f Files) AssertFileContent(t testing.TB, name string, matches ...string) {
	t.Helper()
	content, ok := f[name]
	if !ok {
		t.Errorf("%s is missing", name)
		return
	}
	AssertContains(t, name, content, matches...)
}

// AssertContains fails t unless text, named what in messages, holds every
// match. As in Hugo's AssertFileContent, a match is read line by line, each
// line trimmed of spaces, so that a test can give several in one string;
// blank lines and lines that begin with "# " are skipped, and a line that
// begins with "! " must not be in text.
func AssertContains(t testing.TB, what, text string, matches ...string) {
	t.Helper()
	for _, m := range matches {
		for _, line := range strings.Split(m, "\n") { // not SplitSeq: t.Helper does not reach into its loop body
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "# ") {
				continue
			}
			if not, ok := strings.CutPrefix(line, "! "); ok {
				if i := strings.Index(text, not); i >= 0 {
					t.Errorf("%s holds %q, which it must not:\n%s", what, not, around(text, i, len(not)))
				}
				continue
			}
			if !strings.Contains(text, line) {
				t.Errorf("%s lacks %q; nearest:\n%s", what, line, nearest(text, line))
			}
		}
	}
}

// nearest shows where text comes nearest to holding match: where the
// longest beginning of match stands in it.
func nearest(text, match string) string {
	lo, hi := 0, len(match) // the longest beginning in text is at least lo and less than hi bytes
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if strings.Contains(text, match[:mid]) {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return "(no part of it)"
	}
	return around(text, strings.Index(text, match[:lo]), lo)
}

// around quotes text[i:i+n] with some of what stands before and after it.
func around(text string, i, n int) string {
	start, end := max(0, i-60), min(len(text), i+n+60)
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	before, after := "…", "…"
	if start == 0 {
		before = ""
	}
	if end == len(text) {
		after = ""
	}
	return fmt.Sprintf("\t%s%q%s", before, text[start:end], after)
}

// Beside lists what lies beside the folder dir, in its parent: what a build
// left next to its output folder, but for the list of the files it wrote
// (.<dir>.files), which it keeps there on purpose.
func Beside(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dir) && e.Name() != "."+filepath.Base(dir)+".files" {
			names = append(names, e.Name())
		}
	}
	return names
}

// structuredData is a page's JSON-LD block (internal/render/structured.go).
var structuredData = regexp.MustCompile(`<script type="application/ld\+json">([^<]*)</script>`)

// WithoutStructuredData is the page without its JSON-LD block, so that a
// test may look for script in what is left, and what is wrong with the
// block: JSON that does not parse. The block holds editors' words, and
// html/template writes their < as \u003c, so the block cannot end early.
func WithoutStructuredData(page []byte) ([]byte, []string) {
	var problems []string
	out := structuredData.ReplaceAllFunc(page, func(block []byte) []byte {
		if body := structuredData.FindSubmatch(block)[1]; !json.Valid(body) {
			problems = append(problems, fmt.Sprintf("the JSON-LD block is not JSON: %.200s", body))
		}
		return nil
	})
	return out, problems
}
