package chart

import (
	"io"
	"math"
	"strings"

	gochart "github.com/wcharczuk/go-chart/v2"
)

// vframe lays out the charts with categories along x (Bar, Grouped, Line)
// as a go-chart Chart: go-chart measures the tick labels, places the plot
// area, maps categories and values onto it, and draws the axes, their ticks
// and labels, and the grid. This package adds what go-chart lacks: the unit
// above the axis, a legend with pattern swatches, category labels wrapped at
// word boundaries (or turned to read upwards when a word is wider than its
// band), and the series in series.go and lines.go.
type vframe struct {
	s         Spec
	t         theme
	ax        axis
	x         *gochart.ContinuousRange // category i spans i to i+1
	y         *valueRange
	right     float64 // room kept free right of the plot, for line-end labels
	legend    float64 // height of the legend
	head      float64 // room above the plot for value labels
	foot      float64 // room below 0 for the value labels of negative bars
	cats      [][]string
	turned    bool // category labels read upwards
	catH      float64
	height    float64
	band      float64 // width of one category, as go-chart laid it out
	shiftTop  int     // how far go-chart moves the plot's top below the padding
	shiftBase int     // how far it moves the plot's bottom above the padding
}

// newVFrame lays out a chart. right is the room kept free on the right,
// legend the legend's height, and head(band) the room the value labels need
// above the highest point, given the width of one category.
func newVFrame(s Spec, t theme, right, legend float64, head func(band float64) float64) (*vframe, error) {
	f := &vframe{s: s, t: t, ax: niceAxis(s.Series, t.ticks), right: right, legend: legend}
	f.x = &gochart.ContinuousRange{Min: 0, Max: float64(len(s.Categories))}
	f.y = &valueRange{ContinuousRange: gochart.ContinuousRange{Min: f.ax.lo, Max: f.ax.hi}, ax: f.ax, lang: s.Lang}
	f.height, f.catH = t.height, t.line
	probe, err := f.probe()
	if err != nil {
		return nil, err
	}
	f.band = float64(probe.Width()) / float64(len(s.Categories))
	f.layoutCategories()
	f.head = head(f.band)
	f.height = t.height + f.catH - t.line + legend
	if f.ax.lo < 0 {
		// room below the plot's lowest tick for the labels of negative bars:
		// the range reaches below it by as many units as the labels need
		f.foot = f.head
		pad := f.padding()
		plotH := float64((px(f.height) - pad.Bottom - f.shiftBase) - (pad.Top + f.shiftTop))
		f.y.Min = f.ax.lo - f.foot*(f.ax.hi-f.ax.lo)/max(plotH-f.foot, 1)
	}
	return f, nil
}

// probe lays the chart out without drawing it, to learn the width of its
// categories and how go-chart moves the plot inside the padding; only the
// padding above and below the plot changes after it.
func (f *vframe) probe() (gochart.Box, error) {
	var plot gochart.Box
	c := f.chart([]gochart.Series{seriesBase{}}, func(_ gochart.Renderer, box gochart.Box, _ gochart.Style) { plot = box })
	if err := c.Render((&svgRenderer{dry: true}).provider(), io.Discard); err != nil {
		return plot, err
	}
	pad := f.padding()
	f.shiftTop = plot.Top - pad.Top
	f.shiftBase = px(f.height) - pad.Bottom - plot.Bottom
	return plot, nil
}

// layoutCategories wraps the category labels to their band and sets the
// height they need. When a single word is wider than the band, wrapping
// cannot help without splitting words, so the labels turn to read upwards.
func (f *vframe) layoutCategories() {
	t := f.t
	var word float64
	for _, c := range f.s.Categories {
		word = max(word, widest(wrap(c, t.px, 0), t.px))
	}
	f.turned = word > f.band-4
	f.cats = f.cats[:0]
	f.catH = t.line
	for _, c := range f.s.Categories {
		if !f.turned {
			w := wrap(c, t.px, f.band-4)
			f.cats = append(f.cats, w)
			f.catH = max(f.catH, float64(len(w))*t.line)
			continue
		}
		w := wrap(c, t.px, math.Round(t.width*0.25))
		f.cats = append(f.cats, w)
		f.catH = max(f.catH, widest(w, t.px)+4)
	}
}

// padding is the room around the plot that go-chart keeps free: the unit,
// the legend and the value labels above it, the line-end labels right of
// it, the category labels below it. go-chart adds the room its own tick
// labels need, and with labels between ticks it adds the left padding twice
// (XAxis.Measure reports the first tick at x 0), so half is given.
func (f *vframe) padding() gochart.Box {
	t := f.t
	top := t.pad + f.legend + f.head
	if f.s.Unit != "" {
		top += t.line
	}
	// go-chart sets the first line of a category label one cap height below
	// the plot's bottom plus 10; the last line keeps the padding below it
	bottom := t.pad + f.catH - t.px
	if f.turned {
		bottom = t.pad + f.catH - 4 - float64(capHeight(t.px))
	}
	return gochart.Box{IsSet: true, Top: px(top), Left: px(t.pad / 2), Right: px(t.pad + f.right), Bottom: px(bottom)}
}

