package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// typedTransformer hands the figure language the text readers see, to warn
// where it types a figure the data holds.
type typedTransformer struct{}

func (t *typedTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	ctx := st.context()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.CodeSpan, *ast.Link, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		}
		txt, ok := n.(*ast.Text)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		seg := txt.Segment
		st.conv.figures.Typed(ctx, seg.Value(st.src), func(offset int) Position { return st.at(seg.Start + offset) })
		return ast.WalkContinue, nil
	})
}
