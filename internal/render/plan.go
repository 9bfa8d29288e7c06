package render

// The plan: every file of the site decided, and no page rendered, so that
// the preview server can answer a request by rendering the one page asked
// for, and the build can find two sources writing one file before it
// writes any.

import (
	"io/fs"
	"slices"
	"strings"

	"report/internal/assets"
	"report/internal/diag"
	"report/internal/hostfiles"
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
	files  map[string][]byte       // sitemap, feed, chart downloads
	assets map[string]*assets.File // output path → its source, read when asked for
	paths  []string                // every path, sorted

	immutable map[string]bool // files with hashed names, cached for a year (see hostfiles.Headers)
	// tools are folders a tool publishes with its own policy (AddTool).
	tools map[string]string // folder → its Content-Security-Policy
	keys  keys              // for PageKey
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
	jobs := r.siteJobs()
	// Sized for every page at once: grown from nothing, the map of 10,000
	// pages was made again nine times.
	p := &Plan{r: r, fsys: fsys, pages: make(map[string]job, len(jobs)), files: map[string][]byte{}, assets: map[string]*assets.File{}}
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
		b, prob := a.Contents(p.fsys)
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
// own, see assets.KeepsName), and the hosts' _redirects and _headers.
func (p *Plan) planAssets(fsys fs.FS, claim func(string) bool, problems *diag.List) {
	r := p.r
	p.immutable = map[string]bool{}
	<-r.sharesDrawn
	for _, v := range append([]*Renderer{r}, r.versions...) {
		v.shareImages(func(f File) {
			if claim(f.Path) {
				p.files[f.Path], p.immutable[f.Path] = f.Data, true
			}
		}, problems)
	}
	named := map[string]bool{} // files of content/ and static/ under their own names
	for _, a := range r.site.Assets {
		if !strings.HasPrefix(a.Source, site.StaticDir+"/") || assets.KeepsName(a.URL) {
			named[a.URL] = true
		}
	}
	fps := assets.Fingerprint(fsys, r.site.Assets, func(target string) bool { return named[target] || p.Has(target) }, problems)
	r.hashed = map[string]string{}
	for _, a := range r.site.Assets {
		fp, hashed := fps[a.URL]
		if hashed && fp.Path != "" {
			r.hashed[a.URL] = fp.Path
		}
		switch {
		case !hashed:
			if claim(a.URL) {
				p.assets[a.URL] = assets.New(a.Source)
			}
		case fp.Path == "": // its problem is reported
		case fp.Sheet:
			if claim(fp.Path) {
				p.files[fp.Path], p.immutable[fp.Path] = fp.CSS, true
			}
		default:
			if claim(fp.Path) {
				p.assets[fp.Path], p.immutable[fp.Path] = fp.File, true
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

// KeepAssets reads every asset now, as the preview does after each build
// (see assets.File.Keep). Assets are kept in memory, in the order of their
// paths, while they fit in memory bytes; the rest are remembered by size
// and hash. It reports every asset it cannot read.
func (p *Plan) KeepAssets(memory int64) error {
	problems := &diag.List{}
	for _, path := range p.paths {
		if a, ok := p.assets[path]; ok {
			if prob := a.Keep(p.fsys, &memory); prob != nil {
				problems.Add(prob)
			}
		}
	}
	return problems.Err()
}

// OpenAsset opens a file of the plan that is a large asset, for the
// preview to copy as it reads it (see assets.File.OpenLarge); ok is false
// for any other file, which File gives whole.
func (p *Plan) OpenAsset(path string) (f fs.File, ok bool, err error) {
	a, isAsset := p.assets[path]
	if !isAsset {
		return nil, false, nil
	}
	return a.OpenLarge(p.fsys)
}

// assetURL is the path under which a file of static/ is published: its
// hashed name, or its own.
func (r *Renderer) assetURL(p string) string {
	if h, ok := r.danishRenderer().hashed[p]; ok {
		return h
	}
	return p
}

// Hashed returns the published path of the file of static/ at the site
// path p ("css/report.css" → "css/report.3f2a9c1d.css"); ok is false for a
// file that keeps its name, or that the site does not have.
func (p *Plan) Hashed(sitePath string) (string, bool) {
	h, ok := p.r.hashed[sitePath]
	return h, ok
}

// The files hosts and crawlers read, which package hostfiles writes from
// what the plan hands it: robots.txt, the sitemap and the feeds,
// _redirects, and, once every page is rendered, _headers with each page's
// own policy.

// hostFiles are robots.txt always, and, when the base URL names a host,
// sitemap.xml and each language's Atom feed of the case stories (both need
// absolute addresses).
func (r *Renderer) hostFiles(pages []job) []File {
	if r.origin == "" {
		return []File{{Path: urls.Robots, Data: hostfiles.Robots("")}}
	}
	var listed []hostfiles.Page
	for _, j := range pages {
		if j.kind == "404" {
			continue
		}
		p := hostfiles.Page{URL: j.r.abs(j.data.URL), Edition: j.data.Edition}
		for _, v := range j.data.Versions {
			p.Versions = append(p.Versions, hostfiles.Version{Lang: v.Lang, URL: v.Href})
		}
		listed = append(listed, p)
	}
	files := []File{
		{Path: urls.Robots, Data: hostfiles.Robots(r.abs(urls.Sitemap))},
		{Path: urls.Sitemap, Data: hostfiles.Sitemap(r.site.Editions, listed, len(r.versions) > 0)},
		{Path: urls.Feed, Data: r.feed()},
	}
	for _, v := range r.versions { // each language's own feed: en/cases.xml
		files = append(files, File{Path: v.prefix + urls.Feed, Data: v.feed()})
	}
	return files
}

// feed is the Atom feed of the renderer's language, titled as its
// feed.title says.
func (r *Renderer) feed() []byte {
	return hostfiles.AtomFeed(hostfiles.Feed{
		Lang: r.lang.Code, Self: r.abs(urls.Feed), Home: r.abs(""),
		Title: r.lang.Tf("feed.title", r.site.Data.Site.Title), Author: r.Publisher(), URL: r.abs,
	}, r.site.Editions)
}

// abs is the absolute address of a path of the renderer's language.
func (r *Renderer) abs(p string) string {
	return r.origin + r.basePath + strings.TrimPrefix(p, "/")
}

// redirects writes _redirects for the site's languages.
func (r *Renderer) redirects() []byte {
	var languages []hostfiles.Language
	for _, v := range r.versions {
		languages = append(languages, hostfiles.Language{Folder: v.prefix, Name: v.lang.Name})
	}
	return hostfiles.Redirects(r.basePath, languages, r.site.Data.Site.AccessibilityStatement)
}

// headers writes _headers, given the policy of each page by its index in
// p.paths.
func (p *Plan) headers(csps []string) []byte {
	files := make([]hostfiles.File, len(p.paths))
	for i, path := range p.paths {
		_, isPage := p.pages[path]
		files[i] = hostfiles.File{Path: path, Page: isPage, CSP: csps[i], Immutable: p.immutable[path]}
	}
	return hostfiles.Headers(p.r.basePath, files, p.tools)
}

// headersNow renders every page to write _headers, for the preview, which
// renders pages only when asked for.
func (p *Plan) headersNow() ([]byte, bool, error) {
	csps := make([]string, len(p.paths))
	for i, path := range p.paths {
		if j, isPage := p.pages[path]; isPage {
			f, prob := j.r.renderPage(j)
			if prob != nil {
				return nil, true, &diag.Errors{Problems: []*diag.Problem{prob}}
			}
			csps[i] = hostfiles.PageCSP(f.Data)
		}
	}
	return p.headers(csps), true, nil
}
