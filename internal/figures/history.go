package figures

import (
	"math"
	"strconv"

	"report/internal/chart"
	"report/internal/data"
	"report/internal/refs"
)

// A metric drawn over the years, for its own page.

// History is a metric's figures over the years as a chart, for the metric's
// own page: every year from its first figure to its last, a year without
// one an empty slot (see Figure.gaps); nil when it has fewer than two
// figures.
func History(d *data.Data, metricID string) (*Figure, error) {
	m := d.Metric(metricID)
	if m == nil {
		return nil, nil
	}
	var first, last, n int
	for _, y := range d.Years() {
		if _, ok := d.Value(metricID, y); ok {
			if n == 0 {
				first = y
			}
			last, n = y, n+1
		}
	}
	if n < 2 {
		return nil, nil
	}
	var years []int
	for y := first; y <= last; y++ {
		years = append(years, y)
	}
	fig := &Figure{ID: "figur-historik", Title: d.Title(metricID) + ", " + refs.Span(d.Lang(), years), Source: defaultSource(d.Lang()), Unit: m.Unit, lang: d.Lang()}
	s := figureSeries{Name: m.Label}
	for _, y := range years {
		fig.Categories = append(fig.Categories, strconv.Itoa(y))
		fig.gaps = append(fig.gaps, d.Gap(y))
		v, ok := d.Value(metricID, y)
		if !ok {
			s.Values, s.Cells = append(s.Values, math.NaN()), append(s.Cells, "")
			continue
		}
		s.Values = append(s.Values, v)
		s.Cells = append(s.Cells, d.FormatAs(metricID, y, v))
	}
	fig.Series = []figureSeries{s}
	return fig, fig.draw(chart.Bar, m.Decimals)
}
