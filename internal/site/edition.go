package site

import (
	"fmt"
	"math"
	"report/internal/lang"
	"slices"
	"strconv"

	"report/internal/diag"
	"report/internal/markdown"
	"report/internal/refs"
)

// resolveEdition resolves what an edition's file says in words, its
// description and its key figures' texts, and reports an edition file
// copied from an earlier one that no editor has confirmed.
func (s *Site) resolveEdition(e *Edition, problems *diag.List) {
	ctx := refs.Context{Data: s.Data, Edition: e.Edition}
	expand := func(text string, years []int, key ...string) string {
		c := ctx
		c.Years = years
		out, probs := c.Expand(text)
		for _, p := range probs {
			line, col := e.Doc.Pos(key...)
			if p.Warning {
				problems.Warnf(diag.Rounding, e.Path, max(line, 1), col, "%s", p.Msg)
			} else {
				problems.Errorf(e.Path, max(line, 1), col, "%s", p.Msg)
			}
		}
		return out
	}
	e.Description = lang.Plain(expand(e.DescriptionText, nil, "description")) // meta tags hold no markup
	for i, k := range e.KeyFigures {
		n, err := s.Data.KeyFigureNumber(k)
		if err != nil {
			continue // reported by data.Load
		}
		at := []string{"key_figure", strconv.Itoa(i), "text"}
		e.Figures = append(e.Figures, KeyFigure{Prefix: k.Prefix, Number: n, Text: expand(k.Text, []int{k.Year}, at...)})
		s.checkKeyFigureRounding(e, i, problems)
	}
	if e.CopiedFrom != 0 {
		e.Draft = s.editionDraft(e, problems)
	}
}

// checkKeyFigureRounding warns where round moves a key figure further than
// a reader would expect, as it does for references in the text.
func (s *Site) checkKeyFigureRounding(e *Edition, i int, problems *diag.List) {
	k := e.KeyFigures[i]
	v, ok := s.Data.Value(k.Metric, k.Year)
	if k.Round <= 0 || !ok || v == 0 {
		return
	}
	shown := lang.Rounded(v, k.Round)
	if off := math.Abs(shown-v) / math.Abs(v) * 100; off > refs.MaxRoundingOff {
		line, col := e.Doc.Pos("key_figure", strconv.Itoa(i), "round")
		problems.Warnf(diag.Rounding, e.Path, max(line, 1), col, "key figure: round = %s shows %s as %s, %s %% off, more than %s %%; use a finer step, like %s",
			lang.Danish.Number(k.Round, 0), s.Data.FormatAs(k.Metric, k.Year, v), lang.Danish.Number(shown, 0), lang.Danish.Number(off, 1), lang.Danish.Number(refs.MaxRoundingOff, 1), lang.Danish.Number(k.Round/2, 0))
	}
}

// editionDraft reports an edition's file copied from an earlier edition:
// its lists of clusters and of ECEI gold labels are the old edition's until
// an editor confirms them, and so are the years and figures in its texts.
func (s *Site) editionDraft(e *Edition, problems *diag.List) *Draft {
	line, col := e.Doc.Pos("copied_from")
	if !s.validCopy(e.Path, line, col, e, e.CopiedFrom, problems) {
		return nil
	}
	d := &Draft{From: e.CopiedFrom, Source: e.Path, Confirm: "copied_from = " + strconv.Itoa(e.CopiedFrom)}
	old := s.oldEdition(e.CopiedFrom, e.Year)
	var was struct{ clusters, gold []string }
	if from := s.Data.Edition(e.CopiedFrom); from != nil {
		was.clusters, was.gold = from.Clusters, from.ECEIGold
	}
	for _, list := range []struct {
		key      string
		ids, was []string
		what     string
	}{
		{"clusters", e.Clusters, was.clusters, fmt.Sprintf("the clusters that reported for %d", e.DataYear)},
		{"ecei_gold", e.ECEIGold, was.gold, fmt.Sprintf("the clusters with the ECEI gold label at the end of %d", e.DataYear)},
	} {
		l, c := e.Doc.Pos(list.key)
		// Say what is still to confirm; once the editor has changed a
		// list, it is no longer the old edition's.
		msg := fmt.Sprintf("%s: the %d entries are edition %d's; make them %s", list.key, len(list.ids), e.CopiedFrom, list.what)
		if !slices.Equal(list.ids, list.was) {
			msg = fmt.Sprintf("%s: %d entries, changed from edition %d's %d; confirm that they are %s", list.key, len(list.ids), e.CopiedFrom, len(list.was), list.what)
		}
		d.Findings = append(d.Findings, markdown.Finding{Line: max(l, 1), Col: c, Msg: msg})
		problems.Warnf(diag.Draft, e.Path, max(l, 1), c, "%s", msg)
	}
	d.Findings = append(d.Findings, scanMatter(e.Path, e.Doc, "description", e.DescriptionText, old, problems)...)
	for i, k := range e.KeyFigures {
		d.Findings = append(d.Findings, scanMatter(e.Path, e.Doc, "text", k.Text, old, problems, "key_figure", strconv.Itoa(i))...)
	}
	s.reportDraft(e.Path, max(line, 1), col, e.Year, d, "the edition's file", problems)
	return d
}
