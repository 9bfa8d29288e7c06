package pipeline

import (
	"strings"
	"testing"

	"report/internal/sitetest"
)

// TestPhrasesInFrontMatter: a phrase of another language in a front
// matter's title, summary or quote reaches readers as its words, in the
// page's <title>, its heading, the list of cases, the feed and the share
// image's text alike, never with its braces.
func TestPhrasesInFrontMatter(t *testing.T) {
	res, err := Run(sitetest.FS(t, sitetest.Parse(`
-- content/2016/cases/en-god-historie.md --
+++
title = "Besøg fra {{en: Cluster Excellence Denmark}}"
cluster = "lifestyle-design"
theme = "matchmaking"
summary = "Om {{en: Cluster Excellence Denmark}} og klyngen."

[quote]
text = "Det gav os {{en: new customers}}."
person = "Anne Andersen"
role = "{{en: Chief Executive Officer}}"
organisation = "Firma & Co"
+++

Historien fortælles her.
`)), Options{BaseURL: "https://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	out := files(res.Output)
	for p, b := range out {
		if strings.Contains(b, "{{en:") {
			t.Errorf("%s shows a phrase with its braces:\n%s", p, grep(b, "{{en:"))
		}
	}
	page := out["2016/cases/en-god-historie/index.html"]
	for _, want := range []string{"<title>Besøg fra Cluster Excellence Denmark", "Det gav os new customers.", "Chief Executive Officer"} {
		if !strings.Contains(page, want) {
			t.Errorf("the story lacks %q", want)
		}
	}
}

// TestUnusedTranslations warns, rather than dropping them without a word,
// about translations that no version of the site publishes: the language's
// interface strings removed, or the edition's front page untranslated.
func TestUnusedTranslations(t *testing.T) {
	for _, c := range []struct{ overlay, want string }{
		{"-- i18n/en.toml --\nDELETE", "i18n/en.toml: warning: file is missing, so the site has no version in that language, and its 2 translations (*.en.md) are not published"},
		{"", "content/2016/_index.en.md: warning: edition 2016 has 2 English translations but no English front page"},
	} {
		res, err := Run(sitetest.FS(t, sitetest.Parse(c.overlay+`
-- content/2016/tal.en.md --
+++
title = "Figures"
+++
Text.
-- content/2016/cases/en-god-historie.en.md --
+++
title = "A good story"
summary = "About a good story."
+++
Text.
`)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, w := range res.Warnings {
			got = append(got, w.Error())
		}
		if !strings.Contains(strings.Join(got, "\n"), c.want) {
			t.Errorf("no %q in\n%s", c.want, strings.Join(got, "\n"))
		}
	}
}
