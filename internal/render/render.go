package render

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"report/internal/diag"
	"report/internal/markdown"
	"report/internal/site"
	"report/internal/timing"
)

// Options configure rendering.
type Options struct {
	Timing *timing.Recorder // where the time goes, for --metrics; may be nil
}

// File is one file of the output.
type File struct {
	Path string // slash-separated, relative to the output folder
	Data []byte

	// stream, for an asset Stream hands out, is the asset opened and
	// checked, to copy from instead of Data (see WriteTo).
	stream *openAsset
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

	// Set by Plan: the hashed names of the files of static/ (see
	// fingerprint.go), and each edition's share image by year.
	hashed map[string]string
	shares map[int]*ShareImage
}

// New prepares a renderer and parses the templates. Template problems go to
// problems; a renderer is returned even then, but must not be used.
func New(fsys fs.FS, s *site.Site, opts Options, problems *diag.List) *Renderer {
	r := &Renderer{site: s, timing: opts.Timing, basePath: s.BasePath}
	if u, err := url.Parse(s.BaseURL); err == nil && u.Host != "" {
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

// Plan is the site's files decided but not yet rendered: its pages render
// when asked for, everything else is ready or read on demand. The build
// renders every page of a plan; the preview server renders only the pages a
// browser asks for, so a rebuild costs the same for ten pages or ten
// thousand.
type Plan struct {
	r      *Renderer
	fsys   fs.FS
	pages  map[string]job
	files  map[string][]byte // sitemap, feed, chart downloads
	assets map[string]*asset // output path → its source, read when asked for
	paths  []string          // every path, sorted

	immutable map[string]bool // files with hashed names (see headers.go)
}

// Plan decides every file of the site. It fails when two sources would
// write the same file.
func (r *Renderer) Plan(fsys fs.FS) (*Plan, error) {
	jobs := r.jobs()
	p := &Plan{r: r, fsys: fsys, pages: map[string]job{}, files: map[string][]byte{}, assets: map[string]*asset{}}
	problems := &diag.List{}
	claim := func(path string) bool {
		if _, dup := p.pages[path]; dup {
			problems.Errorf("", 0, 0, "two sources write %s; rename one of them", path)
			return false
		}
		if _, dup := p.files[path]; dup {
			problems.Errorf("", 0, 0, "two sources write %s; rename one of them", path)
			return false
		}
		if _, dup := p.assets[path]; dup {
			problems.Errorf("", 0, 0, "two sources write %s; rename one of them", path)
			return false
		}
		p.paths = append(p.paths, path)
		return true
	}
	for _, j := range jobs {
		if claim(j.path) {
			p.pages[j.path] = j
		}
	}
	for _, f := range append(r.publishFiles(jobs), downloads(jobs)...) {
		if claim(f.Path) {
			p.files[f.Path] = f.Data
		}
	}
	p.planAssets(fsys, claim, problems)
	slices.Sort(p.paths)
	return p, problems.Err()
}

// BasePath is the URL path the site is served under, "/rapport/".
func (p *Plan) BasePath() string { return p.r.basePath }

// Has reports whether the site has the file.
func (p *Plan) Has(path string) bool {
	_, page := p.pages[path]
	_, ready := p.files[path]
	_, asset := p.assets[path]
	return page || ready || asset
}

// Paths lists every file of the site, sorted.
func (p *Plan) Paths() []string { return p.paths }

// File returns one file of the site, rendering it if it is a page; ok is
// false when the site has no such file.
func (p *Plan) File(path string) (data []byte, ok bool, err error) {
	if path == HeadersFile && p.Has(path) {
		return p.headersNow()
	}
	if j, isPage := p.pages[path]; isPage {
		f, prob := p.r.renderPage(j)
		if prob != nil {
			return nil, true, &diag.Errors{Problems: []*diag.Problem{prob}}
		}
		return f.Data, true, nil
	}
	if b, ready := p.files[path]; ready {
		return b, true, nil
	}
	if a, isAsset := p.assets[path]; isAsset {
		b, prob := p.contents(a)
		if prob != nil {
			return nil, true, &diag.Errors{Problems: []*diag.Problem{prob}}
		}
		return b, true, nil
	}
	return nil, false, nil
}

// RenderAll renders every page, in parallel, and reads every asset. It
// fails only on template execution errors or unreadable assets, and then
// reports all of them.
func (p *Plan) RenderAll() (Output, error) {
	out := make(Output, len(p.paths))
	err := p.Each(context.Background(), func(i int, f File) error {
		out[i] = f
		return nil
	})
	return out, err
}

// Each renders every file in parallel and hands it, with its index in
// Paths, to use as soon as it is ready; the build writes it to disk while
// other pages are still rendering. It fails like RenderAll. It stops early
// when ctx is cancelled or use fails, and then returns that error alone,
// before any page's problem: a full disk fails every write after the
// first, and saying so once is enough.
func (p *Plan) Each(ctx context.Context, use func(i int, f File) error) error {
	return p.each(ctx, false, use)
}

// Stream is Each for a caller that writes every file where it belongs, as
// the build does: an asset comes without Data, open, for WriteTo to copy,
// so that a large PDF is never held in memory whole. The asset is closed
// when use returns.
func (p *Plan) Stream(ctx context.Context, use func(i int, f File) error) error {
	return p.each(ctx, true, use)
}

func (p *Plan) each(ctx context.Context, stream bool, use func(i int, f File) error) error {
	failures := make([]*diag.Problem, len(p.paths))
	csps := make([]string, len(p.paths)) // each page's policy, for _headers
	stop := make(chan struct{})
	var stopOnce sync.Once
	var useErr error
	work := make(chan int)
	var wg sync.WaitGroup
	// One more worker than cores: writing a file waits on the file system.
	for range runtime.GOMAXPROCS(0) + 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				var f File
				if f, failures[i] = p.render(p.paths[i], stream); failures[i] != nil {
					continue
				}
				if _, isPage := p.pages[f.Path]; isPage {
					csps[i] = PageCSP(f.Data)
				}
				err := use(i, f)
				if f.stream != nil {
					f.stream.file.Close()
				}
				if err != nil {
					stopOnce.Do(func() { useErr = err; close(stop) })
				}
			}
		}()
	}
