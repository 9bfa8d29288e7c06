package figures

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"report/internal/data"
	"report/internal/slugs"
)

// dataTable is a data table resolved from a `table` block: every cell is already
// a formatted string, "" where the source gives no figure.
type dataTable struct {
	ID       string
	Caption  string
	Years    []int
	Change   []int // [from, to], or nil when the table shows no change column
	Sections []tableSection
}

// tableSection is a group of rows under an optional heading.
type tableSection struct {
	Heading string
	Rows    []tableRow
}

// tableRow is one metric's figures.
type tableRow struct {
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

// table draws a `table` block.
func (st *block) table() string {
	var spec tableSpec
	doc, ok := st.decode(&spec)
	if !ok {
		return ""
	}
	errAt := st.errAt(doc, "table: ")
	rows := len(spec.Rows)
	for _, sec := range spec.Sections {
		rows += len(sec.Rows)
	}
	if key, msg := tooMany(limit{"years", len(spec.Years), MaxYears, "years"}, limit{"section", len(spec.Sections), MaxSections, "sections"}, limit{"rows", rows, MaxRows, "rows"}); key != "" {
		errAt(key, "%s", msg)
		return ""
	}
	t := st.resolveTable(spec, errAt, st.warnAt(doc, "table: "))
	var b strings.Builder
	writeTable(&b, t, st.data().Lang())
	return b.String()
}

func (st *block) resolveTable(spec tableSpec, errAt, warnAt func(string, string, ...any)) *dataTable {
	years, err := st.yearsOf(spec.Years)
	if err != nil {
		errAt("years", "%v", err)
	}
	if spec.Years == nil {
		years = st.editionYears()
	}
	d := st.data()
	years = st.splitGaps(years)
	t := &dataTable{Years: years}
	t.Caption = strings.TrimSpace(st.expandTitle(spec.Caption, "caption", years, errAt, warnAt))
	if t.Caption == "" {
		errAt("caption", `"caption" is required: every table needs a title that says what it shows`)
	}
	t.ID = st.page.Unique("tabel-" + slugs.Make(t.Caption))
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
			for i, y := range change {
				if msg := st.missingYear(y); msg != "" {
					errAt("change", "%s; the change column would be empty. %s", msg, st.compareInstead(change, i))
					t.Change = nil
					break
				}
			}
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
		ts := tableSection{Heading: strings.TrimSpace(sec.Heading)}
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
		if msg := st.missingYear(y); msg != "" {
			errAt("years", "%s", msg)
		}
	}
	return t
}

// missingYear says why a block cannot show a year's figures, or "" when
// it can: no file of figures, or a gap in the series, which no edition
// covers.
func (st *block) missingYear(y int) string {
	d := st.data()
	switch {
	case d.HasYear(y):
		return ""
	case d.Gap(y):
		return fmt.Sprintf("no edition has figures for %d: the series has a gap there", y)
	}
	return fmt.Sprintf("no figures for %d; add data/years/%d.toml or remove the year", y, y)
}

// compareInstead is the fix for a change column whose i-th year has no
// figures: the nearest year that has, written as the block writes years
// relative to the edition's data year.
func (st *block) compareInstead(change []int, i int) string {
	d := st.data()
	step := -1
	if i == 1 {
		step = 1
	}
	y := change[i]
	for n := 0; n < 100 && !d.HasYear(y); n++ {
		y += step
	}
	if !d.HasYear(y) || y == change[1-i] {
		return "Remove change, or name two years that have figures."
	}
	fixed := slices.Clone(change)
	fixed[i] = y
	e := d.Edition(st.page.Edition)
	if e == nil {
		return fmt.Sprintf("Compare %d with %d instead: change = [%d, %d].", fixed[0], fixed[1], fixed[0], fixed[1])
	}
	rel := func(y int) string {
		if y == e.DataYear {
			return `"dataår"`
		}
		return fmt.Sprintf(`"dataår%+d"`, y-e.DataYear)
	}
	return fmt.Sprintf("Compare %d with %d instead: change = [%s, %s]; its heading then names both years.", fixed[0], fixed[1], rel(fixed[0]), rel(fixed[1]))
}

// splitGaps leaves out of a table's years those that fall in a gap of the
// series, and notes them for the page, which says once that no edition
// covers them.
func (st *block) splitGaps(years []int) []int {
	var kept, gaps []int
	for _, y := range years {
		if st.data().Gap(y) {
			gaps = append(gaps, y)
		} else {
			kept = append(kept, y)
		}
	}
	if len(gaps) > 0 && st.page.Gaps != nil {
		st.page.Gaps(gaps)
	}
	return kept
}

func (st *block) tableRow(m *data.Metric, t *dataTable, errAt func(string, string, ...any)) tableRow {
	d := st.data()
	row := tableRow{Metric: m.ID, Label: m.Label, Depth: d.Depth(m.ID)}
	if link := st.lang.opts.MetricURL; link != nil {
		row.URL = strings.TrimSuffix(st.lang.opts.BasePath, "/") + "/" + link(m.ID)
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
		st.incomplete = st.incomplete || d.ValueBroken(y, m.ID)
	}
	if empty && len(t.Years) > 0 && !st.incomplete {
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

// keyFigure draws a `keyfigure` block.
func (st *block) keyFigure() string {
	var spec keyFigureSpec
	doc, ok := st.decode(&spec)
	if !ok {
		return ""
	}
	errAt := st.errAt(doc, "keyfigure: ")
	k := data.KeyFigure{Metric: spec.Metric, Round: spec.Round, Prefix: spec.Prefix, Figure: spec.Figure}
	var err error
	switch {
	case spec.Year != nil:
		k.Year, err = st.yearOf(spec.Year)
	case spec.Metric != "":
		k.Year, err = st.yearOf("dataår")
		k.Year = st.data().DefaultYear(spec.Metric, k.Year)
	}
	if err != nil {
		errAt("year", "%v", err)
		return ""
	}
	k.Text = st.expandTitle(spec.Text, "text", []int{k.Year}, errAt, st.warnAt(doc, "keyfigure: "))
	figure, err := st.data().KeyFigureNumber(k)
	if errors.Is(err, data.ErrIncomplete) {
		return ""
	}
	if err != nil {
		errAt("metric", "%v", err)
		return ""
	}
	return keyFigureHTML(k.Prefix, figure, k.Text)
}

// expandTitle resolves the references in a block's title, caption or text,
// with {{år}} giving the years the block shows, and refuses a year typed
// there that the block does not show.
func (st *block) expandTitle(s, key string, shown []int, errAt, warnAt func(string, string, ...any)) string {
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
// data_year, that have figures or fall in a gap of the series: what a table
// or chart shows when it names no years, so that the data alone decides
// which years appear. A chart keeps a gap's slot empty; a table leaves its
// column out (see splitGaps).
func (st *block) editionYears() []int {
	d := st.data()
	e := d.Edition(st.page.Edition)
	if e == nil {
		return nil
	}
	// A year whose file failed to load is still the edition's: left out,
	// every table would report its rows empty, one error per row.
	var years []int
	for y := e.FirstYear; y <= e.DataYear && y-e.FirstYear < 100; y++ {
		if d.HasYear(y) || d.Gap(y) {
			years = append(years, y)
		}
	}
	return years
}

// String makes a dataTable readable in test failures.
func (t *dataTable) String() string {
	return fmt.Sprintf("%s %v %d sections", t.Caption, t.Years, len(t.Sections))
}
