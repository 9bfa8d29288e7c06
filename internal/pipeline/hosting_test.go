package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/xml"
	"html"
	"image/png"
	"os"
	"path"
	"regexp"
	"report/internal/cms"
	"report/internal/hostfiles"
	"report/internal/urls"
	"slices"
	"strings"
	"testing"

	"report/internal/render"
	"report/internal/share"
)

// hashedReportCSS matches the style sheet's published name.
var hashedReportCSS = regexp.MustCompile(`^css/report\.[0-9a-f]{8}\.css$`)

// hashedSheet is the path at which a build published static/css/report.css:
// its content-hashed name.
func hashedSheet(t *testing.T, out map[string]string) string {
	t.Helper()
	for p := range out {
		if hashedReportCSS.MatchString(p) {
			return p
		}
	}
	t.Error("the site has no css/report.<hash>.css")
	return "css/report.css"
}

var (
	metaDescription = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)
	metaProperty    = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)
	linkTag         = regexp.MustCompile(`<link rel="([^"]+)" href="([^"]+)"[^>]*>`)
	footerLink      = regexp.MustCompile(`(?s)<footer class="site-footer">.*?</footer>`)
	hashedFile      = regexp.MustCompile(`\.([0-9a-f]{8})\.[a-z0-9]+$`)
)

// shippedStatement is data/site.toml's accessibility_statement.
const shippedStatement = "https://www.was.digst.dk/performanceregnskab-dk"

