package pipeline

import (
	"regexp"
	"strings"
	"testing"
)

var (
	htmlLang  = regexp.MustCompile(`<html lang="([a-z]+)">`)
	hreflang  = regexp.MustCompile(`<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">`)
	switchTo  = regexp.MustCompile(`(?s)<nav class="lang-switch"[^>]*>.*?<a href="([^"]+)" hreflang="([a-z]+)" lang="([a-z]+)">`)
	sitemapAt = regexp.MustCompile(`(?s)<url>\s*<loc>([^<]+)</loc>(.*?)</url>`)
)

// TestEveryPageInBothLanguages: every Danish page of the shipped 2016
// edition has its English page at en/…, and each names the other by
// hreflang (with the Danish as x-default), leads to it by the visible
// switch, and says its language on <html>; the sitemap gives both.
func TestEveryPageInBothLanguages(t *testing.T) {
	const origin = "https://example.org"
	out := files(buildRealSite(t, Options{BaseURL: origin + "/"}))
	pages := 0
	for p, b := range out {
		if !readerPage(p) || !strings.HasSuffix(p, "index.html") {
			continue
		}
		english := strings.HasPrefix(p, "en/")
		da, en := p, "en/"+p
		if english {
			da, en = strings.TrimPrefix(p, "en/"), p
		}
		if _, ok := out[en]; !ok {
			t.Errorf("%s has no English page %s", p, en)
			continue
		}
		if _, ok := out[da]; !ok {
			t.Errorf("%s has no Danish page %s", p, da)
			continue
		}
		pages++
		want := map[string]string{
			"da":        origin + "/" + strings.TrimSuffix(da, "index.html"),
			"en":        origin + "/" + strings.TrimSuffix(en, "index.html"),
			"x-default": origin + "/" + strings.TrimSuffix(da, "index.html"),
		}
		got := map[string]string{}
		for _, m := range hreflang.FindAllStringSubmatch(b, -1) {
			got[m[1]] = m[2]
		}
		for code, href := range want {
			if got[code] != href {
				t.Errorf("%s: hreflang %s is %q, want %q", p, code, got[code], href)
			}
		}
		self, other := "da", "en"
		if english {
			self, other = "en", "da"
		}
		if m := htmlLang.FindStringSubmatch(b); m == nil || m[1] != self {
			t.Errorf("%s: <html lang> is %v, want %s", p, m, self)
		}
		if m := switchTo.FindStringSubmatch(b); m == nil || m[1] != want[other] || m[2] != other || m[3] != other {
			t.Errorf("%s: the language switch is %v, want a link to %s in %s", p, m, want[other], other)
		}
	}
	if pages < 2*150 {
		t.Errorf("only %d pages checked", pages)
	}
	listed := map[string]int{}
	for _, m := range sitemapAt.FindAllStringSubmatch(out["sitemap.xml"], -1) {
		listed[m[1]] = strings.Count(m[2], `<xhtml:link rel="alternate" hreflang=`)
	}
	for _, loc := range []string{origin + "/2016/hvem-er-de/", origin + "/en/2016/hvem-er-de/"} {
		if listed[loc] != 3 {
			t.Errorf("the sitemap lists %s with %d alternates, want 3 (da, en, x-default)", loc, listed[loc])
		}
	}
}

// TestEnglishUnderAHostWithoutSlash: a base URL given without its final
// slash leads the English pages to the same host.
func TestEnglishUnderAHostWithoutSlash(t *testing.T) {
	out := files(buildRealSite(t, Options{BaseURL: "https://example.org"}))
	for _, want := range []string{`<link rel="canonical" href="https://example.org/en/2016/">`, `<link rel="alternate" hreflang="da" href="https://example.org/2016/">`} {
		if !strings.Contains(out["en/2016/index.html"], want) {
			t.Errorf("en/2016/index.html lacks %s", want)
		}
	}
}
