package printpage

// The parts of the print edition, gathered from the plan's pages: each
// part is the "main" template of the page it comes from, rendered as the
// site renders that page, so that the PDF says what the site says.

import (
	"fmt"
	"html/template"

	"report/internal/render"
	"report/internal/site"
	"report/internal/urls"
)

// assemble gathers the parts of an edition from the pages of the plan. r
// is the renderer of the print's language, e the edition as it has it.
func assemble(p *render.Plan, r *render.Renderer, e *site.Edition, pr Print) (*Data, error) {
	front, _, ok := p.Page(r.Prefix() + urls.Edition(e.Year) + "index.html")
	if !ok || e.Front == nil {
		return nil, fmt.Errorf("edition %d has no front page", e.Year)
	}
	d := pageData(r, e, front, pr)
	if err := r.FillHead(d.PageData); err != nil {
		return nil, render.TemplateError(err)
	}
	rw := newRewriter(r, e)
	d.add(forewordPart(r, e, front, rw))
	chapters, err := chapterParts(p, r, e, rw)
	if err != nil {
		return nil, err
	}
	for _, part := range chapters {
		d.add(part)
	}
	if len(e.Cases) > 0 {
		cases, err := casesPart(p, r, e, rw)
		if err != nil {
			return nil, err
		}
		d.add(cases)
	}
	clusters, err := clustersPart(p, r, e, rw)
	if err != nil {
		return nil, err
	}
	d.add(clusters)
	return d, nil
}

// pageData is the print page's own data: the edition's front page's,
// since the print page stands for the edition as its front page does, less
// what belongs to a published page alone (its place in the site, its draft
// notice, the link to the PDF it is about to become, its versions in other
// languages: a PDF is in one).
func pageData(r *render.Renderer, e *site.Edition, front *render.PageData, pr Print) *Data {
	pd := *front
	pd.Kind, pd.URL, pd.Title = "print", urls.Print(e.Year), e.Title
	pd.Breadcrumbs, pd.Draft, pd.PDF = nil, nil, nil
	pd.Versions, pd.Switch = nil, nil
	pd.Description = e.Description
	d := &Data{PageData: &pd, Styles: pr.Styles(), Author: r.Publisher()}
	if !e.Published.IsZero() {
		d.Date = r.Published(e.Published)
	}
	return d
}

// add appends a part, on a named page of the stylesheet of its own; sheet
// 0 is the table of contents'.
func (d *Data) add(part *Part) {
	part.Sheet = len(d.Parts) + 1
	d.Parts = append(d.Parts, part)
}

// newRewriter knows where each page of the edition is in the document,
// so that a link to one leads to its part.
func newRewriter(r *render.Renderer, e *site.Edition) *rewriter {
	targets := map[string]string{urls.Edition(e.Year): "forord", urls.Cases(e.Year): "cases", urls.Clusters(e.Year): "klyngerne"}
	for _, ch := range e.Chapters {
		targets[ch.URL] = ch.Slug
	}
	for _, c := range e.Cases {
		targets[c.URL] = "case-" + c.Slug
	}
	return &rewriter{basePath: r.BasePath(), origin: r.Origin(), targets: targets}
}

// forewordPart is the front page's Markdown alone, not the page's main
// template: the print template draws its title and the key figures around
// it, so its headings go a level down, under that title.
func forewordPart(r *render.Renderer, e *site.Edition, front *render.PageData, rw *rewriter) *Part {
	foreword := &Part{ID: "forord", Kind: "forord", Title: e.Front.Title, Head: e.Front.Title}
	foreword.Body = template.HTML(rw.rewrite(r.Content(e.Front.Body, e), front.URL, foreword.ID, 1))
	return foreword
}

// chapterParts are the edition's chapters, each listing its sections for
// the table of contents.
func chapterParts(p *render.Plan, r *render.Renderer, e *site.Edition, rw *rewriter) ([]*Part, error) {
	var parts []*Part
	for _, ch := range e.Chapters {
		body, err := p.RenderMain(r.Prefix() + ch.URL + "index.html")
		if err != nil {
			return nil, err
		}
		part := &Part{ID: ch.Slug, Kind: "chapter", Title: ch.Title, Head: ch.Title}
		part.Body = template.HTML(rw.rewrite(body, ch.URL, part.ID, 0))
		for _, h := range render.Sections(ch.Body) {
			part.Sections = append(part.Sections, &Section{ID: part.ID + "--" + h.ID, Title: h.Text})
		}
		parts = append(parts, part)
	}
	return parts, nil
}

// casesPart is one part for all case stories, in the order of the cases
// page, each story a part below it, its headings a level down.
func casesPart(p *render.Plan, r *render.Renderer, e *site.Edition, rw *rewriter) (*Part, error) {
	title := r.Lang().T("cases.title")
	cases := &Part{ID: "cases", Kind: "cases", Title: title, Head: title}
	for _, group := range e.CasesByTheme() {
		for _, c := range group.Cases {
			body, err := p.RenderMain(r.Prefix() + c.URL + "index.html")
			if err != nil {
				return nil, err
			}
			part := &Part{ID: "case-" + c.Slug, Kind: "case", Title: c.Title, Head: title}
			part.Body = template.HTML(rw.rewrite(body, c.URL, part.ID, 1))
			cases.Parts = append(cases.Parts, part)
		}
	}
	return cases, nil
}

// clustersPart is the edition's cluster directory.
func clustersPart(p *render.Plan, r *render.Renderer, e *site.Edition, rw *rewriter) (*Part, error) {
	path := r.Prefix() + urls.Clusters(e.Year) + "index.html"
	page, _, ok := p.Page(path)
	if !ok {
		return nil, fmt.Errorf("edition %d has no cluster directory", e.Year)
	}
	body, err := p.RenderMain(path)
	if err != nil {
		return nil, err
	}
	clusters := &Part{ID: "klyngerne", Kind: "clusters", Title: page.Title, Head: page.Title}
	clusters.Body = template.HTML(rw.rewrite(body, page.URL, clusters.ID, 0))
	return clusters, nil
}
