package pipeline

import (
	"slices"
	"testing"

	"report/internal/diag"
	"report/internal/sitetest"
)

// TestWarningKinds gives each kind of warning a small site that raises it,
// and finds it by its file and kind, not by its words: the words are the
// editors' to read and may be reworded, the kind is what programs and
// tests sort by (check --format json prints it).
func TestWarningKinds(t *testing.T) {
	for _, c := range []struct {
		kind    diag.Kind
		path    string
		overlay string
	}{
		{diag.Typed, "content/2016/tal.md", "-- content/2016/tal.md --\n+++\ntitle = \"Tal\"\n+++\nI alt 1794 virksomheder.\n"},
		{diag.Rounding, "content/2016/tal.md", "-- content/2016/tal.md --\n+++\ntitle = \"Tal\"\n+++\nOmkring {{virksomheder 2015 round=1000}} virksomheder.\n"},
		{diag.Figures, "data/years/2015.toml", "-- data/years/2015.toml --\nklynger = 3\nomsaetning = 15.6\nomsaetning-staten = 10.5\nomsaetning-andet = 5.1\nomsaetning-gennemsnit = 9.9\nvirksomheder = 1794\nansoegninger = 109\nbevillinger = 36\n"},
		{diag.Licence, "data/site.toml", "-- data/site.toml --\ntitle = \"Testrapporten\"\nbase_url = \"/\"\ndata_licence = \"\"\n"},
		{diag.Unconfirmed, "data/site.toml", "-- data/site.toml --\ntitle = \"Testrapporten\"\nbase_url = \"/\"\npublisher = \"Styrelsen\"\nunconfirmed = [\"publisher\"]\n"},
		{diag.Translation, "content/2016/_index.en.md", "-- content/2016/tal.en.md --\n+++\ntitle = \"Figures\"\n+++\nText.\n"},
		{diag.NoCases, "content/2016/cases", "-- content/2016/cases/en-god-historie.md --\nDELETE\n-- content/2016/tal.md --\n+++\ntitle = \"Tal\"\n+++\nTekst.\n"},
	} {
		t.Run(string(c.kind), func(t *testing.T) {
			res, err := Run(sitetest.FS(t, sitetest.Parse(c.overlay)), Options{})
			if err != nil {
				t.Fatalf("the site does not build: %v", err)
			}
			found := slices.ContainsFunc(res.Warnings, func(p *diag.Problem) bool { return p.Path == c.path && p.Kind == c.kind })
			if !found {
				t.Errorf("no %s warning at %s in %v", c.kind, c.path, res.Warnings)
			}
		})
	}
}
