package render

// The plan: every file of the site decided, and no page rendered, so that
// the preview server can answer a request by rendering the one page asked
// for, and the build can find two sources writing one file before it
// writes any.

import (
	"io/fs"
	"slices"
	"strings"

	"report/internal/diag"
	"report/internal/site"
	"report/internal/urls"
)

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
	// tools are folders a tool publishes with its own policy (AddTool).
	tools map[string]string // folder → its Content-Security-Policy
}

// AddTool publishes files a tool brings under the folder dir (the editors'
// CMS at admin/): _headers gives each of them the tool's own
// Content-Security-Policy and tells search engines not to index them,
// so the pages' policy is not loosened for it.
func (p *Plan) AddTool(dir string, files []File, csp string) error {
	problems := &diag.List{}
	for _, f := range files {
		if !strings.HasPrefix(f.Path, dir+"/") {
			problems.Errorf("", 0, 0, "%s is not under %s/", f.Path, dir)
			continue
		}
		if p.Has(f.Path) {
			problems.Errorf("", 0, 0, "two sources write %s; rename one of them", f.Path)
			continue
		}
		p.files[f.Path] = f.Data
		p.paths = append(p.paths, f.Path)
	}
	slices.Sort(p.paths)
	if p.tools == nil {
		p.tools = map[string]string{}
	}
	p.tools[dir] = csp
	return problems.Err()
}

// Plan decides every file of the site. It fails when two sources would
// write the same file.
func (r *Renderer) Plan(fsys fs.FS) (*Plan, error) {
	jobs := r.allJobs()
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
	for _, f := range append(r.hostFiles(jobs), downloads(jobs)...) {
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
	if path == urls.Headers && p.Has(path) {
		return p.headersNow()
	}
	if j, isPage := p.pages[path]; isPage {
		f, prob := j.r.renderPage(j)
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

// planAssets plans the files beside the pages, once the pages and the
// generated files are claimed: the share images, the files of content/
// under their names, those of static/ under their hashed names (or their
// own, see keepsName), and the hosts' _redirects and _headers.
func (p *Plan) planAssets(fsys fs.FS, claim func(string) bool, problems *diag.List) {
	r := p.r
	p.immutable = map[string]bool{}
	for _, v := range append([]*Renderer{r}, r.versions...) {
		v.shareImages(func(f File) {
			if claim(f.Path) {
				p.files[f.Path], p.immutable[f.Path] = f.Data, true
			}
		}, problems)
	}
	named := map[string]bool{} // files of content/ and static/ under their own names
	for _, a := range r.site.Assets {
		if !strings.HasPrefix(a.Source, site.StaticDir+"/") || keepsName(a.URL) {
			named[a.URL] = true
		}
	}
	fps := r.fingerprint(fsys, func(target string) bool { return named[target] || p.Has(target) }, problems)
	for _, a := range r.site.Assets {
		fp, hashed := fps[a.URL]
		switch {
		case !hashed:
			if claim(a.URL) {
				p.assets[a.URL] = &asset{source: a.Source}
			}
		case fp.path == "": // its problem is reported
		case fp.sheet:
			if claim(fp.path) {
				p.files[fp.path], p.immutable[fp.path] = fp.css, true
			}
		default:
			if claim(fp.path) {
				p.assets[fp.path], p.immutable[fp.path] = fp.asset, true
			}
		}
	}
	if claim(urls.Redirects) {
		p.files[urls.Redirects] = r.redirects()
	}
	if claim(urls.Headers) {
		p.files[urls.Headers] = nil // made from the rendered pages, last (see each)
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
			out = append(out, File{Path: j.r.prefix + j.data.Page.URL + f.Name, Data: f.Data})
		}
	}
	for _, j := range jobs {
		for _, f := range j.data.Files {
			out = append(out, File{Path: j.r.prefix + j.data.URL + f.Name, Data: f.Data})
		}
	}
	return out
}
