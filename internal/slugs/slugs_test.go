package slugs

import (
	"testing"
)

func TestMake(t *testing.T) {
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
		if got := Make(in); got != want {
			t.Errorf("Make(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestValid(t *testing.T) {
	for s, want := range map[string]bool{"innobyg": true, "gate-21": true, "Gate 21": false, "": false, "-a": false, "a-": false, "a--b": false, "ø": false, "../etc": false} {
		if got := Valid(s); got != want {
			t.Errorf("Valid(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzMake(f *testing.F) {
	for _, s := range []string{"Økonomi og støtte", "../../etc", "a\x00b", "\xff\xfe", "Æ-Ø-Å"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Make(s)
		if got != "" && !Valid(got) {
			t.Errorf("Make(%q) = %q, which is not a slug", s, got)
		}
		if Valid(s) && Make(s) != s {
			t.Errorf("Valid(%q) but Make gives %q", s, Make(s))
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Make(%q) = %q contains %q", s, got, r)
			}
		}
	})
}
