package render

// Structured data: what a page is, in schema.org's words, for search
// engines and the programs that read a government's pages: its name, its
// language, who publishes it and, on an edition's pages, when.

// structuredData is the page's JSON-LD; html/template writes it as JSON in
// the page's <script type="application/ld+json">, escaped for a script.
// A map, so that encoding/json writes its keys sorted: the same page gives
// the same bytes.
func (r *Renderer) structuredData(page any) map[string]any {
	// A page of the site, or a page that embeds one's data, as the print
	// page does.
	p, ok := page.(interface{ pageData() *PageData })
	if !ok {
		return nil
	}
	d := p.pageData()
	kind := "WebPage"
	switch d.Kind {
	case "edition":
		kind = "Report"
	case "chapter", "case":
		kind = "Article"
	}
	ld := map[string]any{
		"@context":   "https://schema.org",
		"@type":      kind,
		"name":       d.Title,
		"inLanguage": r.lang.Code,
	}
	if d.Description != "" {
		ld["description"] = d.Description
	}
	if r.origin != "" {
		ld["url"] = r.origin + r.url(d.URL)
	}
	s := r.site.Data.Site
	if s.Publisher != "" {
		publisher := map[string]any{"@type": "GovernmentOrganization", "name": s.Publisher}
		if s.PublisherURL != "" {
			publisher["url"] = s.PublisherURL
		}
		ld["publisher"] = publisher
	}
	if e := d.Edition; e != nil {
		if !e.Published.IsZero() {
			ld["datePublished"] = e.Published.W3C()
		}
		if d.Kind != "edition" {
			ld["isPartOf"] = map[string]any{"@type": "Report", "name": e.Title + ". " + e.Subtitle}
		}
	}
	return ld
}
