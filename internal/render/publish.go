package render

// The files a public host and its visitors' programs ask for beside the
// pages: robots.txt, and with a host in the base URL, sitemap.xml and an
// Atom feed of the case stories.

import (
	"encoding/xml"
	"report/internal/urls"
	"strings"
	"time"
)

// publishFiles are the files a public host wants besides the pages:
// robots.txt always, and, when the base URL names a host, sitemap.xml and an
// Atom feed of the case stories (both need absolute addresses).
func (r *Renderer) publishFiles(pages []job) []File {
	robots := "User-agent: *\nAllow: /\n"
	if r.origin == "" {
		return []File{{Path: urls.Robots, Data: []byte(robots)}}
	}
	robots += "Sitemap: " + r.abs(urls.Sitemap) + "\n"
	files := []File{
		{Path: urls.Robots, Data: []byte(robots)},
		{Path: urls.Sitemap, Data: r.sitemap(pages)},
		{Path: urls.Feed, Data: r.feed()},
	}
	for _, v := range r.versions { // each language's own feed: en/cases.xml
		files = append(files, File{Path: v.prefix + urls.Feed, Data: v.feed()})
	}
	return files
}

func (r *Renderer) abs(p string) string {
	return r.origin + r.basePath + strings.TrimPrefix(p, "/")
}

type urlset struct {
	XMLName xml.Name  `xml:"urlset"`
	NS      string    `xml:"xmlns,attr"`
	XHTML   string    `xml:"xmlns:xhtml,attr,omitempty"`
	URLs    []siteURL `xml:"url"`
}

type siteURL struct {
	Loc        string      `xml:"loc"`
	LastMod    string      `xml:"lastmod,omitempty"`
	Alternates []alternate `xml:"xhtml:link"`
}

// alternate is a page's version in a language, as sitemaps name it for
// search engines: each language by its own code, and the Danish as the
// default.
type alternate struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

func (r *Renderer) sitemap(pages []job) []byte {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	if len(r.versions) > 0 {
		set.XHTML = "http://www.w3.org/1999/xhtml"
	}
	// A page of an edition changed when the edition came out; a page of
	// every edition (the front page, the figures) when the newest did.
	newest := ""
	for _, e := range r.site.Editions {
		if !e.Published.IsZero() {
			newest = e.Published.W3C()
		}
	}
	for _, j := range pages {
		if j.kind == "404" {
			continue
		}
		u := siteURL{Loc: j.r.abs(j.data.URL), LastMod: newest}
		if e := j.data.Edition; e != nil {
			u.LastMod = ""
			if !e.Published.IsZero() {
				u.LastMod = e.Published.W3C()
			}
		}
		if v := j.data.Versions; len(v) > 1 {
			for _, l := range v {
				u.Alternates = append(u.Alternates, alternate{"alternate", l.Lang, l.Href})
			}
			u.Alternates = append(u.Alternates, alternate{"alternate", "x-default", v[0].Href})
		}
		set.URLs = append(set.URLs, u)
	}
	return marshalXML(set)
}

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	NS      string      `xml:"xmlns,attr"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Link    atomLink   `xml:"link"`
	Summary string     `xml:"summary,omitempty"`
	Author  atomPerson `xml:"author"`
}

// feed lists every edition's case stories, newest edition first. Their
// dates are their edition's publication date, never the clock. Each
// language has its own, titled as its feed.title says.
func (r *Renderer) feed() []byte {
	s := r.site
	f := atomFeed{
		NS: "http://www.w3.org/2005/Atom", Lang: r.lang.Code,
		ID: r.abs(urls.Feed), Title: r.lang.Tf("feed.title", s.Data.Site.Title),
		Author: atomPerson{Name: r.publisher()},
		Links:  []atomLink{{Rel: "self", Href: r.abs(urls.Feed)}, {Href: r.abs("")}},
	}
	latest := time.Time{}
	for i := len(s.Editions) - 1; i >= 0; i-- {
		e := s.Editions[i]
		updated := e.Date().UTC().Format(time.RFC3339)
		if e.Date().After(latest) {
			latest = e.Date()
		}
		for _, c := range e.Cases {
			author := r.publisher()
			if c.Cluster != nil {
				author = c.Cluster.Name
			}
			f.Entries = append(f.Entries, atomEntry{
				ID: r.abs(c.URL), Title: c.Title, Updated: updated,
				Link: atomLink{Href: r.abs(c.URL)}, Summary: c.Summary,
				Author: atomPerson{Name: author},
			})
		}
	}
	f.Updated = latest.UTC().Format(time.RFC3339)
	return marshalXML(f)
}

func marshalXML(v any) []byte {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		// The types above always marshal; a failure is a programming error.
		panic(err)
	}
	return append([]byte(xml.Header), append(b, '\n')...)
}

// publisher is who the site names as its author: the publisher, or the
// site's title where data/site.toml names none (a test site).
func (r *Renderer) publisher() string {
	if p := r.site.Data.Site.Publisher; p != "" {
		return p
	}
	return r.site.Data.Site.Title
}
