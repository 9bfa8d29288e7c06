package render

// The print edition: an edition's foreword, chapters, case stories and
// cluster directory on one page, the page the edition's PDF is printed from
// (see cmd/report-pdf). It is never published: a whole edition on one page
// is far above the site's page budget, and it would repeat every page's
// text to search engines and to the site's search. Each part is the "main"
// template of the page it comes from, rendered as the site renders it, so
// that the PDF says what the site says; its ids are prefixed with the
// part's id, so that anchors of different chapters cannot collide, and its
// links lead to the part they name inside the document, or to the site.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"report/internal/danish"
	"report/internal/diag"
	"report/internal/site"
)

// PrintTemplate draws the print edition inside base.html. It lives in a
// folder of its own: the files directly in layouts/ are the published
// pages' (see Kinds).
const PrintTemplate = "print/edition.html"

// PrintURL is the address of an edition's print page while its PDF is made.
func PrintURL(year int) string { return strconv.Itoa(year) + "/rapport/" }

// PrintStyles is the address of the stylesheet that names each part's
// running head; it is made with the print page (see PrintPage).
func PrintStyles(year int) string { return PrintURL(year) + "sider.css" }

// PDFPath is where an edition's PDF is published, and where report-pdf
// writes it in its folder: "2016/performanceregnskab-2016.pdf".
func PDFPath(year int) string {
	y := strconv.Itoa(year)
	return y + "/performanceregnskab-" + y + ".pdf"
}

// PrintData is what the print template receives: the page's data, as every
// page has it, and the parts of the document in order.
type PrintData struct {
	*PageData
	Parts  []*PrintPart
	Styles string // PrintStyles
	Author string // the publisher, or the site's title when it names none
	Date   string // the edition's day of publication, written out, when its file gives it
}

// PrintPart is a part of the print edition: the foreword, a chapter, the
// case stories (with each story a part below it) or the cluster directory.
type PrintPart struct {
	ID       string // the part's anchor; its elements' ids start with ID + "--"
	Kind     string // "forord", "chapter", "cases", "case", "clusters"
	Title    string
	Head     string // the running head of its pages
	Sheet    int    // the number of its named page in the stylesheet
	PageNo   string // its page in the PDF, for the table of contents
	Sections []*PrintSection
	Body     template.HTML
	Parts    []*PrintPart
}

// PrintSection is a section of a chapter, listed in the table of contents.
type PrintSection struct {
	ID, Title, PageNo string
}

// PrintPage renders the print edition of the edition year: its page and
// its stylesheet, at PrintURL and PrintStyles. pages gives the PDF page of
// each part and section id, for the table of contents; without it, the
// contents list no page numbers. It fails when a template fails, and when
// the assembled page would have two elements with one id or a link to an
// id it does not have.
func (p *Plan) PrintPage(year int, pages map[string]int) ([]File, error) {
	var e *site.Edition
	for _, ed := range p.r.site.Editions {
		if ed.Year == year {
			e = ed
		}
	}
	if e == nil {
		return nil, fmt.Errorf("the site has no edition %d", year)
	}
	set, err := p.printTemplates()
	if err != nil {
		return nil, err
	}
	d, err := p.printData(e)
	if err != nil {
		return nil, err
	}
	number := func(id string) string {
		if n, ok := pages[id]; ok {
			return strconv.Itoa(n)
		}
		return ""
	}
	for _, part := range d.Parts {
		part.PageNo = number(part.ID)
		for _, s := range part.Sections {
			s.PageNo = number(s.ID)
		}
		for _, sub := range part.Parts {
			sub.PageNo = number(sub.ID)
		}
	}
	var b bytes.Buffer
	if err := set.ExecuteTemplate(&b, "base.html", d); err != nil {
		return nil, &diag.Errors{Problems: []*diag.Problem{templateProblem(err)}}
	}
	if err := checkAnchors(b.String()); err != nil {
		return nil, fmt.Errorf("the print page of edition %d: %w", year, err)
	}
	return []File{
		{Path: PrintURL(year) + "index.html", Data: b.Bytes()},
		{Path: PrintStyles(year), Data: p.r.printStyles(d)},
	}, nil
}

// printTemplates parses base.html, the partials and the print template into
// a set of their own. It is parsed when asked for, not with the published
// pages' templates, since most builds make no PDF.
func (p *Plan) printTemplates() (*template.Template, error) {
	problems := &diag.List{}
	set := template.New("layouts").Funcs(p.r.funcs()).Option("missingkey=error")
	names := []string{"base.html"}
	entries, err := fs.ReadDir(p.fsys, LayoutsDir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "_") && strings.HasSuffix(e.Name(), ".html") {
			names = append(names, e.Name())
		}
	}
	for _, name := range append(names, PrintTemplate) {
		if !parseFile(set, p.fsys, name, problems) {
			break
		}
	}
	return set, problems.Err()
}

