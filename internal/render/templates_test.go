package render

import (
	"errors"
	"html/template"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/diag"
)

// layouts is a layouts/ folder with every page template, each a one-line
// main, and the given files over them.
func layouts(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"layouts/base.html":    {Data: []byte(`<!doctype html><title>x</title>{{template "header" .}}{{template "main" .}}`)},
		"layouts/_chrome.html": {Data: []byte(`{{define "header"}}<header></header>{{end}}`)},
	}
	for _, kind := range Kinds {
		fsys["layouts/"+kind+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<p>{{.X}}</p>{{end}}`)}
	}
	for name, src := range files {
		fsys["layouts/"+name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

// templateFailure loads the layouts and renders a privacy page, or the
// header on its own as the chrome does, and returns the one problem that
// gives.
func templateFailure(t *testing.T, files map[string]string, header bool) *diag.Problem {
	t.Helper()
	problems := &diag.List{}
	tmpl := loadTemplates(layouts(files), nil, problems)
	if got := problems.Problems(); len(got) > 0 {
		if len(got) > 1 {
			t.Fatalf("loading gives %d problems, want at most one: %v", len(got), got)
		}
		return got[0]
	}
	data := map[string]any{"X": "x"}
	var err error
	if header {
		err = tmpl.partial(io.Discard, "header", data)
	} else {
		_, err = tmpl.execute("privacy", data, 0)
	}
	if err == nil {
		t.Fatal("the broken template renders")
	}
	return templateProblem(err)
}

// TestTemplateProblemPositions holds every kind of template error to the
// promise of doc.go: it names layouts/<file> and the line there. An
// escaping error of html/template comes at the first execution and names
// the template executed, base.html, in its Name: the file and line are
// the node's.
func TestTemplateProblemPositions(t *testing.T) {
	for _, c := range []struct {
		name      string
		files     map[string]string
		header    bool
		path      string
		line, col int
		escaping  template.ErrorCode // 0 for a text/template error
		names     string             // the template the message names, if it must
	}{
		{
			name:  "parse error",
			files: map[string]string{"privacy.html": "{{define \"main\"}}\n<h1>{{.X}</h1>\n{{end}}"},
			path:  "layouts/privacy.html", line: 2,
		},
		{
			name:  "execution error",
			files: map[string]string{"privacy.html": "{{define \"main\"}}\n<h1>{{.X}} {{.Mangler}}</h1>\n{{end}}"},
			path:  "layouts/privacy.html", line: 2, col: 13,
		},
		{
			name:  "if branches end in different contexts",
			files: map[string]string{"privacy.html": "{{define \"main\"}}\n<h1>Privatliv</h1>\n<p>{{if .X}}<a href=\"{{.X}}{{end}}\">link</a></p>\n{{end}}"},
			path:  "layouts/privacy.html", line: 3, col: 8,
			escaping: template.ErrBranchEnd,
		},
		{
			name:  "range re-entry in another context",
			files: map[string]string{"privacy.html": "{{define \"main\"}}\n\n\n<ul>{{range .X}}<li title=\"{{.}}{{end}}\"></ul>\n{{end}}"},
			path:  "layouts/privacy.html", line: 4, col: 12,
			escaping: template.ErrBranchEnd,
		},
		{
			name:  "in a partial, executed through the page",
			files: map[string]string{"_chrome.html": "{{define \"header\"}}\n<header>{{if .X}}<script>var a = '{{end}}</header>\n{{end}}"},
			path:  "layouts/_chrome.html", line: 2, col: 13,
			escaping: template.ErrBranchEnd,
		},
		{
			name:   "in a partial, executed on its own",
			files:  map[string]string{"_chrome.html": "{{define \"header\"}}\n<header>{{if .X}}<script>var a = '{{end}}</header>\n{{end}}"},
			header: true,
			path:   "layouts/_chrome.html", line: 2, col: 13,
			escaping: template.ErrBranchEnd,
		},
		{
			// html/template names no node for a text it cannot read, only
			// the template executed: here a {{define}}d one, whose file
			// the error does not tell.
			name:     "unreadable text in a partial, executed on its own",
			files:    map[string]string{"_chrome.html": "{{define \"header\"}}\n<a href=x\"y>{{.X}}</a>\n{{end}}"},
			header:   true,
			path:     "layouts",
			escaping: template.ErrBadHTML,
			names:    `template "header"`,
		},
		{
			name:     "a frame that ends inside a tag",
			files:    map[string]string{"base.html": "<!doctype html>\n{{template \"header\" .}}{{template \"main\" .}}\n<footer class=\"x"},
			path:     "layouts/base.html",
			escaping: template.ErrEndContext,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := templateFailure(t, c.files, c.header)
			if p.Path != c.path || p.Line != c.line || p.Col != c.col || p.Severity != diag.Error {
				t.Errorf("problem %v is at %s:%d:%d (severity %v), want %s:%d:%d, an error", p, p.Path, p.Line, p.Col, p.Severity, c.path, c.line, c.col)
			}
			if !strings.Contains(p.Msg, c.names) {
				t.Errorf("problem %v does not name %s", p, c.names)
			}
			var e *template.Error
			switch {
			case c.escaping == 0 && errors.As(p, &e):
				t.Errorf("problem %v is an escaping error", p)
			case c.escaping != 0 && !errors.As(p, &e):
				t.Errorf("problem %v does not carry html/template's error", p)
			case c.escaping != 0 && e.ErrorCode != c.escaping:
				t.Errorf("problem %v has error code %v, want %v", p, e.ErrorCode, c.escaping)
			}
		})
	}
}

// TestKindSetsOnAnyCores: every kind's set, parsed on as many cores as
// there are, holds its own main part and no other's, the English copies
// too, and the problem of each broken kind is reported, on one core or
// several.
func TestKindSetsOnAnyCores(t *testing.T) {
	files := map[string]string{}
	for _, kind := range Kinds {
		files[kind+".html"] = `{{define "main"}}<p>` + kind + `</p>{{end}}`
	}
	broken := map[string]string{"case.html": "{{define \"main\"}}\n{{.X}\n{{end}}", "chapter.html": "{{define \"main\"}}{{.X}\n{{end}}"}
	for _, procs := range []int{1, 2, 5} {
		old := runtime.GOMAXPROCS(procs)
		problems := &diag.List{}
		tmpl := loadTemplates(layouts(files), nil, problems)
		english := tmpl.withFuncs(nil, problems)
		if err := problems.Err(); err != nil {
			t.Fatal(err)
		}
		for _, set := range []*Templates{tmpl, english} {
			for _, kind := range Kinds {
				page, err := set.execute(kind, map[string]any{}, 0)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(page), "<p>"+kind+"</p>") {
					t.Errorf("on %d cores, the %s page is %q", procs, kind, page)
				}
			}
		}
		for range 5 {
			problems := &diag.List{}
			loadTemplates(layouts(broken), nil, problems)
			var paths []string
			for _, p := range problems.Problems() {
				paths = append(paths, p.Path)
			}
			if want := []string{"layouts/case.html", "layouts/chapter.html"}; !slices.Equal(paths, want) { // as diag sorts them
				t.Errorf("on %d cores, problems in %v, want %v", procs, paths, want)
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

// TestSpreadTakesCopiesInTurn: a spread kind is executed from each of its
// sets in turn, and every one renders the same page; a kind not spread
// keeps its one set.
func TestSpreadTakesCopiesInTurn(t *testing.T) {
	problems := &diag.List{}
	tmpl := loadTemplates(layouts(nil), nil, problems)
	tmpl.spread([]string{"case", partials}, 3, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if n := len(tmpl.copies["case"]); n != 3 {
		t.Fatalf("case has %d sets, want 3", n)
	}
	seen := map[*template.Template]bool{}
	for range 6 {
		seen[tmpl.set("case")] = true
	}
	if len(seen) != 3 {
		t.Errorf("six executions took %d of the 3 sets", len(seen))
	}
	if tmpl.set("privacy") != tmpl.sets["privacy"] {
		t.Error("a kind not spread is executed from another set than its own")
	}
	var first []byte
	for i := range 6 {
		got, err := tmpl.execute("case", map[string]any{"X": "a < b"}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = got
		} else if string(got) != string(first) {
			t.Errorf("execution %d gives %q, the first %q", i, got, first)
		}
	}
	if !strings.Contains(string(first), "a &lt; b") {
		t.Errorf("the page is not escaped: %q", first)
	}
}

// TestPageBufferSizedByItsKind: a page is rendered into a buffer sized for
// the most that the pages of its kind, in either language, have added to
// their content, so that a page as long as one before never grows its
// buffer through copies; a kind not yet rendered gets the first guess.
func TestPageBufferSizedByItsKind(t *testing.T) {
	problems := &diag.List{}
	tmpl := loadTemplates(layouts(nil), nil, problems)
	english := tmpl.withFuncs(nil, problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	if got := tmpl.bufferFor("metric", 100); got != 100+minFrame {
		t.Errorf("before any metric page, one is given %d bytes, want %d", got, 100+minFrame)
	}
	long := strings.Repeat("figur ", 2000) // beyond minFrame
	page, err := tmpl.execute("metric", map[string]any{"X": long}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for name, set := range map[string]*Templates{"Danish": tmpl, "English": english} {
		if got := set.bufferFor("metric", 100); got != 100+len(page) {
			t.Errorf("the next %s metric page is given %d bytes, want %d: its content and what the page before added", name, got, 100+len(page))
		}
	}
	if _, err := english.execute("metric", map[string]any{"X": "kort"}, 0); err != nil {
		t.Fatal(err)
	}
	if got := tmpl.bufferFor("metric", 0); got != len(page) {
		t.Errorf("after a shorter page, a metric page is given %d bytes, want the longest's %d", got, len(page))
	}
	if got := tmpl.bufferFor("privacy", 0); got != minFrame {
		t.Errorf("a kind not yet rendered is given %d bytes, want the first guess, %d", got, minFrame)
	}
}
