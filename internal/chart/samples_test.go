package chart

import (
	"flag"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// samples are charts like the report's, one or more per kind, in Danish.
func samples() []Spec {
	nan := math.NaN()
	out := []Spec{
		{Kind: Share, ID: "funding", Title: "Finansiering efter kilde 2015", Unit: "mio. kr.", Decimals: 1,
			Categories: []string{"Staten", "Regioner/kommuner", "Videninstitutioner", "Virksomheder", "EU", "Andet"},
			Series:     []Series{{Name: "Finansiering", Values: []float64{94.9, 87.5, 5.4, 37.4, 22.3, 10.1}}}},
		{Kind: Bar, ID: "turnover", Title: "Omsætning 2012–2015", Unit: "mio. kr.", Decimals: 1,
			Categories: []string{"2012", "2013", "2014", "2015"},
			Series:     []Series{{Name: "Omsætning", Values: []float64{602.8, 390.1, 356.2, 257.6}}}},
		{Kind: Grouped, ID: "applications", Title: "Ansøgninger efter kilde 2015", Unit: "antal",
			Categories: []string{"EU", "Staten", "Regionerne", "Andre"},
			Series: []Series{{Name: "Hjulpet med", Values: []float64{109, 231, 90, 51}},
				{Name: "Finansieret", Values: []float64{36, 123, 63, 20}}}},
		{Kind: HBar, ID: "fields", Title: "Klynger efter fagområde", Unit: "antal klynger",
			Categories: []string{"Produktionsteknologi, materialer og design", "Informations- og kommunikationsteknologi",
				"Energi og miljø", "Sundhed og velfærd", "Fødevarer", "Turisme og oplevelser", "Transport og logistik",
				"Byggeri og boliger", "Lifestyle & Design Cluster", "Maritime erhverv"},
			Series: []Series{{Name: "Klynger", Values: []float64{9, 5, 7, 6, 4, 3, 2, 2, 1, nan}}}},
		{Kind: Line, ID: "members", Title: "Medlemmer 2012–2015", Unit: "antal",
			Categories: []string{"2012", "2013", "2014", "2015"},
			Series: []Series{{Name: "Virksomheder", Values: []float64{9120, 10480, 11002, 11708}},
				{Name: "Videninstitutioner", Values: []float64{820, nan, 1010, 1104}},
				{Name: "Offentlige aktører", Values: []float64{600, 720, 910, 1200}}}},
		{Kind: Line, ID: "turnover-line", Title: "Omsætning 2012–2015", Unit: "mio. kr.", Decimals: 1,
			Categories: []string{"2012", "2013", "2014", "2015"},
			Series:     []Series{{Name: "Omsætning", Values: []float64{602.8, 390.1, 356.2, 257.6}}}},
		// Edge cases: value labels too wide for their bars, a negative
		// result and a missing year.
		{Kind: Grouped, ID: "crowded", Title: "Projekter efter region", Unit: "kr.",
			Categories: []string{"Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland", "Øvrige"},
			Series: []Series{{Name: "2013", Values: []float64{1250400, 980000, 1100250, 870000, 450000, 120000}},
				{Name: "2014", Values: []float64{1300000, 990000, nan, 910000, 470500, 135000}},
				{Name: "2015", Values: []float64{1420000, 1010000, 1200000, 980000, 500000, 140000}}}},
		{Kind: Bar, ID: "result", Title: "Resultat 2011–2015", Unit: "mio. kr.", Decimals: 1,
			Categories: []string{"2011", "2012", "2013", "2014", "2015"},
			Series:     []Series{{Name: "Resultat", Values: []float64{12.5, -4.2, nan, 3.1, 8.8}}}},
	}
	for i := range out {
		out[i].Lang = danish()
	}
	return out
}

var preview = flag.String("preview", "", "write HTML pages showing the sample charts, two a page, to `prefix`N.html, before the tests run")

// TestMain writes the preview pages when -preview asks for them: they are
// for a person to look at in a browser, not a test, so a plain go test
// does not write them.
//
//	go test ./internal/chart -preview /tmp/chart- -run NONE
func TestMain(m *testing.M) {
	flag.Parse()
	if *preview != "" {
		if err := writePreview(*preview); err != nil {
			fmt.Fprintln(os.Stderr, "preview:", err)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

// writePreview draws every sample chart, wide and narrow, two samples a
// page, with charts.css from $CHART_CSS when it is set.
func writePreview(prefix string) error {
	head := `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="` + os.Getenv("CHART_CSS") + `">` +
		`<style>body{margin:0 auto;padding:1rem;max-width:40rem;font-family:sans-serif}</style>`
	all := samples()
	for p := 0; p < len(all); p += 2 {
		var b strings.Builder
		b.WriteString(head)
		for _, s := range all[p:min(p+2, len(all))] {
			for _, narrow := range []bool{false, true} {
				s.Narrow = narrow
				out, err := Render(s)
				if err != nil {
					return err
				}
				fmt.Fprintf(&b, "<figure class=\"chart\">%s</figure>\n", out)
			}
		}
		if err := os.WriteFile(fmt.Sprintf("%s%d.html", prefix, p/2), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}
