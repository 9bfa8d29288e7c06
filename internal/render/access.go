package render

// What the packages that build on a plan read of it: the languages it
// renders, a page's data, and a page's body without its frame. Package
// printpage assembles an edition's print page from them, as the site
// renders each of its pages.

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strings"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/site"
)

// Languages are the plan's renderers, one a language: the Danish site's
// first, then each other language's.
func (p *Plan) Languages() []*Renderer { return append([]*Renderer{p.r}, p.r.versions...) }

// Prefix is the folder the renderer's pages are written under: "" for the
// Danish, "en/" for the English.
func (r *Renderer) Prefix() string { return r.prefix }

// Lang is the language of the renderer's pages.
func (r *Renderer) Lang() *lang.Lang { return r.lang }

// Site is the site as the renderer's language has it.
func (r *Renderer) Site() *site.Site { return r.site }

// BasePath is the URL path of the renderer's pages, "/rapport/" or
// "/rapport/en/".
func (r *Renderer) BasePath() string { return r.basePath }

// Origin is the scheme and host of the base URL, "https://example.org", or
// "" when it names no host.
func (r *Renderer) Origin() string { return r.origin }

// Publisher is who the site names as its author: the publisher, or the
// site's title where data/site.toml names none (a test site).
func (r *Renderer) Publisher() string {
	if p := r.site.Data.Site.Publisher; p != "" {
		return p
	}
	return r.site.Data.Site.Title
}

// Published is an edition's publication date as a reader of the language
// reads it: the day written out, or the year alone.
func (r *Renderer) Published(d data.PubDate) string { return r.published(d) }

// Content is a Markdown body as a page shows it, with its lists of case
// stories filled in from the edition.
func (r *Renderer) Content(body *markdown.Doc, e *site.Edition) string { return r.content(body, e) }

// Page is the data of the page at path (the index.html of a folder), and
// the renderer of its language; ok is false when the plan has no such page.
// The data is the plan's own: a change shows on the page when it renders.
func (p *Plan) Page(path string) (d *PageData, r *Renderer, ok bool) {
	j, ok := p.pages[path]
	if !ok {
		return nil, nil, false
	}
	return j.data, j.r, true
}

// RenderMain renders the "main" template of the page at path: the page
// without its frame.
func (p *Plan) RenderMain(path string) (string, error) {
	j, ok := p.pages[path]
	if !ok {
		return "", fmt.Errorf("the site has no page %s", path)
	}
	d := j.full()
	set := j.r.templates.set(j.kind)
	if set == nil {
		return "", fmt.Errorf("no template for %s pages", j.kind)
	}
	var b bytes.Buffer
	if err := set.ExecuteTemplate(&b, "main", d); err != nil {
		return "", TemplateError(err)
	}
	return b.String(), nil
}

// Templates parses base.html, the partials and the template name of
// layouts/ into a set of their own, with the functions of r's language,
// for a page drawn in the site's frame that is not one of its kinds. It is
// parsed when asked for, not with the published pages' templates.
func (p *Plan) Templates(r *Renderer, name string) (*template.Template, error) {
	problems := &diag.List{}
	set := template.New("layouts").Funcs(r.funcs()).Option("missingkey=error")
	names := []string{"base.html"}
	entries, err := fs.ReadDir(p.fsys, layoutsDir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "_") && strings.HasSuffix(e.Name(), ".html") {
			names = append(names, e.Name())
		}
	}
	for _, n := range append(names, name) {
		if !parseFile(set, p.fsys, n, nil, problems) {
			break
		}
	}
	return set, problems.Err()
}

// TemplateError is a template's error, at parse or execution time, as a
// problem at its place in layouts/.
func TemplateError(err error) error {
	return &diag.Errors{Problems: []*diag.Problem{templateProblem(err)}}
}

// Publish adds a file the plan did not decide, made after it (an
// edition's PDF), under path. It fails when the plan has a file there.
func (p *Plan) Publish(path string, data []byte) error {
	if p.Has(path) {
		return fmt.Errorf("the site already has a file %s", path)
	}
	p.files[path] = data
	i, _ := slices.BinarySearch(p.paths, path)
	p.paths = slices.Insert(p.paths, i, path)
	return nil
}

// Sections are the headings a chapter's table of contents lists.
func Sections(d *markdown.Doc) []markdown.Heading {
	if d == nil {
		return nil
	}
	var out []markdown.Heading
	for _, h := range d.Headings {
		if h.Level == 2 {
			out = append(out, h)
		}
	}
	return out
}
