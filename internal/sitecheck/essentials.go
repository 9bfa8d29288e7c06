package sitecheck

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
)

var (
	descriptionMeta = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)
	iconTag         = regexp.MustCompile(`<link rel="(icon|apple-touch-icon)" href="([^"]+)"[^>]*>`)
	typeAttr        = regexp.MustCompile(`\stype="([^"]*)"`)
	// The statement's link, in the page's language.
	statementLink = regexp.MustCompile(`<a href="(https://[^"]+)">(Tilgængelighedserklæring|Accessibility statement)</a>`)
	hashedName    = regexp.MustCompile(`\.[0-9a-f]{8}\.[a-z0-9]+$`)
)

// PageBudget is what every page of the report may weigh: 100 KB of HTML,
// and 300 KB with everything it loads.
var PageBudget = Budget{HTML: 100 << 10, Total: 300 << 10}

// Description is a page's meta description, unescaped; ok is false when
// the page has none.
func Description(page []byte) (text string, ok bool) {
	m := descriptionMeta.FindSubmatch(page)
	if m == nil {
		return "", false
	}
	return html.UnescapeString(string(m[1])), true
}

// Icon is an icon a page names: its rel ("icon" or "apple-touch-icon"),
// its address and its type attribute, "" when it has none.
type Icon struct{ Rel, Href, Type string }

// Icons lists the icons a page names, in the order it names them.
func Icons(page []byte) []Icon {
	var out []Icon
	for _, m := range iconTag.FindAllSubmatch(page, -1) {
		icon := Icon{Rel: string(m[1]), Href: html.UnescapeString(string(m[2]))}
		if t := typeAttr.FindSubmatch(m[0]); t != nil {
			icon.Type = string(t[1])
		}
		out = append(out, icon)
	}
	return out
}

// Footer is a page's footer element as it is written, markup and all; ""
// when the page has none.
func Footer(page []byte) string { return string(footerElem.Find(page)) }

// Essentials lists what a public-sector site lacks on any page: a
// description (search results and link previews show it), the icons
// (favicon.ico at the site's root, which browsers ask for whatever a page
// says, and the icon links of every page), and the link to the
// accessibility statement that Danish public sites must carry on every
// page.
func (s Site) Essentials() []string {
	var out []string
	if ico, ok := s["favicon.ico"]; !ok {
		out = append(out, "favicon.ico: missing; browsers ask for it at the site's root and log a 404 on every page")
	} else if err := checkICO(ico); err != nil {
		out = append(out, "favicon.ico: "+err.Error())
	}
	for _, p := range s.Pages() {
		page := s[p]
		if d, ok := Description(page); !ok || strings.TrimSpace(d) == "" {
			out = append(out, p+": no meta description")
		}
		rels := map[string]bool{}
		for _, icon := range Icons(page) {
			rels[icon.Rel] = true
		}
		for _, rel := range []string{"icon", "apple-touch-icon"} {
			if !rels[rel] {
				out = append(out, fmt.Sprintf("%s: no <link rel=%q>", p, rel))
			}
		}
		if problem := publisherProblem(page); problem != "" {
			out = append(out, p+": "+problem)
		}
		if !statementLink.Match(page) {
			out = append(out, p+`: no link "Tilgængelighedserklæring" (in English "Accessibility statement") to the accessibility statement`)
		}
	}
	return out
}

var (
	jsonLD     = regexp.MustCompile(`<script type="application/ld\+json">([^<]*)</script>`)
	footerElem = regexp.MustCompile(`(?s)<footer\b.*?</footer>`)
)

// publisherProblem is what keeps a page from naming its publisher as a
// government's page must: in its structured data, for programs, and in its
// footer, for readers; "" if nothing does.
func publisherProblem(page []byte) string {
	m := jsonLD.FindSubmatch(page)
	if m == nil {
		return "no structured data (JSON-LD) naming the publisher"
	}
	var ld struct {
		Publisher struct{ Name string } `json:"publisher"`
	}
	if err := json.Unmarshal(m[1], &ld); err != nil {
		return "structured data that is not JSON: " + err.Error()
	}
	if ld.Publisher.Name == "" {
		return "structured data that names no publisher"
	}
	if !strings.Contains(html.UnescapeString(Footer(page)), ld.Publisher.Name) {
		return fmt.Sprintf("the footer does not name the publisher, %q", ld.Publisher.Name)
	}
	return ""
}

// ICOImage is one image of an ICO file: the size its entry in the file's
// directory states (0 there stands for 256), and its bytes.
type ICOImage struct {
	Width, Height int
	Data          []byte
}

