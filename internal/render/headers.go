package render

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"

	"report/internal/diag"
	"report/internal/urls"
)

// A static host that reads _headers and _redirects (Netlify, Cloudflare
// Pages) gets them written beside the pages, made from the site itself:
//
//   - every file carries the Content-Security-Policy of its page as a real
//     header, the very policy of the page's meta tag (read from the page as
//     rendered, so a page kind that loosens it, as the search page does,
//     gets its own); other files carry the policy most pages have;
//   - files with hashed names are cached for a year, immutable; everything
//     else, pages first, is checked with the host on every use (no-cache);
//   - /was leads to the accessibility statement (data/site.toml).
//
// A request that matches several rules gets the headers of all of them on
// Cloudflare Pages, joined, and two policies are both enforced; so the rules
// never overlap. A folder whose files all want the same headers is one rule,
// /2016/*; a folder that mixes is split into its files and folders. The
// shipped site needs about twenty rules (Cloudflare allows 100).

// Cache policies.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// cspMeta matches the policy a page states in its head.
var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// PageCSP returns the Content-Security-Policy of a rendered page's meta tag,
// or "" when it has none.
func PageCSP(page []byte) string {
	head := page
	if i := bytes.Index(page, []byte("</head>")); i >= 0 {
		head = page[:i]
	}
	m := cspMeta.FindSubmatch(head)
	if m == nil {
		return ""
	}
	return html.UnescapeString(string(m[1]))
}

// header is one header line.
type header struct{ name, value string }

// headersFor are the headers of the file at p, given its page's policy
// (csp, when p is a page) and the policy of the other files.
func (p *Plan) headersFor(file, csp, common string) []header {
	var hs []header
	if _, isPage := p.pages[file]; !isPage {
		csp = common
	}
	if csp != "" {
		hs = append(hs, header{"Content-Security-Policy", csp})
	}
	cache := cacheRevalidate
	if p.immutable[file] {
		cache = cacheImmutable
	}
	return append(hs, header{"Cache-Control", cache}, header{"X-Content-Type-Options", "nosniff"})
}

// headers writes _headers, given the policy of each page by its index in
// p.paths.
func (p *Plan) headers(csps []string) []byte {
	// The policy most pages state; ties go to the first in order.
	count := map[string]int{}
	common := ""
	for i, c := range csps {
		if _, isPage := p.pages[p.paths[i]]; !isPage || c == "" {
			continue
		}
		count[c]++
		if count[c] > count[common] || count[c] == count[common] && c < common {
			common = c
		}
	}
	// Pagefind's worker, pagefind/pagefind-worker.js, runs under the policy
	// its own file is served with, not the search page's, and compiles
	// WebAssembly: pagefind/ gets the search page's policy (see search.go).
	search := common
	if i := slices.Index(p.paths, urls.Search+"index.html"); i >= 0 && csps[i] != "" {
		search = csps[i]
	}
	want := map[string]string{} // path → its headers, as written in a rule
	for i, f := range p.paths {
		if f == urls.Headers || f == urls.Redirects {
			continue // read by the host, never served
		}
		other := common
		if strings.HasPrefix(f, urls.Pagefind) {
			other = search
		}
		hs := p.headersFor(f, csps[i], other)
		for dir, csp := range p.tools {
			if strings.HasPrefix(f, dir+"/") {
				hs = p.headersFor(f, "", csp)
				hs = append(hs, header{"X-Robots-Tag", "noindex"})
			}
		}
		var b strings.Builder
		for _, h := range hs {
			b.WriteString("  " + h.name + ": " + h.value + "\n")
		}
		want[f] = b.String()
	}
	var out strings.Builder
	out.WriteString("# Response headers for Netlify and Cloudflare Pages, written by `report build`\n" +
		"# from the site: each page's Content-Security-Policy as its meta tag states it,\n" +
		"# a year's caching for files with a content hash in their names, and no-cache\n" +
		"# for the rest. No two rules match the same address.\n")
	for _, r := range headerRules(want) {
		out.WriteString("\n" + p.r.basePath + r.pattern + "\n" + r.headers)
	}
	return []byte(out.String())
}

// rule is one block of _headers: an address pattern, without the base
// path, and its header lines.
type rule struct{ pattern, headers string }

// headerRules groups the files' headers into rules that never overlap: a
// folder whose files all want the same headers is one rule ("2016/*"), any
// other folder is split into its files and its folders. A page's folder
// address ("2016/cases/") gets the rule of its index.html.
func headerRules(want map[string]string) []rule {
	files := slices.Sorted(func(yield func(string) bool) {
		for f := range want {
			if !yield(f) {
				return
			}
		}
	})
	var rules []rule
	var walk func(dir string, files []string)
	walk = func(dir string, files []string) {
		prefix := ""
		if dir != "" {
			prefix = dir + "/"
		}
		if len(files) > 0 && allSame(files, want) {
			rules = append(rules, rule{prefix + "*", want[files[0]]})
			return
		}
		var sub []string
		for i, f := range files {
			rest := strings.TrimPrefix(f, prefix)
			if j := strings.IndexByte(rest, '/'); j >= 0 {
				sub = append(sub, f)
				// The folder's files are consecutive: walk it when it ends.
				if i+1 == len(files) || !strings.HasPrefix(files[i+1], prefix+rest[:j+1]) {
					walk(prefix+rest[:j], sub)
					sub = nil
				}
				continue
			}
			if rest == "index.html" {
				rules = append(rules, rule{prefix, want[f]})
			}
			rules = append(rules, rule{f, want[f]})
		}
	}
	walk("", files)
	slices.SortStableFunc(rules, func(a, b rule) int { return strings.Compare(a.pattern, b.pattern) })
	return rules
}

func allSame(files []string, want map[string]string) bool {
	for _, f := range files[1:] {
		if want[f] != want[files[0]] {
			return false
		}
	}
	return true
}

// redirects writes _redirects: the short address of the accessibility
// statement, when data/site.toml names one.
func (r *Renderer) redirects() []byte {
	var b strings.Builder
	b.WriteString("# Redirects for Netlify and Cloudflare Pages, written by `report build`.\n")
	for _, v := range r.versions {
		// A missing address in another language gets that language's
		// 404 page (Cloudflare finds the nearest 404.html by itself).
		b.WriteString("# A missing address under " + r.basePath + v.prefix + " gets the " + v.lang.Name + " 404 page.\n")
		b.WriteString(r.basePath + v.prefix + "* " + r.basePath + v.prefix + urls.NotFound + " 404\n")
	}
	if u := r.site.Data.Site.AccessibilityStatement; u != "" {
		b.WriteString("# The accessibility statement, made in WAS-Tool (data/site.toml).\n")
		// 302: the statement's address is data/site.toml's to change.
		for _, p := range []string{urls.Accessibility, urls.Accessibility + "/"} {
			b.WriteString(r.basePath + p + " " + u + " 302\n")
		}
	}
	return []byte(b.String())
}

// headersNow renders every page to write _headers, for the preview, which
// renders pages only when asked for.
func (p *Plan) headersNow() ([]byte, bool, error) {
	csps := make([]string, len(p.paths))
	for i, path := range p.paths {
		if j, isPage := p.pages[path]; isPage {
			f, prob := j.r.renderPage(j)
			if prob != nil {
				return nil, true, &diag.Errors{Problems: []*diag.Problem{prob}}
			}
			csps[i] = PageCSP(f.Data)
		}
	}
	return p.headers(csps), true, nil
}
