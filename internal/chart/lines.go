package chart

import (
	"math"
	"slices"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// drawLines draws one or more series over the categories on go-chart's
// Chart, each line a go-chart ContinuousSeries. A lone series gets a value
// label at every point; several series get their name, with their marker,
// at the end of each line instead of a legend. Missing values break the
// line.
func drawLines(r *svgRenderer, s Spec, t theme) error {
	k := len(s.Series)
	maxName := 0.0
	if k > 1 {
		maxName = math.Round(t.width * 0.22)
	}
	right := 0.0
	for _, ser := range s.Series {
		if k > 1 {
			right = max(right, widest(wrap(ser.Name, t.px, maxName), t.px)+t.px+8)
		}
	}
	f, err := newVFrame(s, t, right, 0, func(float64) float64 {
		if k == 1 {
			return t.px + 10
		}
		return t.line / 2
	})
	if err != nil {
		return err
	}
	var series []gochart.Series
	for j, ser := range s.Series {
		series = append(series, lineSegments(j, ser)...)
	}
	for j, ser := range s.Series {
		series = append(series, markerSeries{seriesBase{ser.Name}, j, ser.Values, t.px * 0.3})
	}
	series = append(series, lineLabels{s: s, t: t, maxName: maxName})
	series = append(series, emptySlots{empty: emptyCategories(s), text: say(s.Lang, "chart.no_figure"), px: t.px})
	return f.render(r, series)
}

// dashes tell the lines apart in greyscale, with the markers.
var dashes = [][]float64{nil, {7, 4}, {2, 3}}

// lineSegments are series j's runs of present values as go-chart
// ContinuousSeries, at the middle of their categories; a lone value between
// gaps has only its marker.
func lineSegments(j int, ser Series) []gochart.Series {
	var out []gochart.Series
	style := gochart.Style{StrokeColor: seriesColor(j), StrokeWidth: 2.5, StrokeDashArray: dashes[j%len(dashes)]}
	var xs, ys []float64
	flush := func() {
		if len(xs) > 1 {
			out = append(out, gochart.ContinuousSeries{Name: ser.Name, Style: style, YAxis: gochart.YAxisSecondary, XValues: xs, YValues: ys})
		}
		xs, ys = nil, nil
	}
	for i, v := range ser.Values {
		if math.IsNaN(v) {
			flush()
			continue
		}
		xs, ys = append(xs, float64(i)+0.5), append(ys, v)
	}
	flush()
	return out
}

// markerSeries draws series j's marker at each of its points: go-chart's
// dots are circles only, and shape, not colour alone, tells lines apart.
type markerSeries struct {
	seriesBase
	j      int
	values []float64
	size   float64
}

// Render draws the markers where go-chart's ranges put the points.
func (m markerSeries) Render(r gochart.Renderer, box gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	svg, ok := r.(*svgRenderer)
	if !ok {
		return
	}
	p := plot{box, xr, yr}
	for i, v := range m.values {
		if !math.IsNaN(v) {
			marker(svg, m.j, p.center(i), p.y(v), m.size)
		}
	}
}

// lineLabels labels the lines: the values of a lone series, or the name of
// each of several at its end. go-chart has no series for either.
type lineLabels struct {
	seriesBase
	s       Spec
	t       theme
	maxName float64 // width at which series names wrap
}

// Render draws the labels where go-chart's ranges put the points.
func (l lineLabels) Render(r gochart.Renderer, box gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	svg, ok := r.(*svgRenderer)
	if !ok {
		return
	}
	p := plot{box, xr, yr}
	if len(l.s.Series) == 1 {
		pointLabels(svg, p, l.s, l.t)
	} else {
		endLabels(svg, p, l.s, l.t, l.maxName)
	}
}

// marker draws series j's point shape: circle, square, triangle, diamond.
func marker(r *svgRenderer, j int, x, y, size float64) {
	r.ResetStyle()
	r.SetFillColor(seriesColor(j))
	r.SetStrokeColor(white)
	r.SetStrokeWidth(1)
	s := size + 1
	switch j % 4 {
	case 0:
		r.Circle(size, px(x), px(y))
		return
	case 1:
		r.rect(x-s, y-s, x+s, y+s)
	case 2:
		r.MoveTo(px(x), px(y-s-1))
		r.LineTo(px(x+s+1), px(y+s))
		r.LineTo(px(x-s-1), px(y+s))
		r.Close()
	case 3:
		r.MoveTo(px(x), px(y-s-1))
		r.LineTo(px(x+s+1), px(y))
		r.LineTo(px(x), px(y+s+1))
		r.LineTo(px(x-s-1), px(y))
		r.Close()
	}
	r.FillStroke()
}

// pointLabels puts each value where the line does not run: above its
// point, below it where both neighbours are higher, and where the line
// only falls (or only rises) through it, above on the side the line
// comes up from, clear of both its segments.
func pointLabels(r *svgRenderer, p plot, s Spec, t theme) {
	vals := s.Series[0].Values
	for i, v := range vals {
		if math.IsNaN(v) {
			continue
		}
		x, y, anchor := p.center(i), p.y(v)-t.px*0.3-6, "middle"
		left, right := higher(vals, i-1, v), higher(vals, i+1, v)
		switch {
		case left && right:
			y = p.y(v) + t.px + 8
		case left && lower(vals, i+1, v): // falling through the point
			x, anchor = x+6, ""
		case right && lower(vals, i-1, v): // rising through the point
			x, anchor = x-6, "end"
		}
		r.paperText(valueLabel(s.Lang, v, s.Decimals), x, y, t.px, ink, anchor)
	}
}

func lower(vals []float64, i int, v float64) bool {
	return i >= 0 && i < len(vals) && !math.IsNaN(vals[i]) && vals[i] < v
}

func higher(vals []float64, i int, v float64) bool {
	return i >= 0 && i < len(vals) && !math.IsNaN(vals[i]) && vals[i] > v
}

// endLabel is a series name placed beside the last point of its line.
type endLabel struct {
	series int
	x, y   float64 // y is the centre of the block
	py     float64 // the y of the line's last point
	lines  []string
}

// endLabels names each line at its last point, moving labels apart where
// lines end close together, so none overlap.
func endLabels(r *svgRenderer, p plot, s Spec, t theme, maxW float64) {
	var ls []endLabel
	for j, ser := range s.Series {
		last := -1
		for i, v := range ser.Values {
			if !math.IsNaN(v) {
				last = i
			}
		}
		if last < 0 {
			continue
		}
		x := p.center(last) + t.px*0.3 + 6
		y := p.y(ser.Values[last])
		ls = append(ls, endLabel{j, x, y, y, wrap(ser.Name, t.px, maxW)})
	}
	spread(ls, t.line, float64(p.box.Top)-t.line, float64(p.box.Bottom))
	// Labels level with their lines' ends need nothing more: a marker beside
	// the last point would read as a second point. Where lines end close
	// together and labels had to move apart, every label shows its line's
	// marker (shape, not colour alone, tells them apart), and a moved one a
	// thin leader to its line.
	crowded := slices.ContainsFunc(ls, func(l endLabel) bool { return math.Abs(l.y-l.py) > 1 })
	for _, l := range ls {
		if crowded {
			if math.Abs(l.y-l.py) > 1 {
				r.line(l.x-4, l.py, l.x+t.px*0.3-3, l.y, seriesColor(l.series), 1)
			}
			marker(r, l.series, l.x+t.px*0.3, l.y, t.px*0.3)
		}
		r.paperLines(l.lines, l.x+t.px*0.6+5, l.y, t.px, t.line, ink)
	}
}

// spread moves label blocks apart vertically, keeping their order, and
// keeps them between lo and hi.
func spread(ls []endLabel, lh, lo, hi float64) {
	slices.SortStableFunc(ls, func(a, b endLabel) int {
		switch {
		case a.y < b.y:
			return -1
		case a.y > b.y:
			return 1
		}
		return a.series - b.series
	})
	h := func(l endLabel) float64 { return float64(len(l.lines)) * lh }
	for i := range ls {
		minY := lo + h(ls[i])/2
		if i > 0 {
			minY = ls[i-1].y + h(ls[i-1])/2 + 2 + h(ls[i])/2
		}
		ls[i].y = max(ls[i].y, minY)
	}
	for i := len(ls) - 1; i >= 0; i-- {
		maxY := hi - h(ls[i])/2
		if i < len(ls)-1 {
			maxY = ls[i+1].y - h(ls[i+1])/2 - 2 - h(ls[i])/2
		}
		ls[i].y = min(ls[i].y, maxY)
	}
}
