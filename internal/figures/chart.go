package figures

import (
	"slices"
	"strings"
	"time"

	"report/internal/chart"
	"report/internal/data"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/slugs"
)

// chartSpec is the TOML body of a ```chart block. The figures come from the
// data in one of four ways:
//
//   - metrics and years: one series per metric, the years along the axis
//     (without years: the edition's years that have figures);
//   - metrics and year: one bar per metric, for one year;
//   - [[series]] and year: one series per group of metrics, with labels;
//   - data = "clusters-by-field" or "ecei": counts of the edition's clusters.
type chartSpec struct {
	ID      string       `toml:"id"`
	Type    string       `toml:"type"`
	Title   string       `toml:"title"`
	Source  string       `toml:"source"`
	Unit    string       `toml:"unit"`
	Metrics []string     `toml:"metrics"`
	Labels  []string     `toml:"labels"`
	Years   []any        `toml:"years"` // 2015 or "dataår-1", see yearOf
	Year    any          `toml:"year"`
	Series  []seriesSpec `toml:"series"`
	Data    string       `toml:"data"`
}

type seriesSpec struct {
	Name    string   `toml:"name"`
	Metrics []string `toml:"metrics"`
}

// Figure is a resolved chart: the drawings, the same figures as a table, and
// the downloads.
type Figure struct {
	ID         string
	Title      string
	Source     string
	Wide       []byte // SVG for wide screens and print
	Narrow     []byte // SVG for phones
	Unit       string
	UnitOne    string // the unit after a 1, where it differs (chart.Spec.UnitOne)
	Categories []string
	Series     []figureSeries
	lang       *lang.Lang // the page's: its words, its figures in the drawings and the CSV; nil is Danish
	// gaps marks the categories that are years in a gap of the series,
	// which no edition covers: their cells say so, not "not counted".
	gaps []bool
}

// gap reports whether category i is a year no edition covers.
func (fig *Figure) gap(i int) bool { return i < len(fig.gaps) && fig.gaps[i] }

// language is the figure's language.
func (fig *Figure) language() *lang.Lang {
	if fig.lang == nil {
		return lang.Danish
	}
	return fig.lang
}

// defaultSource is the caption's source line when a chart names none.
func defaultSource(l *lang.Lang) string { return say(l, "figures.source") }

// figureSeries is one series with its figures formatted as the report prints
// them ("" where the source gives none) and as numbers for the downloads.
type figureSeries struct {
	Name   string
	Cells  []string
	Values []float64 // NaN where the source gives none
}

// chart draws a `chart` block, and returns its downloads.
func (st *block) chart() (string, []markdown.File) {
	start := time.Now()
	defer func() { st.lang.opts.Timing.Item("chart", st.page.Path, time.Since(start)) }()
	var spec chartSpec
	doc, ok := st.decode(&spec)
	if !ok {
		return "", nil
	}
	failed := false
	report := st.errAt(doc, "chart: ")
	errAt := func(key string, format string, args ...any) {
		failed = true
		report(key, format, args...)
	}
	bars := max(len(spec.Metrics), len(spec.Labels))
	for _, ser := range spec.Series {
		bars = max(bars, len(ser.Metrics))
	}
	if key, msg := tooMany(limit{"years", len(spec.Years), MaxYears, "years"}, limit{"series", len(spec.Series), MaxSeries, "series"}, limit{"metrics", bars, MaxBars, "metrics or labels"}); key != "" {
		errAt(key, "%s", msg)
		return "", nil
	}
	fig := st.resolveChart(spec, errAt, st.warnAt(doc, "chart: "))
	if failed || fig == nil || len(fig.Series) == 0 || st.incomplete {
		return "", nil
	}
	name := slugs.Make(fig.Title)
	if spec.ID != "" {
		if !slugs.Valid(spec.ID) || len(spec.ID) > data.MaxID {
			errAt("id", "id %q must be lower-case letters, digits and hyphens, at most %d of them, like %q", spec.ID, data.MaxID, slugs.Make(spec.ID))
			return "", nil
		}
		name = spec.ID
	}
	if len(name) > data.MaxID { // made from a long title: the file names would be too
		name = strings.TrimRight(name[:data.MaxID], "-")
	}
	fig.ID = st.page.Unique("figur-" + name)
	if err := fig.draw(chart.Kind(spec.Type), st.decimals(spec)); err != nil {
		errAt("type", "%v", err)
		return "", nil
	}
	return fig.HTML(), fig.Downloads()
}

