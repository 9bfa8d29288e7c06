package render

import (
	"testing"

	"report/internal/data"
	"report/internal/site"
)

// TestDocTitle names each kind of page as base.html's <title> did when it
// worked the title out itself.
func TestDocTitle(t *testing.T) {
	s := &site.Site{Data: &data.Data{Site: data.Site{Title: "Viden og vækst"}}}
	e := &site.Edition{Edition: &data.Edition{Title: "Viden og vækst", Subtitle: "Performanceregnskab 2016"}}
	for _, c := range []struct {
		kind    string
		edition *site.Edition
		title   string
		want    string
	}{
		{"home", e, "Viden og vækst", "Viden og vækst"},
		{"home", nil, "Viden og vækst", "Viden og vækst"},
		{"404", nil, "Siden findes ikke", "Siden findes ikke – Viden og vækst"},
		{"archive", nil, "Alle udgaver", "Alle udgaver – Viden og vækst"},
		{"edition", e, "Performanceregnskab 2016", "Performanceregnskab 2016 – Viden og vækst"},
		{"chapter", e, "Hvem er de?", "Hvem er de? – Performanceregnskab 2016"},
		{"case", e, "Tur til Korea", "Tur til Korea – Performanceregnskab 2016"},
		{"cases", e, "Cases", "Cases – Performanceregnskab 2016"},
		{"clusters", e, "Klyngerne", "Klyngerne – Performanceregnskab 2016"},
		{"cluster", e, "BrainsBusiness", "BrainsBusiness – Performanceregnskab 2016"},
		{"metrics", e, "Alle tal", "Alle tal – Viden og vækst"},
		{"metric", e, "Omsætning", "Omsætning – Viden og vækst"},
		{"search", e, "Søg", "Søg – Performanceregnskab 2016"},
		{"privacy", e, "Privatliv", "Privatliv – Performanceregnskab 2016"},
		{"print", e, "Viden og vækst", "Viden og vækst – Performanceregnskab 2016"},
	} {
		d := &PageData{Kind: c.kind, Site: s, Edition: c.edition, Title: c.title}
		if got := d.DocTitle(); got != c.want {
			t.Errorf("%s page titled %q: DocTitle() = %q, want %q", c.kind, c.title, got, c.want)
		}
	}
}
