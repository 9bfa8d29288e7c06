package shipped_test

import (
	"html"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/pipeline"
	"report/internal/printpage"
)

var (
	docTitle    = regexp.MustCompile(`<title>([^<]*)</title>`)
	description = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)
	trail       = regexp.MustCompile(`(?s)<nav class="breadcrumbs[^"]*"[^>]*>(.*?)</nav>`)
	crumb       = regexp.MustCompile(`<a [^>]*>([^<]*)</a>`)
	missingKey  = regexp.MustCompile(`\[[a-z_]+\.[a-z_]+\]`)
)

// TestPagesSpeakTheirLanguage builds the shipped site with the edition's
// PDF and a day of publication, and reads what the render package writes
// on a page itself, not its Markdown or data: its <title>, description
// and breadcrumb trail, the case lists in its text, the trend lines of
// the figures, the link to the PDF and the day the edition came out.
// The Danish pages say them in Danish, the English pages in English, and
// no page shows a key its table lacks.
func TestPagesSpeakTheirLanguage(t *testing.T) {
	root := shippedFS()
	src, err := fs.ReadFile(root, "data/editions/2016.toml")
	if err != nil {
		t.Fatal(err)
	}
	// The day, whatever the file gives: the year alone, or another day.
	dated := regexp.MustCompile(`(?m)^published = .*\n`).ReplaceAllString(string(src), "")
	published := strings.Replace(dated, "year = 2016\n", "year = 2016\npublished = 2016-11-27\n", 1)
	if published == string(src) {
		t.Fatal("data/editions/2016.toml does not start with year = 2016")
	}
	fsys := withFiles{FS: root, files: fstest.MapFS{"data/editions/2016.toml": {Data: []byte(published)}}}
	plan, _, err := pipeline.Prepare(fsys, pipeline.Options{BaseURL: "/"})
	if err != nil {
		t.Fatalf("the shipped site does not build: %v", err)
	}
	if err := printpage.AddPDFs(plan, madePDFs(t, plan), "pdf"); err != nil {
		t.Fatal(err)
	}
	// The pages of the whole site (search, privacy) are titled after the
	// latest edition; the rest of what is named here is the 2016 edition's.
	latest := shippedData(t).Latest()
	page := func(p string) string {
		t.Helper()
		b, ok, err := plan.File(p)
		if !ok || err != nil {
			t.Fatalf("%s: %v (the site has it: %v)", p, err, ok)
		}
		return string(b)
	}

	const (
		report   = "Viden og vækst til danske virksomheder"
		reportEn = "Knowledge and growth for Danish companies"
		edition  = "Performanceregnskab 2016"
		editionE = "Performance Accounts 2016"
	)
	for _, c := range []struct {
		path, title, description string
		crumbs                   []string
	}{
		{"404.html", "Siden findes ikke – " + report, "Siden findes ikke. Find performanceregnskabet for de danske klynger fra forsiden.", nil},
		{"arkiv/index.html", "Alle udgaver – " + report, "Alle udgaver af performanceregnskabet for de danske klynger.", []string{"Forside"}},
		{"en/arkiv/index.html", "All editions – " + reportEn, "All editions of the Performance Accounts of the Danish clusters.", []string{"Home"}},
		{"soeg/index.html", "Søg – " + latest.Subtitle, "Søg i kapitler, cases, klynger og nøgletal i performanceregnskabet.", []string{"Forside"}},
		{"en/soeg/index.html", "Search – " + latest.En.Subtitle, "Search the chapters, case stories, clusters and key figures of the Performance Accounts.", []string{"Home"}},
		{"privatliv/index.html", "Privatliv – " + latest.Subtitle, "Sitet sætter ingen cookies og sporer ingen. Her står, hvad der sker med oplysninger om dig, når du læser performanceregnskabet.", []string{"Forside"}},
		{"en/privatliv/index.html", "Privacy – " + latest.En.Subtitle, "This site sets no cookies and tracks no one. Here is what happens to information about you when you read the Performance Accounts.", []string{"Home"}},
		{"tal/index.html", "Alle tal – " + report, "Alle nøgletal i performanceregnskabet med deres udvikling år for år.", []string{"Forside"}},
		{"en/tal/index.html", "All figures – " + reportEn, "Every key figure in the Performance Accounts, and how it has changed year by year.", []string{"Home"}},
		{"tal/omsaetning/index.html", "Samlet omsætning ekskl. in kind – " + report, "Samlet omsætning ekskl. in kind: tallene år for år i performanceregnskabet.", []string{"Forside", "Alle tal"}},
		{"en/tal/omsaetning/index.html", "Total turnover excluding in-kind contributions – " + reportEn, "Total turnover excluding in-kind contributions: the figures year by year in the Performance Accounts.", []string{"Home", "All figures"}},
		{"2016/index.html", edition + " – " + report, "", []string{"Forside"}},
		{"en/2016/index.html", editionE + " – " + reportEn, "", []string{"Home"}},
		{"2016/hvem-er-de/index.html", "Hvem er de? – " + edition, "", []string{"Forside", edition}},
		{"en/2016/hvem-er-de/index.html", "Who are they? – " + editionE, "", []string{"Home", editionE}},
		{"2016/cases/index.html", "Cases – " + edition, "Eksempler på, hvad klyngerne har gjort for danske virksomheder i 2015.", []string{"Forside", edition}},
		{"en/2016/cases/index.html", "Case stories – " + editionE, "Examples of what the clusters did for Danish companies in 2015.", []string{"Home", editionE}},
		{"2016/cases/tur-til-korea-gav-kontakter-og-aftaler/index.html", "Tur til Korea gav kontakter og aftaler – " + edition, "", []string{"Forside", edition, "Cases"}},
		{"en/2016/cases/tur-til-korea-gav-kontakter-og-aftaler/index.html", "A trip to Korea brought contacts and agreements – " + editionE, "", []string{"Home", editionE, "Case stories"}},
		{"2016/klynger/index.html", "Klyngerne – " + edition, "De 44 klynger i performanceregnskabet 2016, fordelt på fagområder.", []string{"Forside", edition}},
		{"en/2016/klynger/index.html", "The clusters – " + editionE, "The 44 clusters in the Performance Accounts 2016, grouped by field.", []string{"Home", editionE}},
		{"2016/klynger/clean/index.html", "CLEAN – " + edition, "CLEAN: en af klyngerne i performanceregnskabet 2016.", []string{"Forside", edition, "Klyngerne"}},
		{"en/2016/klynger/clean/index.html", "CLEAN – " + editionE, "CLEAN: one of the clusters in the Performance Accounts 2016.", []string{"Home", editionE, "The clusters"}},
	} {
		b := page(c.path)
		if got := first(docTitle, b); got != c.title {
			t.Errorf("%s: <title> is %q, want %q", c.path, got, c.title)
		}
		if got := first(description, b); c.description != "" && got != c.description {
			t.Errorf("%s: the description is %q, want %q", c.path, got, c.description)
		}
		var crumbs []string
		for _, m := range crumb.FindAllStringSubmatch(first(trail, b), -1) {
			crumbs = append(crumbs, html.UnescapeString(m[1]))
		}
		if strings.Join(crumbs, " › ") != strings.Join(c.crumbs, " › ") {
			t.Errorf("%s: the breadcrumb trail is %q, want %q", c.path, crumbs, c.crumbs)
		}
	}

	for _, c := range []struct{ path, want, not string }{
		// The link to the PDF in the page's language.
		{"2016/index.html", `href="/2016/performanceregnskab-2016.pdf" type="application/pdf">Hent hele rapporten som PDF, 2,1 MB</a>`, ""},
		{"en/2016/index.html", `href="/en/2016/performanceregnskab-2016.pdf" type="application/pdf">Download the whole report as a PDF, 2.1 MB</a>`, "2,1 MB"},
		// The day the edition came out, in the list of editions.
		{"arkiv/index.html", "– tal for 2012–2015, udgivet 27. november 2016", ""},
		{"en/arkiv/index.html", "– figures for 2012–2015, published 27 November 2016", "november"},
		// A cases block of a chapter's Markdown.
		{"2016/hvad-laver-de/index.html", "<p>Cases:</p>", ""},
		{"2016/hvad-laver-de/index.html", "</a> – fra BrainsBusiness</li>", ""},
		{"en/2016/hvad-laver-de/index.html", "<p>Case stories:</p>", "<p>Cases:</p>"},
		{"en/2016/hvad-laver-de/index.html", "</a> – from BrainsBusiness</li>", " – fra "},
		// A metric's trend line in the list of all figures, from the 2016
		// edition's first year to the latest.
		{"tal/index.html", ` fra 602,8 i 2012 til `, ""},
		{"en/tal/index.html", ` from 602.8 in 2012 to `, "Faldende"},
	} {
		b := page(c.path)
		if !strings.Contains(b, c.want) {
			t.Errorf("%s lacks %s", c.path, c.want)
		}
		if c.not != "" && strings.Contains(b, c.not) {
			t.Errorf("%s has %q", c.path, c.not)
		}
	}

	pages := 0
	for _, p := range plan.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		if m := missingKey.FindString(page(p)); m != "" {
			t.Errorf("%s shows %s, a key its table lacks", p, m)
		}
	}
	if pages < 2*150 {
		t.Errorf("only %d pages read", pages)
	}
}

// first is the first submatch of re in s, unescaped; "" when there is none.
func first(re *regexp.Regexp, s string) string {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}
