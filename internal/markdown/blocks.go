package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"report/internal/danish"
	"report/internal/data"
	"report/internal/tomlfile"
)

// Table is a data table resolved from a `table` block: every cell is already
// a formatted string, "" where the source gives no figure.
type Table struct {
	ID       string
	Caption  string
	Years    []int
	Change   []int // [from, to], or nil when the table shows no change column
	Sections []TableSection
}

// TableSection is a group of rows under an optional heading.
type TableSection struct {
	Heading string
	Rows    []TableRow
}

// TableRow is one metric's figures.
type TableRow struct {
	Metric string
	URL    string // the metric's own page, or ""
	Label  string
	Unit   string
	Depth  int // 1 for a "heraf" row
	Cells  []string
	Change string
}

type tableSpec struct {
	Caption  string        `toml:"caption"`
	Years    []any         `toml:"years"`
	Change   []any         `toml:"change"`
	Rows     []string      `toml:"rows"`
	Sections []sectionSpec `toml:"section"`
}

type sectionSpec struct {
	Heading string   `toml:"heading"`
	Rows    []string `toml:"rows"`
}

// tableNode and keyFigureNode replace the fenced blocks they came from.
type tableNode struct {
	ast.BaseBlock
	table *Table
}

type keyFigureNode struct {
	ast.BaseBlock
	prefix, figure, text string
}

var (
	kindTable     = ast.NewNodeKind("ReportTable")
	kindKeyFigure = ast.NewNodeKind("ReportKeyFigure")
)

