package site_test

import (
	"slices"
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/site"
	"report/internal/sitetest"
)

// translated is the test site with an English translation of its front
// page, its chapter and its case story.
const translated = `
-- content/2016/_index.en.md --
+++
title = "Foreword"
+++

A foreword with {{klynger 2015}} clusters.
-- content/2016/tal.en.md --
+++
title = "Economy and support"
summary = "The figures behind it."
+++

## Economy and support

Turnover was DKK {{omsaetning 2015}} million, and about {{virksomheder 2014 round=1000}} companies took part, by {{da: Styrelsen for Forskning og Innovation}}.
-- content/2016/cases/en-god-historie.en.md --
+++
title = "A good story"
summary = "About a good story."

[quote]
text = "It brought us new customers."
role = "Managing Director"
+++

The story is told here.
`

func load(t *testing.T, overlay string) (*site.Site, *diag.List) {
	t.Helper()
	var problems diag.List
	s := site.Load(sitetest.FS(t, sitetest.Parse(overlay)), site.Options{}, &problems)
	return s, &problems
}

// TestTranslation builds the English version from the translations: its
// words from them, what does not change with language from the Danish
// pages, and its figures written the English way.
func TestTranslation(t *testing.T) {
	s, problems := load(t, translated)
	if len(s.Translations) != 1 {
		t.Fatalf("%d translations; problems: %v", len(s.Translations), problems.Problems())
	}
	en := s.Translations[0]
	if en.Lang.Code != "en" || en.BasePath != "/en/" || en.AssetBase != "/" {
		t.Errorf("the English version is %s at %s, assets at %s", en.Lang.Code, en.BasePath, en.AssetBase)
	}
	e := en.Editions[0]
	if e.Front == nil || e.Front.Title != "Foreword" || len(e.Chapters) != 1 || len(e.Cases) != 1 {
		t.Fatalf("the English edition: %+v", e)
	}
	ch, c := e.Chapters[0], e.Cases[0]
	if ch.Title != "Economy and support" || ch.Weight != 10 || ch.URL != "2016/tal/" || ch.Source != "content/2016/tal.en.md" {
		t.Errorf("the chapter: %q weight %d at %s from %s", ch.Title, ch.Weight, ch.URL, ch.Source)
	}
	for _, want := range []string{`<span class="figure">15.6</span>`, `<span class="figure">12,000</span>`, `<span lang="da">Styrelsen for Forskning og Innovation</span>`} {
		if !strings.Contains(ch.Body.HTML(), want) {
			t.Errorf("the English chapter lacks %s:\n%s", want, ch.Body.HTML())
		}
	}
	if c.Title != "A good story" || c.Quote.Text != "It brought us new customers." || c.Quote.Role != "Managing Director" || c.Quote.Person != "Anne Andersen" || c.Cluster == nil {
		t.Errorf("the case story: %+v", c)
	}
	if da := s.Editions[0].Chapters[0]; da.Title != "Økonomi og støtte" || !strings.Contains(da.Body.HTML(), "15,6") {
		t.Errorf("the Danish chapter changed: %q", da.Title)
	}
}

// TestTranslationProblems: a page of an edition with an English version
// but without its translation is left out of it with a warning, a translation of no page and a key
// that is written once in the Danish page are errors, and a word the
// translation lacks stays Danish with a warning.
func TestTranslationProblems(t *testing.T) {
	_, problems := load(t, `
-- content/2016/_index.en.md --
+++
title = "Foreword"
+++
-- content/2016/ny.md --
+++
title = "Ny"
weight = 30
+++
-- content/2016/tal.en.md --
+++
title = "Economy"
weight = 20
+++
Text.
-- content/2016/gone.en.md --
+++
title = "Gone"
+++
-- content/2016/cases/en-god-historie.en.md --
+++
title = "A good story"
summary = "About it."
[quote]
text = "New customers."
+++
`)
	var got []string
	for _, p := range problems.Problems() {
		got = append(got, p.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"content/2016/ny.md: warning: has no English translation (content/2016/ny.en.md); the English version leaves the page out",
		"content/2016/gone.en.md: error: translates content/2016/gone.md, which does not exist",
		`content/2016/tal.en.md:3:1: error: "weight" is written once, in content/2016/tal.md`,
		`content/2016/tal.en.md:2:1: warning: "summary" is not translated`,
		`content/2016/cases/en-god-historie.en.md:2:1: warning: "quote.role" is not translated`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the problems lack\n%s\ngot:\n%s", want, all)
		}
	}
}

// TestNoTranslation: a site whose editions have no translated front page
// has no English version, and no warning says so.
func TestNoTranslation(t *testing.T) {
	s, problems := load(t, "")
	if len(s.Translations) != 0 || len(problems.Problems()) != 0 {
		t.Errorf("%d translations, problems %v", len(s.Translations), problems.Problems())
	}
}

// TestTranslationKeepsDanishInterfaceText warns at the place where a
// translation still holds the Danish site's interface text.
func TestTranslationKeepsDanishInterfaceText(t *testing.T) {
	_, problems := load(t, strings.Replace(translated, "The story is told here.", "The story is told here. Gå til indholdet.", 1))
	want := `content/2016/cases/en-god-historie.en.md:10:25: warning: "Gå til indholdet" is the Danish site's interface text; write it in English`
	var got []string
	for _, p := range problems.Problems() {
		got = append(got, p.Error())
	}
	if !slices.Contains(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
