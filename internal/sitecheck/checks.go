package sitecheck

import (
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// BrokenLinks lists every internal reference that leads nowhere: a missing
// file, or an anchor the target page does not have.
func (s Site) BrokenLinks(basePath string) []string {
	ids := map[string]map[string]bool{}
	for _, p := range s.Pages() {
		ids[p] = map[string]bool{}
		for _, m := range idAttr.FindAllSubmatch(s[p], -1) {
			ids[p][string(m[1])] = true
		}
	}
	var broken []string
	for p := range s {
		if !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".css") {
			continue
		}
		for _, ref := range s.Refs(p) {
			file, frag, internal := Resolve(p, ref, basePath)
			if !internal {
				continue
			}
			if _, ok := s[file]; !ok {
				broken = append(broken, fmt.Sprintf("%s: %q leads to %s, which does not exist", p, ref, file))
			} else if frag != "" && ids[file] != nil && !ids[file][frag] {
				broken = append(broken, fmt.Sprintf("%s: %q: %s has no element with id %q", p, ref, file, frag))
			}
		}
	}
	slices.Sort(broken)
	return broken
}

// Budget limits what a page may weigh: the HTML alone, and the HTML with
// everything it loads (style sheets, fonts and images they name).
type Budget struct {
	HTML  int
	Total int
}

// Weight is a page's weight in bytes.
type Weight struct {
	Page  string
	HTML  int
	Total int
}

// Weigh weighs every page, heaviest first. Each asset counts once per page.
func (s Site) Weigh(basePath string) []Weight {
	var out []Weight
	for _, p := range s.Pages() {
		seen := map[string]bool{p: true}
		total := s.load(p, basePath, seen)
		out = append(out, Weight{Page: p, HTML: len(s[p]), Total: total})
	}
	slices.SortStableFunc(out, func(a, b Weight) int { return cmp.Or(b.Total-a.Total, strings.Compare(a.Page, b.Page)) })
	return out
}

// load adds up a file and what it loads; links to other pages do not count.
func (s Site) load(p, basePath string, seen map[string]bool) int {
	total := len(s[p])
	for _, ref := range s.Refs(p) {
		file, _, internal := Resolve(p, ref, basePath)
		if !internal || seen[file] || !isAsset(file) {
			continue
		}
		if _, ok := s[file]; !ok {
			continue
		}
		seen[file] = true
		total += s.load(file, basePath, seen)
	}
	return total
}

// isAsset tells what a browser fetches to draw a page, as opposed to what a
// reader may follow or download.
func isAsset(p string) bool {
	for _, ext := range []string{".css", ".js", ".ttf", ".woff", ".woff2", ".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".ico"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return false
}

// OverBudget lists the pages that break the budget.
func OverBudget(weights []Weight, b Budget) []string {
	var out []string
	for _, w := range weights {
		if w.HTML > b.HTML {
			out = append(out, fmt.Sprintf("%s: %d bytes of HTML, budget %d", w.Page, w.HTML, b.HTML))
		}
		if w.Total > b.Total {
			out = append(out, fmt.Sprintf("%s: %d bytes with what it loads, budget %d", w.Page, w.Total, b.Total))
		}
	}
	return out
}

var (
	cspMeta      = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	scriptTag    = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	eventHandler = regexp.MustCompile(`(?i)<[^>]+\son[a-z]+\s*=`)
	jsURL        = regexp.MustCompile(`(?i)(?:href|src)\s*=\s*"\s*javascript:`)
)

// ScriptProblems lists pages that could run script the site did not
// intend: a missing or permissive Content-Security-Policy, inline script,
// event handler attributes, javascript: links. A JSON-LD block is data, which
// no browser runs, and passes if it is JSON.
func (s Site) ScriptProblems() []string {
	var out []string
	for _, p := range s.Pages() {
		page := s[p]
		m := cspMeta.FindSubmatch(page)
		switch {
		case m == nil:
			out = append(out, p+": no Content-Security-Policy meta tag")
		case !strings.Contains(string(m[1]), "script-src 'self'") || strings.Contains(string(m[1]), "unsafe-inline"):
			out = append(out, p+": the Content-Security-Policy allows inline script: "+string(m[1]))
		}
		for _, sm := range scriptTag.FindAllSubmatch(page, -1) {
			if strings.TrimSpace(string(sm[1])) == `type="application/ld+json"` {
				if !json.Valid(sm[2]) {
					out = append(out, p+": a JSON-LD block that is not JSON")
				}
				continue
			}
			if len(strings.TrimSpace(string(sm[2]))) > 0 || !strings.Contains(string(sm[1]), "src=") {
				out = append(out, p+": inline <script>")
			}
		}
		if eventHandler.Match(page) {
			out = append(out, p+": an on… event handler attribute")
		}
		if jsURL.Match(page) {
			out = append(out, p+": a javascript: URL")
		}
	}
	return out
}

// Problems runs the checks every built site must pass, for a site
// published under basePath: links that lead nowhere, script that could
// run, the essentials of every page, _headers as hosts read it, and the
// pages' weight against PageBudget. It returns the problems and the
// pages' weights, heaviest first, for a test to log.
func (s Site) Problems(basePath string) ([]string, []Weight) {
	var out []string
	out = append(out, s.BrokenLinks(basePath)...)
	out = append(out, s.ScriptProblems()...)
	out = append(out, s.Essentials()...)
	out = append(out, s.HeaderProblems(basePath)...)
	weights := s.Weigh(basePath)
	out = append(out, OverBudget(weights, PageBudget)...)
	return out, weights
}