feed:
	for i := range p.paths {
		if p.paths[i] == HeadersFile {
			continue // made from the pages' policies once they are rendered
		}
		select {
		case work <- i:
		case <-stop:
			break feed
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	// Being asked to stop, and a failed write, each end the work before
	// every page was tried, so either is the answer on its own.
	if err := ctx.Err(); err != nil {
		return err
	}
	if useErr != nil {
		return useErr
	}
	problems := &diag.List{}
	reportFailures(p.paths, failures, problems)
	if err := problems.Err(); err != nil {
		return err
	}
	if i, ok := slices.BinarySearch(p.paths, HeadersFile); ok {
		return use(i, File{Path: HeadersFile, Data: p.headers(csps)})
	}
	return nil
}

func (p *Plan) render(path string, stream bool) (File, *diag.Problem) {
	if j, isPage := p.pages[path]; isPage {
		start := time.Now()
		f, prob := p.r.renderPage(j)
		p.r.timing.Item("page", path, time.Since(start))
		return f, prob
	}
	if a, isAsset := p.assets[path]; isAsset {
		if stream && !a.read { // bytes KeepAssets saw must be compared before they are copied
			f, size, prob := a.open(p.fsys)
			return File{Path: path, stream: &openAsset{a, f, size}}, prob
		}
		b, prob := p.contents(a)
		return File{Path: path, Data: b}, prob
	}
	return File{Path: path, Data: p.files[path]}, nil
}

func (r *Renderer) renderPage(j job) (File, *diag.Problem) {
	d := *j.data // a copy: a page may be rendered twice at once in the preview
	j.data = &d
	if j.data.Page != nil && j.data.Page.Body != nil {
		j.data.Content = template.HTML(r.content(j.data.Page.Body, j.data.Edition))
	}
	var err error
	if j.data.Header, err = r.chrome.render("header", r.site, j.data.Edition, j.data.URL); err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	if j.data.Footer, err = r.chrome.render("footer", r.site, j.data.Edition, j.data.URL); err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	// The page is mostly its body, header and footer; sizing the buffer for
	// them up front spares it growing through several copies.
	size := len(j.data.Content) + len(j.data.Header) + len(j.data.Footer) + 4096
	html, err := r.templates.execute(j.kind, j.data, size)
	if err != nil {
		return File{Path: j.path}, templateProblem(err)
	}
	return File{Path: j.path, Data: html}, nil
}

// reportFailures reports each distinct failure once, naming the first page
// it broke and how many others: a template error breaks every page of a kind.
func reportFailures(paths []string, failures []*diag.Problem, problems *diag.List) {
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
		p.Msg += " (rendering " + paths[i]
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
	for _, j := range jobs {
		for _, f := range j.data.Files {
			out = append(out, File{Path: j.data.URL + f.Name, Data: f.Data})
		}
	}
	return out
}

// content is a page's body with its lists of case stories filled in: the
// `cases` blocks of the Markdown, which list the edition's stories of a
// theme (see markdown.CaseList).
func (r *Renderer) content(body *markdown.Doc, e *site.Edition) string {
	if len(body.Cases) == 0 || e == nil {
		return body.HTML
	}
	var b strings.Builder
	b.Grow(len(body.HTML) + 512*len(body.Cases))
	last := 0
	for _, list := range body.Cases {
		b.WriteString(body.HTML[last:list.At])
		last = list.At
		theme, _ := site.ThemeByID(list.Theme)
		var items []string
		for _, c := range e.Cases {
			if c.Theme != theme {
				continue
			}
			item := `<li><a href="` + html.EscapeString(r.basePath+c.URL) + `">` + html.EscapeString(c.Title) + "</a>"
			if c.Cluster != nil {
				item += " – fra " + html.EscapeString(c.Cluster.ShortName())
			}
			items = append(items, item+"</li>\n")
		}
		if len(items) > 0 {
			b.WriteString("<p>Cases:</p>\n<ul class=\"case-links\">\n" + strings.Join(items, "") + "</ul>\n")
		}
	}
	b.WriteString(body.HTML[last:])
	return b.String()
}
