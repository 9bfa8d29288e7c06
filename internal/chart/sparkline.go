package chart

import (
	"html"
	"math"
	"strconv"
	"strings"
)

// Sparkline draws values as a small line, for a list where a full chart per
// row would be too much: the trend of each metric in the list of all
// figures. label is its text alternative; the line has no text of its own,
// and it takes the colour of the text around it. A missing value (NaN)
// breaks the line, so that no segment joins the years on either side of
// it; a lone value between breaks is a dot.
func Sparkline(values []float64, label string) []byte {
	const w, h, pad = 64.0, 16.0, 2.0
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	var b strings.Builder
	b.WriteString(`<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 16" width="64" height="16" role="img" aria-label="` + html.EscapeString(label) + `">`)
	if len(values) > 1 && hi >= lo {
		point := func(i int) (x, y string) {
			fx := pad + (w-2*pad)*float64(i)/float64(len(values)-1)
			fy := h / 2
			if hi > lo {
				fy = h - pad - (h-2*pad)*(values[i]-lo)/(hi-lo)
			}
			return strconv.FormatFloat(fx, 'f', 1, 64), strconv.FormatFloat(fy, 'f', 1, 64)
		}
		missing := func(i int) bool { return math.IsNaN(values[i]) || math.IsInf(values[i], 0) }
		for start := 0; start < len(values); {
			if missing(start) {
				start++
				continue
			}
			end := start
			for end+1 < len(values) && !missing(end+1) {
				end++
			}
			if end == start {
				x, y := point(start)
				b.WriteString(`<circle cx="` + x + `" cy="` + y + `" r="1.5" fill="currentColor"/>`)
			} else {
				b.WriteString(`<polyline fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" points="`)
				for i := start; i <= end; i++ {
					if i > start {
						b.WriteByte(' ')
					}
					x, y := point(i)
					b.WriteString(x + "," + y)
				}
				b.WriteString(`"/>`)
			}
			start = end + 1
		}
	}
	b.WriteString(`</svg>`)
	return []byte(b.String())
}
