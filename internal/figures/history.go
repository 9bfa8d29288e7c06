package figures

import (
	"strconv"

	"report/internal/chart"
	"report/internal/data"
	"report/internal/refs"
)

// A metric drawn over the years, for its own page.

// History is a metric's figures over the years as a chart, for the metric's
// own page; nil when there are fewer than two years to draw.
func History(d *data.Data, metricID string) (*Figure, error) {
	m := d.Metric(metricID)
	if m == nil {
		return nil, nil
	}
	var years []int
	for _, y := range d.Years() {
		if _, ok := d.Value(metricID, y); ok {
			years = append(years, y)
		}
	}
	if len(years) < 2 {
		return nil, nil
	}
	fig := &Figure{ID: "figur-historik", Title: d.Title(metricID) + ", " + refs.Span(d.Lang(), years), Source: defaultSource(d.Lang()), Unit: m.Unit, lang: d.Lang()}
	s := figureSeries{Name: m.Label}
	for _, y := range years {
		v, _ := d.Value(metricID, y)
		fig.Categories = append(fig.Categories, strconv.Itoa(y))
		s.Values = append(s.Values, v)
		s.Cells = append(s.Cells, d.FormatAs(metricID, y, v))
	}
	fig.Series = []figureSeries{s}
	return fig, fig.draw(chart.Bar, m.Decimals)
}