func (n *tableNode) Kind() ast.NodeKind             { return kindTable }
func (n *tableNode) Dump(src []byte, level int)     { ast.DumpHelper(n, src, level, nil, nil) }
func (n *keyFigureNode) Kind() ast.NodeKind         { return kindKeyFigure }
func (n *keyFigureNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
func (n *tableNode) IsRaw() bool                    { return true }
func (n *keyFigureNode) IsRaw() bool                { return true }

// blockTransformer finds fenced blocks whose info string names one of the
// report's blocks and replaces each with its resolved node.
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
	for _, fb := range blocks {
		var replacement ast.Node
		switch string(fb.Language(reader.Source())) {
		case "table":
			replacement = st.tableBlock(fb)
		case "keyfigure":
			replacement = st.keyFigureBlock(fb)
		case "chart":
			replacement = st.chartBlock(fb)
		case "cases":
			replacement = st.casesBlock(fb)
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

// decode reads a block's TOML body, with positions pointing into the file.
func (st *state) decode(fb *ast.FencedCodeBlock, v any) (*tomlfile.Doc, int, bool) {
	src, offset := st.body(fb)
	line, _ := st.position(offset)
	doc, ok := tomlfile.Decode(st.path, line, src, v, st.problems)
	return doc, offset, ok
}

func (st *state) tableBlock(fb *ast.FencedCodeBlock) ast.Node {
	var spec tableSpec
	node := &tableNode{table: &Table{}}
	doc, offset, ok := st.decode(fb, &spec)
	if !ok {
		return node
	}
	errAt := func(key string, format string, args ...any) {
		line, col := doc.Pos(key)
		if line == 0 {
			line, col = st.position(offset)
		}
		st.problems.Errorf(st.path, line, col, "table: "+format, args...)
	}
	rows := len(spec.Rows)
	for _, sec := range spec.Sections {
		rows += len(sec.Rows)
	}
	if key, msg := tooMany(limit{"years", len(spec.Years), MaxYears, "years"}, limit{"section", len(spec.Sections), MaxSections, "sections"}, limit{"rows", rows, MaxRows, "rows"}); key != "" {
		errAt(key, "%s", msg)
		return node
	}
	node.table = st.resolveTable(spec, errAt, st.warnAt(doc, offset, "table: "))
	return node
}

func (st *state) resolveTable(spec tableSpec, errAt, warnAt func(string, string, ...any)) *Table {
	years, err := st.yearsOf(spec.Years)
	if err != nil {
		errAt("years", "%v", err)
	}
	if spec.Years == nil {
		years = st.editionYears()
	}
	d := st.conv.opts.Data
	t := &Table{Years: years}
	t.Caption = strings.TrimSpace(st.expandTitle(spec.Caption, "caption", years, errAt, warnAt))
	if t.Caption == "" {
		errAt("caption", `"caption" is required: every table needs a title that says what it shows`)
	}
	t.ID = st.ids.unique("tabel-" + danish.Slug(t.Caption))
	if len(years) == 0 && err == nil {
		errAt("years", `no years to show: give years = [2012, 2013, 2014, 2015], or leave years out on an edition's page to show the edition's years`)
	}
	if !slices.IsSorted(years) || len(slices.Compact(slices.Clone(years))) != len(years) {
		errAt("years", "years must be listed once each, oldest first")
	}
	if spec.Change != nil {
		change, err := st.yearsOf(spec.Change)
		switch {
		case err != nil:
			errAt("change", "%v", err)
		case len(change) != 2 || change[0] >= change[1]:
			errAt("change", "change names two years, the earlier first, like change = [2014, 2015] or [\"dataår-1\", \"dataår\"]; got %v", change)
		default:
			t.Change = change
		}
	}
	sections := spec.Sections
	if len(spec.Rows) > 0 {
		sections = append([]sectionSpec{{Rows: spec.Rows}}, sections...)
	}
	if len(sections) == 0 {
		errAt("rows", `a table needs rows: rows = ["metric-id", …] or [[section]] blocks`)
	}
	for _, sec := range sections {
		ts := TableSection{Heading: strings.TrimSpace(sec.Heading)}
		for _, id := range sec.Rows {
			m := d.Metric(id)
			if m == nil {
				if !d.Broken("metrics") {
					errAt("rows", "unknown metric %q; metrics are defined in data/metrics.toml", id)
				}
				continue
			}
			ts.Rows = append(ts.Rows, st.tableRow(m, t, errAt))
		}
		t.Sections = append(t.Sections, ts)
	}
	for _, y := range years {
		if !slices.Contains(d.Years(), y) && !d.YearBroken(y) {
			errAt("years", "no figures for %d; add data/years/%d.toml or remove the year", y, y)
		}
	}
	return t
}

func (st *state) tableRow(m *data.Metric, t *Table, errAt func(string, string, ...any)) TableRow {
	d := st.conv.opts.Data
	row := TableRow{Metric: m.ID, Label: m.Label, Depth: d.Depth(m.ID)}
	if link := st.conv.opts.MetricURL; link != nil {
		row.URL = strings.TrimSuffix(st.conv.opts.BasePath, "/") + "/" + link(m.ID)
	}
	// A "heraf" row shares its total's unit; saying it once is enough.
	parent := d.Metric(m.Parent)
	if m.Unit != "%" && !strings.Contains(m.Label, m.Unit) && (parent == nil || parent.Unit != m.Unit) {
		row.Unit = m.Unit
	}
	empty := true
	for _, y := range t.Years {
		cell, ok := d.Display(m.ID, y)
		empty = empty && !ok
		row.Cells = append(row.Cells, cell)
	}
	if empty && len(t.Years) > 0 && !slices.ContainsFunc(t.Years, d.YearBroken) {
		errAt("rows", "metric %q has no figure for any of the years %v", m.ID, t.Years)
	}
	if t.Change != nil {
		row.Change, _ = d.ChangeText(m.ID, t.Change[0], t.Change[1])
	}
	return row
}

// keyFigureSpec is a keyfigure block: data.KeyFigure, with a year that may
// be written as one of the edition's years by name.
type keyFigureSpec struct {
	Metric string  `toml:"metric"`
	Year   any     `toml:"year"`
	Round  float64 `toml:"round"`
	Prefix string  `toml:"prefix"`
	Figure string  `toml:"figure"`
	Text   string  `toml:"text"`
}

func (st *state) keyFigureBlock(fb *ast.FencedCodeBlock) ast.Node {
	var spec keyFigureSpec
	node := &keyFigureNode{}
	doc, offset, ok := st.decode(fb, &spec)
	if !ok {
		return node
	}
	errAt := func(key string, format string, args ...any) {
		line, col := doc.Pos(key)
		if line == 0 {
			line, col = st.position(offset)
		}
		st.problems.Errorf(st.path, line, col, "keyfigure: "+format, args...)
	}
	k := data.KeyFigure{Metric: spec.Metric, Round: spec.Round, Prefix: spec.Prefix, Figure: spec.Figure}
	var err error
	switch {
	case spec.Year != nil:
		k.Year, err = st.yearOf(spec.Year)
	case spec.Metric != "":
		k.Year, err = st.yearOf("dataår")
		k.Year = st.conv.opts.Data.DefaultYear(spec.Metric, k.Year)
	}
	if err != nil {
		errAt("year", "%v", err)
		return node
	}
	k.Text = st.expandTitle(spec.Text, "text", []int{k.Year}, errAt, st.warnAt(doc, offset, "keyfigure: "))
	figure, err := st.conv.opts.Data.KeyFigureNumber(k)
	if errors.Is(err, data.ErrIncomplete) {
		return node
	}
	if err != nil {
		errAt("metric", "%v", err)
		return node
	}
	node.prefix, node.figure, node.text = k.Prefix, figure, k.Text
	return node
}

// warnAt returns a function that warns about a key of a block.
func (st *state) warnAt(doc *tomlfile.Doc, offset int, prefix string) func(string, string, ...any) {
	return func(key string, format string, args ...any) {
		line, col := doc.Pos(key)
		if line == 0 {
			line, col = st.position(offset)
		}
		st.problems.Warnf(st.path, line, col, prefix+format, args...)
	}
}

// expandTitle resolves the references in a block's title, caption or text,
// with {{år}} giving the years the block shows, and refuses a year typed
// there that the block does not show.
func (st *state) expandTitle(s, key string, shown []int, errAt, warnAt func(string, string, ...any)) string {
	c := st.refs()
	c.Years = shown
	out, problems := c.Expand(s)
	for _, p := range problems {
		if p.Warning {
			warnAt(key, "%s", p.Msg)
		} else {
			errAt(key, "%s", p.Msg)
		}
	}
	if len(problems) == 0 && len(shown) > 0 {
		checkTitleYears(s, shown, func(_ string, format string, args ...any) { errAt(key, format, args...) })
	}
	return out
}

// editionYears are the years of the page's edition, first_year to
// data_year, that have figures: what a table or chart shows when it names no
// years, so that the data alone decides which years appear.
func (st *state) editionYears() []int {
	d := st.conv.opts.Data
	e := d.Edition(st.edition)
	if e == nil {
		return nil
	}
	// A year whose file failed to load is still the edition's: left out,
	// every table would report its rows empty, one error per row.
	var years []int
	for y := e.FirstYear; y <= e.DataYear && y-e.FirstYear < 100; y++ {
		if slices.Contains(d.Years(), y) || d.YearBroken(y) {
			years = append(years, y)
		}
	}
	return years
}

// String makes a Table readable in test failures.
func (t *Table) String() string {
	return fmt.Sprintf("%s %v %d sections", t.Caption, t.Years, len(t.Sections))
}
