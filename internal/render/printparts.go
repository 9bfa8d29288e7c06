package render

// The parts of the print edition, gathered from the plan's pages: each
// part is the "main" template of the page it comes from, rendered as the
// site renders that page, so that the PDF says what the site says.

import (
	"bytes"
	"fmt"
	"html/template"

	"report/internal/diag"
	"report/internal/site"
	"report/internal/urls"
)

// printData assembles the parts of an edition from the pages of the plan.
// r is the renderer of the print's language, e the edition as it has it.
func (p *Plan) printData(r *Renderer, e *site.Edition, pr Print) (*PrintData, error) {
	front, ok := p.pages[r.prefix+urls.Edition(e.Year)+"index.html"]
	if !ok || e.Front == nil {
		return nil, fmt.Errorf("edition %d has no front page", e.Year)
	}
	d := r.printPageData(e, front, pr)
	rw := r.printRewriter(e)
	d.add(r.forewordPart(e, front, rw))
	chapters, err := p.chapterParts(r, e, rw)
	if err != nil {
		return nil, err
	}
	for _, part := range chapters {
		d.add(part)
	}
	if len(e.Cases) > 0 {
		cases, err := p.casesPart(r, e, rw)
		if err != nil {
			return nil, err
		}
		d.add(cases)
	}
	clusters, err := p.clustersPart(r, e, rw)
	if err != nil {
		return nil, err
	}
	d.add(clusters)
	return d, nil
}

// printPageData is the print page's own data: the edition's front page's,
// since the print page stands for the edition as its front page does, less
// what belongs to a published page alone (its place in the site, its draft
// notice, the link to the PDF it is about to become, its versions in other
// languages: a PDF is in one).
func (r *Renderer) printPageData(e *site.Edition, front job, pr Print) *PrintData {
	pd := *front.data
	pd.Kind, pd.URL, pd.Title = "print", urls.Print(e.Year), e.Title
	pd.Breadcrumbs, pd.Draft, pd.PDF = nil, nil, nil
	pd.Versions, pd.Switch = nil, nil
	pd.Description = e.Description
	d := &PrintData{PageData: &pd, Styles: pr.Styles()}
	if !e.Published.IsZero() {
		d.Date = r.published(e.Published)
	}
	d.Author = r.publisher()
	return d
}

// add appends a part, on a named page of the stylesheet of its own; sheet
// 0 is the table of contents'.
func (d *PrintData) add(part *PrintPart) {
	part.Sheet = len(d.Parts) + 1
	d.Parts = append(d.Parts, part)
}

// printRewriter knows where each page of the edition is in the document,
// so that a link to one leads to its part.
func (r *Renderer) printRewriter(e *site.Edition) *rewriter {
	targets := map[string]string{urls.Edition(e.Year): "forord", urls.Cases(e.Year): "cases", urls.Clusters(e.Year): "klyngerne"}
	for _, ch := range e.Chapters {
		targets[ch.URL] = ch.Slug
	}
	for _, c := range e.Cases {
		targets[c.URL] = "case-" + c.Slug
	}
	return &rewriter{basePath: r.basePath, origin: r.origin, targets: targets}
}

// forewordPart is the front page's Markdown alone, not the page's main
// template: the print template draws its title and the key figures around
// it, so its headings go a level down, under that title.
func (r *Renderer) forewordPart(e *site.Edition, front job, rw *rewriter) *PrintPart {
	foreword := &PrintPart{ID: "forord", Kind: "forord", Title: e.Front.Title, Head: e.Front.Title}
	foreword.Body = template.HTML(rw.rewrite(r.content(e.Front.Body, e), front.data.URL, foreword.ID, 1))
	return foreword
}

// chapterParts are the edition's chapters, each listing its sections for
// the table of contents.
func (p *Plan) chapterParts(r *Renderer, e *site.Edition, rw *rewriter) ([]*PrintPart, error) {
	var parts []*PrintPart
	for _, ch := range e.Chapters {
		j, ok := p.pages[r.prefix+ch.URL+"index.html"]
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
		parts = append(parts, part)
	}
	return parts, nil
}

// casesPart is one part for all case stories, in the order of the cases
// page, each story a part below it, its headings a level down.
func (p *Plan) casesPart(r *Renderer, e *site.Edition, rw *rewriter) (*PrintPart, error) {
	title := r.lang.T("cases.title")
	cases := &PrintPart{ID: "cases", Kind: "cases", Title: title, Head: title}
	for _, group := range e.CasesByTheme() {
		for _, c := range group.Cases {
			j, ok := p.pages[r.prefix+c.URL+"index.html"]
			if !ok {
				return nil, fmt.Errorf("no page for case %s", c.URL)
			}
			body, err := r.renderMain(j)
			if err != nil {
				return nil, err
			}
			part := &PrintPart{ID: "case-" + c.Slug, Kind: "case", Title: c.Title, Head: title}
			part.Body = template.HTML(rw.rewrite(body, c.URL, part.ID, 1))
			cases.Parts = append(cases.Parts, part)
		}
	}
	return cases, nil
}

// clustersPart is the edition's cluster directory.
func (p *Plan) clustersPart(r *Renderer, e *site.Edition, rw *rewriter) (*PrintPart, error) {
	j, ok := p.pages[r.prefix+urls.Clusters(e.Year)+"index.html"]
	if !ok {
		return nil, fmt.Errorf("edition %d has no cluster directory", e.Year)
	}
	body, err := r.renderMain(j)
	if err != nil {
		return nil, err
	}
	clusters := &PrintPart{ID: "klyngerne", Kind: "clusters", Title: j.data.Title, Head: j.data.Title}
	clusters.Body = template.HTML(rw.rewrite(body, j.data.URL, clusters.ID, 0))
	return clusters, nil
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
