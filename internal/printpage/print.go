package printpage

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"

	"report/internal/data"
	"report/internal/render"
	"report/internal/site"
	"report/internal/urls"
)

// printTemplate draws the print edition inside base.html. It lives in a
// folder of its own: the files directly in layouts/ are the published
// pages' (see render.Kinds).
const printTemplate = "print/edition.html"

// Print is one PDF that report-pdf prints: an edition in one of the
// languages the site has its front page in. The Danish are at the site's
// root, another language's below its folder: en/2016/….
type Print struct {
	Year   int
	Lang   string // the language's code, "da", which the PDF declares
	prefix string // the language's folder, "en/", or "" for the Danish
}

// URL is the print page's path in the site while the PDF is made.
func (pr Print) URL() string { return pr.prefix + urls.Print(pr.Year) }

// Styles is the path of the stylesheet that names each part's running
// head; it is made with the print page (see Page).
func (pr Print) Styles() string { return pr.URL() + "sider.css" }

// PDFPath is where the PDF is published, and where report-pdf writes it
// in its folder: "2016/performanceregnskab-2016.pdf", "en/2016/…".
func (pr Print) PDFPath() string { return pr.prefix + urls.PDF(pr.Year) }

// DigestPath is the file report-pdf writes beside the PDF, in its folder:
// the Digest of what it printed on the first line, then the paths of
// the files the browser loaded, one a line.
func (pr Print) DigestPath() string { return pr.PDFPath() + ".kilde" }

func (pr Print) String() string { return fmt.Sprintf("edition %d (%s)", pr.Year, pr.Lang) }

// Prints lists the PDFs report-pdf prints: each edition's, oldest first,
// in Danish, then in each other language that has its front page.
func Prints(p *render.Plan) []Print {
	var out []Print
	languages := p.Languages()
	for _, e := range languages[0].Site().Editions {
		for _, r := range languages {
			if _, of, ok := p.Page(r.Prefix() + urls.Edition(e.Year) + "index.html"); ok && of == r {
				out = append(out, Print{Year: e.Year, Lang: r.Lang().Code, prefix: r.Prefix()})
			}
		}
	}
	return out
}

// printer is the renderer of the print's language, and the edition as
// that language has it.
func printer(p *render.Plan, pr Print) (*render.Renderer, *site.Edition, error) {
	for _, r := range p.Languages() {
		if r.Prefix() != pr.prefix || r.Lang().Code != pr.Lang {
			continue
		}
		for _, e := range r.Site().Editions {
			if e.Year == pr.Year {
				return r, e, nil
			}
		}
	}
	return nil, nil, fmt.Errorf("the site has no %s", pr)
}

// Data is what the print template receives: the page's data, as every
// page has it, and the parts of the document in order.
type Data struct {
	*render.PageData
	Parts  []*Part
	Styles string // Print.Styles
	Author string // the publisher, or the site's title when it names none
	Date   string // the edition's day of publication, written out, when its file gives it
}

// Part is a part of the print edition: the foreword, a chapter, the
// case stories (with each story a part below it) or the cluster directory.
type Part struct {
	ID       string // the part's anchor; its elements' ids start with ID + "--"
	Kind     string // "forord", "chapter", "cases", "case", "clusters"
	Title    string
	Head     string // the running head of its pages
	Sheet    int    // the number of its named page in the stylesheet
	PageNo   string // its page in the PDF, for the table of contents
	Sections []*Section
	Body     template.HTML
	Parts    []*Part
}

// Section is a section of a chapter, listed in the table of contents.
type Section struct {
	ID, Title, PageNo string
}

// Page renders a print's page and its stylesheet, at Print.URL and
// Print.Styles. pages gives the PDF page of
// each part and section id, for the table of contents; without it, the
// contents list no page numbers. It fails when a template fails, and when
// the assembled page would have two elements with one id or a link to an
// id it does not have.
func Page(p *render.Plan, pr Print, pages map[string]int) ([]render.File, error) {
	r, e, err := printer(p, pr)
	if err != nil {
		return nil, err
	}
	set, err := p.Templates(r, printTemplate)
	if err != nil {
		return nil, err
	}
	d, err := assemble(p, r, e, pr)
	if err != nil {
		return nil, err
	}
	d.numberPages(pages)
	var b bytes.Buffer
	if err := set.ExecuteTemplate(&b, "base.html", d); err != nil {
		return nil, render.TemplateError(err)
	}
	if err := checkAnchors(b.String()); err != nil {
		return nil, fmt.Errorf("the print page of %s: %w", pr, err)
	}
	return []render.File{
		{Path: pr.URL() + "index.html", Data: b.Bytes()},
		{Path: pr.Styles(), Data: runningHeads(r.Lang(), d)},
	}, nil
}

// numberPages gives every entry of the table of contents its page in the
// PDF, which only printing the page tells (package pdf prints it again
// until the numbers hold); an id that pages does not name gets none.
func (d *Data) numberPages(pages map[string]int) {
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
}

// Meta is what an edition's PDF says of itself in its document
// information: the print page's title, author and description, and the
// edition's day of publication (January 1st of its year when its file
// gives none), which stands for the PDF's dates, so that no clock time
// reaches the file.
type Meta struct {
	Title, Author, Subject string
	Date                   data.PubDate // none in a site that is not published
}

// MetaOf returns the document information of a print's PDF.
func MetaOf(p *render.Plan, pr Print) (Meta, error) {
	r, e, err := printer(p, pr)
	if err != nil {
		return Meta{}, err
	}
	return Meta{Title: r.Lang().Tf("page.title", e.Title, e.Subtitle), Author: r.Publisher(), Subject: e.Description, Date: e.Published}, nil
}
