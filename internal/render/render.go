package render

// The renderer, and one page rendered: its body, with the Markdown's lists
// of case stories filled in, and the site's header and footer, drawn in
// the template of its kind. The build, the preview and _headers all
// render a page here, so a page is the same whichever of them asks.

import (
	"html"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"reflect"
	"strings"

	"report/internal/assets"
	"report/internal/diag"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/parallel"
	"report/internal/site"
	"report/internal/timing"
)

// Options configure rendering.
type Options struct {
	Timing *timing.Recorder // where the time goes, for --metrics; may be nil
	// SharePrefetch, when set, is drawing the share images from the data
	// (see SharePrefetch); New draws those it left undrawn once it is done.
	SharePrefetch *SharePrefetch
}

// File is one file of the output.
type File struct {
	Path string // slash-separated, relative to the output folder
	Data []byte

	// For a page StreamReusing rendered: its key (see PageKey), zero when
	// it has none, and its Content-Security-Policy, for a later build
	// that reuses the page to write _headers with. (The build gives any
	// other file the hash of its bytes as its key.)
	Key [32]byte
	CSP string

	// stream, for an asset Stream hands out, is the asset opened and
	// checked, to copy from instead of Data (see WriteTo).
	stream *assets.Opened
}

// Streamed reports whether the file's content is to be copied with WriteTo
// rather than taken from Data: an asset handed out by Stream.
func (f File) Streamed() bool { return f.stream != nil }

// WriteTo writes the file's content to w: Data, or, for an asset Stream
// handed out, the asset copied from the site folder as it was when opened,
// once.
func (f File) WriteTo(w io.Writer) (int64, error) {
	if f.stream == nil {
		n, err := w.Write(f.Data)
		return int64(n), err
	}
	return f.stream.WriteTo(w)
}

// Output is the rendered site, sorted by path.
type Output []File

// Renderer renders one loaded site.
type Renderer struct {
	chrome    *chrome
	cards     *cards
	timing    *timing.Recorder
	site      *site.Site
	lang      *lang.Lang // the language of the pages it renders
	templates *Templates
	basePath  string // "/rapport/", or "/rapport/en/" for the English pages
	assetBase string // where the files every language shares are: "/rapport/"
	origin    string // "https://example.org", or "" when the base URL has no host
	// funcMap is the templates' functions, bound to this renderer.
	funcMap template.FuncMap

	// prefix is where the pages of a version in another language are
	// written, "en/"; danish is then the Danish site's renderer, which
	// holds the shared files, and versions are, on it, the renderers
	// of the site's other languages.
	prefix   string
	danish   *Renderer
	versions []*Renderer

	// Set by Plan: the hashed names of the files of static/ (see
	// assets.Fingerprint), and each edition's share image by year.
	hashed map[string]string
	shares map[int]*ShareImage

	// Closed when the share images New started drawing are in share's
	// cache (see drawShareImages); set on the Danish renderer.
	sharesDrawn <-chan struct{}
}

// New prepares a renderer and parses the templates. Template problems go to
// problems; a renderer is returned even then, but must not be used.
func New(fsys fs.FS, s *site.Site, opts Options, problems *diag.List) *Renderer {
	drawn := drawShareImages(s, opts.SharePrefetch)
	r := newRenderer(fsys, s, opts, nil, problems)
	r.sharesDrawn = drawn
	for _, t := range s.Translations {
		v := newRenderer(fsys, t, opts, r.templates, problems)
		v.prefix, v.danish = t.Lang.Code+"/", r
		r.versions = append(r.versions, v)
	}
	if countCases(s) >= manyCases {
		// As many sets as pages render at once when they are written as
		// they render (see Plan.each).
		for _, v := range append([]*Renderer{r}, r.versions...) {
			v.templates.spread([]string{"case", partials}, parallel.Disk.Limit(), problems)
		}
	}
	if !problems.HasErrors() {
		for _, v := range append([]*Renderer{r}, r.versions...) {
			v.templates.prepareFolds(constants{lookup: v.interfaceString, hasOrigin: v.origin != "", address: v.address, page: reflect.TypeFor[*PageData]()})
		}
	}
	return r
}

// manyCases is how many case stories make a site whose case pages and
// cards are rendered from copies of their template sets (see
// Templates.spread): between the 1,000 that gained nothing from them and
// the 10,000 that gained 5 %.
const manyCases = 2000

func countCases(s *site.Site) int {
	n := 0
	for _, e := range s.Editions {
		n += len(e.Cases)
	}
	return n
}

