package danish

import (
	"testing"
)

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
