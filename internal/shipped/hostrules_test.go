package shipped_test

import (
	"regexp"
	"strings"
	"testing"
)

// maxHeaderRules is Cloudflare Pages' limit on the rules of _headers; a
// rule past it is ignored, silently.
const maxHeaderRules = 100

// TestHeaderRulesStayFew builds the shipped site's _headers and counts its
// rules. An edition's pages all want the same headers, so each edition
// adds one rule a language (/2016/*, /en/2016/*), never one a page; with
// that, the site stays inside the host's limit for ten more editions.
func TestHeaderRulesStayFew(t *testing.T) {
	const base = "/rapport/"
	plan := shippedPlan(t, "https://example.org"+base)
	headers, ok, err := plan.File("_headers")
	if err != nil || !ok {
		t.Fatalf("no _headers: %v", err)
	}
	edition := regexp.MustCompile(`^(en/)?\d{4}/`)
	rules := 0
	for line := range strings.SplitSeq(string(headers), "\n") {
		pattern, isRule := strings.CutPrefix(line, base)
		if !isRule {
			continue
		}
		rules++
		if m := edition.FindString(pattern); m != "" && pattern != m+"*" {
			t.Errorf("_headers has a rule for %s inside an edition: every edition would add such rules", line)
		}
	}
	languages := len(plan.Languages())
	t.Logf("%d rules", rules)
	if rules+10*languages > maxHeaderRules {
		t.Errorf("_headers has %d rules; ten more editions in %d languages would pass Cloudflare's %d", rules, languages, maxHeaderRules)
	}
}
