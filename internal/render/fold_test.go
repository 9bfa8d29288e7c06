package render

import (
	"bytes"
	"html/template"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"text/template/parse"

	"report/internal/diag"
	"report/internal/site"
	"report/internal/sitetest"
)

// TestFoldingChangesNoPage renders every file of the site, and every
// page's main part as the print takes it, in every language, with a base
// URL that names a host and one that does not, with the templates folded
// and without: every byte is the same.
func TestFoldingChangesNoPage(t *testing.T) {
	fsys := sitetest.ShippedFS()
	files := func(t *testing.T, base string, fold bool) map[string][]byte {
		foldTemplates = fold
		defer func() { foldTemplates = true }()
		problems := &diag.List{}
		s := site.Load(fsys, site.Options{BaseURL: base}, problems)
		r := New(fsys, s, Options{}, problems)
		if err := problems.Err(); err != nil {
			t.Fatal(err)
		}
		p, err := r.Plan(fsys)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]byte{}
		for _, path := range p.Paths() {
			data, ok, err := p.File(path)
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				out[path] = data
			}
			// a page's main part alone, as the print assembles it
			if _, _, page := p.Page(path); page {
				main, err := p.RenderMain(path)
				if err != nil {
					t.Fatal(err)
				}
				out["main of "+path] = []byte(main)
			}
		}
		return out
	}
	for _, base := range []string{"", "https://example.org/rapport/"} {
		t.Run("base="+base, func(t *testing.T) {
			folded, plain := files(t, base, true), files(t, base, false)
			if len(folded) != len(plain) || len(plain) < 300 {
				t.Fatalf("%d files folded, %d not", len(folded), len(plain))
			}
			for path, want := range plain {
				if got := folded[path]; !bytes.Equal(got, want) {
					t.Errorf("%s differs when the templates are folded", path)
				}
			}
		})
	}
}

// TestFoldMakesText folds a template whose every action is fixed in its
// language into text, and leaves an unknown key to fail as before.
func TestFoldMakesText(t *testing.T) {
	const src = `<html lang="{{t "lang"}}"><title>{{t "title"}}</title>` +
		`{{if hasOrigin}}<link href="{{t "link"}}">{{else}}<p title="{{t "title"}}">{{t "text"}}</p>{{end}}`
	strs := map[string]string{"lang": "da", "title": `Tal & "fakta"`, "link": "/a b/?q=æ", "text": "<1 % +2>"}
	lookup := func(k string) (string, bool) { s, ok := strs[k]; return s, ok }
	newSet := func(src string, origin bool) *Templates {
		funcs := template.FuncMap{
			"t": func(k string) (string, error) {
				if s, ok := lookup(k); ok {
					return s, nil
				}
				return "", errMissing
			},
			"hasOrigin": func() bool { return origin },
		}
		set := template.Must(template.New("layouts").Funcs(funcs).New("base.html").Parse(src))
		return &Templates{sets: map[string]*template.Template{"home": set}}
	}
	for _, origin := range []bool{false, true} {
		var want strings.Builder
		if err := newSet(src, origin).sets["home"].ExecuteTemplate(&want, "base.html", nil); err != nil {
			t.Fatal(err)
		}
		folded := newSet(src, origin)
		foldSet(folded.sets["home"], constants{lookup: lookup, hasOrigin: origin}, []string{"base.html"}, &escapedConstants{})
		set := folded.sets["home"]
		nodes := set.Lookup("base.html").Tree.Root.Nodes
		if len(nodes) != 1 || nodes[0].Type() != parse.NodeText {
			t.Fatalf("folded into %d nodes, want one text: %v", len(nodes), set.Lookup("base.html").Tree.Root)
		}
		var got strings.Builder
		if err := set.ExecuteTemplate(&got, "base.html", nil); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("hasOrigin %v, folded:\n%s\nwant:\n%s", origin, got.String(), want.String())
		}
	}

	missing := newSet(`<p>{{t "nowhere"}}</p>`, false)
	foldSet(missing.sets["home"], constants{lookup: lookup}, []string{"base.html"}, &escapedConstants{})
	err := missing.sets["home"].ExecuteTemplate(io.Discard, "base.html", nil)
	if err == nil || !strings.Contains(err.Error(), "base.html:1") {
		t.Errorf("an unknown key, folded: %v, want the error at base.html:1", err)
	}
}

// foldedAlike folds a set newSet makes with c, and fails the test unless
// it writes what an unfolded one does for data; it returns the folded set,
// for a test to look at what folding left.
func foldedAlike(t *testing.T, newSet func() *template.Template, c constants, data any) *template.Template {
	t.Helper()
	var want strings.Builder
	if err := newSet().ExecuteTemplate(&want, "base.html", data); err != nil {
		t.Fatal(err)
	}
	set := newSet()
	foldSet(set, c, []string{"base.html"}, &escapedConstants{})
	var got strings.Builder
	if err := set.ExecuteTemplate(&got, "base.html", data); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("folded:\n%s\nwant:\n%s", got.String(), want.String())
	}
	return set
}