// ReadICO reads an ICO file: its directory and the image each entry points
// to. It fails on a file that is not an ICO file, holds no image, or
// points outside itself.
func ReadICO(b []byte) ([]ICOImage, error) {
	if len(b) < 6 || binary.LittleEndian.Uint16(b) != 0 || binary.LittleEndian.Uint16(b[2:]) != 1 {
		return nil, fmt.Errorf("not an ICO file")
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	if n == 0 || len(b) < 6+16*n {
		return nil, fmt.Errorf("an ICO file without images")
	}
	images := make([]ICOImage, n)
	for i := range n {
		e := b[6+16*i:]
		size, offset := int(binary.LittleEndian.Uint32(e[8:])), int(binary.LittleEndian.Uint32(e[12:]))
		if offset < 6+16*n || offset+size > len(b) {
			return nil, fmt.Errorf("image %d lies outside the file", i)
		}
		w, h := int(e[0]), int(e[1])
		if w == 0 {
			w = 256
		}
		if h == 0 {
			h = 256
		}
		images[i] = ICOImage{Width: w, Height: h, Data: b[offset : offset+size]}
	}
	return images, nil
}

// checkICO checks that b is an ICO file whose images lie inside it and are
// PNG or BMP images.
func checkICO(b []byte) error {
	images, err := ReadICO(b)
	if err != nil {
		return err
	}
	for i, img := range images {
		if !bytes.HasPrefix(img.Data, []byte("\x89PNG\r\n\x1a\n")) && (len(img.Data) < 4 || binary.LittleEndian.Uint32(img.Data) != 40) {
			return fmt.Errorf("image %d is neither PNG nor BMP", i)
		}
	}
	return nil
}

// HeaderRule is one rule of _headers: its address pattern and its
// headers, by lower-case name.
type HeaderRule struct {
	Pattern string
	Headers map[string]string
}

// Matches reports whether the rule applies to the address addr, as Netlify
// and Cloudflare Pages match them: exactly, or by a splat at the end that
// matches any rest, none included.
func (r HeaderRule) Matches(addr string) bool {
	if prefix, splat := strings.CutSuffix(r.Pattern, "*"); splat {
		return strings.HasPrefix(addr, prefix)
	}
	return r.Pattern == addr
}

// ParseHeaders reads a _headers file as Netlify and Cloudflare Pages do: a
// line that starts with "/" begins a rule, and each indented "Name: value"
// line under it adds a header; blank lines and comments are skipped.
// problems names each line it cannot read, with its number.
func ParseHeaders(text []byte) (rules []HeaderRule, problems []string) {
	for i, line := range strings.Split(string(text), "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			rules = append(rules, HeaderRule{strings.TrimSpace(line), map[string]string{}})
		case strings.HasPrefix(line, " ") && len(rules) > 0:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok {
				problems = append(problems, fmt.Sprintf("_headers:%d: not a header: %q", i+1, line))
				continue
			}
			rules[len(rules)-1].Headers[strings.ToLower(name)] = strings.TrimSpace(value)
		default:
			problems = append(problems, fmt.Sprintf("_headers:%d: neither a path nor a header: %q", i+1, line))
		}
	}
	return rules, problems
}

// PagePolicy is the Content-Security-Policy a page states in its meta tag,
// unescaped; "" when it states none.
func PagePolicy(page []byte) string {
	m := cspMeta.FindSubmatch(page)
	if m == nil {
		return ""
	}
	return html.UnescapeString(string(m[1]))
}

// HeaderProblems reads the site's _headers, if it has one, as Netlify and
// Cloudflare Pages would for a site served under basePath: every file must
// match exactly one rule (Cloudflare joins the headers of all that match,
// and two policies would both be enforced), each page's rule must carry
// the Content-Security-Policy of its meta tag, and files with a hashed name
// must be cached as immutable, others not.
func (s Site) HeaderProblems(basePath string) []string {
	text, ok := s["_headers"]
	if !ok {
		return nil
	}
	rules, out := ParseHeaders(text)
	if len(rules) > 100 {
		out = append(out, fmt.Sprintf("_headers: %d rules; Cloudflare Pages reads 100", len(rules)))
	}
	paths := make([]string, 0, len(s))
	for p := range s {
		if p != "_headers" && p != "_redirects" && !strings.HasPrefix(p, "pagefind/") {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		addrs := []string{basePath + p}
		if dir, ok := strings.CutSuffix(p, "index.html"); ok {
			addrs = append(addrs, basePath+dir) // the address readers use
		}
		for _, addr := range addrs {
			out = append(out, s.checkHeaders(p, addr, rules)...)
		}
	}
	return out
}

// checkHeaders checks the headers _headers gives the file p at the address
// addr.
func (s Site) checkHeaders(p, addr string, rules []HeaderRule) []string {
	var hit []HeaderRule
	for _, r := range rules {
		if r.Matches(addr) {
			hit = append(hit, r)
		}
	}
	if len(hit) != 1 {
		return []string{fmt.Sprintf("%s: matches %d rules of _headers, want one", addr, len(hit))}
	}
	h := hit[0].Headers
	var out []string
	if meta := PagePolicy(s[p]); strings.HasSuffix(p, ".html") && meta != "" {
		// A page cannot forbid its framing in a meta tag, only a header can:
		// the header may add frame-ancestors to the page's policy (the CMS's
		// does).
		header, _ := strings.CutSuffix(h["content-security-policy"], "; frame-ancestors 'none'")
		if header != meta {
			out = append(out, fmt.Sprintf("%s: _headers gives the policy %q, the page's meta tag %q", addr, h["content-security-policy"], meta))
		}
	}
	hashed := hashedName.MatchString(p)
	if immutable := strings.Contains(h["cache-control"], "immutable"); immutable != hashed {
		has := map[bool]string{true: "carries a", false: "carries no"}[hashed]
		out = append(out, fmt.Sprintf("%s: Cache-Control %q, but the file's name %s hash of its content", addr, h["cache-control"], has))
	}
	return out
}
