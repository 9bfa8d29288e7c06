package render

// What the plan hands package hostfiles to write the files hosts and
// crawlers read: robots.txt, the sitemap and the feeds, _redirects, and,
// once every page is rendered, _headers with each page's own policy.

import (
	"strings"

	"report/internal/diag"
	"report/internal/hostfiles"
	"report/internal/urls"
)

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
