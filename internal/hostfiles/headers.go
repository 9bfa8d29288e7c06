package hostfiles

import (
	"bytes"
	"html"
	"slices"
	"strings"

	"report/internal/urls"
)

// A static host that reads _headers gets it written beside the pages, made
// from the site itself:
//
//   - every file carries the Content-Security-Policy of its page as a real
//     header, the very policy of the page's meta tag (read from the page as
//     rendered, so a page kind that loosens it, as the search page does,
//     gets its own); other files carry the policy most pages have;
//   - files with hashed names are cached for a year, immutable; everything
//     else, pages first, is checked with the host on every use (no-cache).
//
// A request that matches several rules gets the headers of all of them on
// Cloudflare Pages, joined, and two policies are both enforced; so the rules
// never overlap. A folder whose files all want the same headers is one rule,
// /2016/*; a folder that mixes is split into its files and folders.
// Cloudflare allows 100 rules; TestHeaderRulesStayFew counts the shipped
// site's.

// Cache policies.
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// cspMeta opens the tag that states a page's policy; its content runs to
// the next quote, which must close the tag.
const cspMeta = `<meta http-equiv="Content-Security-Policy" content="`

// PageCSP returns the Content-Security-Policy of a rendered page's meta tag,
// or "" when it has none. It is read from every page a build writes, so it
// searches for the tag: a regular expression over the head took 14 µs a
// page, 50 times as long (TestPageCSP holds the two to the same answers).
func PageCSP(page []byte) string {
	head := page
	if i := bytes.Index(page, []byte("</head>")); i >= 0 {
		head = page[:i]
	}
	for {
		i := bytes.Index(head, []byte(cspMeta))
		if i < 0 {
			return ""
		}
		head = head[i+len(cspMeta):]
		if end := bytes.IndexByte(head, '"'); end >= 0 && bytes.HasPrefix(head[end:], []byte(`">`)) {
			return html.UnescapeString(string(head[:end]))
		}
	}
}

// File is one file of the site as _headers describes it.
type File struct {
	Path      string // relative to the site's root, "2016/index.html"
	Page      bool   // a page, rendered from a template
	CSP       string // a page's policy, as its meta tag states it (PageCSP)
	Immutable bool   // published under a name that carries its content's hash
}

// Headers writes _headers for a site published under basePath ("/rapport/"),
// given its files (a build's come sorted by path), and the folders a tool publishes with
// its own policy (folder → Content-Security-Policy, such as the editors'
// CMS at admin/), whose files search engines are also told not to index.
func Headers(basePath string, files []File, tools map[string]string) []byte {
	byPath := func(a, b File) int { return strings.Compare(a.Path, b.Path) }
	if !slices.IsSortedFunc(files, byPath) {
		// The rules are grouped over the files in this order (headerRules).
		files = slices.SortedFunc(slices.Values(files), byPath)
	}
	// The policy most pages state; ties go to the first in order.
	count := map[string]int{}
	common := ""
	for _, f := range files {
		if !f.Page || f.CSP == "" {
			continue
		}
		count[f.CSP]++
		if count[f.CSP] > count[common] || count[f.CSP] == count[common] && f.CSP < common {
			common = f.CSP
		}
	}
	// Pagefind's worker runs under the policy its own file is served with,
	// not the search page's, and compiles WebAssembly: the index's folder
	// gets the search page's policy.
	search := common
	if i := slices.IndexFunc(files, func(f File) bool { return f.Path == urls.Search+"index.html" }); i >= 0 && files[i].CSP != "" {
		search = files[i].CSP
	}
	// Each file's headers, in the files' order. Most files share theirs
	// with thousands of others, so each set is written once and shared:
	// at 10,000 pages a string a file was most of the time Headers took.
	type set struct {
		csp       string
		immutable bool
		tool      bool
	}
	written := map[set]string{}
	want := make([]fileHeaders, 0, len(files))
	for _, f := range files {
		if f.Path == urls.Headers || f.Path == urls.Redirects {
			continue // read by the host, never served
		}
		s := set{csp: f.CSP, immutable: f.Immutable}
		if !f.Page {
			s.csp = common
			if strings.HasPrefix(f.Path, urls.Pagefind) {
				s.csp = search
			}
		}
		for dir, csp := range tools {
			if strings.HasPrefix(f.Path, dir+"/") {
				s.tool, s.csp = true, csp
				if f.Page {
					s.csp = ""
				}
			}
		}
		lines, ok := written[s]
		if !ok {
			hs := headersFor(s.csp, s.immutable)
			if s.tool {
				hs = append(hs, header{"X-Robots-Tag", "noindex"})
			}
			lines = headerLines(hs)
			written[s] = lines
		}
		want = append(want, fileHeaders{f.Path, lines})
	}
	var out strings.Builder
	out.WriteString("# Response headers for Netlify and Cloudflare Pages, written by `report build`\n" +
		"# from the site: each page's Content-Security-Policy as its meta tag states it,\n" +
		"# a year's caching for files with a content hash in their names, and no-cache\n" +
		"# for the rest. No two rules match the same address.\n")
	for _, r := range headerRules(want) {
		out.WriteString("\n" + basePath + r.pattern + "\n" + r.headers)
	}
	return []byte(out.String())
}

