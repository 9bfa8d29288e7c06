package danish

import (
	"math"
	"testing"
	"time"
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
		if got := Number(tt.v, tt.decimals); got != tt.want {
			t.Errorf("Number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.want)
		}
	}
}

func TestChange(t *testing.T) {
	tests := map[float64]string{51.5: "+52", -39.6: "−40", 0: "0", 0.3: "0", -0.3: "0", 100: "+100"}
	for pct, want := range tests {
		if got := Change(pct); got != want {
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

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Økonomi og støtte":                        "oekonomi-og-stoette",
		"Speeddating førte til nye samarbejder":    "speeddating-foerte-til-nye-samarbejder",
		"Udviklingen fra 2012–2015":                "udviklingen-fra-2012-2015",
		"Hvad kommer der ud af det?":               "hvad-kommer-der-ud-af-det",
		"ÆRØ Å":                                    "aeroe-aa",
		"Lifestyle & Design Cluster":               "lifestyle-design-cluster",
		"  --Café crème--  ":                       "cafe-creme",
		"Innovationsnetværk for Biomasse (INBIOM)": "innovationsnetvaerk-for-biomasse-inbiom",
		"../../etc/passwd":                         "etc-passwd",
		"???":                                      "",
		"Straße":                                   "strasse",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsSlug(t *testing.T) {
	for s, want := range map[string]bool{"innobyg": true, "gate-21": true, "Gate 21": false, "": false, "-a": false, "a-": false, "a--b": false, "ø": false, "../etc": false} {
		if got := IsSlug(s); got != want {
			t.Errorf("IsSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDate(t *testing.T) {
	d := time.Date(2026, time.November, 27, 10, 0, 0, 0, time.UTC)
	if got := Date(d); got != "27. november 2026" {
		t.Errorf("Date = %q", got)
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Økonomi og støtte", "../../etc", "a\x00b", "\xff\xfe", "Æ-Ø-Å"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got != "" && !IsSlug(got) {
			t.Errorf("Slug(%q) = %q, which is not a slug", s, got)
		}
		if IsSlug(s) && Slug(s) != s {
			t.Errorf("IsSlug(%q) but Slug gives %q", s, Slug(s))
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Slug(%q) = %q contains %q", s, got, r)
			}
		}
	})
}

func FuzzNumber(f *testing.F) {
	f.Add(257.6, 1)
	f.Add(-11708.0, 0)
	f.Add(1e300, 6)
	f.Fuzz(func(t *testing.T, v float64, decimals int) {
		s := Number(v, decimals)
		if s == "" {
			t.Fatalf("Number(%v, %d) is empty", v, decimals)
		}
	})
}
