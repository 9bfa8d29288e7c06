package chart

import (
	"io"
	"math"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// rowLayout lays out HBar and Share as a go-chart Chart whose x axis is the
// value axis: go-chart places the plot, measures, places and draws the
// ticks, their labels, the axis and the grid, and maps values to bar ends.
// The rows are a rowSeries: one row per category, the label on the left
// (above the bar in the phone variant, where a label column would leave the
// bars no room), the value label after the bar. Rows are as tall as their
// wrapped labels; go-chart's y axis would set each label on one line.
type rowLayout struct {
	s            Spec
	t            theme
	x            *valueRange
	share        bool
	lens         []float64 // bar lengths: values, or percentages of the total
	texts        []string  // value labels
	caption      string    // above the rows: the unit, or a share's total
	labelRight   float64   // right edge of the label column
	valueW       float64   // room for a value label
	labels       [][]string
	rowTop       []float64 // from the top of the plot
	barH, barGap float64
	rowsH        float64
}

// drawRows draws HBar (values on an axis from 0) and Share (each part as a
// bar on a 0–100 % track, labelled with value and percent).
func drawRows(r *svgRenderer, s Spec, t theme) error {
	vals := s.Series[0].Values
	lg := s.Lang
	l := &rowLayout{s: s, t: t, share: s.Kind == Share, lens: vals, texts: make([]string, len(vals)), caption: s.Unit}
	ax := niceAxis(s.Series, t.ticks)
	if l.share {
		sum := total(vals)
		l.lens = make([]float64, len(vals))
		for i, v := range vals {
			l.lens[i] = v / sum * 100
			l.texts[i] = withUnit(lg, v, s.Decimals, s.unit(v)) + " · " + percent(lg, lg.Number(l.lens[i], 1))
		}
		ax = axis{lo: 0, hi: 100, step: 50}
		l.caption = say(lg, "chart.total", withUnit(lg, sum, s.Decimals, s.unit(sum)))
	} else {
		for i, v := range vals {
			l.texts[i] = valueLabel(lg, v, s.Decimals)
		}
	}
	for i, v := range vals {
		if math.IsNaN(v) {
			l.texts[i] = say(lg, "chart.no_figure")
		}
	}
	l.x = &valueRange{ContinuousRange: gochart.ContinuousRange{Min: ax.lo, Max: ax.hi}, ax: ax, lang: lg, percent: l.share}
	l.layout()
	return l.chart().Render(r.provider(), io.Discard)
}

// layout wraps the labels and stacks the rows.
func (l *rowLayout) layout() {
	t := l.t
	l.valueW = widest(l.texts, t.px) + 8
	l.barH = math.Round(t.px * 1.5)
	l.barGap = math.Round(t.px * 0.8)
	l.labelRight = t.pad + labelColumn(l.s.Categories, t)
	y := 0.0
	for _, c := range l.s.Categories {
		w := wrap(c, t.px, l.labelWidth())
		l.labels = append(l.labels, w)
		h := max(float64(len(w))*t.line, l.barH)
		if t.narrow {
			h = float64(len(w))*t.line + l.barH + 2
		}
		l.rowTop = append(l.rowTop, y)
		y += h + l.barGap
	}
	l.rowsH = y
}

// labelColumn is the width of the label column: the widest label, but at
// most 40 % of the chart, and never narrower than the longest word, which
// must not be split.
func labelColumn(cats []string, t theme) float64 {
	var all, word float64
	for _, c := range cats {
		all = max(all, textWidth(c, t.px))
		for _, w := range wrap(c, t.px, 0) {
			word = max(word, textWidth(w, t.px))
		}
	}
	return math.Ceil(max(word, min(all, t.width*0.4)))
}

func (l *rowLayout) labelWidth() float64 {
	if l.t.narrow {
		return l.t.width - 2*l.t.pad - narrowIndent
	}
	return l.labelRight - l.t.pad
}

// chart is the go-chart Chart of the rows. The axis ends half a gap below
// the last bar.
func (l *rowLayout) chart() gochart.Chart {
	t := l.t
	font, _ := loadFont() // Render has loaded it; go-chart's own default races
	plotH := px(l.rowsH - l.barGap/2)
	pad := l.padding()
	rows := &gochart.ContinuousRange{Min: 0, Max: float64(plotH), Descending: true}
	axisStyle := gochart.Style{StrokeColor: muted, StrokeWidth: 1, FontSize: t.px, FontColor: muted}
	gridStyle := gochart.Style{StrokeColor: grid, StrokeWidth: 1}
	return gochart.Chart{
		// go-chart sets the tick labels one cap height below the axis plus
		// 10, and keeps them inside the padding
		Width: int(t.width), Height: pad.Top + plotH + 10 + capHeight(t.px) + pad.Bottom,
		DPI: 72, Font: font, ColorPalette: colors{},
		Background: gochart.Style{Padding: pad},
		XAxis: gochart.XAxis{Style: axisStyle, Range: l.x, GridLines: l.gridLines(),
			GridMajorStyle: gridStyle, GridMinorStyle: gridStyle},
		YAxis:          gochart.YAxis{Style: gochart.Hidden(), Range: rows},
		YAxisSecondary: gochart.YAxis{Style: gochart.Hidden(), Range: rows},
		Series:         []gochart.Series{rowSeries{l: l}},
		Elements:       []gochart.Renderable{l.drawCaption},
	}
}

// padding keeps room for the caption above the rows, the labels left of
// them and the value labels right of them. go-chart moves the plot inwards
// until the first and last tick labels, centred on their ticks, lie inside
// the padding; the padding given is less by as much, so that the plot ends
// where the rows need it to, with no tick label outside the chart.
func (l *rowLayout) padding() gochart.Box {
	t := l.t
	top := t.pad
	if l.caption != "" {
		top += t.line + 4
	}
	left := l.labelRight + 8
	if t.narrow {
		left = t.pad
	}
	if l.x.ax.lo < 0 {
		left += l.valueW // labels of negative bars go left of them
	}
	ticks := l.x.GetTicks(nil, gochart.Style{}, nil)
	half := func(i int) float64 { return float64(int(math.Ceil(textWidth(ticks[i].Label, t.px))) >> 1) }
	return gochart.Box{IsSet: true, Top: px(top),
		Left:   px(max(left-half(0), t.pad/2)),
		Right:  px(max(t.pad+l.valueW-half(len(ticks)-1), t.pad/2)),
		Bottom: px(6 + t.pad)}
}

// gridLines are drawn at every tick, the one at 0 as dark as an axis.
func (l *rowLayout) gridLines() []gochart.GridLine {
	var out []gochart.GridLine
	for _, v := range l.x.ax.ticks() {
		gl := gochart.GridLine{Value: v}
		if v == 0 {
			gl.Style = gochart.Style{StrokeColor: muted, StrokeWidth: 1}
		}
		out = append(out, gl)
	}
	return out
}

func (l *rowLayout) drawCaption(r gochart.Renderer, _ gochart.Box, _ gochart.Style) {
	if svg, ok := r.(*svgRenderer); ok && l.caption != "" {
		svg.text(l.caption, l.t.pad, l.t.pad+l.t.px, l.t.px, muted, "")
	}
}

// rowSeries draws the rows as a go-chart Series: go-chart has no
// horizontal bars.
type rowSeries struct {
	seriesBase
	l *rowLayout
}

// Render draws every row where go-chart's ranges put it.
func (rs rowSeries) Render(r gochart.Renderer, box gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	svg, ok := r.(*svgRenderer)
	if !ok {
		return
	}
	p := plot{box, xr, yr}
	for i := range rs.l.lens {
		rs.l.drawRow(svg, p, i)
	}
}

// narrowIndent keeps a phone's row labels clear of the value axis, which
// they stand above.
const narrowIndent = 6

// barTop is the top of row i's bar, below its label in the phone variant,
// in pixels from the top of the plot.
func (l *rowLayout) barTop(i int) float64 {
	if l.t.narrow {
		return l.rowTop[i] + float64(len(l.labels[i]))*l.t.line + 2
	}
	h := max(float64(len(l.labels[i]))*l.t.line, l.barH)
	return l.rowTop[i] + (h-l.barH)/2
}

// drawRow draws row i: its label, its bar (on a 0–100 % track for a share)
// and its value label. A missing value gets the words "ingen tal" ("no
// figure"), not 0.
func (l *rowLayout) drawRow(r *svgRenderer, p plot, i int) {
	t := l.t
	top := p.y(l.barTop(i))
	mid := top + l.barH/2
	if t.narrow {
		// Right of the value axis, which starts at the same edge: the
		// axis line must not run through the labels' first letters.
		r.paperLines(l.labels[i], max(t.pad, p.x(l.x.ax.lo))+narrowIndent, p.y(l.rowTop[i])+float64(len(l.labels[i]))*t.line/2, t.px, t.line, ink)
	} else {
		labelRight := p.x(l.x.ax.lo) - 8
		if l.x.ax.lo < 0 {
			labelRight -= l.valueW
		}
		r.lines(l.labels[i], labelRight, mid, t.px, t.line, ink, "end")
	}
	if l.share {
		r.ResetStyle()
		r.SetFillColor(track)
		r.rect(p.x(0), top, p.x(100), top+l.barH)
		r.Fill()
	}
	v, text := l.lens[i], l.texts[i]
	if math.IsNaN(v) {
		r.paperText(text, p.x(0)+6, mid+t.px*0.35, t.px, muted, "")
		return
	}
	r.ResetStyle()
	r.SetFillColor(seriesColor(0))
	r.rect(p.x(0), top, p.x(v), top+l.barH)
	r.Fill()
	if v < 0 {
		r.paperText(text, p.x(v)-6, mid+t.px*0.35, t.px, ink, "end")
		return
	}
	r.paperText(text, p.x(v)+6, mid+t.px*0.35, t.px, ink, "")
}
