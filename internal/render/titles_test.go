package render

import (
	"os"
	"testing"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/lang"
	"report/internal/site"
)

// shippedLangs are the languages with the repository's tables, Danish
// first.
func shippedLangs(t *testing.T) []*lang.Lang {
	t.Helper()
	var problems diag.List
	langs := lang.Load(os.DirFS("../.."), &problems)
	if err := problems.Err(); err != nil || len(langs) < 2 {
		t.Fatalf("the tables of i18n/: %d languages, %v", len(langs), err)
	}
	return langs
}

// TestDocTitle names each kind of page as base.html's <title> did when it
// worked the title out itself.
func TestDocTitle(t *testing.T) {
	da := shippedLangs(t)[0]
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
		d := &PageData{Kind: c.kind, Site: s, Edition: c.edition, Title: c.title, lang: da}
		if got := d.DocTitle(); got != c.want {
			t.Errorf("%s page titled %q: DocTitle() = %q, want %q", c.kind, c.title, got, c.want)
		}
	}
}

// TestDocTitleEnglish joins the English page's title and whose page it is
// as the English table says.
func TestDocTitleEnglish(t *testing.T) {
	en := shippedLangs(t)[1]
	s := &site.Site{Data: &data.Data{Site: data.Site{Title: "Knowledge and growth"}}}
	e := &site.Edition{Edition: &data.Edition{Title: "Knowledge and growth", Subtitle: "Performance Accounts 2016"}}
	for _, c := range []struct {
		kind    string
		edition *site.Edition
		title   string
		want    string
	}{
		{"home", e, "Knowledge and growth", "Knowledge and growth"},
		{"404", nil, "Page not found", "Page not found – Knowledge and growth"},
		{"chapter", e, "Who are they?", "Who are they? – Performance Accounts 2016"},
		{"metric", e, "Turnover", "Turnover – Knowledge and growth"},
	} {
		d := &PageData{Kind: c.kind, Site: s, Edition: c.edition, Title: c.title, lang: en}
		if got := d.DocTitle(); got != c.want {
			t.Errorf("%s page titled %q: DocTitle() = %q, want %q", c.kind, c.title, got, c.want)
		}
	}
}