// TestFoldAddresses folds an address asked for with literal arguments,
// {{url "css/a.css"}} or {{url metricsURL}}, into text, and leaves one
// that depends on the page to be worked out as the page renders.
func TestFoldAddresses(t *testing.T) {
	const src = `<link rel="stylesheet" href="{{url "css/a b.css"}}">` +
		`<a href="{{url metricsURL}}">{{metricsURL}}</a><a href="{{url page}}">`
	funcs := template.FuncMap{
		"url":        func(p string) string { return "/rapport/" + p },
		"metricsURL": func() string { return "tal/" },
		"page":       func() string { return "2016/" }, // not an address: a page's own
	}
	address := func(name string, args ...string) (string, bool) {
		switch f := funcs[name].(type) {
		case func(string) string:
			if name == "url" && len(args) == 1 {
				return f(args[0]), true
			}
		case func() string:
			if name == "metricsURL" && len(args) == 0 {
				return f(), true
			}
		}
		return "", false
	}
	newSet := func() *template.Template {
		return template.Must(template.New("layouts").Funcs(funcs).New("base.html").Parse(src))
	}
	set := foldedAlike(t, newSet, constants{address: address}, nil)
	var actions []string
	for _, n := range set.Lookup("base.html").Tree.Root.Nodes {
		if n.Type() == parse.NodeAction {
			actions = append(actions, n.String())
		}
	}
	if len(actions) != 1 || !strings.Contains(actions[0], "url page") {
		t.Errorf("actions left after folding: %q, want only the one of url page", actions)
	}
}

// TestPassHTML drops the escaper of a field of type template.HTML that the
// frame writes in text, and keeps it on a string, on a field written in an
// attribute, and where dot is not the page: the output is the same.
func TestPassHTML(t *testing.T) {
	type page struct {
		Header template.HTML
		Title  string
		Parts  []page
	}
	const src = `{{.Header}}<p title="{{.Header}}">{{.Title}}</p>` +
		`{{if .Title}}{{.Header}}{{end}}{{range .Parts}}{{.Header}}{{end}}`
	data := &page{Header: `<b>a &amp; b</b>`, Title: `<i>`, Parts: []page{{Header: `<u>`}}}
	newSet := func() *template.Template {
		return template.Must(template.New("layouts").New("base.html").Parse(src))
	}
	set := foldedAlike(t, newSet, constants{page: reflect.TypeOf(data)}, data)
	var escaped []string
	inspect(set.Lookup("base.html").Tree.Root, func(n parse.Node) bool {
		if a, ok := n.(*parse.ActionNode); ok && len(a.Pipe.Cmds) > 1 {
			escaped = append(escaped, a.String())
		}
		return false
	})
	wantEscaped := []string{
		`{{.Header | _html_template_attrescaper}}`,
		`{{.Title | _html_template_htmlescaper}}`,
		`{{.Header | _html_template_htmlescaper}}`, // in the range, where dot is a part
	}
	if !slices.Equal(escaped, wantEscaped) {
		t.Errorf("actions still escaped: %q, want %q", escaped, wantEscaped)
	}
}

// TestPassHTMLInMain drops the escaper in a page's main part only where
// nothing but the frame's {{template "main" .}} runs it.
func TestPassHTMLInMain(t *testing.T) {
	type part struct{ Header string } // a string: main must escape it there
	type page struct {
		Header template.HTML
		Parts  []part
	}
	data := &page{Header: `<b>a</b>`, Parts: []part{{Header: `<u>`}}}
	const main = `{{define "main"}}<main>{{.Header}}</main>{{end}}`
	for _, c := range []struct {
		name, base string
		dropped    bool // the escaper of main's {{.Header}}
	}{
		{"the frame's", `{{.Header}}{{if .Header}}{{template "main" .}}{{end}}`, true},
		{"in a range", `{{template "main" .}}{{range .Parts}}{{template "main" .}}{{end}}`, false},
		{"from another template", `{{template "main" .}}{{template "other" .Parts}}{{define "other"}}{{range .}}{{template "main" .}}{{end}}{{end}}`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			newSet := func() *template.Template {
				set := template.Must(template.New("layouts").New("base.html").Parse(c.base))
				return template.Must(set.New("main.html").Parse(main))
			}
			set := foldedAlike(t, newSet, constants{page: reflect.TypeOf(data)}, data)
			action := set.Lookup("main").Tree.Root.Nodes[1].(*parse.ActionNode)
			if dropped := len(action.Pipe.Cmds) == 1; dropped != c.dropped {
				t.Errorf("main's %s: escaper dropped %v, want %v", action, dropped, c.dropped)
			}
		})
	}
}

var errMissing = errorString("no such key")

type errorString string

func (e errorString) Error() string { return string(e) }

// TestProbesLearnTheChains: each place a probe writes {{.}} gives a chain
// of escapers of its own, as html/template escapes it.
func TestProbesLearnTheChains(t *testing.T) {
	probes := probeFor()
	if len(probes) != len(probeTexts) {
		t.Errorf("%d probes learnt a chain of their own, want %d: %v", len(probes), len(probeTexts), probes)
	}
	if _, ok := probes["_html_template_htmlescaper"]; !ok {
		t.Errorf("no probe for text: %v", probes)
	}
}