// TestEveryPageHasEssentials gives every page of the shipped site, of every
// kind, a description of its own words, and in its footer the link to the
// accessibility statement and to the privacy note.
func TestEveryPageHasEssentials(t *testing.T) {
	out := files(buildRealSite(t, Options{}))
	kinds := map[string]bool{}
	pages := 0
	for p, b := range out {
		if !readerPage(p) {
			continue
		}
		pages++
		if m := regexp.MustCompile(`<body class="page-([a-z0-9]+)"`).FindStringSubmatch(b); m != nil {
			kinds[m[1]] = true
		}
		if m := metaDescription.FindStringSubmatch(b); m == nil || len(strings.Fields(html.UnescapeString(m[1]))) < 5 {
			t.Errorf("%s has no description, or one of fewer than five words", p)
		}
		footer := footerLink.FindString(b)
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
	privacy := out["privatliv/index.html"]
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
	out := files(buildRealSite(t, Options{}))
	want := map[string]string{} // rel and type → href, the same on every page
	for p, b := range out {
		if !readerPage(p) {
			continue
		}
		icons := map[string]string{}
		for _, m := range linkTag.FindAllStringSubmatch(b, -1) {
			if m[1] == "icon" || m[1] == "apple-touch-icon" {
				key := m[1]
				if strings.Contains(m[0], `type="image/svg+xml"`) {
					key += " svg"
				}
				icons[key] = m[2]
			}
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
	checkICO(t, out["favicon.ico"])
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
// writes it, down to each entry's size and place.
func checkICO(t *testing.T, ico string) {
	t.Helper()
	b := []byte(ico)
	if len(b) < 6 || binary.LittleEndian.Uint16(b) != 0 || binary.LittleEndian.Uint16(b[2:]) != 1 {
		t.Fatal("favicon.ico is missing, or not an ICO file")
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	sizes := map[int]bool{}
	for i := range n {
		e := b[6+16*i : 6+16*i+16]
		size, offset := binary.LittleEndian.Uint32(e[8:]), binary.LittleEndian.Uint32(e[12:])
		if int(offset+size) > len(b) {
			t.Fatalf("favicon.ico: image %d lies outside the file", i)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(b[offset : offset+size]))
		if err != nil {
			t.Fatalf("favicon.ico: image %d is not a PNG: %v", i, err)
		}
		if cfg.Width != int(e[0]) || cfg.Height != int(e[1]) {
			t.Errorf("favicon.ico: image %d says %d×%d and is %d×%d", i, e[0], e[1], cfg.Width, cfg.Height)
		}
		sizes[cfg.Width] = true
	}
	if !sizes[16] || !sizes[32] {
		t.Errorf("favicon.ico holds the sizes %v; browsers want 16 and 32", sizes)
	}
}

// TestShareImage gives every page, published under a host, a share image:
// og:image at its full address, a PNG of 1200×630 of the site, described in
// words, and the large card for X.
func TestShareImage(t *testing.T) {
	const origin, base = "https://example.org", "/rapport/"
	out := files(buildRealSite(t, Options{BaseURL: origin + base}))
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
	home := files(buildRealSite(t, Options{}))["index.html"]
	if strings.Contains(home, "og:image") || !strings.Contains(home, `<meta name="twitter:card" content="summary">`) {
		t.Error("a site without a host names a share image it cannot address in full")
	}
}

// TestHashedNames publishes every style sheet, script, font and picture of
// static/ under a name that carries the hash of its content, and leaves no
// reference to a name without one in any page, style sheet or script.
func TestHashedNames(t *testing.T) {
	out := files(buildRealSite(t, Options{BaseURL: "/rapport/"}))
	// The files of static/ that pages load, which must be hashed, but for
	// favicon.ico and Pagefind's bundle, which are asked for by name.
	loaded := []string{".css", ".js", ".ttf", ".woff2", ".svg", ".png", ".jpg", ".ico"}
	var plain []string
	err := walkStatic(func(p string) {
		if slices.Contains(loaded, path.Ext(p)) && p != "favicon.ico" && !strings.HasPrefix(p, "pagefind/") {
			plain = append(plain, p)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain) < 6 {
		t.Fatalf("only %d files of static/ to hash: %v", len(plain), plain)
	}
	for _, p := range plain {
		if _, ok := out[p]; ok {
			t.Errorf("%s is published under its own name", p)
		}
		ext := path.Ext(p)
		re := regexp.MustCompile("^" + regexp.QuoteMeta(strings.TrimSuffix(p, ext)) + `\.[0-9a-f]{8}` + regexp.QuoteMeta(ext) + "$")
		found := 0
		for q := range out {
			if re.MatchString(q) {
				found++
			}
		}
		if found != 1 {
			t.Errorf("%s is published under %d hashed names", p, found)
		}
	}
	for q, b := range out {
		// A hashed name is the hash of what it names.
		if m := hashedFile.FindStringSubmatch(q); m != nil {
			sum := sha256.Sum256([]byte(b))
			if hex.EncodeToString(sum[:])[:8] != m[1] {
				t.Errorf("%s: the name's hash is not its content's", q)
			}
		}
		if ext := path.Ext(q); ext != ".html" && ext != ".css" && ext != ".js" {
			continue
		}
		for _, p := range plain {
			// Referred to as a path of the site, or relative to a style sheet.
			for _, ref := range []string{"/rapport/" + p, "../" + p, `"` + p + `"`} {
				if strings.Contains(b, ref) {
					t.Errorf("%s refers to %s by its name without a hash", q, ref)
				}
			}
		}
	}
	if css := out[hashedSheet(t, out)]; css == "" {
		t.Error("the style sheet is empty")
	}
	charts := ""
	for q, b := range out {
		if strings.HasPrefix(q, "css/charts.") {
			charts = b
		}
	}
	if !regexp.MustCompile(`url\("?\.\./fonts/RobotoMedium-Latin\.[0-9a-f]{8}\.ttf"?\)`).MatchString(charts) { // minified: quotes may go
		t.Error("charts.css does not load the chart font by its hashed name")
	}
}

// walkStatic calls f with the path in the site of every file of static/.
func walkStatic(f func(string)) error {
	root := path.Join(repoRoot, "static")
	return walkDir(root, func(p string) { f(strings.TrimPrefix(p, root+"/")) })
}

func walkDir(dir string, f func(string)) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		p := dir + "/" + e.Name()
		if e.IsDir() {
			if err := walkDir(p, f); err != nil {
				return err
			}
		} else if !strings.HasPrefix(e.Name(), ".") {
			f(p)
		}
	}
	return nil
}

// headerRule is one rule of _headers.
type headerRule struct {
	pattern string
	headers map[string]string
}

func parseHeaders(t *testing.T, text string) []headerRule {
	t.Helper()
	var rules []headerRule
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			rules = append(rules, headerRule{pattern: line, headers: map[string]string{}})
		case strings.HasPrefix(line, "  ") && len(rules) > 0:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				t.Fatalf("_headers: %q is not a header", line)
			}
			rules[len(rules)-1].headers[name] = value
		default:
			t.Fatalf("_headers: unexpected line %q", line)
		}
	}
	return rules
}

// matches reports whether a rule's pattern matches an address, as Netlify
// and Cloudflare Pages match them: exactly, or a splat at the end that
// matches any rest, none included.
func matches(pattern, addr string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(addr, prefix)
	}
	return pattern == addr
}

// TestHeadersFile reads _headers as Netlify and Cloudflare Pages do: every
// address of the site matches exactly one rule (Cloudflare joins the
// headers of every rule that matches, and two policies would both hold),
// each page's rule carries the policy of its meta tag, hashed files are
// cached for a year and everything else is revalidated.
func TestHeadersFile(t *testing.T) {
	const base = "/rapport/"
	out := files(buildRealSite(t, Options{BaseURL: "https://example.org" + base}))
	rules := parseHeaders(t, out[urls.Headers])
	if len(rules) == 0 || len(rules) > 100 {
		t.Fatalf("_headers has %d rules; Cloudflare Pages reads at most 100", len(rules))
	}
	policies := map[string]bool{}
	for f, b := range out {
		if f == urls.Headers || f == urls.Redirects {
			continue
		}
		addrs := []string{base + f}
		if d, ok := strings.CutSuffix(f, "index.html"); ok {
			addrs = append(addrs, base+d)
		}
		for _, addr := range addrs {
			var hit []headerRule
			for _, r := range rules {
				if matches(r.pattern, addr) {
					hit = append(hit, r)
				}
			}
			if len(hit) != 1 {
				t.Errorf("%s matches %d rules of _headers, want one", addr, len(hit))
				continue
			}
			h := hit[0].headers
			cache := "no-cache"
			if hashedFile.MatchString(f) {
				cache = "public, max-age=31536000, immutable"
			}
			if h["Cache-Control"] != cache {
				t.Errorf("%s: Cache-Control %q, want %q", addr, h["Cache-Control"], cache)
			}
			if h["X-Content-Type-Options"] != "nosniff" {
				t.Errorf("%s: no X-Content-Type-Options: nosniff", addr)
			}
			if strings.HasPrefix(f, cms.Dir+"/") {
				// The CMS's policy: in the header whole, in its page but
				// frame-ancestors, which only a header can give.
				if h["Content-Security-Policy"] != cms.CSP || h["X-Robots-Tag"] != "noindex" {
					t.Errorf("%s: policy %q, X-Robots-Tag %q; want the CMS's policy and noindex", addr, h["Content-Security-Policy"], h["X-Robots-Tag"])
				}
				if meta := hostfiles.PageCSP([]byte(b)); strings.HasSuffix(f, ".html") && (meta == "" || !strings.HasPrefix(cms.CSP, meta)) {
					t.Errorf("%s: the page states the policy %q, not the CMS's", addr, meta)
				}
			} else if strings.HasSuffix(f, ".html") {
				meta := hostfiles.PageCSP([]byte(b))
				if meta == "" || h["Content-Security-Policy"] != meta {
					t.Errorf("%s: the header's policy\n  %q\nis not the meta tag's\n  %q", addr, h["Content-Security-Policy"], meta)
				}
				policies[meta] = true
			} else if h["Content-Security-Policy"] == "" {
				t.Errorf("%s has no Content-Security-Policy", addr)
			}
		}
	}
	t.Logf("%d rules for %d files, %d bytes; the pages state %d policies", len(rules), len(out), len(out[urls.Headers]), len(policies))
}

// TestRedirectsFile sends /was to the accessibility statement, under the
// base path.
func TestRedirectsFile(t *testing.T) {
	out := files(buildRealSite(t, Options{BaseURL: "https://example.org/rapport/"}))
	var lines []string
	for line := range strings.Lines(out[urls.Redirects]) {
		if !strings.HasPrefix(line, "#") {
			lines = append(lines, strings.TrimSpace(line))
		}
	}
	if want := "/rapport/was " + shippedStatement + " 302"; !slices.Contains(lines, want) {
		t.Errorf("_redirects lacks %q: %q", want, lines)
	}
}

// TestREADMEServerPolicies keeps the README's nginx block in step with the
// site: its policies must be exactly those of the built _headers, and /was
// must lead where data/site.toml says.
func TestREADMEServerPolicies(t *testing.T) {
	readme, err := os.ReadFile(path.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile("(?s)```nginx\n(.*?)```").FindSubmatch(readme)
	if block == nil {
		t.Fatal("README.md has no nginx block")
	}
	var inREADME []string
	for _, m := range regexp.MustCompile(`add_header Content-Security-Policy "([^"]*)" always;`).FindAllSubmatch(block[1], -1) {
		if !slices.Contains(inREADME, string(m[1])) {
			inREADME = append(inREADME, string(m[1]))
		}
	}
	var inSite []string
	for _, r := range parseHeaders(t, files(buildRealSite(t, Options{}))[urls.Headers]) {
		if p := r.headers["Content-Security-Policy"]; !slices.Contains(inSite, p) {
			inSite = append(inSite, p)
		}
	}
	slices.Sort(inREADME)
	slices.Sort(inSite)
	if !slices.Equal(inREADME, inSite) {
		t.Errorf("the README's nginx block sets the policies\n  %s\nthe site's _headers\n  %s", strings.Join(inREADME, "\n  "), strings.Join(inSite, "\n  "))
	}
	if !bytes.Contains(block[1], []byte("location = /was { return 302 "+shippedStatement+"; }")) {
		t.Error("the README's nginx block does not send /was to data/site.toml's accessibility_statement")
	}
}

// readerPage reports whether a built file is one of the report's pages,
// which every reader's check covers: an HTML file outside the editors' CMS
// (admin/, which TestCMSPage checks instead).
func readerPage(p string) bool {
	return strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, cms.Dir+"/")
}
