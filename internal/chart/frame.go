package chart

import "math"

// vframe is the layout shared by the charts with categories along x (Bar,
// Grouped, Line): a value axis on the left, wrapped category labels below,
// the unit and any legend above.
type vframe struct {
	t                        theme
	ax                       axis
	left, right, top, bottom float64 // the plot area; ax.lo at bottom, ax.hi at top
	height                   float64 // of the whole chart
	cats                     [][]string
	unitY                    float64 // baseline of the unit label, 0 = none
	legendY                  float64 // top of the legend
	foot                     float64 // room below the plot for labels of negative values
	turned                   bool    // category labels read upwards: a word is wider than its band
}

// newVFrame lays out a chart. right is the room kept free on the right (for
// line-end labels); head(band) is the room the value labels need above the
// highest point, given the width of one category; legend is the legend's
// height.
func newVFrame(s Spec, t theme, right, legend float64, head func(band float64) float64) vframe {
	f := vframe{t: t, ax: niceAxis(s.Series, t.ticks)}
	f.left = t.pad + f.ax.widestTick(t.px) + 6
	f.right = t.width - t.pad - right
	catH := f.layoutCategories(s.Categories)
	y := t.pad
	if s.Unit != "" {
		f.unitY = y + t.px
		y += t.line
	}
	f.legendY = y
	y += legend
	h := head(f.band(len(s.Categories)))
	f.top = y + h
	f.height = t.height + catH - t.line + legend
	f.bottom = f.height - t.pad - catH - 6
	if f.ax.lo < 0 {
		f.foot = h // value labels of negative bars go below them
		f.bottom -= h
	}
	return f
}

// layoutCategories wraps the category labels to their band and returns the
// height they need. When a single word is wider than the band, wrapping
// cannot help without splitting words, so the labels turn to read upwards.
func (f *vframe) layoutCategories(cats []string) float64 {
	t := f.t
	band := f.band(len(cats))
	var word float64
	for _, c := range cats {
		word = max(word, widest(wrap(c, t.px, 0), t.px))
	}
	f.turned = word > band-4
	h := t.line
	for _, c := range cats {
		if !f.turned {
			w := wrap(c, t.px, band-4)
			f.cats = append(f.cats, w)
			h = max(h, float64(len(w))*t.line)
			continue
		}
		w := wrap(c, t.px, math.Round(t.width*0.25))
		f.cats = append(f.cats, w)
		h = max(h, widest(w, t.px)+4)
	}
	return h
}

func (f vframe) band(n int) float64  { return (f.right - f.left) / float64(n) }
func (f vframe) y(v float64) float64 { return f.ax.pos(v, f.bottom, f.top) }

func (f vframe) center(i, n int) float64 {
	return f.left + (float64(i)+0.5)*f.band(n)
}

// drawAxes draws grid lines, tick labels, axis lines, the unit and the
// category labels: everything but the data.
func (f vframe) drawAxes(r *svgRenderer, s Spec) {
	t := f.t
	for _, v := range f.ax.ticks() {
		y := f.y(v)
		if v != 0 {
			r.line(f.left, y, f.right, y, grid, 1)
		}
		r.text(f.ax.label(v), f.left-6, y+t.px*0.35, t.px, muted, "end")
	}
	r.line(f.left, f.y(f.ax.lo), f.left, f.y(f.ax.hi), muted, 1)
	r.line(f.left, f.y(0), f.right, f.y(0), muted, 1)
	if f.unitY > 0 {
		r.text(s.Unit, t.pad, f.unitY, t.px, muted, "")
	}
	n := len(s.Categories)
	labelTop := f.bottom + f.foot + 6
	for i, ls := range f.cats {
		if f.turned {
			f.turnedLabel(r, ls, f.center(i, n), labelTop)
			continue
		}
		y := labelTop + t.px
		for _, l := range ls {
			r.text(l, f.center(i, n), y, t.px, ink, "middle")
			y += t.line
		}
	}
}

// turnedLabel draws a label's lines side by side, each reading upwards and
// ending at top.
func (f vframe) turnedLabel(r *svgRenderer, ls []string, x, top float64) {
	t := f.t
	x -= float64(len(ls)-1) * t.line / 2
	for _, l := range ls {
		r.ResetStyle()
		r.SetFontSize(t.px)
		r.SetFontColor(ink)
		r.SetTextAnchor("end")
		r.SetTextRotation(-math.Pi / 2)
		r.Text(l, px(x+t.px*0.35), px(top))
		r.ClearTextRotation()
		x += t.line
	}
}

// legend draws one swatch and name per series in rows across the chart and
// returns its height; with draw false it only measures.
func legend(r *svgRenderer, s Spec, t theme, top float64, draw bool) float64 {
	const sw = 12
	x, y := t.pad, top
	for i, ser := range s.Series {
		w := sw + 6 + textWidth(ser.Name, t.px) + 16
		if x > t.pad && x+w > t.width-t.pad {
			x, y = t.pad, y+t.line
		}
		if draw {
			r.ResetStyle()
			r.seriesFill(i)
			r.SetStrokeColor(seriesColor(i))
			r.SetStrokeWidth(1)
			r.rect(x, y+(t.line-sw)/2, x+sw, y+(t.line+sw)/2)
			r.FillStroke()
			r.text(ser.Name, x+sw+6, y+t.line/2+t.px*0.35, t.px, ink, "")
		}
		x += w
	}
	return y - top + t.line + 6
}