// chart is the go-chart Chart of the frame with the given series and extra
// elements. The value axis is go-chart's secondary one, which it draws on
// the left; the primary one, on the right, is hidden.
func (f *vframe) chart(series []gochart.Series, elements ...gochart.Renderable) gochart.Chart {
	t := f.t
	font, _ := loadFont() // Render has loaded it; go-chart's own default races
	axisStyle := gochart.Style{StrokeColor: muted, StrokeWidth: 1, FontSize: t.px, FontColor: muted}
	gridStyle := gochart.Style{StrokeColor: grid, StrokeWidth: 1}
	zero := gochart.GridLine{Style: gochart.Hidden()}
	if f.ax.lo < 0 {
		zero = gochart.GridLine{Value: 0, Style: gochart.Style{StrokeColor: muted, StrokeWidth: 1}}
	}
	ticks := f.xTicks()
	return gochart.Chart{
		Width: int(t.width), Height: px(f.height), DPI: 72, Font: font, ColorPalette: colors{},
		Background: gochart.Style{Padding: f.padding()},
		XAxis: gochart.XAxis{
			Style: axisStyle, Range: f.x, Ticks: ticks, TickPosition: gochart.TickPositionBetweenTicks,
			TickStyle: gochart.Style{FontColor: ink, TextWrap: labelWrap(ticks), TextLineSpacing: px(t.line) - capHeight(t.px)},
		},
		YAxis: gochart.YAxis{Style: gochart.Hidden(), Range: f.y},
		YAxisSecondary: gochart.YAxis{
			Style: axisStyle, Range: f.y, Zero: zero,
			GridLines: f.gridLines(), GridMajorStyle: gridStyle, GridMinorStyle: gridStyle,
		},
		Series:   series,
		Elements: append([]gochart.Renderable{f.drawUnit, f.drawTurned}, elements...),
	}
}

// xTicks bound the categories; go-chart writes each label between its two
// ticks, split at the line breaks given here. Turned labels are drawn by
// drawTurned instead.
func (f *vframe) xTicks() []gochart.Tick {
	ticks := []gochart.Tick{{Value: 0}}
	for i := range f.s.Categories {
		tick := gochart.Tick{Value: float64(i + 1)}
		if !f.turned && i < len(f.cats) {
			for j, l := range f.cats[i] {
				if j > 0 {
					tick.Label += "\n"
				}
				tick.Label += l
			}
		}
		ticks = append(ticks, tick)
	}
	return ticks
}

// labelWrap has go-chart split the category labels at the line breaks
// layoutCategories put in. Labels of one line are left whole: they already
// fit their band, and go-chart's word wrapping measures a label once for
// every letter, a sixth of the allocations of a chart of years.
func labelWrap(ticks []gochart.Tick) gochart.TextWrap {
	for _, t := range ticks {
		if strings.Contains(t.Label, "\n") {
			return gochart.TextWrapWord
		}
	}
	return gochart.TextWrapNone
}

// gridLines are drawn at every tick but 0, where the axis is.
func (f *vframe) gridLines() []gochart.GridLine {
	var out []gochart.GridLine
	for _, v := range f.ax.ticks() {
		if v != 0 {
			out = append(out, gochart.GridLine{Value: v})
		}
	}
	return out
}

// render draws the chart with the given series into r.
func (f *vframe) render(r *svgRenderer, series []gochart.Series, elements ...gochart.Renderable) error {
	return f.chart(series, elements...).Render(r.provider(), io.Discard)
}

// drawUnit writes the unit above the value axis.
func (f *vframe) drawUnit(r gochart.Renderer, _ gochart.Box, _ gochart.Style) {
	if svg, ok := r.(*svgRenderer); ok && f.s.Unit != "" {
		svg.text(f.s.Unit, f.t.pad, f.t.pad+f.t.px, f.t.px, muted, "")
	}
}

// drawTurned draws the category labels that read upwards: each line ends
// just below the axis, and a label's lines stand side by side. go-chart
// turns a label only about its start and cannot set lines side by side.
func (f *vframe) drawTurned(r gochart.Renderer, box gochart.Box, _ gochart.Style) {
	svg, ok := r.(*svgRenderer)
	if !ok || !f.turned {
		return
	}
	t := f.t
	p := plot{box, f.x, f.y}
	for i, ls := range f.cats {
		x := p.center(i) - float64(len(ls)-1)*t.line/2
		for _, l := range ls {
			svg.ResetStyle()
			svg.SetFontSize(t.px)
			svg.SetFontColor(ink)
			svg.SetTextAnchor("end")
			svg.SetTextRotation(-math.Pi / 2)
			svg.Text(l, px(x+t.px*0.35), box.Bottom+6)
			svg.ClearTextRotation()
			x += t.line
		}
	}
}

// plot maps categories and values to pixels as go-chart placed them.
type plot struct {
	box    gochart.Box
	xr, yr gochart.Range
}

func (p plot) x(c float64) float64  { return float64(p.box.Left + p.xr.Translate(c)) }
func (p plot) y(v float64) float64  { return float64(p.box.Bottom - p.yr.Translate(v)) }
func (p plot) center(i int) float64 { return p.x(float64(i) + 0.5) }

// legend draws one swatch and name per series in rows across the chart and
// returns its height; with draw false it only measures. go-chart's own
// legend is a box over the plot with a line per series, which shows
// neither a bar's colour nor its pattern.
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
