package sitecheck

import (
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Site is a built site read into memory: path → bytes.
type Site map[string][]byte

// Read loads every file of a built site.
func Read(fsys fs.FS) (Site, error) {
	s := Site{}
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		s[p] = b
		return err
	})
	return s, err
}

// ToolDir is the folder of the editors' CMS (package cms): its page is a
// tool for editors, not one of the report's pages, so Pages leaves it out
// and CMSPage checks what it must hold instead.
const ToolDir = "admin/"

// Pages lists the report's HTML files, sorted: every one but the CMS's.
func (s Site) Pages() []string {
	var out []string
	for p := range s {
		if strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, ToolDir) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

var (
	refAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idAttr  = regexp.MustCompile(`\sid="([^"]*)"`)
	cssURL  = regexp.MustCompile(`url\(\s*["']?([^"')]+)["']?\s*\)`)
)

// Refs returns the addresses a file refers to: links and sources in HTML,
// url(…) in CSS.
func (s Site) Refs(p string) []string {
	var out []string
	re := refAttr
	if strings.HasSuffix(p, ".css") {
		re = cssURL
	}
	for _, m := range re.FindAllSubmatch(s[p], -1) {
		out = append(out, strings.ReplaceAll(string(m[1]), "&amp;", "&"))
	}
	return out
}

// Resolve maps a reference in the file at from to a file of the site, for a
// site served under basePath ("/" or "/rapport/"). internal is false for
// references to other hosts and schemes.
func Resolve(from, ref, basePath string) (file, fragment string, internal bool) {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", "", false
	}
	p := u.Path
	switch {
	case p == "":
		p = "/" + from
	case strings.HasPrefix(p, "/"):
		rest, ok := strings.CutPrefix(p, strings.TrimSuffix(basePath, "/"))
		if !ok {
			return "(outside " + basePath + ")" + p, u.Fragment, true
		}
		p = rest
	default:
		p = path.Join("/", path.Dir(from), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return strings.TrimPrefix(path.Clean(p), "/"), u.Fragment, true
}

var (
	bodyClass = regexp.MustCompile(`<body class="([^"]*)"`)
	firstH1   = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
)

// Sample picks the pages a check in a browser loads, where loading every
// page would make CI grow with each edition (a page of each metric and
// cluster, in each language, at eight widths). It takes, for each kind of
// page (its <body class>) in each language, the pages most likely to show
// a problem its kind can have: the largest (the most text, tables and
// charts), the one with the longest heading, and the first and the last
// by path; up to perKind pages, and every page of a kind with no more.
// The pages come sorted, as Pages gives them.
func (s Site) Sample(perKind int) []string {
	groups := map[string][]string{}
	for _, p := range s.Pages() {
		kind := ""
		if m := bodyClass.FindSubmatch(s[p]); m != nil {
			kind = string(m[1])
		}
		if strings.HasPrefix(p, "en/") {
			kind = "en " + kind
		}
		groups[kind] = append(groups[kind], p)
	}
	var out []string
	for _, pages := range groups {
		picked := map[string]bool{}
		pick := func(p string) {
			if len(picked) < perKind {
				picked[p] = true
			}
		}
		bySize := slices.Clone(pages)
		slices.SortStableFunc(bySize, func(a, b string) int { return len(s[b]) - len(s[a]) })
		byHeading := slices.Clone(pages)
		slices.SortStableFunc(byHeading, func(a, b string) int { return len(heading(s[b])) - len(heading(s[a])) })
		pick(bySize[0])
		pick(byHeading[0])
		pick(pages[0])
		pick(pages[len(pages)-1])
		for _, p := range bySize {
			pick(p)
		}
		for p := range picked {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// heading is a page's h1, tags and all: its length is what can overflow.
func heading(page []byte) []byte {
	if m := firstH1.FindSubmatch(page); m != nil {
		return m[1]
	}
	return nil
}
