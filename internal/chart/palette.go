package chart

import (
	"fmt"
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// palette is Okabe–Ito (chosen to stay apart under the common colour-vision
// deficiencies), with its light members swapped for darker kin so every
// colour has at least 3:1 contrast against white (WCAG 1.4.11); a test
// checks it. Colour never works alone: series also differ by fill pattern
// or marker, and are labelled directly.
var palette = []drawing.Color{
	hex(0x0072B2), // blue
	hex(0xD55E00), // vermillion
	hex(0x009E73), // bluish green
	hex(0xAA4499), // purple
	hex(0x9E6A00), // dark orange
	hex(0x5F6B76), // slate
}

// Text and line colours, matching static/css/report.css.
var (
	ink   = hex(0x1d2329) // text, 15:1 on white
	muted = hex(0x4a5560) // axis text and axis lines, 7.6:1
	grid  = hex(0xd5dbe0) // grid lines: decoration, kept light
	track = hex(0xe9edf0) // the 100 % track behind share bars
	white = hex(0xffffff)
)

func hex(v uint32) drawing.Color {
	return drawing.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
}

func seriesColor(i int) drawing.Color { return palette[i%len(palette)] }

// colors is the palette as go-chart's ColorPalette: no background or
// canvas (the page's shows through), muted axes and tick labels.
type colors struct{}

func (colors) BackgroundColor() drawing.Color       { return drawing.Color{} }
func (colors) BackgroundStrokeColor() drawing.Color { return drawing.Color{} }
func (colors) CanvasColor() drawing.Color           { return drawing.Color{} }
func (colors) CanvasStrokeColor() drawing.Color     { return drawing.Color{} }
func (colors) AxisStrokeColor() drawing.Color       { return muted }
func (colors) TextColor() drawing.Color             { return muted }
func (colors) GetSeriesColor(i int) drawing.Color   { return seriesColor(i) }

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b drawing.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func luminance(c drawing.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// fills: series i is drawn solid, striped or cross-striped (i mod 3), so
// grouped bars and their legend stay apart in greyscale print and for
// readers who cannot tell the colours apart.
const fillKinds = 3

// seriesFill sets the fill for series i, defining its pattern on first use.
func (r *svgRenderer) seriesFill(i int) {
	c := seriesColor(i)
	r.SetFillColor(c)
	kind := i % fillKinds
	if kind == 0 {
		return
	}
	id := fmt.Sprintf("%s-fill%d", r.defPrefix, i)
	if !r.hasDef(id) {
		rgb := fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
		angle := map[int]string{1: "45", 2: "-45"}[kind] // looked up, never iterated
		fmt.Fprintf(&r.defs, `<pattern id="%s" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(%s)">`+
			`<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="%s"/></pattern>`+"\n", id, angle, rgb)
		r.defIDs = append(r.defIDs, id)
	}
	r.style.fillRef = id
}

func (r *svgRenderer) hasDef(id string) bool {
	for _, d := range r.defIDs {
		if d == id {
			return true
		}
	}
	return false
}
