package chart

import (
	"math"

	"report/internal/danish"
)

// rowLayout is the layout of HBar and Share: one row per category, the
// label on the left (above the bar in the phone variant, where a label
// column would leave the bars no room), the value label after the bar.
type rowLayout struct {
	t            theme
	ax           axis
	suffix       string // after tick labels: " %" on a share's axis
	labelRight   float64
	left, right  float64 // of the value axis
	top          float64
	labels       [][]string
	rowTop       []float64
	barH, barGap float64
	bottom       float64 // below the last row
	height       float64
	unit         string // caption above the rows
}

// drawRows draws HBar (values on an axis from 0) and Share (each part as a
// bar on a 0–100 % track, labelled with value and percent).
func drawRows(r *svgRenderer, s Spec, t theme) {
	vals := s.Series[0].Values
	texts := make([]string, len(vals))
	lens := vals
	l := rowLayout{t: t, unit: s.Unit}
	if s.Kind == Share {
		sum := total(vals)
		lens = make([]float64, len(vals))
		for i, v := range vals {
			lens[i] = v / sum * 100
			texts[i] = withUnit(v, s.Decimals, s.Unit) + " · " + danish.Number(lens[i], 1) + " %"
		}
		l.ax = axis{lo: 0, hi: 100, step: 50}
		l.suffix = " %"
		l.unit = "I alt " + withUnit(sum, s.Decimals, s.Unit)
	} else {
		for i, v := range vals {
			texts[i] = valueLabel(v, s.Decimals)
		}
		l.ax = niceAxis(s.Series, t.ticks)
	}
	for i, v := range vals {
		if math.IsNaN(v) {
			texts[i] = "ingen tal"
		}
	}
	l.layout(s.Categories, texts)
	r.width, r.height = int(t.width), int(l.height)
	l.drawAxes(r)
	for i := range vals {
		l.drawRow(r, s.Kind == Share, i, lens[i], texts[i])
	}
}

// layout places the label column, the value axis and the rows.
func (l *rowLayout) layout(cats, texts []string) {
	t := l.t
	valueW := widest(texts, t.px) + 8
	l.barH = math.Round(t.px * 1.5)
	l.barGap = math.Round(t.px * 0.8)
	l.labelRight = t.pad + labelColumn(cats, t)
	l.left = l.labelRight + 8
	if t.narrow {
		l.labelRight, l.left = t.pad, t.pad
	}
	l.right = t.width - t.pad - valueW
	if l.ax.lo < 0 {
		l.left += valueW // labels of negative bars go left of them
	}
	y := t.pad
	if l.unit != "" {
		y += t.line + 4
	}
	l.top = y
	for _, c := range cats {
		w := wrap(c, t.px, l.labelWidth())
		l.labels = append(l.labels, w)
		h := max(float64(len(w))*t.line, l.barH)
		if t.narrow {
			h = float64(len(w))*t.line + l.barH + 2
		}
		l.rowTop = append(l.rowTop, y)
		y += h + l.barGap
	}
	l.bottom = y
	l.height = y + t.px + 6 + t.pad
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
		return l.t.width - 2*l.t.pad
	}
	return l.labelRight - l.t.pad
}

func (l *rowLayout) x(v float64) float64 { return l.ax.pos(v, l.left, l.right) }

// barTop is the top of row i's bar, below its label in the phone variant.
func (l *rowLayout) barTop(i int) float64 {
	if l.t.narrow {
		return l.rowTop[i] + float64(len(l.labels[i]))*l.t.line + 2
	}
	h := max(float64(len(l.labels[i]))*l.t.line, l.barH)
	return l.rowTop[i] + (h-l.barH)/2
}

func (l *rowLayout) drawAxes(r *svgRenderer) {
	t := l.t
	for _, v := range l.ax.ticks() {
		x := l.x(v)
		if v != 0 {
			r.line(x, l.top, x, l.bottom-l.barGap/2, grid, 1)
		}
		label := l.ax.label(v) + l.suffix
		// keep the first tick's label inside the chart when the axis starts at its edge
		x = max(x, t.pad/2+textWidth(label, t.px)/2)
		r.text(label, x, l.bottom+t.px, t.px, muted, "middle")
	}
	r.line(l.x(0), l.top, l.x(0), l.bottom-l.barGap/2, muted, 1)
	r.line(l.x(l.ax.lo), l.bottom-l.barGap/2, l.x(l.ax.hi), l.bottom-l.barGap/2, muted, 1)
	if l.unit != "" {
		r.text(l.unit, t.pad, t.pad+t.px, t.px, muted, "")
	}
}

// drawRow draws row i: its label, its bar (on a 0–100 % track for a share)
// and its value label. A missing value gets the words "ingen tal", not 0.
func (l *rowLayout) drawRow(r *svgRenderer, share bool, i int, v float64, text string) {
	t := l.t
	top := l.barTop(i)
	mid := top + l.barH/2
	if t.narrow {
		r.lines(l.labels[i], t.pad, l.rowTop[i]+float64(len(l.labels[i]))*t.line/2, t.px, t.line, ink, "")
	} else {
		r.lines(l.labels[i], l.labelRight, mid, t.px, t.line, ink, "end")
	}
	if share {
		r.ResetStyle()
		r.SetFillColor(track)
		r.rect(l.x(0), top, l.x(100), top+l.barH)
		r.Fill()
	}
	if math.IsNaN(v) {
		r.text(text, l.x(0)+6, mid+t.px*0.35, t.px, muted, "")
		return
	}
	r.ResetStyle()
	r.SetFillColor(seriesColor(0))
	r.rect(l.x(0), top, l.x(v), top+l.barH)
	r.Fill()
	if v < 0 {
		r.text(text, l.x(v)-6, mid+t.px*0.35, t.px, ink, "end")
		return
	}
	r.text(text, l.x(v)+6, mid+t.px*0.35, t.px, ink, "")
}
