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
	iconLink        = regexp.MustCompile(`<link rel="(icon|apple-touch-icon)" href="([^"]+)"`)
	// The statement's link, in the page's language.
	statementLink = regexp.MustCompile(`<a href="(https://[^"]+)">(Tilgængelighedserklæring|Accessibility statement)</a>`)
	hashedName    = regexp.MustCompile(`\.[0-9a-f]{8}\.[a-z0-9]+$`)
)

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
		if m := descriptionMeta.FindSubmatch(page); m == nil || strings.TrimSpace(html.UnescapeString(string(m[1]))) == "" {
			out = append(out, p+": no meta description")
		}
		rels := map[string]bool{}
		for _, m := range iconLink.FindAllSubmatch(page, -1) {
			rels[string(m[1])] = true
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
	footer := footerElem.Find(page)
	if !strings.Contains(html.UnescapeString(string(footer)), ld.Publisher.Name) {
		return fmt.Sprintf("the footer does not name the publisher, %q", ld.Publisher.Name)
	}
	return ""
}

// checkICO checks that b is an ICO file whose images lie inside it and are
// PNG or BMP images.
func checkICO(b []byte) error {
	if len(b) < 6 || binary.LittleEndian.Uint16(b) != 0 || binary.LittleEndian.Uint16(b[2:]) != 1 {
		return fmt.Errorf("not an ICO file")
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	if n == 0 || len(b) < 6+16*n {
		return fmt.Errorf("an ICO file without images")
	}
	for i := range n {
		e := b[6+16*i:]
		size, offset := int(binary.LittleEndian.Uint32(e[8:])), int(binary.LittleEndian.Uint32(e[12:]))
		if offset < 6+16*n || offset+size > len(b) {
			return fmt.Errorf("image %d lies outside the file", i)
		}
		img := b[offset : offset+size]
		if !bytes.HasPrefix(img, []byte("\x89PNG\r\n\x1a\n")) && binary.LittleEndian.Uint32(img) != 40 {
			return fmt.Errorf("image %d is neither PNG nor BMP", i)
		}
	}
	return nil
}

// rule is one rule of _headers: its address pattern and its headers, by
// lower-case name.
type rule struct {
	pattern string
	headers map[string]string
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
	var rules []rule
	var out []string
	for i, line := range strings.Split(string(text), "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "/"):
			rules = append(rules, rule{strings.TrimSpace(line), map[string]string{}})
		case strings.HasPrefix(line, " ") && len(rules) > 0:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok {
				out = append(out, fmt.Sprintf("_headers:%d: not a header: %q", i+1, line))
				continue
			}
			rules[len(rules)-1].headers[strings.ToLower(name)] = strings.TrimSpace(value)
		default:
			out = append(out, fmt.Sprintf("_headers:%d: neither a path nor a header: %q", i+1, line))
		}
	}
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
func (s Site) checkHeaders(p, addr string, rules []rule) []string {
	var hit []rule
	for _, r := range rules {
		if prefix, splat := strings.CutSuffix(r.pattern, "*"); splat && strings.HasPrefix(addr, prefix) || r.pattern == addr {
			hit = append(hit, r)
		}
	}
	if len(hit) != 1 {
		return []string{fmt.Sprintf("%s: matches %d rules of _headers, want one", addr, len(hit))}
	}
	h := hit[0].headers
	var out []string
	if m := cspMeta.FindSubmatch(s[p]); strings.HasSuffix(p, ".html") && m != nil {
		// A page cannot forbid its framing in a meta tag, only a header can:
		// the header may add frame-ancestors to the page's policy (the CMS's
		// does).
		header, _ := strings.CutSuffix(h["content-security-policy"], "; frame-ancestors 'none'")
		if meta := html.UnescapeString(string(m[1])); header != meta {
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
