package printpage

// The HTML of a page made into a part of the print page: one document
// holds every page of an edition, so ids that each page may use alone must
// be told apart, links between pages must lead inside the document, and a
// few elements must change for the PDF's tags. The assembled page is then
// checked, since a broken anchor in a PDF fails silently.

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"report/internal/render"
	"slices"
	"strconv"
	"strings"
)

// rewriter makes a page's HTML a part of the print page.
type rewriter struct {
	basePath string            // "/rapport/"
	origin   string            // "https://example.org", or ""
	targets  map[string]string // page path under the site → its part's id
}

// The HTML the templates and the Markdown write quotes every attribute with
// " and escapes " in text and attributes alike, so these match attributes
// and tags only.
var (
	idRefAttr  = regexp.MustCompile(`\s(id|href|src|aria-labelledby|aria-describedby|aria-controls|headers|for)="([^"]*)"`)
	headingTag = regexp.MustCompile(`<(/?)h([1-6])([\s>])`)
	figureElem = regexp.MustCompile(`(?s)<figure\b([^>]*)>(.*?)</figure>`)
	figcaption = regexp.MustCompile(`<(/?)figcaption\b([^>]*)>`)
	anchorTag  = regexp.MustCompile(`<a\b[^>]*>`)
	webLink    = regexp.MustCompile(`(?s)<a\b[^>]*\shref="(https?://[^"]*)"[^>]*>(.*?)</a>`)
	tableElem  = regexp.MustCompile(`(?s)<table\b.*?</table>`)
	anyTag     = regexp.MustCompile(`<[^>]*>`)
)

// rewrite prefixes every id of a page's HTML, and the references to them,
// with the part's id; points links at the parts of the document they lead
// to, links to the rest of the site at its published address (or, without
// one, at nothing), and addresses relative to the page at the site's root;
// and moves every heading down by demote levels.
func (rw *rewriter) rewrite(s, pageURL, prefix string, demote int) string {
	s = rw.rewriteRefs(s, &url.URL{Path: rw.basePath + pageURL}, prefix)
	s = unfigure(s)
	s = dropDeadDownloads(s)
	s = printAddresses(s, rw.origin+rw.basePath)
	if demote > 0 {
		s = demoteHeadings(s, demote)
	}
	return s
}

// rewriteRefs rewrites every attribute that names an id or an address;
// base is the page's address, for the relative ones. An href that should
// lead nowhere is dropped, attribute and all.
func (rw *rewriter) rewriteRefs(s string, base *url.URL, prefix string) string {
	return idRefAttr.ReplaceAllStringFunc(s, func(m string) string {
		sub := idRefAttr.FindStringSubmatch(m)
		name, value := sub[1], html.UnescapeString(sub[2])
		switch name {
		case "href":
			v, keep := rw.link(base, value, prefix)
			if !keep {
				return ""
			}
			value = v
		case "src":
			if u, err := url.Parse(value); err == nil && u.Scheme == "" && u.Host == "" {
				value = base.ResolveReference(u).String()
			}
		default:
			value = prefixIDs(value, prefix)
		}
		return m[:1] + name + `="` + html.EscapeString(value) + `"`
	})
}

// prefixIDs prefixes each id of a space-separated list, as
// aria-labelledby and headers hold them, not only the first.
func prefixIDs(value, prefix string) string {
	ids := strings.Fields(value)
	for i, id := range ids {
		ids[i] = prefix + "--" + id
	}
	return strings.Join(ids, " ")
}

// unfigure keeps figure elements for pictures alone. Chromium tags every
// figure element as a PDF Figure, which PDF/UA keeps for pictures and asks
// a text alternative of. A table's frame and a pull quote are no pictures:
// their figures become plain containers (a figcaption a div of class
// figcaption, styled alike in print.css), and the table and the quote are
// tagged as what they are. A chart's figure stays one, with the chart's
// title as its alternative.
func unfigure(s string) string {
	return figureElem.ReplaceAllStringFunc(s, func(m string) string {
		sub := figureElem.FindStringSubmatch(m)
		if strings.Contains(sub[1], `class="chart"`) {
			return m
		}
		inner := figcaption.ReplaceAllStringFunc(sub[2], captionAsDiv)
		return "<div" + sub[1] + ">" + inner + "</div>"
	})
}

