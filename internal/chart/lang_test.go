package chart

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"report/internal/diag"
	"report/internal/lang"
	"report/internal/sitetest"
)

// tables are the site's languages, Danish and English, as lang.Load reads
// their tables from the repository's i18n/ (the test site's, see
// sitetest), once for the package's tests.
var tables = sync.OnceValues(func() ([]*lang.Lang, error) {
	var problems diag.List
	langs := lang.Load(os.DirFS(sitetest.Root), &problems)
	if err := problems.Err(); err != nil {
		return nil, err
	}
	if len(langs) != 2 || langs[1].Code != "en" {
		return nil, fmt.Errorf("i18n/ holds %d languages, want Danish and English", len(langs))
	}
	return langs, nil
})

// loadLangs is the Danish and the English language with their tables.
func loadLangs(t testing.TB) (da, en *lang.Lang) {
	t.Helper()
	langs, err := tables()
	if err != nil {
		t.Fatalf("i18n/: %v", err)
	}
	return langs[0], langs[1]
}

// danish is the Danish language with its table, as the Danish site draws
// its charts, for the specs the tests build; the golden files are drawn
// with it. Without its tables the package's tests cannot run: it panics.
func danish() *lang.Lang {
	langs, err := tables()
	if err != nil {
		panic(fmt.Sprintf("i18n/: %v", err))
	}
	return langs[0]
}

// TestWithoutTable refuses, with an error and no panic, a spec whose
// language cannot give the chart its words: none, one without its table,
// and one whose table lacks a [chart] string.
func TestWithoutTable(t *testing.T) {
	var problems diag.List
	fsys := fstest.MapFS{"i18n/da.toml": {Data: []byte("[chart]\nbar = \"Søjlediagram\"\n")}}
	partial := lang.Load(fsys, &problems)
	if len(partial) != 1 {
		t.Fatalf("a table of one string: %v", problems.Err())
	}
	for _, tt := range []struct {
		l    *lang.Lang
		want string
	}{
		{nil, `chart "turnover": no language`},
		{lang.Danish, `chart "turnover": the language "da" has no interface string chart.bar`},
		{partial[0], `chart "turnover": the language "da" has no interface string chart.hbar`},
	} {
		s := samples()[1]
		s.Lang = tt.l
		for _, render := range []func(Spec) ([]byte, error){Render, RenderCached} {
			if _, err := render(s); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("got %v, want %s…", err, tt.want)
			}
		}
	}
}

