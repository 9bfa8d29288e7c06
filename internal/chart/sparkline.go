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
// and it takes the colour of the text around it.
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
		b.WriteString(`<polyline fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" points="`)
		for i, v := range values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			x := pad + (w-2*pad)*float64(i)/float64(len(values)-1)
			y := h / 2
			if hi > lo {
				y = h - pad - (h-2*pad)*(v-lo)/(hi-lo)
			}
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.FormatFloat(x, 'f', 1, 64) + "," + strconv.FormatFloat(y, 'f', 1, 64))
		}
		b.WriteString(`"/>`)
	}
	b.WriteString(`</svg>`)
	return []byte(b.String())
}