// captionAsDiv turns a figcaption tag, opening or closing, into a div's,
// keeping its attributes and adding the class print.css styles it by.
func captionAsDiv(tag string) string {
	c := figcaption.FindStringSubmatch(tag)
	switch {
	case c[1] == "/":
		return "</div>"
	case strings.Contains(c[2], ` class="`):
		return "<div" + strings.Replace(c[2], ` class="`, ` class="figcaption `, 1) + ">"
	}
	return `<div class="figcaption"` + c[2] + ">"
}

// printAddresses writes a web link's address after it, as paper needs,
// where its words do not already say it ("www.clusterexcellencedenmark.dk")
// and outside tables, where a link names a figure's page and an address
// in every row would bury the figures. A link to the site itself (site,
// its address) is left as it is: the PDF's reader follows it, and its
// pages are in the PDF. The address may break only after a "/": each piece
// between is kept whole (print.css).
func printAddresses(s, site string) string {
	tables := tableElem.FindAllStringIndex(s, -1)
	inTable := func(at int) bool {
		for _, t := range tables {
			if at >= t[0] && at < t[1] {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	last := 0
	for _, m := range webLink.FindAllStringSubmatchIndex(s, -1) {
		href := html.UnescapeString(s[m[2]:m[3]])
		words := html.UnescapeString(anyTag.ReplaceAllString(s[m[4]:m[5]], ""))
		if inTable(m[0]) || render.WebName(words) == render.WebName(href) || strings.HasPrefix(href, site) && strings.Contains(site, "://") {
			continue
		}
		b.WriteString(s[last:m[1]])
		b.WriteString(` <span class="print-url">(`)
		name := render.WebName(href)
		for len(name) > 0 {
			piece, rest, found := strings.Cut(name, "/")
			if found {
				piece += "/"
			}
			b.WriteString("<span>" + html.EscapeString(piece) + "</span>")
			if rest != "" {
				b.WriteString("<wbr>")
			}
			name = rest
		}
		b.WriteString(")</span>")
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// dropDeadDownloads takes download off the links rewriteRefs left without
// an address: a link that leads nowhere offers no download either.
func dropDeadDownloads(s string) string {
	return anchorTag.ReplaceAllStringFunc(s, func(tag string) string {
		if strings.Contains(tag, " href=") {
			return tag
		}
		return strings.Replace(tag, " download", "", 1)
	})
}

// demoteHeadings moves every heading down by demote levels, h6 at most, so
// that a page's outline sits below the part's title that contains it.
func demoteHeadings(s string, demote int) string {
	return headingTag.ReplaceAllStringFunc(s, func(m string) string {
		sub := headingTag.FindStringSubmatch(m)
		level := min(int(sub[2][0]-'0')+demote, 6)
		return "<" + sub[1] + "h" + strconv.Itoa(level) + sub[3]
	})
}

// link rewrites one link; keep is false when it should lead nowhere.
func (rw *rewriter) link(base *url.URL, value, prefix string) (string, bool) {
	if strings.HasPrefix(value, "#") {
		return "#" + prefix + "--" + value[1:], true
	}
	u, err := url.Parse(value)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return value, true // another site, mail
	}
	abs := base.ResolveReference(u)
	p, inside := strings.CutPrefix(abs.Path, rw.basePath)
	if id, ok := rw.targets[p]; inside && ok {
		if abs.Fragment == "" {
			return "#" + id, true
		}
		return "#" + id + "--" + abs.Fragment, true
	}
	if rw.origin == "" {
		return "", false
	}
	return rw.origin + abs.String(), true
}

var (
	anyID     = regexp.MustCompile(`\sid="([^"]*)"`)
	localLink = regexp.MustCompile(`\shref="#([^"]*)"`)
)

// checkAnchors reports ids given twice and links to ids nobody has.
func checkAnchors(page string) error {
	ids := map[string]bool{}
	var problems []string
	for _, m := range anyID.FindAllStringSubmatch(page, -1) {
		id := html.UnescapeString(m[1])
		if ids[id] {
			problems = append(problems, fmt.Sprintf("two elements have the id %q", id))
		}
		ids[id] = true
	}
	for _, m := range localLink.FindAllStringSubmatch(page, -1) {
		if id := html.UnescapeString(m[1]); !ids[id] {
			problems = append(problems, fmt.Sprintf("a link leads to #%s, which no element has", id))
		}
	}
	if len(problems) == 0 {
		return nil
	}
	slices.Sort(problems)
	return fmt.Errorf("%s", strings.Join(slices.Compact(problems), "; "))
}