// newRenderer prepares the renderer of one language's pages, with the
// templates' functions bound to its language: the templates parsed from
// layouts/, or, for another language, a copy of the Danish renderer's
// templates, parsed (and checked) once.
func newRenderer(fsys fs.FS, s *site.Site, opts Options, danish *Templates, problems *diag.List) *Renderer {
	r := &Renderer{site: s, lang: lang.Danish, timing: opts.Timing, basePath: s.BasePath, assetBase: s.AssetBase}
	if s.Lang != nil {
		r.lang = s.Lang
	}
	if u, err := url.Parse(s.BaseURL); err == nil && u.Host != "" {
		r.origin = u.Scheme + "://" + u.Host
	}
	r.funcMap = r.funcs()
	if danish != nil {
		r.templates = danish.withFuncs(r.funcMap, problems)
	} else {
		r.templates = loadTemplates(fsys, r.funcMap, problems)
	}
	r.chrome = &chrome{templates: r.templates}
	r.cards = &cards{templates: r.templates}
	return r
}

// danishRenderer is the Danish site's renderer, which holds the files
// every language shares: r itself, or the one r is a version of.
func (r *Renderer) danishRenderer() *Renderer {
	if r.danish != nil {
		return r.danish
	}
	return r
}

// job is one page to render, by the renderer of its language.
type job struct {
	path string
	kind string
	data *PageData
	r    *Renderer
	// chart draws a metric's history into the page data's Chart, only when
	// the page renders: a rebuild that reuses the page never draws it.
	chart func() string
}

// full is the page's data with what is made only for rendering it: its
// body with the lists of case stories filled in, and its chart. It is a
// copy: a page may be rendered twice at once in the preview.
func (j job) full() *PageData {
	d := *j.data
	if d.Page != nil && d.Page.Body != nil {
		d.Content = template.HTML(j.r.content(d.Page.Body, d.Edition))
	}
	if j.chart != nil {
		d.Chart = template.HTML(j.chart())
	}
	return &d
}

func (r *Renderer) renderPage(j job) (File, *diag.Problem) {
	j.data = j.full()
	var err error
	if j.data.Header, err = r.chrome.render("header", r.site, j.data.Edition, j.data.URL); err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	if j.data.Footer, err = r.chrome.render("footer", r.site, j.data.Edition, j.data.URL); err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	if j.data.BreadcrumbNav, err = r.chrome.breadcrumbs(j.data.Breadcrumbs); err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	if err := r.FillHead(j.data); err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	// The page is mostly its body, header and footer; sizing the buffer for
	// them up front (and for what its kind's template adds, see execute)
	// spares it growing through several copies.
	known := len(j.data.Content) + len(j.data.Header) + len(j.data.Footer)
	html, err := r.templates.execute(j.kind, j.data, known)
	if err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	return File{Path: j.path, Data: html}, nil
}

// FillHead fills in the parts of the head that every page of d's edition
// shares in the renderer's language (_chrome.html's head-site, head-share
// and head-icons), as rendering a page does: for a page drawn in the site's
// frame that is not one of its kinds, as the print page is.
func (r *Renderer) FillHead(d *PageData) error {
	for _, part := range []struct {
		name string
		html *template.HTML
	}{{"head-site", &d.HeadSite}, {"head-share", &d.HeadShare}, {"head-icons", &d.HeadIcons}} {
		var err error
		if *part.html, err = r.chrome.renderIfDefined(part.name, r.site, d.Edition); err != nil {
			return err
		}
	}
	return nil
}

// content is a page's body with its lists of case stories filled in: the
// `cases` blocks of the Markdown, which list the edition's stories of a
// theme (see markdown.CaseList), under caselist.heading, each story's
// cluster named as caselist.from says.
func (r *Renderer) content(body *markdown.Doc, e *site.Edition) string {
	text := body.HTML()
	// No HTML is a body whose file changed while the build ran, which
	// fails the build (see site.Cache.Err): its lists' places are in HTML
	// it no longer has.
	if len(body.Cases) == 0 || e == nil || text == "" {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 512*len(body.Cases))
	last := 0
	for _, list := range body.Cases {
		b.WriteString(text[last:list.At])
		last = list.At
		theme, _ := site.ThemeByID(list.Theme)
		var items []string
		for _, c := range e.Cases {
			if c.Theme != theme {
				continue
			}
			item := `<li><a href="` + html.EscapeString(r.basePath+c.URL) + `">` + html.EscapeString(c.Title) + "</a>"
			if c.Cluster != nil {
				item += html.EscapeString(r.lang.Tf("caselist.from", c.Cluster.ShortName()))
			}
			items = append(items, item+"</li>\n")
		}
		if len(items) > 0 {
			b.WriteString("<p>" + html.EscapeString(r.lang.T("caselist.heading")) + "</p>\n<ul class=\"case-links\">\n" + strings.Join(items, "") + "</ul>\n")
		}
	}
	b.WriteString(text[last:])
	return b.String()
}
