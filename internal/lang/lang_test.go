package lang

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"report/internal/diag"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		v        float64
		decimals int
		want     string
	}{
		{257.6, 1, "257,6"},
		{11708, 0, "11.708"},
		{5.4, 1, "5,4"},
		{602.8, 1, "602,8"},
		{1234567.891, 2, "1.234.567,89"},
		{999, 0, "999"},
		{1000, 0, "1.000"},
		{0, 1, "0,0"},
		{-9.4, 0, "−9"},
		{-0.4, 0, "0"},
		{2.45, 1, "2,5"},
		{0.5, 0, "1"},
		{-0.5, 0, "−1"},
		{math.NaN(), 1, "–"},
		{math.Inf(1), 0, "–"},
		{12, -3, "12"},
	}
	for _, tt := range tests {
		if got := Danish.Number(tt.v, tt.decimals); got != tt.want {
			t.Errorf("Number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}

func TestChange(t *testing.T) {
	tests := map[float64]string{51.5: "+52", -39.6: "−40", 0: "0", 0.3: "0", -0.3: "0", 100: "+100"}
	for pct, want := range tests {
		if got := Danish.Change(pct); got != want {
			t.Errorf("Change(%v) = %q, want %q", pct, got, want)
		}
	}
}

func TestRounded(t *testing.T) {
	if got := Rounded(11708, 1000); got != 12000 {
		t.Errorf("Rounded(11708, 1000) = %v", got)
	}
	if got := Rounded(8466, 500); got != 8500 {
		t.Errorf("Rounded(8466, 500) = %v", got)
	}
	if got := Rounded(5.4, 0); got != 5.4 {
		t.Errorf("Rounded(5.4, 0) = %v", got)
	}
}

func TestDate(t *testing.T) {
	d := time.Date(2026, time.November, 27, 10, 0, 0, 0, time.UTC)
	if got := Danish.Date(d); got != "27. november 2026" {
		t.Errorf("Date = %q", got)
	}
}

// TestEnglishNumbers writes figures the English way: a decimal point and a
// thousands comma, the same rounding and minus sign as Danish.
func TestEnglishNumbers(t *testing.T) {
	for v, want := range map[float64]string{257.6: "257.6", 11708: "11,708", 1234567.891: "1,234,567.9", -9.44: "−9.4", 0: "0.0"} {
		if got := English.Number(v, 1); v == 11708 {
			if got := English.Number(v, 0); got != want {
				t.Errorf("English.Number(%v, 0) = %q, want %q", v, got, want)
			}
		} else if got != want {
			t.Errorf("English.Number(%v, 1) = %q, want %q", v, got, want)
		}
	}
	if got := English.Date(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)); got != "27 November 2026" {
		t.Errorf("English.Date = %q", got)
	}
	if got := English.Change(51.5); got != "+52" {
		t.Errorf("English.Change = %q", got)
	}
}

func TestJoin(t *testing.T) {
	for _, tt := range []struct {
		l     *Lang
		items []string
		want  string
	}{
		{Danish, nil, ""},
		{Danish, []string{"a"}, "a"},
		{Danish, []string{"a", "b"}, "a og b"},
		{Danish, []string{"a", "b", "c"}, "a, b og c"},
		{English, []string{"a", "b", "c"}, "a, b and c"},
	} {
		if got := tt.l.Join(tt.items); got != tt.want {
			t.Errorf("%s.Join(%q) = %q, want %q", tt.l.Code, tt.items, got, tt.want)
		}
	}
}

// TestLoad reads both tables, Danish first, each with its strings, and
// fills a string's verbs.
func TestLoad(t *testing.T) {
	var problems diag.List
	langs := Load(fstest.MapFS{
		"i18n/en.toml": {Data: []byte("skip = \"Skip to content\"\nof = \"%d of %d\"\n[nav]\ncases = \"Cases\"\n")},
		"i18n/da.toml": {Data: []byte("skip = \"Gå til indholdet\"\nof = \"%d af %d\"\n[nav]\ncases = \"Cases\"\n")},
	}, &problems)
	if err := problems.Err(); err != nil || len(langs) != 2 {
		t.Fatalf("Load: %d languages, %v", len(langs), err)
	}
	da, en := langs[0], langs[1]
	if da.Code != "da" || en.Code != "en" || da.T("skip") != "Gå til indholdet" || en.T("skip") != "Skip to content" || en.Tf("of", 1, 2) != "1 of 2" {
		t.Errorf("got %s %q, %s %q", da.Code, da.T("skip"), en.Code, en.T("skip"))
	}
	if got := en.T("nav.cases"); got != "Cases" {
		t.Errorf("a section's key reads %q", got)
	}
	if got := en.T("nowhere"); got != "[nowhere]" {
		t.Errorf("an unknown key shows as %q", got)
	}
	if en.Number(11708, 0) != "11,708" || da.Number(11708, 0) != "11.708" {
		t.Errorf("a loaded language lost its conventions")
	}
}

// TestLoadRefuses names the file and the key of each table that lacks a
// key another has, an empty string, a language the site does not know and
// a site without Danish.
func TestLoadRefuses(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"missing key", fstest.MapFS{
			"i18n/da.toml": {Data: []byte("skip = \"Gå til indholdet\"\nhome = \"Forside\"\n")},
			"i18n/en.toml": {Data: []byte("skip = \"Skip to content\"\n")},
		}, []string{`i18n/en.toml: error: "home" is missing; da.toml has it: "Forside"`}},
		{"empty", fstest.MapFS{
			"i18n/da.toml": {Data: []byte("skip = \" \"\n")},
		}, []string{`i18n/da.toml:1:1: error: "skip" is empty`}},
		{"unknown language", fstest.MapFS{
			"i18n/da.toml": {Data: []byte("skip = \"Gå til indholdet\"\n")},
			"i18n/de.toml": {Data: []byte("skip = \"Zum Inhalt\"\n")},
		}, []string{`i18n/de.toml: error: the site knows the languages da and en`}},
		{"not a string", fstest.MapFS{
			"i18n/da.toml": {Data: []byte("[nav]\ncases = 3\n")},
		}, []string{`i18n/da.toml:2:1: error: "nav.cases" is not a string`}},
		{"no Danish", fstest.MapFS{
			"i18n/en.toml": {Data: []byte("skip = \"Skip to content\"\n")},
		}, []string{`i18n/da.toml: error: file is missing`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var problems diag.List
			Load(tt.files, &problems)
			err := problems.Err()
			for _, want := range tt.want {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("got %v\nwant %s", err, want)
				}
			}
		})
	}
}

func FuzzNumber(f *testing.F) {
	f.Add(257.6, 1)
	f.Add(-11708.0, 0)
	f.Add(1e300, 6)
	f.Fuzz(func(t *testing.T, v float64, decimals int) {
		s := Danish.Number(v, decimals)
		if s == "" {
			t.Fatalf("Number(%v, %d) is empty", v, decimals)
		}
	})
}

// TestPhrases marks a Danish name in English text from the data, escapes
// the rest, and leaves the words alone where no markup can go.
func TestPhrases(t *testing.T) {
	s := `Effekter & more, by {{da: Styrelsen for Forskning og Innovation}} (the agency)`
	if got, want := MarkPhrases(s), `Effekter &amp; more, by <span lang="da">Styrelsen for Forskning og Innovation</span> (the agency)`; got != want {
		t.Errorf("MarkPhrases = %s, want %s", got, want)
	}
	if got := Plain(s); got != "Effekter & more, by Styrelsen for Forskning og Innovation (the agency)" {
		t.Errorf("Plain = %s", got)
	}
	if !IsPhrase("da: x") || IsPhrase("omsaetning 2015") || IsPhrase("abcd: x") {
		t.Error("IsPhrase")
	}
}