// header is one header line.
type header struct{ name, value string }

// headerLines are the headers as a rule lists them, written into a string
// sized once: growing it took a third of the time Headers took at 10,000
// pages (BenchmarkHeaders).
func headerLines(hs []header) string {
	n := 0
	for _, h := range hs {
		n += len("  : \n") + len(h.name) + len(h.value)
	}
	var b strings.Builder
	b.Grow(n)
	for _, h := range hs {
		b.WriteString("  ")
		b.WriteString(h.name)
		b.WriteString(": ")
		b.WriteString(h.value)
		b.WriteString("\n")
	}
	return b.String()
}

// headersFor are the headers of a file served under the policy csp (none
// when ""), cached for a year when immutable.
func headersFor(csp string, immutable bool) []header {
	var hs []header
	if csp != "" {
		hs = append(hs, header{"Content-Security-Policy", csp})
	}
	cache := cacheRevalidate
	if immutable {
		cache = cacheImmutable
	}
	return append(hs, header{"Cache-Control", cache}, header{"X-Content-Type-Options", "nosniff"})
}

// fileHeaders is a file's path and its headers, as a rule lists them.
type fileHeaders struct{ path, headers string }

// rule is one block of _headers: an address pattern, without the base
// path, and its header lines.
type rule struct{ pattern, headers string }

// headerRules groups the files' headers into rules that never overlap: a
// folder whose files all want the same headers is one rule ("2016/*"), any
// other folder is split into its files and its folders. A page's folder
// address ("2016/cases/") gets the rule of its index.html.
func headerRules(want []fileHeaders) []rule {
	var rules []rule
	var walk func(dir string, files []fileHeaders)
	walk = func(dir string, files []fileHeaders) {
		prefix := ""
		if dir != "" {
			prefix = dir + "/"
		}
		if len(files) > 0 && allSame(files) {
			rules = append(rules, rule{prefix + "*", files[0].headers})
			return
		}
		start := -1 // of the folder whose files are being passed
		for i, f := range files {
			rest := strings.TrimPrefix(f.path, prefix)
			if j := strings.IndexByte(rest, '/'); j >= 0 {
				if start < 0 {
					start = i
				}
				// The folder's files are consecutive: walk it when it ends.
				if i+1 == len(files) || !strings.HasPrefix(files[i+1].path, prefix+rest[:j+1]) {
					walk(prefix+rest[:j], files[start:i+1])
					start = -1
				}
				continue
			}
			if rest == "index.html" {
				rules = append(rules, rule{prefix, f.headers})
			}
			rules = append(rules, rule{f.path, f.headers})
		}
	}
	walk("", want)
	slices.SortStableFunc(rules, func(a, b rule) int { return strings.Compare(a.pattern, b.pattern) })
	return rules
}

func allSame(files []fileHeaders) bool {
	for _, f := range files[1:] {
		if f.headers != files[0].headers {
			return false
		}
	}
	return true
}