// draw renders the figure's two drawings: wide for screens and print, narrow
// for phones.
func (fig *Figure) draw(kind chart.Kind, decimals int) error {
	cs := chart.Spec{Kind: kind, Title: fig.Title, Categories: fig.Categories, Unit: fig.Unit, UnitOne: fig.UnitOne, Decimals: decimals, ID: fig.ID, Lang: fig.language()}
	for _, s := range fig.Series {
		cs.Series = append(cs.Series, chart.Series{Name: s.Name, Values: s.Values})
	}
	var err error
	if fig.Wide, err = chart.RenderCached(cs); err != nil {
		return err
	}
	cs.Narrow, cs.ID = true, fig.ID+"-smal"
	fig.Narrow, err = chart.RenderCached(cs)
	return err
}

// Downloads are the figure's data files, named after its id, for the page's
// folder.
func (fig *Figure) Downloads() []markdown.File {
	return []markdown.File{{Name: fig.ID + ".csv", Data: fig.CSV()}, {Name: fig.ID + ".json", Data: fig.JSON()}}
}

// HTML is the figure as a page shows it: caption, drawings, source, the
// figures as a table, downloads.
func (fig *Figure) HTML() string {
	var b strings.Builder
	writeFigure(&b, fig)
	return b.String()
}

// resolveChart fetches the chart's figures from the data. Every count that
// pairs up (labels and metrics, series and categories) is checked: TOML reads
// a Danish slip like [1.0, 2,0] as three numbers.
func (st *block) resolveChart(spec chartSpec, errAt, warnAt func(string, string, ...any)) *Figure {
	fig := &Figure{Source: strings.TrimSpace(spec.Source), Unit: spec.Unit, lang: st.data().Lang()}
	if fig.Source == "" {
		fig.Source = defaultSource(fig.lang)
	}
	if !chart.Kind(spec.Type).Valid() {
		errAt("type", `type must be %s, not %q`, chart.KindNames(), spec.Type)
		return nil
	}
	form, shown, ok := st.chartYears(&spec, errAt)
	if !ok || slices.ContainsFunc(shown, st.data().YearBroken) {
		return nil // a year's file failed to load; its own error says so
	}
	fig.Title = strings.TrimSpace(st.expandTitle(spec.Title, "title", shown, errAt, warnAt))
	if fig.Title == "" {
		errAt("title", `"title" is required: it names the chart for every reader`)
		return nil
	}
	switch form {
	case "clusters":
		st.chartFromClusters(fig, spec, errAt)
	case "series":
		st.chartFromSeries(fig, spec, shown[0], errAt)
	case "year":
		st.chartForYear(fig, spec, shown[0], errAt)
	default:
		st.chartOverYears(fig, spec, shown, errAt)
	}
	return fig
}

// chartYears decides the chart's form and the years it shows: counts of the
// edition's clusters (its data year), one year, or a run of years (without
// years: the edition's years that have figures).
func (st *block) chartYears(spec *chartSpec, errAt func(string, string, ...any)) (form string, shown []int, ok bool) {
	switch {
	case spec.Data != "":
		if e := st.data().Edition(st.page.Edition); e != nil {
			shown = []int{e.DataYear}
		}
		return "clusters", shown, true
	case spec.Year != nil:
		y, err := st.yearOf(spec.Year)
		if err != nil {
			errAt("year", "%v", err)
			return "", nil, false
		}
		if len(spec.Series) > 0 {
			return "series", []int{y}, true
		}
		return "year", []int{y}, true
	case len(spec.Series) > 0:
		errAt("year", `a chart with [[series]] needs year = …, like year = "dataår"`)
		return "", nil, false
	case spec.Years == nil:
		return "years", st.editionYears(), true
	}
	years, err := st.yearsOf(spec.Years)
	if err != nil {
		errAt("years", "%v", err)
		return "", nil, false
	}
	return "years", years, true
}
