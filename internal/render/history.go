package render

// A metric across every edition's data, for the pages that span editions:
// a metric's page with its figure year by year, and the index of all
// figures with each metric's trend.

import (
	"html/template"

	"report/internal/chart"
	"report/internal/data"
	"report/internal/site"
)

// HistoryRow is one year of a metric, for the metric's page: the figure, the
// change from the year before, and the edition that reported it.
type HistoryRow struct {
	Year    int
	Value   string
	Change  string
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

func (r *Renderer) history(m *data.Metric) []HistoryRow {
	d := r.site.Data
	var rows []HistoryRow
	prev := -1
	for _, y := range d.Years() {
		s, ok := d.Display(m.ID, y)
		if !ok {
			continue
		}
		row := HistoryRow{Year: y, Value: s, Edition: r.editionFor(y)}
		if prev >= 0 {
			row.Change, _ = d.ChangeText(m.ID, prev, y)
		}
		rows = append(rows, row)
		prev = y
	}
	return rows
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
		out = append(out, MetricEntry{Metric: m, Title: r.site.Data.Title(m.ID), Depth: r.site.Data.Depth(m.ID), URL: site.MetricURL(m.ID), Trend: r.trend(m)})
	}
	return out
}

// trend draws a metric's figures as a small line, with a text alternative
// that says what the line shows, in the page's language (trend.*):
// "Faldende fra 602,8 i 2012 til 257,6 i 2015", "Falling from 602.8 in 2012
// to 257.6 in 2015". A metric with fewer than two years has none.
func (r *Renderer) trend(m *data.Metric) template.HTML {
	rows := r.history(m)
	if len(rows) < 2 {
		return ""
	}
	d := r.site.Data
	values := make([]float64, len(rows))
	for i, row := range rows {
		values[i], _ = d.Value(m.ID, row.Year)
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
	return template.HTML(chart.Sparkline(values, label)) // escaped inside
}
