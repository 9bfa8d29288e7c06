package site_test

import (
	"slices"
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/site"
)

// TestCaseRequiredIsWhatCheckRequires holds site.CaseRequired, which the
// CMS's form follows, to the checks: a case story without one of its keys
// is refused, at that key's name, and one without any other key of the
// front matter is not.
func TestCaseRequiredIsWhatCheckRequires(t *testing.T) {
	story := map[string]string{
		"title": `"En god historie"`, "cluster": `"lifestyle-design"`, "theme": `"matchmaking"`, "summary": `"Om en god historie."`,
		"quote.text": `"Det gav os nye kunder."`, "quote.person": `"Anne Andersen"`, "quote.role": `"Direktør"`, "quote.organisation": `"Firma & Co"`,
	}
	keys := site.MatterKeys("case")
	if len(keys) != len(story) {
		t.Fatalf("a case story's front matter has the keys %v; give this test a value for each", keys)
	}
	for _, key := range keys {
		name := strings.Join(key, ".")
		if _, ok := story[name]; !ok {
			t.Fatalf("a case story's front matter has %q; give this test a value for it", name)
		}
		var top, quote strings.Builder
		for _, k := range keys {
			n := strings.Join(k, ".")
			if n == name {
				continue
			}
			if q, ok := strings.CutPrefix(n, "quote."); ok {
				quote.WriteString(q + " = " + story[n] + "\n")
			} else {
				top.WriteString(n + " = " + story[n] + "\n")
			}
		}
		overlay := "-- content/2016/cases/en-god-historie.md --\n+++\n" + top.String() + "\n[quote]\n" + quote.String() + "+++\n\nHistorien fortælles her.\n"
		_, problems := load(t, overlay)
		var refused []string
		for _, p := range problems.Problems() {
			if p.Path == "content/2016/cases/en-god-historie.md" && p.Severity == diag.Error {
				refused = append(refused, p.Msg)
			}
		}
		leaf := key[len(key)-1]
		mentioned := slices.ContainsFunc(refused, func(m string) bool { return strings.Contains(m, `"`+name+`"`) || strings.Contains(m, `"`+leaf+`"`) })
		switch required := slices.ContainsFunc(site.CaseRequired, func(k []string) bool { return slices.Equal(k, key) }); {
		case required && !mentioned:
			t.Errorf("site.CaseRequired lists %q, but a story without it gets %v", name, refused)
		case !required && len(refused) > 0:
			t.Errorf("a story without %q is refused (%v), but site.CaseRequired does not list it: the CMS's form would let it be left empty", name, refused)
		}
	}
}
