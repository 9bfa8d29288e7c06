package markdown

import (
	"github.com/yuin/goldmark/ast"
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
		draft.Scan(string(seg.Value(st.src)), *st.old, func(f draft.Finding) {
			st.finding(seg.Start+f.Offset, f.Msg)
		})
		return ast.WalkContinue, nil
	})
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