// printData assembles the parts of an edition from the pages of the plan.
func (p *Plan) printData(e *site.Edition) (*PrintData, error) {
	r := p.r
	front, ok := p.pages[site.EditionURL(e.Year)+"index.html"]
	if !ok || e.Front == nil {
		return nil, fmt.Errorf("edition %d has no front page", e.Year)
	}
	pd := *front.data
	pd.Kind, pd.URL, pd.Title = "print", PrintURL(e.Year), e.Title
	pd.Breadcrumbs, pd.Draft, pd.PDF = nil, nil, nil
	pd.Description = e.Description
	d := &PrintData{PageData: &pd, Styles: PrintStyles(e.Year)}
	if !e.Published.IsZero() {
		d.Date = danish.Date(e.Date())
	}
	d.Author = r.site.Data.Site.Publisher
	if d.Author == "" {
		d.Author = r.site.Data.Site.Title
	}

	// Where each page of the edition is in the document.
	targets := map[string]string{site.EditionURL(e.Year): "forord", site.CasesURL(e.Year): "cases", site.ClustersURL(e.Year): "klyngerne"}
	for _, ch := range e.Chapters {
		targets[ch.URL] = ch.Slug
	}
	for _, c := range e.Cases {
		targets[c.URL] = "case-" + c.Slug
	}
	rw := &rewriter{basePath: r.basePath, origin: r.origin, targets: targets}

	sheet := 0
	add := func(part *PrintPart) {
		sheet++
		part.Sheet = sheet
		d.Parts = append(d.Parts, part)
	}
	foreword := &PrintPart{ID: "forord", Kind: "forord", Title: e.Front.Title, Head: e.Front.Title}
	foreword.Body = template.HTML(rw.rewrite(r.content(e.Front.Body, e), front.data.URL, foreword.ID, 1))
	add(foreword)

	for _, ch := range e.Chapters {
		j, ok := p.pages[ch.URL+"index.html"]
		if !ok {
			return nil, fmt.Errorf("no page for chapter %s", ch.URL)
		}
		body, err := r.renderMain(j)
		if err != nil {
			return nil, err
		}
		part := &PrintPart{ID: ch.Slug, Kind: "chapter", Title: ch.Title, Head: ch.Title}
		part.Body = template.HTML(rw.rewrite(body, ch.URL, part.ID, 0))
		for _, h := range sections(ch.Body) {
			part.Sections = append(part.Sections, &PrintSection{ID: part.ID + "--" + h.ID, Title: h.Text})
		}
		add(part)
	}

	if len(e.Cases) > 0 {
		cases := &PrintPart{ID: "cases", Kind: "cases", Title: "Cases", Head: "Cases"}
		for _, group := range e.CasesByTheme() {
			for _, c := range group.Cases {
				j, ok := p.pages[c.URL+"index.html"]
				if !ok {
					return nil, fmt.Errorf("no page for case %s", c.URL)
				}
				body, err := r.renderMain(j)
				if err != nil {
					return nil, err
				}
				part := &PrintPart{ID: "case-" + c.Slug, Kind: "case", Title: c.Title, Head: "Cases"}
				part.Body = template.HTML(rw.rewrite(body, c.URL, part.ID, 1))
				cases.Parts = append(cases.Parts, part)
			}
		}
		add(cases)
	}

	j, ok := p.pages[site.ClustersURL(e.Year)+"index.html"]
	if !ok {
		return nil, fmt.Errorf("edition %d has no cluster directory", e.Year)
	}
	body, err := r.renderMain(j)
	if err != nil {
		return nil, err
	}
	clusters := &PrintPart{ID: "klyngerne", Kind: "clusters", Title: j.data.Title, Head: j.data.Title}
	clusters.Body = template.HTML(rw.rewrite(body, j.data.URL, clusters.ID, 0))
	add(clusters)
	return d, nil
}

// renderMain renders the "main" template of a page: the page without its
// frame.
func (r *Renderer) renderMain(j job) (string, error) {
	d := *j.data
	if d.Page != nil && d.Page.Body != nil {
		d.Content = template.HTML(r.content(d.Page.Body, d.Edition))
	}
	set := r.templates.sets[j.kind]
	if set == nil {
		return "", fmt.Errorf("no template for %s pages", j.kind)
	}
	var b bytes.Buffer
	if err := set.ExecuteTemplate(&b, "main", &d); err != nil {
		return "", &diag.Errors{Problems: []*diag.Problem{templateProblem(err)}}
	}
	return b.String(), nil
}

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
)

