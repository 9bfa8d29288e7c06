package markdown

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// figureBlockNode replaces a fenced block the figure language drew: a
// table, a chart or a key figure, as HTML.
type figureBlockNode struct {
	ast.BaseBlock
	html string
}

var kindFigureBlock = ast.NewNodeKind("ReportFigureBlock")

func (n *figureBlockNode) Kind() ast.NodeKind         { return kindFigureBlock }
func (n *figureBlockNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
func (n *figureBlockNode) IsRaw() bool                { return true }

// blockTransformer finds fenced blocks whose info string names one of the
// report's blocks and replaces each with what the figure language drew.
type blockTransformer struct{}

func (t *blockTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering {
			blocks = append(blocks, fb)
		}
		return ast.WalkContinue, nil
	})
	kinds := st.conv.figures.Kinds()
	for _, fb := range blocks {
		var replacement ast.Node
		switch kind := string(fb.Language(reader.Source())); {
		case kind == "cases":
			replacement = st.casesBlock(fb)
		case slices.Contains(kinds, kind):
			body, offset := st.body(fb)
			bodyLine, _ := st.position(offset)
			fence := st.at(offset) // problems without a key of their own stand at the body
			html, files := st.conv.figures.Block(st.context(), kind, body, bodyLine, fence)
			st.files = append(st.files, files...)
			replacement = &figureBlockNode{html: html}
		default:
			continue
		}
		st.draftBlock(st.body(fb))
		fb.Parent().ReplaceChild(fb.Parent(), fb, replacement)
	}
}

// body returns a fenced block's text and the offset where it starts.
func (st *state) body(fb *ast.FencedCodeBlock) ([]byte, int) {
	var b bytes.Buffer
	lines := fb.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(st.src))
	}
	if lines.Len() > 0 {
		return b.Bytes(), lines.At(0).Start
	}
	return nil, fb.Info.Segment.Stop
}
