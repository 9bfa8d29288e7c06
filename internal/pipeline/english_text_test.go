package pipeline

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/lang"
	"report/internal/sitetest"
)

// TestEnglishFigures: the English pages write figures the English way,
// where the Danish pages write them the Danish way, in text, tables, key
// figures and charts; the figures are the 2016 edition's.
func TestEnglishFigures(t *testing.T) {
	out := files(buildRealSite(t, Options{}))
	for _, tt := range []struct{ page, da, en string }{
		{"2016/index.html", "257,6", "257.6"},
		{"2016/index.html", "12.000", "12,000"},
		{"2016/hvem-er-de/index.html", "257,6", "257.6"},
		{"2016/udviklingen-2012-2015/index.html", "11.708", "11,708"},
		{"2016/hvad-kommer-der-ud-af-det/index.html", ">3.418<", ">3,418<"}, // a chart's value label
	} {
		if !strings.Contains(out[tt.page], tt.da) {
			t.Errorf("%s does not show %s", tt.page, tt.da)
		}
		en := out["en/"+tt.page]
		if !strings.Contains(en, tt.en) {
			t.Errorf("en/%s does not show %s", tt.page, tt.en)
		}
		if strings.Contains(en, tt.da) {
			t.Errorf("en/%s shows the Danish %s", tt.page, tt.da)
		}
	}
}

// TestNoDanishOnEnglishPages: no interface string of the Danish table (nor
// the chart descriptions' Danish words) is on an English page, in its
// text or its attributes; the Danish names kept in English text are
// marked lang="da" and left out of the comparison.
func TestNoDanishOnEnglishPages(t *testing.T) {
	var problems diag.List
	langs := lang.Load(sitetest.ShippedFS(), &problems)
	if err := problems.Err(); err != nil || len(langs) != 2 {
		t.Fatalf("the tables: %v", err)
	}
	// The examples, and every phrase of the Danish table English
	// does not share.
	danish := append([]string{"Gå til indholdet", "Forside", "ikke opgjort", "Se tallene som tabel", "Søjlediagram", "Størst er", "Kilde:", "Hent tallene"},
		langs[0].Foreign(langs[1])...)
	foreign := regexp.MustCompile(`(?s)<span lang="da">.*?</span>|<[^>]*lang="da"[^>]*>[^<]*`)
	out := files(buildRealSite(t, Options{}))
	for p, b := range out {
		if !strings.HasPrefix(p, "en/") || !strings.HasSuffix(p, ".html") {
			continue
		}
		text := html.UnescapeString(foreign.ReplaceAllString(b, ""))
		for _, s := range danish {
			if strings.Contains(text, s) {
				t.Errorf("%s holds the Danish %q", p, s)
			}
		}
	}
}

// TestEnglishPercent: English pages write a percentage as English style
// does, "60%", in text, tables, charts and their descriptions; Danish
// pages keep "60 %".
func TestEnglishPercent(t *testing.T) {
	spaced := regexp.MustCompile(`\d(\s|&nbsp;|\x{00a0})%`)
	out := files(buildRealSite(t, Options{}))
	for p, b := range out {
		if !strings.HasSuffix(p, ".html") || !strings.HasPrefix(p, "en/") {
			continue
		}
		if m := spaced.FindString(html.UnescapeString(b)); m != "" {
			t.Errorf("%s writes a percentage the Danish way: %q", p, m)
		}
	}
	// The 2016 edition's facts: the funding chart's shares.
	if !strings.Contains(out["2016/hvem-er-de/index.html"], "36,8 %") || !strings.Contains(out["en/2016/hvem-er-de/index.html"], "36.8%") {
		t.Error("the funding chart's shares are not written each language's way")
	}
}