// rewrite prefixes every id of a page's HTML, and the references to them,
// with the part's id; points links at the parts of the document they lead
// to, links to the rest of the site at its published address (or, without
// one, at nothing), and addresses relative to the page at the site's root;
// and moves every heading down by demote levels.
func (rw *rewriter) rewrite(s, pageURL, prefix string, demote int) string {
	base := &url.URL{Path: rw.basePath + pageURL}
	s = idRefAttr.ReplaceAllStringFunc(s, func(m string) string {
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
			ids := strings.Fields(value)
			for i, id := range ids {
				ids[i] = prefix + "--" + id
			}
			value = strings.Join(ids, " ")
		}
		return m[:1] + name + `="` + html.EscapeString(value) + `"`
	})
	// Chromium tags every figure element as a PDF Figure, which PDF/UA
	// keeps for pictures and asks a text alternative of. A table's frame
	// and a pull quote are no pictures: their figures become plain
	// containers (a figcaption a div of class figcaption, styled alike in
	// print.css), and the table and the quote are tagged as what they are.
	// A chart's figure stays one, with the chart's title as its alternative.
	s = figureElem.ReplaceAllStringFunc(s, func(m string) string {
		sub := figureElem.FindStringSubmatch(m)
		if strings.Contains(sub[1], `class="chart"`) {
			return m
		}
		inner := figcaption.ReplaceAllStringFunc(sub[2], func(tag string) string {
			c := figcaption.FindStringSubmatch(tag)
			switch {
			case c[1] == "/":
				return "</div>"
			case strings.Contains(c[2], ` class="`):
				return "<div" + strings.Replace(c[2], ` class="`, ` class="figcaption `, 1) + ">"
			}
			return `<div class="figcaption"` + c[2] + ">"
		})
		return "<div" + sub[1] + ">" + inner + "</div>"
	})
	// A link that leads nowhere offers no download either.
	s = anchorTag.ReplaceAllStringFunc(s, func(tag string) string {
		if strings.Contains(tag, " href=") {
			return tag
		}
		return strings.Replace(tag, " download", "", 1)
	})
	if demote > 0 {
		s = headingTag.ReplaceAllStringFunc(s, func(m string) string {
			sub := headingTag.FindStringSubmatch(m)
			level := min(int(sub[2][0]-'0')+demote, 6)
			return "<" + sub[1] + "h" + strconv.Itoa(level) + sub[3]
		})
	}
	return s
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

// printStyles is the print page's own stylesheet: each part on named pages
// of its own, whose running head is the part's title, and the edition's
// name at the right. The look of the margins is in static/css/print.css.
// Links to the site's pages that the document does not hold lead to the
// site; they do not print their address after them as links elsewhere do.
func (r *Renderer) printStyles(d *PrintData) []byte {
	var b strings.Builder
	b.WriteString("@charset \"utf-8\";\n/* Made by report with the print page: the running heads. */\n")
	fmt.Fprintf(&b, "@page { @top-right { content: %s; } }\n", cssString(d.Edition.Subtitle))
	fmt.Fprintf(&b, "[data-sheet=\"0\"] { page: part-0; }\n@page part-0 { @top-left { content: %s; } }\n", cssString("Indhold"))
	for _, part := range d.Parts {
		fmt.Fprintf(&b, "[data-sheet=\"%d\"] { page: part-%d; }\n", part.Sheet, part.Sheet)
		fmt.Fprintf(&b, "@page part-%d { @top-left { content: %s; } }\n", part.Sheet, cssString(part.Head))
	}
	// The cover carries no head and no number; said last, since a margin
	// box's content set later wins over :first's in Chromium.
	b.WriteString("@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }\n")
	if r.origin != "" {
		fmt.Fprintf(&b, ".page-print a[href^=%s]::after { content: none; }\n", cssString(r.origin+r.basePath))
	}
	return []byte(b.String())
}

// cssString quotes s as a CSS string.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// PDFLink is the edition front page's link to its PDF.
type PDFLink struct {
	URL  string // PDFPath
	Size string // "2,1 MB"
}

// FileSize writes a file's size as Danish readers read it: "2,1 MB",
// "850 kB" (powers of 1000, as file managers show them).
func FileSize(n int64) string {
	switch {
	case n >= 1_000_000:
		return danish.Number(float64(n)/1e6, 1) + " MB"
	case n >= 1000:
		return danish.Number(float64(n)/1e3, 0) + " kB"
	}
	return strconv.FormatInt(n, 10) + " byte"
}

