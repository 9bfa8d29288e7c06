package figures

import (
	"fmt"

	"report/internal/chart"
)

// Limits on a table or a chart, checked on the block's lists before any
// figure is looked up: a 45 KB table block naming 3,000 years and 3,000
// rows took 1.6 GB before its first error. The 2016 edition's biggest
// table has 45 rows and 4 years, its biggest chart 10 bars.
const (
	MaxYears    = 50  // years a table or a chart shows
	MaxRows     = 300 // rows of a table, in all its sections
	MaxSections = 50
	MaxBars     = 60 // metrics, labels or categories of a chart
	// MaxSeries is what the chart package draws: a block with more is
	// refused here, at its key, rather than by the drawing.
	MaxSeries = chart.MaxSeries
)

// limit is a list of a block, its length and the most it may hold.
type limit struct {
	key   string
	n     int
	limit int
	what  string
}

// tooMany returns the key of the first list that is too long, and why.
func tooMany(lists ...limit) (string, string) {
	for _, l := range lists {
		if l.n > l.limit {
			return l.key, fmt.Sprintf("%d %s, more than the %d the report draws; split it", l.n, l.what, l.limit)
		}
	}
	return "", ""
}
