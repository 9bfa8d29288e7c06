package chart

import (
	"math"

	"report/internal/lang"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// drawColumns draws Bar (one series) and Grouped (several series side by
// side in each category), with a value label on every bar, on go-chart's
// Chart.
func drawColumns(r *svgRenderer, s Spec, t theme) error {
	k := len(s.Series)
	legendH := 0.0
	if s.Kind == Grouped {
		legendH = legend(r, s, t, 0, false)
	}
	widest := 0.0
	for _, ser := range s.Series {
		for _, v := range ser.Values {
			if !math.IsNaN(v) {
				widest = max(widest, textWidth(valueLabel(s.Lang, v, s.Decimals), t.px))
			}
		}
	}
	var rotated bool
	f, err := newVFrame(s, t, 0, legendH, func(band float64) float64 {
		// A label may spread over the gap beside a lone bar, but not onto
		// the neighbouring bar of its group; if it does not fit, it turns.
		slot := band - 6
		if k > 1 {
			slot = band * 0.8 / float64(k)
		}
		if rotated = widest > slot; rotated {
			return widest + 8
		}
		return t.px + 6
	})
	if err != nil {
		return err
	}
	series := make([]gochart.Series, k)
	for j, ser := range s.Series {
		series[j] = barSeries{seriesBase{ser.Name}, j, k, ser.Values, s.Lang, s.Decimals, t.px, rotated}
	}
	series = append(series, emptySlots{empty: emptyCategories(s), text: say(s.Lang, "chart.no_figure"), px: t.px})
	var elements []gochart.Renderable
	if s.Kind == Grouped {
		top := t.pad
		if s.Unit != "" {
			top += t.line
		}
		elements = append(elements, func(gr gochart.Renderer, _ gochart.Box, _ gochart.Style) {
			if svg, ok := gr.(*svgRenderer); ok {
				legend(svg, s, t, top, true)
			}
		})
	}
	return f.render(r, series, elements...)
}

// emptySlots writes "ingen tal" in each category of a chart over the
// categories that has no figure in any series: a year no edition covers,
// or one that was not counted, stays an empty slot that says why it is
// empty, never a bar of zero, and never a line across it.
type emptySlots struct {
	seriesBase
	empty []bool
	text  string
	px    float64
}

// Render writes the text just above the zero line, where a bar would
// stand, in the axis's colour.
func (e emptySlots) Render(r gochart.Renderer, box gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	svg, ok := r.(*svgRenderer)
	if !ok {
		return
	}
	p := plot{box, xr, yr}
	y := min(max(p.y(0), float64(box.Top)+e.px+5), float64(box.Bottom)) - 5
	text := e.text
	if slot := p.x(1) - p.x(0); textWidth(text, e.px) > slot-4 {
		text = "–" // the words do not fit a narrow slot; the table says them
	}
	for i, empty := range e.empty {
		if empty {
			svg.text(text, p.center(i), y, e.px, muted, "middle")
		}
	}
}

// emptyCategories marks the categories where every series lacks a figure.
func emptyCategories(s Spec) []bool {
	out := make([]bool, len(s.Categories))
	for i := range out {
		out[i] = len(s.Series) > 0
		for _, ser := range s.Series {
			if i < len(ser.Values) && !math.IsNaN(ser.Values[i]) {
				out[i] = false
			}
		}
	}
	return out
}

// seriesBase is what the series of this package share as go-chart Series:
// a name, and the secondary value axis, which go-chart draws on the left.
type seriesBase struct{ name string }

func (b seriesBase) GetName() string           { return b.name }
func (seriesBase) GetYAxis() gochart.YAxisType { return gochart.YAxisSecondary }
func (seriesBase) GetStyle() gochart.Style     { return gochart.Style{} }
func (seriesBase) Validate() error             { return nil }
func (seriesBase) Render(gochart.Renderer, gochart.Box, gochart.Range, gochart.Range, gochart.Style) {
}

// barSeries is series j of k as bars from 0, side by side in each category,
// in the series' colour and fill pattern, each with its value above it (below
// a negative one). go-chart's BarChart draws one bar per category and
// nothing on it, and cannot leave out a missing figure.
type barSeries struct {
	seriesBase
	j, k     int
	values   []float64
	lang     *lang.Lang
	decimals int
	px       float64
	rotated  bool // value labels read upwards: they are wider than the bars' room
}

// Render draws the bars and their labels where go-chart's ranges put them.
func (b barSeries) Render(r gochart.Renderer, box gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	svg, ok := r.(*svgRenderer)
	if !ok {
		return
	}
	p := plot{box, xr, yr}
	group := 0.6
	if b.k > 1 {
		group = 0.8
	}
	bw := group / float64(b.k)
	for i, v := range b.values {
		if math.IsNaN(v) {
			continue // no figure: no bar, and no zero either
		}
		x0 := float64(i) + 0.5 - group/2 + float64(b.j)*bw
		left, right := p.x(x0), p.x(x0+bw)
		b.drawBar(svg, left, right, p.y(0), p.y(v))
		b.label(svg, valueLabel(b.lang, v, b.decimals), (left+right)/2, p.y(v), v)
	}
}

// drawBar draws one bar; bars in a group keep a white gap.
func (b barSeries) drawBar(r *svgRenderer, left, right, y0, y1 float64) {
	gap := 0.0
	if b.k > 1 {
		gap = 1
	}
	r.ResetStyle()
	r.seriesFill(b.j)
	r.SetStrokeColor(seriesColor(b.j))
	r.SetStrokeWidth(1)
	r.rect(left+gap, y0, right-gap, y1)
	r.FillStroke()
}

// label writes the value above a bar whose end is at y (below a negative
// one), turned to read upwards when it is wider than the bar's room.
func (b barSeries) label(r *svgRenderer, label string, x, y, v float64) {
	switch {
	case !b.rotated && v >= 0:
		r.paperText(label, x, y-5, b.px, ink, "middle")
	case !b.rotated:
		r.paperText(label, x, y+b.px+3, b.px, ink, "middle")
	default:
		anchor, at := "", y-5
		if v < 0 {
			anchor, at = "end", y+5
		}
		r.ResetStyle()
		r.SetFontSize(b.px)
		r.SetFontColor(ink)
		r.SetTextAnchor(anchor)
		r.SetTextRotation(-math.Pi / 2)
		r.Text(label, px(x+b.px*0.35), px(at))
		r.ClearTextRotation()
	}
}
