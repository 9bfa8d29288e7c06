package site

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"report/internal/diag"
	"report/internal/draft"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/refs"
	"report/internal/tomlfile"
)

// expandMatter resolves the references in a front matter text, the title or
// the summary, so that "Udviklingen fra {{startår}}–{{dataår}}" follows its
// edition. A phrase of another language is kept as its words: the front
// matter's texts are shown where no markup may go (the page's <title>,
// link previews, the feed, the PDF's bookmarks).
func (s *Site) expandMatter(e *Edition, path string, doc *tomlfile.Doc, key, text string, problems *diag.List) string {
	out, probs := refs.Context{Data: s.Data, Edition: e.Edition}.Expand(text)
	for _, p := range probs {
		line, col := doc.Pos(strings.Split(key, ".")...)
		line = max(line, doc.FirstLine)
		if p.Warning {
			problems.Warnf(diag.Rounding, path, line, col, "%s: %s", key, p.Msg)
		} else {
			problems.Errorf(path, line, col, "%s: %s", key, p.Msg)
		}
	}
	return lang.Plain(out)
}

// chapterDraft reports a copied chapter that no editor has confirmed: an
// error that stops a published build, or, in the preview, a warning, with
// the places to check shown on the page.
func (s *Site) chapterDraft(e *Edition, page *Page, doc *tomlfile.Doc, m *chapterMatter, problems *diag.List) *Draft {
	d := &Draft{From: m.CopiedFrom, Source: page.Source, Confirm: "copied_from = " + strconv.Itoa(m.CopiedFrom)}
	line, col := doc.Pos("copied_from")
	if !s.validCopy(page.Source, line, col, e, m.CopiedFrom, problems) {
		return nil
	}
	old := s.oldEdition(m.CopiedFrom, e.Year)
	for _, key := range []string{"title", "summary"} {
		text := m.Title
		if key == "summary" {
			text = m.Summary
		}
		d.Findings = append(d.Findings, scanMatter(page.Source, doc, key, text, old, problems)...)
	}
	if page.Body != nil {
		d.Findings = append(d.Findings, page.Body.Findings...)
	}
	if s.Lang != nil && s.Lang.Code != lang.Danish.Code {
		// The translation of a copied chapter is confirmed with it, at
		// the Danish page's copied_from line, whose one error names it;
		// its own findings are listed at their lines.
		d.Source = strings.TrimSuffix(page.Source, "."+s.Lang.Code+".md") + ".md"
		return d
	}
	what := "the chapter"
	for _, l := range s.Langs[min(1, len(s.Langs)):] {
		if slices.Contains(s.translations, translationPath(page.Source, l)) {
			what += " and its " + l.Name + " translation"
		}
	}
	s.reportDraft(page.Source, line, col, e.Year, d, what, problems)
	return d
}

// validCopy checks that copied_from names an earlier edition.
func (s *Site) validCopy(path string, line, col int, e *Edition, from int, problems *diag.List) bool {
	if from >= e.Year || s.Data.Edition(from) == nil && !s.Data.EditionBroken(from) {
		problems.Errorf(path, line, col, "copied_from = %d must name an earlier edition, the one the file was copied from; delete the line once the file is confirmed", from)
		return false
	}
	return true
}

func (s *Site) oldEdition(from, to int) draft.Old {
	old := draft.Old{Edition: from, FirstYear: from, DataYear: from, To: to, Definitions: s.Data.DefinitionPhrases()}
	if e := s.Data.Edition(from); e != nil {
		old.FirstYear, old.DataYear = e.FirstYear, e.DataYear
	}
	return old
}

// scanMatter points at the old edition's years and figures in a text of
// the front matter or an edition's file, reported at its key.
func scanMatter(path string, doc *tomlfile.Doc, key, text string, old draft.Old, problems *diag.List, keyPath ...string) []markdown.Finding {
	var out []markdown.Finding
	draft.Scan(text, old, func(f draft.Finding) {
		line, col := doc.Pos(append(keyPath, key)...)
		line = max(line, doc.FirstLine)
		msg := key + ": " + f.Msg
		out = append(out, markdown.Finding{Line: line, Col: col, Msg: msg})
		problems.Warnf(diag.Draft, path, line, col, "%s", msg)
	})
	return out
}

// reportDraft reports an unconfirmed copy once, at its copied_from line.
func (s *Site) reportDraft(path string, line, col, year int, d *Draft, what string, problems *diag.List) {
	slices.SortStableFunc(d.Findings, func(a, b markdown.Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	msg := fmt.Sprintf("copied from edition %d and not yet confirmed: read %s for %d", d.From, what, year)
	both := strings.Contains(what, " and ")
	if n := len(d.Findings); n > 0 {
		msg += fmt.Sprintf(", check the %d %s listed with it", n, plural(n, "place", "places"))
	}
	msg += fmt.Sprintf(", then delete the line %q to confirm %s", d.Confirm, map[bool]string{false: "it", true: "both"}[both])
	if s.allowDrafts {
		problems.Warnf(diag.Draft, path, line, col, "%s (the preview shows it; a published build refuses it)", msg)
		return
	}
	problems.Errorf(path, line, col, "%s", msg)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
