package render

// Structured data: what a page is, in schema.org's words, for search
// engines and the programs that read a government's pages: its name, its
// language, who publishes it and, on an edition's pages, when.

// structuredData is the page's JSON-LD; html/template writes it as JSON in
// the page's <script type="application/ld+json">, escaped for a script.
// Its fields are in the order of their names, as the map it once was wrote
// them: encoding/json writes a struct faster than a map, whose keys it
// sorts for every page.
func (r *Renderer) structuredData(page any) *linkedData {
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
	ld := &linkedData{Context: "https://schema.org", Type: kind, Name: d.Title, InLanguage: r.lang.Code, Description: d.Description}
	if r.origin != "" {
		ld.URL = r.origin + r.url(d.URL)
	}
	s := r.site.Data.Site
	if s.Publisher != "" {
		ld.Publisher = &organisation{Type: "GovernmentOrganization", Name: s.Publisher, URL: s.PublisherURL}
	}
	if e := d.Edition; e != nil {
		if !e.Published.IsZero() {
			ld.DatePublished = e.Published.W3C()
		}
		if d.Kind != "edition" {
			ld.IsPartOf = &report{Type: "Report", Name: e.Title + ". " + e.Subtitle}
		}
	}
	return ld
}

// linkedData is a page in schema.org's words.
type linkedData struct {
	Context       string        `json:"@context"`
	Type          string        `json:"@type"`
	DatePublished string        `json:"datePublished,omitempty"`
	Description   string        `json:"description,omitempty"`
	InLanguage    string        `json:"inLanguage"`
	IsPartOf      *report       `json:"isPartOf,omitempty"`
	Name          string        `json:"name"`
	Publisher     *organisation `json:"publisher,omitempty"`
	URL           string        `json:"url,omitempty"`
}

type organisation struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type report struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}
