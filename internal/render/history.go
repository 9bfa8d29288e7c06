package render

import (
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
		out = append(out, MetricEntry{Metric: m, Title: r.site.Data.Title(m.ID), Depth: r.site.Data.Depth(m.ID), URL: site.MetricURL(m.ID)})
	}
	return out
}
