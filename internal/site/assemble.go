package site

import (
	"cmp"
	"maps"
	"path"
	"slices"
	"strings"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/tomlfile"
	"report/internal/urls"
)

// Putting the parsed files together into editions, and checking what needs
// the whole picture.

// editionUnread reports whether an edition's file exists but failed to load.
func (s *Site) editionUnread(year int) bool {
	return s.Data.Edition(year) == nil && s.Data.EditionBroken(year)
}

// reportHeld says, in one line per edition, how many problems of its pages
// wait for its file to load: reported one by one, they would bury the one
// that matters under consequences of it.
func reportHeld(held map[int]int, problems *diag.List) {
	for _, year := range slices.Sorted(maps.Keys(held)) {
		if n := held[year]; n > 0 {
			problems.Warnf(diag.Hidden, path.Join("data/editions", itoa(year)+".toml"), 0, 0,
				"%d %s in content/%d/ %s not shown until this file loads; fix it first", n, plural(n, "problem", "problems"), year, plural(n, "is", "are"))
		}
	}
}

// assemble builds the editions from the parsed files and checks what needs
// the whole picture: a case story's cluster, an edition's missing front page.
func (s *Site) assemble(files []file, pages []parsed, problems *diag.List) {
	byYear := map[int]*Edition{}
	for _, de := range s.Data.Editions {
		e := &Edition{Edition: de, Gaps: s.Data.Gaps(de.FirstYear, de.DataYear)}
		s.resolveEdition(e, problems)
		byYear[de.Year] = e
		s.Editions = append(s.Editions, e)
	}
	held := map[int]int{}
	for i, f := range files {
		e := byYear[f.year]
		if e == nil && s.Data.EditionBroken(f.year) {
			held[f.year] += pages[i].held
			continue
		}
		if e == nil {
			problems.Errorf(f.path, 0, 0, "there is no edition %d; add data/editions/%d.toml first", f.year, f.year)
			continue
		}
		if pages[i].ok {
			s.addPage(e, f, pages[i], problems)
		}
	}
	reportHeld(held, problems)
	for _, e := range s.Editions {
		if e.Front == nil {
			problems.Errorf(path.Join(ContentDir, itoa(e.Year), "_index.md"), 0, 0,
				"edition %d has no front page; create this file with a title and the foreword", e.Year)
		}
		if len(e.Cases) == 0 && e.Front != nil {
			problems.Warnf(diag.NoCases, path.Join(ContentDir, itoa(e.Year), "cases"), 0, 0,
				"edition %d has no case stories, and its front page lists none; add the year's stories with report new case --edition %d --cluster ID \"Title\"", e.Year, e.Year)
		}
		slices.SortStableFunc(e.Chapters, func(a, b *Page) int { return cmp.Or(a.Weight-b.Weight, strings.Compare(a.Slug, b.Slug)) })
		slices.SortStableFunc(e.Cases, func(a, b *Case) int { return strings.Compare(a.Slug, b.Slug) })
	}
}

func (s *Site) addPage(e *Edition, f file, p parsed, problems *diag.List) {
	switch m := p.matter.(type) {
	case *chapterMatter:
		page := &Page{Source: f.path, Slug: f.slug, Edition: e.Year, Weight: m.Weight, Body: p.body}
		page.Title = s.expandMatter(e, f.path, p.doc, "title", m.Title, problems)
		page.Summary = s.expandMatter(e, f.path, p.doc, "summary", m.Summary, problems)
		requireTitle(f.path, p.doc, m.Title, problems)
		if m.CopiedFrom != 0 {
			page.Draft = s.chapterDraft(e, page, p.doc, m, problems)
		}
		if f.kind == kindFront {
			page.URL = urls.Edition(e.Year)
			e.Front = page
			return
		}
		page.URL = urls.Edition(e.Year) + f.slug + "/"
		e.Chapters = append(e.Chapters, page)
	case *caseMatter:
		c := &Case{
			Page:  Page{Source: f.path, Slug: f.slug, Edition: e.Year, URL: urls.Cases(e.Year) + f.slug + "/", Body: p.body},
			Quote: m.Quote,
		}
		c.Quote.Text = s.expandMatter(e, f.path, p.doc, "quote.text", m.Quote.Text, problems)
		c.Quote.Role = s.expandMatter(e, f.path, p.doc, "quote.role", m.Quote.Role, problems)
		c.Title = s.expandMatter(e, f.path, p.doc, "title", m.Title, problems)
		requireTitle(f.path, p.doc, m.Title, problems)
		c.Summary = s.expandMatter(e, f.path, p.doc, "summary", m.Summary, problems)
		checkCase(f.path, p, m, problems)
		c.Cluster = s.caseCluster(e, f.path, p.doc, m.Cluster, problems)
		c.Theme = caseTheme(f.path, p.doc, m.Theme, problems)
		e.Cases = append(e.Cases, c)
	}
}

func (s *Site) caseCluster(e *Edition, p string, doc *tomlfile.Doc, id string, problems *diag.List) *data.Cluster {
	errorf := func(format string, args ...any) {
		line, col := doc.Pos("cluster") // scans the text, so only for a problem
		problems.Errorf(p, max(line, doc.FirstLine), col, format, args...)
	}
	c := s.Data.Cluster(id)
	switch {
	case c == nil && s.Data.Broken("clusters"):
	case id == "":
		errorf(`"cluster" is required: the id of the cluster the story comes from (see data/clusters.toml)`)
	case c == nil:
		errorf("unknown cluster %q; use an id from data/clusters.toml", id)
	case !slices.Contains(e.Clusters, id):
		errorf("cluster %q is not among edition %d's clusters in %s", id, e.Year, e.Path)
	}
	return c
}

func caseTheme(p string, doc *tomlfile.Doc, id string, problems *diag.List) Theme {
	t, ok := ThemeByID(id)
	if !ok {
		line, col := doc.Pos("theme")
		if strings.TrimSpace(id) == "" {
			problems.Errorf(p, max(line, doc.FirstLine), col, "\"theme\" is still empty: choose one of %s", strings.Join(ThemeIDs(), ", "))
		} else {
			problems.Errorf(p, max(line, doc.FirstLine), col, "theme %q is not one of: %s", id, strings.Join(ThemeIDs(), ", "))
		}
	}
	return t
}

func requireTitle(p string, doc *tomlfile.Doc, title string, problems *diag.List) {
	if strings.TrimSpace(title) == "" {
		problems.Errorf(p, doc.FirstLine, 1, `"title" is required in the front matter`)
	}
}