// TestEnglish draws charts for an English page: every figure on the axis,
// on the bars and in the description is written the English way, and the
// description and the words drawn are English.
func TestEnglish(t *testing.T) {
	_, en := loadLangs(t)
	nan := math.NaN()
	for _, tt := range []struct {
		spec  Spec
		drawn []string // in the SVG's text, besides the description
		desc  string
	}{
		{Spec{Kind: Bar, ID: "companies", Title: "Member companies, 2012–2015",
			Categories: []string{"2012", "2013", "2014", "2015"},
			Series:     []Series{{Name: "Companies", Values: []float64{9120, 10480, 11002, 11708}}}},
			[]string{"11,708", "10,480", "10,000"},
			"Bar chart: Member companies, 2012–2015. The largest figure is 11,708 (2015), the smallest 9,120 (2012)." +
				" From 2012 to 2015 the figure rose from 9,120 to 11,708 (+28%)."},
		{Spec{Kind: Line, ID: "members", Title: "Members, 2012–2015",
			Categories: []string{"2012", "2013", "2014", "2015"},
			Series: []Series{{Name: "Companies", Values: []float64{9120, 10480, 11002, 11708}},
				{Name: "Knowledge institutions", Values: []float64{820, nan, 1010, 1104}}}},
			[]string{"10,000"},
			"Line chart: Members, 2012–2015. Series: Companies and Knowledge institutions." +
				" The largest figure is 11,708 (Companies, 2015), the smallest 820 (Knowledge institutions, 2012)." +
				" Companies: from 2012 to 2015 the figure rose from 9,120 to 11,708 (+28%)." +
				" Knowledge institutions: from 2012 to 2015 the figure rose from 820 to 1,104 (+35%)." +
				" No figures for Knowledge institutions, 2013."},
		{Spec{Kind: Bar, ID: "turnover", Title: "Turnover, 2012–2015", Unit: "DKK million", Decimals: 1,
			Categories: []string{"2012", "2013", "2014", "2015"},
			Series:     []Series{{Name: "Turnover", Values: []float64{602.8, 390.1, 356.2, 257.6}}}},
			[]string{"602.8", "257.6"},
			"Bar chart: Turnover, 2012–2015. The largest figure is DKK 602.8 million (2012), the smallest DKK 257.6 million (2015)." +
				" From 2012 to 2015 the figure fell from DKK 602.8 million to DKK 257.6 million (−57%)."},
		{Spec{Kind: Share, ID: "funding", Title: "Funding by source, 2015", Unit: "DKK million", Decimals: 1,
			Categories: []string{"Central government", "EU", "Others"},
			Series:     []Series{{Name: "Funding", Values: []float64{94.9, 22.3, nan}}}},
			[]string{"Total: DKK 117.2 million", "DKK 94.9 million · 81.0%", "50%", "100%", "no figure"},
			"Breakdown: Funding by source, 2015. In total DKK 117.2 million: Central government DKK 94.9 million (81.0%); EU DKK 22.3 million (19.0%)." +
				" Largest share: Central government. Smallest share: EU. No figures for Others."},
		{Spec{Kind: Line, ID: "share-line", Title: "Share of SMEs", Unit: "%",
			Categories: []string{"2014", "2015"},
			Series:     []Series{{Name: "SMEs", Values: []float64{36, 52}}}},
			[]string{"52"},
			"Line chart: Share of SMEs. The largest figure is 52% (2015), the smallest 36% (2014)." +
				" From 2014 to 2015 the figure rose from 36 to 52% (+16 percentage points)."},
		{Spec{Kind: Grouped, ID: "flat", Title: "Applications", Categories: []string{"2014", "2015"},
			Series: []Series{{Name: "EU", Values: []float64{1250, 1250}}, {Name: "Regions", Values: []float64{1250, 1250}}}},
			[]string{"1,250"},
			"Grouped bar chart: Applications. Series: EU and Regions. The figure is 1,250 (EU, 2014)." +
				" EU: from 2014 to 2015 the figure was unchanged at 1,250. Regions: from 2014 to 2015 the figure was unchanged at 1,250."},
		{Spec{Kind: HBar, ID: "one", Title: "Clusters", Categories: []string{"Energy"},
			Series: []Series{{Name: "Clusters", Values: []float64{1250.5}}}, Decimals: 1},
			[]string{"1,250.5"},
			"Horizontal bar chart: Clusters. The figure is 1,250.5 (Energy)."},
	} {
		for _, narrow := range []bool{false, true} {
			s := tt.spec
			s.Lang, s.Narrow = en, narrow
			out, err := Render(s)
			if err != nil {
				t.Fatal(err)
			}
			checkSVG(t, s, out)
			text := chardata(t, out)
			for _, want := range append(tt.drawn, tt.desc) {
				if !strings.Contains(text, want+"\n") && !strings.Contains(text, "\n"+want) {
					t.Errorf("%s (narrow %v) lacks %q:\n%s", s.ID, narrow, want, text)
				}
			}
			for _, danish := range []string{"ingen tal", "I alt", "Størst", "Fra ", " og ", "pct."} {
				if strings.Contains(text, danish) {
					t.Errorf("%s (narrow %v) says %q in English:\n%s", s.ID, narrow, danish, text)
				}
			}
		}
	}
}

// TestCacheByLanguage draws the same spec in Danish and English from the
// cache: the language is part of the key.
func TestCacheByLanguage(t *testing.T) {
	da, en := loadLangs(t)
	s := samples()[1]
	s.Lang = da
	danish, err := RenderCached(s)
	if err != nil {
		t.Fatal(err)
	}
	s.Lang = en
	english, err := RenderCached(s)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(danish, english) || !bytes.Contains(english, []byte("602.8")) || !bytes.Contains(danish, []byte("602,8")) {
		t.Errorf("the cache gave one drawing for both languages")
	}
}
