package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"report/internal/draft"
)

// draftTransformer points at every place a copied page still states the
// years or typed figures of the edition it was copied from: the text of
// paragraphs, headings, lists and tables that readers see. The report's
// blocks are checked as they are read (see blockTransformer), references
// that round as they are resolved.
type draftTransformer struct{}

func (t *draftTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st.old == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.CodeSpan, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		txt, ok := n.(*ast.Text)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		seg := txt.Segment
		s := string(seg.Value(st.src))
		_, cited := txt.NextSibling().(*extast.FootnoteLink)
		draft.Scan(s, *st.old, func(f draft.Finding) {
			if !cited || f.Year || !citedHere(s[f.End:]) {
				st.finding(seg.Start+f.Offset, f.Msg)
			}
		})
		return ast.WalkContinue, nil
	})
}

// citedHere reports whether what follows a number, up to a footnote, is
// no more than its unit: "14 %[^2]" is a cited study's result, which its
// footnote sources, not a figure of the edition's year.
func citedHere(rest string) bool {
	switch strings.TrimSpace(rest) {
	case "", "%", "pct.", "procent", "per cent", "percent":
		return true
	}
	return false
}

// draftBlock points at the old edition's years typed in a report block's
// TOML (a title, `year = 2015`); its other numbers are settings, not facts.
func (st *state) draftBlock(body []byte, offset int) {
	if st.old == nil {
		return
	}
	draft.Scan(string(body), *st.old, func(f draft.Finding) {
		if f.Year {
			st.finding(offset+f.Offset, f.Msg)
		}
	})
}
