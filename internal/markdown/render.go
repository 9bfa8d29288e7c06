package markdown

import (
	"html"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// tableCell draws a cell of a Markdown table with its column's alignment as
// a class. goldmark writes it as a style attribute, which the pages'
// Content-Security-Policy (style-src 'self') blocks, so the alignment would
// be lost in the browser.
func tableCell(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	cell := n.(*east.TableCell)
	tag := "td"
	if cell.Parent().Kind() == east.KindTableHeader {
		tag = "th"
	}
	if !entering {
		_, _ = w.WriteString("</")
		_, _ = w.WriteString(tag)
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_ = w.WriteByte('<')
	_, _ = w.WriteString(tag)
	switch cell.Alignment {
	case east.AlignLeft:
		_, _ = w.WriteString(` class="align-left"`)
	case east.AlignCenter:
		_, _ = w.WriteString(` class="align-center"`)
	case east.AlignRight:
		_, _ = w.WriteString(` class="align-right"`)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func ref(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r := n.(*refNode)
		if r.lang != "" {
			_, _ = w.WriteString(`<span lang="` + r.lang + `">` + html.EscapeString(r.text) + `</span>`)
			return ast.WalkSkipChildren, nil
		}
		if r.word {
			_, _ = w.WriteString(html.EscapeString(r.text))
			return ast.WalkSkipChildren, nil
		}
		_, _ = w.WriteString(`<span class="figure">` + html.EscapeString(r.text) + `</span>`)
		if r.note != "" {
			_, _ = w.WriteString(` <span class="editor-note">` + html.EscapeString(r.note) + `</span>`)
		}
	}
	return ast.WalkSkipChildren, nil
}

// figureBlock writes a block the figure language drew.
func figureBlock(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(n.(*figureBlockNode).html)
	}
	return ast.WalkSkipChildren, nil
}

func htmlBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString("<pre class=\"raw-html\"><code>")
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		_, _ = w.WriteString(html.EscapeString(string(seg.Value(src))))
	}
	if hb, ok := n.(*ast.HTMLBlock); ok && hb.HasClosure() {
		_, _ = w.WriteString(html.EscapeString(string(hb.ClosureLine.Value(src))))
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

func rawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		_, _ = w.WriteString(html.EscapeString(string(seg.Value(src))))
	}
	return ast.WalkSkipChildren, nil
}

// maxTableColumns is as many columns as a table may have and still fit a
// printed A4 page with its figures readable; a wider one would make
// Chromium shrink every page of the PDF to fit it.
const maxTableColumns = 8

// checkTables refuses a Markdown table wider than a printed page holds,
// at its first row.
func checkTables(root ast.Node, st *state) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*east.Table)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if cols := len(t.Alignments); cols > maxTableColumns {
			at := 0
			if head := t.FirstChild(); head != nil && head.FirstChild() != nil {
				if txt, ok := head.FirstChild().FirstChild().(*ast.Text); ok {
					at = txt.Segment.Start
				}
			}
			st.errorf(at, "this table has %d columns; a printed page holds at most %d readably: split it, or turn it so its rows are the long side", cols, maxTableColumns)
		}
		return ast.WalkSkipChildren, nil
	})
}
