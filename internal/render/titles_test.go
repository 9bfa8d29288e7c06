package render

import (
	"testing"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/lang"
	"report/internal/site"
	"report/internal/sitetest"
)

// testLangs are the test site's languages, with the tables of i18n/,
// Danish first.
func testLangs(t *testing.T) []*lang.Lang {
	t.Helper()
	var problems diag.List
	langs := lang.Load(sitetest.FS(t, nil), &problems)
	if err := problems.Err(); err != nil || len(langs) < 2 {
		t.Fatalf("the tables of i18n/: %d languages, %v", len(langs), err)
	}
	return langs
}

// TestDocTitle names each kind of page as base.html's <title> did when it
// worked the title out itself, and joins an English page's title and whose
// page it is as the English table says.
func TestDocTitle(t *testing.T) {
	langs := testLangs(t)
	da, en := langs[0], langs[1]
	sites := map[*lang.Lang]*site.Site{
		da: {Data: &data.Data{Site: data.Site{Title: "Viden og vækst"}}},
		en: {Data: &data.Data{Site: data.Site{Title: "Knowledge and growth"}}},
	}
	daEd := &site.Edition{Edition: &data.Edition{Title: "Viden og vækst", Subtitle: "Performanceregnskab 2016"}}
	enEd := &site.Edition{Edition: &data.Edition{Title: "Knowledge and growth", Subtitle: "Performance Accounts 2016"}}
	for _, c := range []struct {
		lang    *lang.Lang
		kind    string
		edition *site.Edition
		title   string
		want    string
	}{
		{da, "home", daEd, "Viden og vækst", "Viden og vækst"},
		{da, "home", nil, "Viden og vækst", "Viden og vækst"},
		{da, "404", nil, "Siden findes ikke", "Siden findes ikke – Viden og vækst"},
		{da, "archive", nil, "Alle udgaver", "Alle udgaver – Viden og vækst"},
		{da, "edition", daEd, "Performanceregnskab 2016", "Performanceregnskab 2016 – Viden og vækst"},
		{da, "chapter", daEd, "Hvem er de?", "Hvem er de? – Performanceregnskab 2016"},
		{da, "case", daEd, "Tur til Korea", "Tur til Korea – Performanceregnskab 2016"},
		{da, "cases", daEd, "Cases", "Cases – Performanceregnskab 2016"},
		{da, "clusters", daEd, "Klyngerne", "Klyngerne – Performanceregnskab 2016"},
		{da, "cluster", daEd, "BrainsBusiness", "BrainsBusiness – Performanceregnskab 2016"},
		{da, "metrics", daEd, "Alle tal", "Alle tal – Viden og vækst"},
		{da, "metric", daEd, "Omsætning", "Omsætning – Viden og vækst"},
		{da, "search", daEd, "Søg", "Søg – Performanceregnskab 2016"},
		{da, "privacy", daEd, "Privatliv", "Privatliv – Performanceregnskab 2016"},
		{da, "print", daEd, "Viden og vækst", "Viden og vækst – Performanceregnskab 2016"},
		{en, "home", enEd, "Knowledge and growth", "Knowledge and growth"},
		{en, "404", nil, "Page not found", "Page not found – Knowledge and growth"},
		{en, "chapter", enEd, "Who are they?", "Who are they? – Performance Accounts 2016"},
		{en, "metric", enEd, "Turnover", "Turnover – Knowledge and growth"},
	} {
		d := &PageData{Kind: c.kind, Site: sites[c.lang], Edition: c.edition, Title: c.title, lang: c.lang}
		if got := d.DocTitle(); got != c.want {
			t.Errorf("%s %s page titled %q: DocTitle() = %q, want %q", c.lang.Code, c.kind, c.title, got, c.want)
		}
	}
}
