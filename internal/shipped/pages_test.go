package shipped_test

// What every page of the shipped site carries, in both languages: a
// description and the footer's links, the icons, a share image, its page
// in the other language, and figures and words in its own language.

import (
	"bytes"
	"encoding/xml"
	"html"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"report/internal/pipeline"
	"report/internal/render"
	"report/internal/share"
	"report/internal/sitecheck"
)

// shippedStatement is data/site.toml's accessibility_statement.
const shippedStatement = "https://www.was.digst.dk/performanceregnskab-dk"

// bodyKind matches the kind of page a page's <body> says it is.
var bodyKind = regexp.MustCompile(`<body class="page-([a-z0-9]+)"`)

// TestEveryPageHasEssentials gives every page of the shipped site, of every
// kind, a description of its own words, and in its footer the link to the
// accessibility statement and to the privacy note.
func TestEveryPageHasEssentials(t *testing.T) {
	built := shippedSite(t, pipeline.Options{})
	kinds := map[string]bool{}
	pages := 0
	for p, b := range built.Site {
		if !readerPage(p) {
			continue
		}
		pages++
		if m := bodyKind.FindSubmatch(b); m != nil {
			kinds[string(m[1])] = true
		}
		if d, ok := sitecheck.Description(b); !ok || len(strings.Fields(d)) < 5 {
			t.Errorf("%s has no description, or one of fewer than five words", p)
		}
		footer := sitecheck.Footer(b)
		statement, privacy := `<a href="`+shippedStatement+`">Tilgængelighedserklæring</a>`, `<a href="/privatliv/">Privatliv</a>`
		if strings.HasPrefix(p, "en/") {
			statement, privacy = `<a href="`+shippedStatement+`">Accessibility statement</a>`, `<a href="/en/privatliv/">Privacy</a>`
		}
		if !strings.Contains(footer, statement) {
			t.Errorf("%s: the footer does not link to the accessibility statement", p)
		}
		if !strings.Contains(footer, privacy) {
			t.Errorf("%s: the footer does not link to the privacy note", p)
		}
	}
	for _, k := range render.Kinds {
		if !kinds[k] {
			t.Errorf("no page of kind %q was checked", k)
		}
	}
	privacy := built.Files["privatliv/index.html"]
	for _, want := range []string{"<h1>Privatliv</h1>", "ingen cookies", "sporer ikke"} {
		if !strings.Contains(privacy, want) {
			t.Errorf("the privacy note lacks %q", want)
		}
	}
	t.Logf("%d pages of %d kinds", pages, len(kinds))
}

// TestIcons checks the icons every page names: favicon.ico at the root,
// an ICO of PNG images; the SVG icon, an svg element; the touch icon, a PNG
// of 180×180.
func TestIcons(t *testing.T) {
	built := shippedSite(t, pipeline.Options{})
	out := built.Files
	want := map[string]string{} // rel and type → href, the same on every page
	for p, b := range built.Site {
		if !readerPage(p) {
			continue
		}
		icons := map[string]string{}
		for _, icon := range sitecheck.Icons(b) {
			key := icon.Rel
			if icon.Type == "image/svg+xml" {
				key += " svg"
			}
			icons[key] = icon.Href
		}
		if len(icons) != 3 {
			t.Errorf("%s names %d icons, want favicon.ico, the SVG and the touch icon: %v", p, len(icons), icons)
		}
		for k, v := range icons {
			if want[k] == "" {
				want[k] = v
			} else if want[k] != v {
				t.Errorf("%s: %s is %s, elsewhere %s", p, k, v, want[k])
			}
		}
	}
	if want["icon"] != "/favicon.ico" {
		t.Errorf("favicon.ico is named %q, want /favicon.ico, where browsers look for it", want["icon"])
	}
	checkICO(t, built.Site["favicon.ico"])
	svg := out[strings.TrimPrefix(want["icon svg"], "/")]
	var root struct {
		XMLName xml.Name
		ViewBox string `xml:"viewBox,attr"`
	}
	if err := xml.Unmarshal([]byte(svg), &root); err != nil || root.XMLName.Local != "svg" || root.XMLName.Space != "http://www.w3.org/2000/svg" || root.ViewBox == "" {
		t.Errorf("the SVG icon %s is not an SVG image with a viewBox: %v", want["icon svg"], err)
	}
	touch, err := png.Decode(strings.NewReader(out[strings.TrimPrefix(want["apple-touch-icon"], "/")]))
	if err != nil {
		t.Fatalf("the touch icon %s: %v", want["apple-touch-icon"], err)
	}
	if b := touch.Bounds(); b.Dx() != 180 || b.Dy() != 180 {
		t.Errorf("the touch icon is %v, want 180×180", b)
	}
}

// checkICO checks an ICO file whose images are PNGs, as tools/favicon
// writes it, down to each entry's size (sitecheck reads the file).
func checkICO(t *testing.T, ico []byte) {
	t.Helper()
	images, err := sitecheck.ReadICO(ico)
	if err != nil {
		t.Fatalf("favicon.ico is missing, or not an ICO file: %v", err)
	}
	sizes := map[int]bool{}
	for i, img := range images {
		cfg, err := png.DecodeConfig(bytes.NewReader(img.Data))
		if err != nil {
			t.Fatalf("favicon.ico: image %d is not a PNG: %v", i, err)
		}
		if cfg.Width != img.Width || cfg.Height != img.Height {
			t.Errorf("favicon.ico: image %d says %d×%d and is %d×%d", i, img.Width, img.Height, cfg.Width, cfg.Height)
		}
		sizes[cfg.Width] = true
	}
	if !sizes[16] || !sizes[32] {
		t.Errorf("favicon.ico holds the sizes %v; browsers want 16 and 32", sizes)
	}
}

