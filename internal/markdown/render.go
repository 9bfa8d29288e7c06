package markdown

import (
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// reportRenderer draws the report's own nodes and overrides goldmark's
// handling of raw HTML: editors' HTML is shown as text, so a stray <script>
// can never reach a reader.
type reportRenderer struct{}

func (r *reportRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTable, r.table)
	reg.Register(kindKeyFigure, r.keyFigure)
	reg.Register(kindFigure, r.figure)
	reg.Register(kindRef, r.ref)
	reg.Register(kindCases, r.cases)
	reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(east.KindTableCell, r.tableCell)
}

// tableCell draws a cell of a Markdown table with its column's alignment as
// a class. goldmark writes it as a style attribute, which the pages'
// Content-Security-Policy (style-src 'self') blocks, so the alignment would
// be lost in the browser.
func (r *reportRenderer) tableCell(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
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

func (r *reportRenderer) ref(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		r := n.(*refNode)
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

func (r *reportRenderer) keyFigure(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	k := n.(*keyFigureNode)
	_, _ = w.WriteString(`<p class="key-figure">`)
	if k.prefix != "" {
		_, _ = w.WriteString(`<span class="key-figure__prefix">` + html.EscapeString(k.prefix) + `</span> `)
	}
	_, _ = w.WriteString(`<strong class="key-figure__number">` + html.EscapeString(k.figure) + `</strong> `)
	_, _ = w.WriteString(`<span class="key-figure__text">` + html.EscapeString(k.text) + "</span></p>\n")
	return ast.WalkSkipChildren, nil
}

func (r *reportRenderer) table(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		writeTable(w, n.(*tableNode).table)
	}
	return ast.WalkSkipChildren, nil
}

func (r *reportRenderer) figure(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering && n.(*figureNode).fig != nil {
		writeFigure(w, n.(*figureNode).fig)
	}
	return ast.WalkSkipChildren, nil
}

func (r *reportRenderer) htmlBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
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

func (r *reportRenderer) rawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
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

// writeTable writes an accessible data table: a caption, column headers for
// the years, a row header per metric, a row group per section, and a
// scrollable region so a wide table never widens a phone's page.
func writeTable(w util.BufWriter, t *Table) {
	esc := html.EscapeString
	capID := t.ID + "-titel"
	cols := len(t.Years) + 1
	if t.Change != nil {
		cols++
	}
	p := func(s string) { _, _ = w.WriteString(s) }
	p(`<figure class="data-table" id="` + t.ID + `">` + "\n")
	p(`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="` + capID + `">` + "\n")
	p("<table>\n<caption id=\"" + capID + `">` + esc(t.Caption) + "</caption>\n")
	p(`<thead><tr><th scope="col"><span class="visually-hidden">Nøgletal</span></th>`)
	for _, y := range t.Years {
		p(`<th scope="col" class="num">` + strconv.Itoa(y) + `</th>`)
	}
	if t.Change != nil {
		p(`<th scope="col" class="num change">Ændring ` + strconv.Itoa(t.Change[0]) + "–" + strconv.Itoa(t.Change[1]) + ` <span class="unit">pct.</span></th>`)
	}
	p("</tr></thead>\n")
	for _, sec := range t.Sections {
		p("<tbody>\n")
		if sec.Heading != "" {
			p(`<tr class="section"><th scope="rowgroup" colspan="` + strconv.Itoa(cols) + `">` + esc(sec.Heading) + "</th></tr>\n")
		}
		for _, row := range sec.Rows {
			writeRow(p, row, t.Change != nil)
		}
		p("</tbody>\n")
	}
	p("</table>\n</div>\n")
	p(`<figcaption class="table-note">Tomme felter: tallet er ikke opgjort det år.` + changeNote(t) + "</figcaption>\n</figure>\n")
}

func writeRow(p func(string), row TableRow, withChange bool) {
	esc := html.EscapeString
	class := ""
	if row.Depth > 0 {
		class = ` class="depth-` + strconv.Itoa(min(row.Depth, 3)) + `"`
	}
	p(`<tr data-metric="` + row.Metric + `"><th scope="row"` + class + ">")
	// A heraf row is indented; a screen reader hears "heraf" instead,
	// unless the label says it already.
	if row.Depth > 0 && !strings.HasPrefix(strings.ToLower(row.Label), "heraf") {
		p(`<span class="visually-hidden">heraf </span>`)
	}
	if row.URL != "" {
		p(`<a href="` + esc(row.URL) + `">` + esc(row.Label) + `</a>`)
	} else {
		p(esc(row.Label))
	}
	if row.Unit != "" {
		p(` <span class="unit">(` + esc(row.Unit) + `)</span>`)
	}
	p("</th>")
	for _, c := range row.Cells {
		writeCell(p, c, "ikke opgjort")
	}
	if withChange {
		writeCell(p, row.Change, "kan ikke beregnes")
	}
	p("</tr>\n")
}

func writeCell(p func(string), c, emptyText string) {
	if c == "" {
		p(`<td class="num empty"><span class="visually-hidden">` + emptyText + `</span></td>`)
		return
	}
	p(`<td class="num">` + html.EscapeString(c) + `</td>`)
}

func changeNote(t *Table) string {
	if t.Change == nil {
		return ""
	}
	return " Ændringen er beregnet ud fra de viste tal."
}

// writeFigure writes a chart: its title as the caption, the drawing for wide
// screens and the one for phones (the stylesheet shows one), the source, the
// same figures as a table for anyone who cannot see the drawing, and
// downloads. The caption comes first: HTML allows it only first or last.
func writeFigure(w util.BufWriter, f *Figure) {
	esc := html.EscapeString
	p := func(s string) { _, _ = w.WriteString(s) }
	p(`<figure class="chart" id="` + f.ID + `" aria-labelledby="` + f.ID + `-titel">` + "\n")
	p(`<figcaption id="` + f.ID + `-titel" class="chart-title">` + esc(f.Title) + "</figcaption>\n")
	p(`<div class="chart-wide">`)
	_, _ = w.Write(f.Wide)
	p("</div>\n" + `<div class="chart-narrow">`)
	_, _ = w.Write(f.Narrow)
	p("</div>\n")
	p(`<p class="chart-source">` + esc(f.Source) + "</p>\n")
	p("<details class=\"chart-data\">\n<summary>Se tallene som tabel</summary>\n")
	p(`<div class="table-scroll" role="region" tabindex="0" aria-label="` + esc(f.Title) + `, tabel">` + "\n<table>\n<thead><tr>")
	p(`<th scope="col">` + esc(firstHeader(f)) + `</th>`)
	for _, s := range f.Series {
		p(`<th scope="col" class="num">` + esc(s.Name) + `</th>`)
	}
	p("</tr></thead>\n<tbody>\n")
	for i, c := range f.Categories {
		p(`<tr><th scope="row">` + esc(c) + `</th>`)
		for _, s := range f.Series {
			writeCell(p, s.Cells[i], "ikke opgjort")
		}
		p("</tr>\n")
	}
	p("</tbody>\n</table>\n</div>\n")
	if f.Unit != "" {
		p(`<p class="table-note">Enhed: ` + esc(strings.TrimSuffix(f.Unit, ".")) + ".</p>\n")
	}
	p("</details>\n")
	p(`<p class="chart-downloads">Hent tallene: <a href="` + f.ID + `.csv" download>CSV (Excel)</a> · <a href="` + f.ID + `.json">JSON</a></p>` + "\n")
	p("</figure>\n")
}

// firstHeader names the column of categories: years or labels.
func firstHeader(f *Figure) string {
	for _, c := range f.Categories {
		if len(c) != 4 || strings.Trim(c, "0123456789") != "" {
			return "Kategori"
		}
	}
	return "År"
}
