package render

// A metric across every edition's data, for the pages that span editions:
// a metric's page with its figure year by year, and the index of all
// figures with each metric's trend.

import (
	"html/template"
	"math"
	"strconv"

	"report/internal/chart"
	"report/internal/data"
	"report/internal/site"
	"report/internal/urls"
)

// HistoryRow is one year of a metric, for the metric's page: the figure,
// the change from the year before, and the edition that reported it. A
// year without a figure between the first and the last has a row too,
// which says why: Gap when no edition covers the year, otherwise the
// figure was not collected that year.
type HistoryRow struct {
	Year    int
	Value   string // "" for a year without a figure
	Change  string // from the year before, when both have a figure
	Gap     bool
	Note    string        // the data's explanation of the figure, if any
	Edition *site.Edition // the edition whose data year this is, or nil
}

// MetricEntry is a metric in the index of all figures.
type MetricEntry struct {
	Metric *data.Metric
	Title  string // see data.Data.Title
	Depth  int
	URL    string
	Trend  template.HTML // a small line of its figures over the years, or ""
}

// history is a row for every year from the metric's first figure to its
// last. The change is only ever from the year before: across a year
// without a figure the column shows none, so "from the year before"
// stays true.
func (r *Renderer) history(m *data.Metric) []HistoryRow {
	d := r.site.Data
	years := metricYears(d, m.ID)
	rows := make([]HistoryRow, 0, len(years))
	for _, y := range years {
		row := HistoryRow{Year: y, Gap: d.Gap(y), Edition: r.editionFor(y)}
		row.Value, _ = d.Display(m.ID, y)
		if row.Value != "" {
			row.Note = d.NoteText(m.ID, y)
		}
		if row.Value != "" && len(rows) > 0 && rows[len(rows)-1].Value != "" {
			row.Change, _ = d.ChangeText(m.ID, y-1, y)
		}
		rows = append(rows, row)
	}
	return rows
}

// metricYears are the years from a metric's first figure to its last.
func metricYears(d *data.Data, id string) []int {
	var first, last int
	for _, y := range d.Years() {
		if _, ok := d.Value(id, y); ok {
			if first == 0 {
				first = y
			}
			last = y
		}
	}
	if first == 0 {
		return nil
	}
	years := make([]int, 0, last-first+1)
	for y := first; y <= last; y++ {
		years = append(years, y)
	}
	return years
}

// editionFor returns the edition that reports on the year.
func (r *Renderer) editionFor(year int) *site.Edition {
	for _, e := range r.site.Editions {
		if e.DataYear == year {
			return e
		}
	}
	return nil
}

func (r *Renderer) metricEntries() []MetricEntry {
	var out []MetricEntry
	for _, m := range r.site.Data.Metrics {
		out = append(out, MetricEntry{Metric: m, Title: r.site.Data.Title(m.ID), Depth: r.site.Data.Depth(m.ID), URL: urls.Metric(m.ID), Trend: r.trend(m)})
	}
	return out
}

// trend draws a metric's figures as a small line, with a text alternative
// that says what the line shows, in the page's language (trend.*):
// "Faldende fra 602,8 i 2012 til 257,6 i 2015", "Falling from 602.8 in 2012
// to 257.6 in 2015", and the years without a figure, where the line
// breaks. A metric with fewer than two figures has none.
func (r *Renderer) trend(m *data.Metric) template.HTML {
	rows := r.history(m)
	d := r.site.Data
	values := make([]float64, len(rows))
	var shown, missing []string
	for i, row := range rows {
		v, ok := d.Value(m.ID, row.Year)
		if !ok {
			v = math.NaN()
			missing = append(missing, strconv.Itoa(row.Year))
		}
		values[i] = v
		if ok {
			shown = append(shown, row.Value)
		}
	}
	if len(shown) < 2 {
		return ""
	}
	first, last := rows[0], rows[len(rows)-1]
	key := "trend.unchanged"
	switch {
	case values[len(values)-1] > values[0]:
		key = "trend.rising"
	case values[len(values)-1] < values[0]:
		key = "trend.falling"
	}
	label := r.lang.Tf(key, first.Value, first.Year, last.Value, last.Year)
	if len(missing) > 0 {
		label += r.lang.Tf("trend.missing", r.lang.Join(missing))
	}
	return template.HTML(chart.Sparkline(values, label)) // escaped inside
}