// metaProperty matches a page's Open Graph and Twitter tags.
var metaProperty = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)

// TestShareImage gives every page, published under a host, a share image:
// og:image at its full address, a PNG of 1200×630 of the site, described in
// words, and the large card for X.
func TestShareImage(t *testing.T) {
	const origin, base = "https://example.org", "/rapport/"
	out := shippedFiles(t, pipeline.Options{BaseURL: origin + base})
	d := shippedData(t)
	images := map[string]bool{}
	for p, b := range out {
		if !readerPage(p) {
			continue
		}
		meta := map[string]string{}
		for _, m := range metaProperty.FindAllStringSubmatch(b, -1) {
			meta[m[1]] = html.UnescapeString(m[2])
		}
		img, ok := strings.CutPrefix(meta["og:image"], origin+base)
		if !ok {
			t.Errorf("%s: og:image %q is not a full address on the site", p, meta["og:image"])
			continue
		}
		if meta["og:image:width"] != "1200" || meta["og:image:height"] != "630" || meta["og:image:type"] != "image/png" {
			t.Errorf("%s: og:image:width, height and type are %q, %q, %q", p, meta["og:image:width"], meta["og:image:height"], meta["og:image:type"])
		}
		// The image shows the page's edition: its title and first key
		// figure, which for the 2016 edition is "omkring 12.000".
		ed, english := pageEdition(d, p), strings.HasPrefix(p, "en/")
		alt := ed.Subtitle + ": "
		if english {
			alt = ed.En.Subtitle + ": "
		}
		if ed.Year == 2016 {
			alt += map[bool]string{false: "omkring 12.000 virksomheder", true: "about 12,000 companies"}[english]
		}
		if !strings.HasPrefix(meta["og:image:alt"], alt) || len(meta["og:image:alt"]) < len(alt)+20 {
			t.Errorf("%s: og:image:alt %q does not say what the image shows (%q…)", p, meta["og:image:alt"], alt)
		}
		if meta["twitter:card"] != "summary_large_image" {
			t.Errorf("%s: twitter:card %q", p, meta["twitter:card"])
		}
		images[img] = true
	}
	if len(images) != 2*len(d.Editions) {
		t.Errorf("the pages of %d editions in two languages name %d share images: %v", len(d.Editions), len(images), images)
	}
	for img := range images {
		data, ok := out[img]
		if !ok {
			t.Fatalf("og:image %s is not a file of the site", img)
		}
		cfg, err := png.DecodeConfig(strings.NewReader(data))
		if err != nil || cfg.Width != share.Width || cfg.Height != share.Height {
			t.Errorf("%s: %v, %d×%d; want a PNG of 1200×630", img, err, cfg.Width, cfg.Height)
		}
		t.Logf("%s: %d bytes", img, len(data))
	}
	// Without a host the address could not be a full one, so none is named.
	home := shippedFiles(t, pipeline.Options{})["index.html"]
	if strings.Contains(home, "og:image") || !strings.Contains(home, `<meta name="twitter:card" content="summary">`) {
		t.Error("a site without a host names a share image it cannot address in full")
	}
}

var (
	htmlLang  = regexp.MustCompile(`<html lang="([a-z]+)">`)
	hreflang  = regexp.MustCompile(`<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">`)
	switchTo  = regexp.MustCompile(`(?s)<nav class="lang-switch"[^>]*>.*?<a href="([^"]+)" hreflang="([a-z]+)" lang="([a-z]+)">`)
	sitemapAt = regexp.MustCompile(`(?s)<url>\s*<loc>([^<]+)</loc>(.*?)</url>`)
)

// TestEveryPageInBothLanguages: every Danish page of the shipped site has
// its English page at en/…, and each names the other by hreflang (with the
// Danish as x-default), leads to it by the visible switch, and says its
// language on <html>; the sitemap gives both (for a chapter of the 2016
// edition).
func TestEveryPageInBothLanguages(t *testing.T) {
	const origin = "https://example.org"
	out := shippedFiles(t, pipeline.Options{BaseURL: origin + "/"})
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
// slash leads the English pages to the same host (the 2016 edition's front
// page shows it).
func TestEnglishUnderAHostWithoutSlash(t *testing.T) {
	out := shippedFiles(t, pipeline.Options{BaseURL: "https://example.org"})
	for _, want := range []string{`<link rel="canonical" href="https://example.org/en/2016/">`, `<link rel="alternate" hreflang="da" href="https://example.org/2016/">`} {
		if !strings.Contains(out["en/2016/index.html"], want) {
			t.Errorf("en/2016/index.html lacks %s", want)
		}
	}
}

// TestNoDanishOnEnglishPages: no interface string of the Danish table (nor
// the chart descriptions' Danish words) is on an English page, in its
// text or its attributes; the Danish names kept in English text are
// marked lang="da" and left out of the comparison.
func TestNoDanishOnEnglishPages(t *testing.T) {
	langs := shippedLangs(t)
	// The examples, and every phrase of the Danish table English
	// does not share.
	danish := append([]string{"Gå til indholdet", "Forside", "ikke opgjort", "Se tallene som tabel", "Søjlediagram", "Størst er", "Kilde:", "Hent tallene"},
		langs[0].Foreign(langs[1])...)
	foreign := regexp.MustCompile(`(?s)<span lang="da">.*?</span>|<[^>]*lang="da"[^>]*>[^<]*`)
	out := shippedFiles(t, pipeline.Options{})
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
	out := shippedFiles(t, pipeline.Options{})
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
