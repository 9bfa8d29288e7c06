package hostfiles

// The files a public host's visitors' programs ask for beside the pages:
// robots.txt, and with a host in the base URL (they need absolute
// addresses) sitemap.xml and an Atom feed of the case stories.

import (
	"encoding/xml"
	"time"

	"report/internal/data"
	"report/internal/site"
)

// Robots writes robots.txt, naming the sitemap at its absolute address
// when the site has one.
func Robots(sitemap string) []byte {
	robots := "User-agent: *\nAllow: /\n"
	if sitemap != "" {
		robots += "Sitemap: " + sitemap + "\n"
	}
	return []byte(robots)
}

// Page is a page as the sitemap lists it.
type Page struct {
	URL     string        // absolute
	Edition *site.Edition // the edition it belongs to, or nil for a page of every edition
	// Versions are the page in each language it has, the Danish first;
	// nil for a site in one language.
	Versions []Version
}

// Version is a page in one language.
type Version struct {
	Lang string // its code, "da"
	URL  string // absolute
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

// Sitemap writes sitemap.xml over the site's pages; multilingual says
// whether the site has versions in other languages. A page of an edition
// changed when the edition came out; a page of every edition (the front
// page, the figures) when the newest did.
func Sitemap(editions []*site.Edition, pages []Page, multilingual bool) []byte {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	if multilingual {
		set.XHTML = "http://www.w3.org/1999/xhtml"
	}
	newest := ""
	for _, e := range editions {
		if !e.Published.IsZero() {
			newest = e.Published.W3C()
		}
	}
	for _, p := range pages {
		u := siteURL{Loc: p.URL, LastMod: newest}
		if e := p.Edition; e != nil {
			u.LastMod = lastMod(e.Published)
		}
		if len(p.Versions) > 1 {
			for _, v := range p.Versions {
				u.Alternates = append(u.Alternates, alternate{"alternate", v.Lang, v.URL})
			}
			u.Alternates = append(u.Alternates, alternate{"alternate", "x-default", p.Versions[0].URL})
		}
		set.URLs = append(set.URLs, u)
	}
	return marshalXML(set)
}

func lastMod(d data.PubDate) string {
	if d.IsZero() {
		return ""
	}
	return d.W3C()
}

// Feed is what the Atom feed says of itself.
type Feed struct {
	Lang   string // the language's code
	Self   string // the feed's own absolute address
	Home   string // the site's absolute address in the language
	Title  string
	Author string              // the publisher
	URL    func(string) string // a site path's absolute address in the language
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

// AtomFeed lists every edition's case stories, newest edition first. Their
// dates are their edition's publication date, never the clock; a story is
// by its cluster, or by the publisher.
func AtomFeed(f Feed, editions []*site.Edition) []byte {
	out := atomFeed{
		NS: "http://www.w3.org/2005/Atom", Lang: f.Lang,
		ID: f.Self, Title: f.Title,
		Author: atomPerson{Name: f.Author},
		Links:  []atomLink{{Rel: "self", Href: f.Self}, {Href: f.Home}},
	}
	latest := time.Time{}
	for i := len(editions) - 1; i >= 0; i-- {
		e := editions[i]
		updated := e.Date().UTC().Format(time.RFC3339)
		if e.Date().After(latest) {
			latest = e.Date()
		}
		for _, c := range e.Cases {
			author := f.Author
			if c.Cluster != nil {
				author = c.Cluster.Name
			}
			out.Entries = append(out.Entries, atomEntry{
				ID: f.URL(c.URL), Title: c.Title, Updated: updated,
				Link: atomLink{Href: f.URL(c.URL)}, Summary: c.Summary,
				Author: atomPerson{Name: author},
			})
		}
	}
	out.Updated = latest.UTC().Format(time.RFC3339)
	return marshalXML(out)
}

func marshalXML(v any) []byte {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		// The types above always marshal; a failure is a programming error.
		panic(err)
	}
	return append([]byte(xml.Header), append(b, '\n')...)
}
