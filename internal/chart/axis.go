package chart

import (
	"math"
	"strings"

	"report/internal/lang"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// axis is a value axis running from lo to hi in steps of step, all round
// numbers. It always includes 0: bars must start at 0, and a line chart's
// slope means what it looks like it means.
type axis struct {
	lo, hi, step float64
	decimals     int // for the tick labels
}

// niceAxis covers the values present in series with about n intervals.
func niceAxis(series []Series, n int) axis {
	lo, hi := 0.0, 0.0
	for _, s := range series {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if hi-lo < 1e-9 {
		hi = lo + 1 // all zero, or too close to zero to draw apart
	}
	raw := (hi - lo) / float64(max(n, 1))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step, extra := 10*mag, 0
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw*(1-1e-9) {
			step = m * mag
			if m == 2.5 {
				extra = 1
			}
			break
		}
	}
	return axis{
		lo:       math.Floor(lo/step+1e-9) * step,
		hi:       math.Ceil(hi/step-1e-9) * step,
		step:     step,
		decimals: max(0, min(6, extra-int(math.Floor(math.Log10(step)+1e-9)))),
	}
}

// ticks are the tick values, computed by multiplication so rounding errors
// do not pile up.
func (a axis) ticks() []float64 {
	n := min(int(math.Round((a.hi-a.lo)/a.step)), 100) // a guard; niceAxis gives about 5
	out := make([]float64, 0, n+1)
	for i := 0; i <= n; i++ {
		out = append(out, a.lo+float64(i)*a.step)
	}
	return out
}

// valueRange is a value axis as a go-chart Range. go-chart's own ticks
// start at the lowest value and step by what fits the labels' height, so
// they are seldom round, and its ranges need not include 0; this range
// gives go-chart the ticks of axis, written the chart's language's way.
// Min may reach below the lowest tick, to leave room under negative bars.
type valueRange struct {
	gochart.ContinuousRange
	ax      axis
	lang    *lang.Lang
	percent bool // the ticks are percentages: a share's axis
	ticks   []gochart.Tick
}

var (
	_ gochart.Range         = (*valueRange)(nil)
	_ gochart.TicksProvider = (*valueRange)(nil)
)

// GetTicks gives go-chart the axis's ticks and labels. go-chart asks for
// them up to five times a drawing, and the probe draws once more; they are
// made once.
func (v *valueRange) GetTicks(gochart.Renderer, gochart.Style, gochart.ValueFormatter) []gochart.Tick {
	if v.ticks == nil {
		for _, x := range v.ax.ticks() {
			label := v.lang.Number(x, v.ax.decimals)
			if v.percent {
				label = percent(v.lang, label)
			}
			v.ticks = append(v.ticks, gochart.Tick{Value: x, Label: label})
		}
	}
	return v.ticks
}

// valueLabel formats a value for a label on a bar or point.
func valueLabel(l *lang.Lang, v float64, decimals int) string { return l.Number(v, decimals) }

// withUnit formats a value with its unit, as in "94,9 mio. kr." or "36,8 %";
// a percentage as the language's [chart] percent writes it, and an amount
// whose unit starts with a currency's code as the language places it:
// "DKK 257.6 million" in English.
func withUnit(l *lang.Lang, v float64, decimals int, unit string) string {
	switch unit {
	case "":
		return l.Number(v, decimals)
	case "%":
		return percent(l, l.Number(v, decimals))
	}
	if code, rest, ok := currencyFirst(unit); ok && l.CurrencyFirst {
		return strings.TrimSpace(code + " " + l.Number(v, decimals) + " " + rest)
	}
	return l.Number(v, decimals) + " " + unit
}

// currencyFirst splits a unit that starts with an ISO 4217 code, "DKK
// million", into the code and the rest.
func currencyFirst(unit string) (code, rest string, ok bool) {
	code, rest, _ = strings.Cut(unit, " ")
	if len(code) != 3 || strings.ToUpper(code) != code || strings.ToLower(code) == code {
		return "", "", false
	}
	return code, rest, true
}

// Drawing helpers built on the Renderer methods only.

func (r *svgRenderer) rect(x0, y0, x1, y1 float64) {
	if x1 < x0 {
		x0, x1 = x1, x0
	}
	if y1 < y0 {
		y0, y1 = y1, y0
	}
	a, b, c, d := px(x0), px(y0), px(x1), px(y1)
	r.MoveTo(a, b)
	r.LineTo(c, b)
	r.LineTo(c, d)
	r.LineTo(a, d)
	r.Close()
}

func (r *svgRenderer) line(x0, y0, x1, y1 float64, c drawing.Color, width float64) {
	r.ResetStyle()
	r.SetStrokeColor(c)
	r.SetStrokeWidth(width)
	r.MoveTo(px(x0), px(y0))
	r.LineTo(px(x1), px(y1))
	r.Stroke()
}

// text draws s with the given size, colour and anchor ("", "middle", "end").
func (r *svgRenderer) text(s string, x, y, size float64, c drawing.Color, anchor string) {
	r.ResetStyle()
	r.SetFontSize(size * 72 / r.dpi)
	r.SetFontColor(c)
	r.SetTextAnchor(anchor)
	r.Text(s, px(x), px(y))
}

// lines draws wrapped lines whose block is vertically centred on cy.
func (r *svgRenderer) lines(ls []string, x, cy, size, lh float64, c drawing.Color, anchor string) {
	y := cy - float64(len(ls)-1)*lh/2 + size*0.35
	for _, l := range ls {
		r.text(l, x, y, size, c, anchor)
		y += lh
	}
}

// paperLines draws lines, left-aligned at x, as lines does, each on a
// strip of the page's paper (see paperText).
func (r *svgRenderer) paperLines(ls []string, x, cy, size, lh float64, c drawing.Color) {
	y := cy - float64(len(ls)-1)*lh/2 + size*0.35
	for _, l := range ls {
		r.paperText(l, x, y, size, c, "")
		y += lh
	}
}

// paperText draws a label as text does, on a strip of the page's paper:
// a grid line that runs behind a value or a row label stops short of it
// instead of striking it out. Grid lines are drawn before the labels.
func (r *svgRenderer) paperText(s string, x, y, size float64, c drawing.Color, anchor string) {
	w := textWidth(s, size)
	x0 := x
	switch anchor {
	case "middle":
		x0 = x - w/2
	case "end":
		x0 = x - w
	}
	r.ResetStyle()
	r.SetFillColor(white) // the page's paper
	r.rect(x0-2, y-size, x0+w+2, y+size*0.3)
	r.Fill()
	r.text(s, x, y, size, c, anchor)
}

func px(v float64) int { return int(math.Round(v)) }
