package figures

// The report's blocks as HTML: data tables, charts with their tables and
// downloads, key figures.

import (
	"html"
	"strconv"
	"strings"

	"report/internal/lang"
)

// writeTable writes an accessible data table: a caption, column headers for
// the years, a row header per metric, a row group per section, and a
// scrollable region so a wide table never widens a phone's page. Its words
// are l's.
func writeTable(w *strings.Builder, t *dataTable, l *lang.Lang) {
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
	p(`<thead><tr><th scope="col"><span class="visually-hidden">` + esc(say(l, "table.metric_column")) + `</span></th>`)
	for _, y := range t.Years {
		p(`<th scope="col" class="num">` + strconv.Itoa(y) + `</th>`)
	}
	if t.Change != nil {
		p(`<th scope="col" class="num change">` + esc(say(l, "table.change", t.Change[0], t.Change[1])) + ` <span class="unit">` + esc(say(l, "table.change_unit")) + `</span></th>`)
	}
	p("</tr></thead>\n")
	for _, sec := range t.Sections {
		p("<tbody>\n")
		if sec.Heading != "" {
			p(`<tr class="section"><th scope="rowgroup" colspan="` + strconv.Itoa(cols) + `">` + esc(sec.Heading) + "</th></tr>\n")
		}
		for _, row := range sec.Rows {
			writeRow(p, row, t.Change != nil, l)
		}
		p("</tbody>\n")
	}
	p("</table>\n</div>\n")
	note := say(l, "table.empty_note")
	if t.Change != nil {
		note += " " + say(l, "table.change_note")
	}
	p(`<figcaption class="table-note">` + esc(note) + "</figcaption>\n</figure>\n")
}

func writeRow(p func(string), row tableRow, withChange bool, l *lang.Lang) {
	esc := html.EscapeString
	class := ""
	if row.Depth > 0 {
		class = ` class="depth-` + strconv.Itoa(min(row.Depth, 3)) + `"`
	}
	p(`<tr data-metric="` + row.Metric + `"><th scope="row"` + class + ">")
	// A heraf row is indented; a screen reader hears "heraf" ("of which")
	// instead, unless the label says it already.
	if ofWhich := say(l, "table.of_which"); row.Depth > 0 && !strings.HasPrefix(strings.ToLower(row.Label), strings.ToLower(ofWhich)) {
		p(`<span class="visually-hidden">` + esc(ofWhich) + ` </span>`)
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
		writeCell(p, c, say(l, "table.not_counted"))
	}
	if withChange {
		writeCell(p, row.Change, say(l, "table.no_change"))
	}
	p("</tr>\n")
}

func writeCell(p func(string), c, emptyText string) {
	if c == "" {
		p(`<td class="num empty"><span class="visually-hidden">` + html.EscapeString(emptyText) + `</span></td>`)
		return
	}
	p(`<td class="num">` + html.EscapeString(c) + `</td>`)
}

// writeFigure writes a chart: its title as the caption, the drawing for wide
// screens and the one for phones (the stylesheet shows one), the source, the
// same figures as a table for anyone who cannot see the drawing, and
// downloads. The caption comes first: HTML allows it only first or last.
// Its words are those of the figure's language.
func writeFigure(w *strings.Builder, f *Figure) {
	esc := html.EscapeString
	l := f.language()
	p := func(s string) { _, _ = w.WriteString(s) }
	p(`<figure class="chart" id="` + f.ID + `" aria-labelledby="` + f.ID + `-titel">` + "\n")
	p(`<figcaption id="` + f.ID + `-titel" class="chart-title">` + esc(f.Title) + "</figcaption>\n")
	p(`<div class="chart-wide">`)
	_, _ = w.Write(f.Wide)
	p("</div>\n" + `<div class="chart-narrow">`)
	_, _ = w.Write(f.Narrow)
	p("</div>\n")
	p(`<p class="chart-source">` + lang.MarkPhrases(f.Source) + "</p>\n")
	p("<details class=\"chart-data\">\n<summary>" + esc(say(l, "figures.show_table")) + "</summary>\n")
	p(`<div class="table-scroll" role="region" tabindex="0" aria-label="` + esc(say(l, "figures.table_label", f.Title)) + `">` + "\n<table>\n<thead><tr>")
	p(`<th scope="col">` + esc(firstHeader(f)) + `</th>`)
	for _, s := range f.Series {
		p(`<th scope="col" class="num">` + esc(s.Name) + `</th>`)
	}
	p("</tr></thead>\n<tbody>\n")
	for i, c := range f.Categories {
		p(`<tr><th scope="row">` + esc(c) + `</th>`)
		empty := say(l, "table.not_counted")
		if f.gap(i) {
			empty = say(l, "table.no_edition")
		}
		for _, s := range f.Series {
			writeCell(p, s.Cells[i], empty)
		}
		p("</tr>\n")
	}
	p("</tbody>\n</table>\n</div>\n")
	if f.Unit != "" {
		p(`<p class="table-note">` + esc(say(l, "figures.unit", strings.TrimSuffix(f.Unit, "."))) + "</p>\n")
	}
	p("</details>\n")
	p(`<p class="chart-downloads">` + esc(say(l, "figures.download")) + ` <a href="` + f.ID + `.csv" download>` + esc(say(l, "figures.csv")) + `</a> · <a href="` + f.ID + `.json">JSON</a></p>` + "\n")
	p("</figure>\n")
}

// firstHeader names the column of categories: years or labels.
func firstHeader(f *Figure) string {
	for _, c := range f.Categories {
		if len(c) != 4 || strings.Trim(c, "0123456789") != "" {
			return say(f.language(), "figures.category")
		}
	}
	return say(f.language(), "figures.year")
}

// keyFigureHTML is a key figure in the text: the figure large, with its
// prefix and its words.
func keyFigureHTML(prefix, figure, text string) string {
	var b strings.Builder
	b.WriteString(`<p class="key-figure">`)
	if prefix != "" {
		b.WriteString(`<span class="key-figure__prefix">` + html.EscapeString(prefix) + `</span> `)
	}
	b.WriteString(`<strong class="key-figure__number">` + html.EscapeString(figure) + `</strong> `)
	b.WriteString(`<span class="key-figure__text">` + lang.MarkPhrases(text) + "</span></p>\n")
	return b.String()
}