// PrintDigest is a digest of everything an edition's PDF is made from: the
// print page and its stylesheet, rendered without page numbers, and the
// files of the site they load (loaded: their paths in the site, as
// report-pdf saw the browser ask for them). report-pdf records it beside the PDF, and a build that
// publishes the PDF compares it with the site it builds, so that a PDF made
// before the content changed is not published as the edition's.
func (p *Plan) PrintDigest(year int, loaded []string) (string, error) {
	print, err := p.PrintPage(year, nil)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, f := range print {
		fmt.Fprintf(h, "%s %d\n", f.Path, len(f.Data))
		h.Write(f.Data)
	}
	for _, l := range loaded {
		rel := strings.TrimPrefix(path.Clean("/"+l), "/")
		if slices.ContainsFunc(print, func(f File) bool { return f.Path == rel }) {
			continue
		}
		data, ok, err := p.File(rel)
		if err != nil {
			return "", err
		}
		if !ok {
			fmt.Fprintf(h, "%s gone\n", rel) // a file renamed since: another digest
			continue
		}
		fmt.Fprintf(h, "%s %d\n", rel, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// DigestPath is the file report-pdf writes beside an edition's PDF, in its
// folder: the PrintDigest of what it printed on the first line, then the
// paths of the files the browser loaded, one a line.
func DigestPath(year int) string { return PDFPath(year) + ".kilde" }

// AddPDFs publishes every edition's PDF from dir, the folder report-pdf
// wrote them to, and links each edition's front page to its PDF with its
// size. It fails, naming what to do, when an edition has no PDF there, or
// one made from other content than the site's now.
func (p *Plan) AddPDFs(dir fs.FS, where string) error {
	problems := &diag.List{}
	for _, e := range p.r.site.Editions {
		pdf, digest := PDFPath(e.Year), DigestPath(e.Year)
		shown := path.Join(where, pdf)
		info, err := fs.Stat(dir, pdf)
		if err != nil {
			problems.Errorf(shown, 0, 0, "no PDF of edition %d: make it with report-pdf first, as `make publish` does", e.Year)
			continue
		}
		if info.Size() > site.MaxAssetSize {
			problems.Errorf(shown, 0, 0, "%s", site.TooBig(info.Size()))
			continue
		}
		record, err := fs.ReadFile(dir, digest)
		if err != nil {
			problems.Errorf(path.Join(where, digest), 0, 0, "cannot read what the PDF was made from: %v; make the PDF again with report-pdf", err)
			continue
		}
		lines := strings.Split(strings.TrimSpace(string(record)), "\n")
		now, err := p.PrintDigest(e.Year, lines[1:])
		if err != nil {
			problems.Errorf(shown, 0, 0, "%v", err)
			continue
		}
		if now != lines[0] {
			problems.Errorf(shown, 0, 0, "the PDF of edition %d was made from other content, templates or styles than this build's; make it again with report-pdf (`make publish` does both)", e.Year)
			continue
		}
		data, err := fs.ReadFile(dir, pdf)
		if err != nil {
			problems.Errorf(shown, 0, 0, "cannot read the PDF: %v", err)
			continue
		}
		if p.Has(pdf) {
			problems.Errorf(shown, 0, 0, "the site already has a file %s; rename that file, the edition's PDF is published there", pdf)
			continue
		}
		p.files[pdf] = data
		i, _ := slices.BinarySearch(p.paths, pdf)
		p.paths = slices.Insert(p.paths, i, pdf)
		if front, ok := p.pages[site.EditionURL(e.Year)+"index.html"]; ok {
			front.data.PDF = &PDFLink{URL: pdf, Size: FileSize(int64(len(data)))}
		}
	}
	return problems.Err()
}

// PrintMeta is what an edition's PDF says of itself in its document
// information: the print page's title, author and description, and the
// edition's day of publication (January 1st of its year when its file
// gives none), which stands for the PDF's dates, so that no clock time
// reaches the file.
type PrintMeta struct {
	Title, Author, Subject string
	Date                   time.Time
}

// PrintMeta returns the document information of edition year's PDF.
func (p *Plan) PrintMeta(year int) (PrintMeta, error) {
	for _, e := range p.r.site.Editions {
		if e.Year != year {
			continue
		}
		d, err := p.printData(e)
		if err != nil {
			return PrintMeta{}, err
		}
		return PrintMeta{Title: e.Title + " – " + e.Subtitle, Author: d.Author, Subject: e.Description, Date: e.Date()}, nil
	}
	return PrintMeta{}, fmt.Errorf("the site has no edition %d", year)
}

// Editions lists the years of the site's editions, oldest first.
func (p *Plan) Editions() []int {
	var out []int
	for _, e := range p.r.site.Editions {
		out = append(out, e.Year)
	}
	return out
}
