package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/site"
	"report/internal/timing"
)

// Options configure rendering.
type Options struct {
	BaseURL string           // "/" or "/rapport/" or "https://example.org/rapport/"
	Timing  *timing.Recorder // where the time goes, for --metrics; may be nil
}

// File is one file of the output.
type File struct {
	Path string // slash-separated, relative to the output folder
	Data []byte
}

// Output is the rendered site, sorted by path.
type Output []File

// Renderer renders one loaded site.
type Renderer struct {
	chrome    *chrome
	timing    *timing.Recorder
	site      *site.Site
	templates *Templates
	basePath  string // "/rapport/"
	origin    string // "https://example.org", or "" when the base URL has no host
}

// BasePath returns the URL path of a base URL: "https://example.org/r/" → "/r/".
func BasePath(baseURL string) (string, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("base URL %q must look like https://example.org/rapport/ or /rapport/", baseURL)
	}
	p := "/" + strings.Trim(u.Path, "/") + "/"
	return strings.ReplaceAll(p, "//", "/"), nil
}

// New prepares a renderer and parses the templates. Template problems go to
// problems; a renderer is returned even then, but must not be used.
func New(fsys fs.FS, s *site.Site, opts Options, problems *diag.List) *Renderer {
	r := &Renderer{site: s, timing: opts.Timing}
	base := opts.BaseURL
	if base == "" {
		base = s.Data.Site.BaseURL
	}
	p, err := BasePath(base)
	if err != nil {
		problems.Errorf("", 0, 0, "%v", err)
		p = "/"
	}
	r.basePath = p
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		r.origin = u.Scheme + "://" + u.Host
	}
	r.templates = LoadTemplates(fsys, r.funcs(), problems)
	r.chrome = &chrome{templates: r.templates}
	return r
}

// job is one page to render.
type job struct {
	path string
	kind string
	data *PageData
}

// Render renders every page and copies every asset. It fails only on a
// template execution error or an unreadable asset, and then reports all of
// them.
func (r *Renderer) Render(fsys fs.FS) (Output, error) {
	jobs := r.jobs()
	out := make(Output, len(jobs))
	problems := &diag.List{}
	work := make(chan int)
	var wg sync.WaitGroup
	failures := make([]*diag.Problem, len(jobs))
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				start := time.Now()
				out[i], failures[i] = r.renderPage(jobs[i])
				r.timing.Item("page "+jobs[i].path, time.Since(start))
			}
		}()
	}
	for i := range jobs {
		work <- i
	}
	close(work)
	wg.Wait()
	reportFailures(jobs, failures, problems)
	out = append(out, r.publishFiles(jobs)...)
	out = append(out, downloads(jobs)...)
	for _, a := range r.site.Assets {
		b, err := fs.ReadFile(fsys, a.Source)
		if err != nil {
			problems.Errorf(a.Source, 0, 0, "cannot read: %v", err)
			continue
		}
		out = append(out, File{Path: a.URL, Data: b})
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(out); i++ {
		if out[i].Path == out[i-1].Path {
			problems.Errorf("", 0, 0, "two sources write %s; rename one of them", out[i].Path)
		}
	}
	return out, problems.Err()
}

func (r *Renderer) renderPage(j job) (File, *diag.Problem) {
	if j.data.Page != nil && j.data.Page.Body != nil {
		var b bytes.Buffer
		if err := r.site.RenderBody(&b, j.data.Page.Body); err != nil {
			return File{Path: j.path}, &diag.Problem{Path: j.data.Page.Source, Msg: "cannot render: " + err.Error()}
		}
		j.data.Content = template.HTML(b.String())
	}
	var err error
	if j.data.Header, err = r.chrome.render("header", r.site, j.data.Edition, j.data.URL); err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	if j.data.Footer, err = r.chrome.render("footer", r.site, j.data.Edition, j.data.URL); err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	html, err := r.templates.execute(j.kind, j.data)
	if err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	return File{Path: j.path, Data: html}, nil
}

// reportFailures reports each distinct failure once, naming the first page
// it broke and how many others: a template error breaks every page of a kind.
func reportFailures(jobs []job, failures []*diag.Problem, problems *diag.List) {
	first := map[string]int{}
	count := map[string]int{}
	var order []string
	for i, f := range failures {
		if f == nil {
			continue
		}
		key := f.Error()
		if _, seen := first[key]; !seen {
			first[key] = i
			order = append(order, key)
		}
		count[key]++
	}
	for _, key := range order {
		i := first[key]
		p := *failures[i]
		p.Msg += " (rendering " + jobs[i].path
		if n := count[key] - 1; n > 0 {
			p.Msg += fmt.Sprintf(" and %d other pages", n)
		}
		p.Msg += ")"
		problems.Add(&p)
	}
}

// downloads are the files pages offer beside them, such as a chart's data.
func downloads(jobs []job) []File {
	var out []File
	for _, j := range jobs {
		if j.data.Page == nil || j.data.Page.Body == nil || j.kind == "home" {
			continue
		}
		for _, f := range j.data.Page.Body.Files {
			out = append(out, File{Path: j.data.Page.URL + f.Name, Data: f.Data})
		}
	}
	return out
}

// keyFigures resolves an edition's key figures for its front page.
func keyFigures(d *data.Data, e *site.Edition) []KeyFigure {
	var out []KeyFigure
	for _, k := range e.KeyFigures {
		n, err := d.KeyFigureNumber(k)
		if err != nil {
			continue // reported by data.Load
		}
		out = append(out, KeyFigure{Prefix: k.Prefix, Number: n, Text: k.Text})
	}
	return out
}

// KeyFigure is a resolved key figure for a template.
type KeyFigure struct{ Prefix, Number, Text string }
