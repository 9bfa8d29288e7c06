package site

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/refs"
)

// resolveEdition resolves what an edition's file says in words, its
// description and its key figures' texts, and reports an edition file
// copied from an earlier one that no editor has confirmed.
func (s *Site) resolveEdition(e *Edition, problems *diag.List) {
	report := func(probs []refs.Problem, key ...string) {
		for _, p := range probs {
			line, col := e.Doc.Pos(key...)
			if p.Warning {
				problems.Warnf(diag.Rounding, e.Path, max(line, 1), col, "%s", p.Msg)
			} else {
				problems.Errorf(e.Path, max(line, 1), col, "%s", p.Msg)
			}
		}
	}
	description, probs := refs.Context{Data: s.Data, Edition: e.Edition}.Expand(e.DescriptionText)
	report(probs, "description")
	e.Description = lang.Plain(description) // meta tags hold no markup
	for i, k := range e.KeyFigures {
		fig, probs, ok := keyFigure(s.Data, e.Edition, k)
		if !ok {
			continue // reported by data.Load
		}
		report(probs, "key_figure", strconv.Itoa(i), "text")
		e.Figures = append(e.Figures, fig)
		s.checkKeyFigureRounding(e, i, problems)
	}
	if e.CopiedFrom != 0 {
		e.Draft = s.editionDraft(e, problems)
	}
}

// keyFigure is the key figure k of edition e as its pages show it, with
// the problems of its text; ok is false when its number cannot be worked
// out, which data.Load reports.
func keyFigure(d *data.Data, e *data.Edition, k data.KeyFigure) (fig KeyFigure, probs []refs.Problem, ok bool) {
	n, err := d.KeyFigureNumber(k)
	if err != nil {
		return KeyFigure{}, nil, false
	}
	text, probs := refs.Context{Data: d, Edition: e, Years: []int{k.Year}}.Expand(k.Text)
	return KeyFigure{Prefix: k.Prefix, Number: n, Text: text}, probs, true
}

// FirstKeyFigure is the first key figure edition e of the data d shows,
// as resolving the loaded site gives it (Edition.Figures), for what is
// drawn from the data before the site is loaded; ok is false when there
// is none.
func FirstKeyFigure(d *data.Data, e *data.Edition) (fig KeyFigure, ok bool) {
	for _, k := range e.KeyFigures {
		if fig, _, ok := keyFigure(d, e, k); ok {
			return fig, true
		}
	}
	return KeyFigure{}, false
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
		advice := "leave round out, and the figure is shown as it is"
		if finer, ok := refs.FinerStep(v, k.Round); ok {
			advice = "use a finer step, like round = " + strconv.FormatFloat(finer, 'f', -1, 64)
		}
		line, col := e.Doc.Pos("key_figure", strconv.Itoa(i), "round")
		problems.Warnf(diag.Rounding, e.Path, max(line, 1), col, "key figure: round = %s shows %s as %s, %s %% off, more than %s %%; %s",
			lang.Danish.Number(k.Round, 0), s.Data.FormatAs(k.Metric, k.Year, v), lang.Danish.Number(shown, 0), lang.Danish.Number(off, 1), lang.Danish.Number(refs.MaxRoundingOff, 1), advice)
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
