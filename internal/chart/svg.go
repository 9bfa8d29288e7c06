package chart

import (
	"bytes"
	"fmt"
	"math"
	"strconv"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// svgRenderer is the package's one drawing layer: an implementation of
// go-chart's Renderer that writes SVG a strict Content-Security-Policy
// accepts. go-chart's chart types draw through it (provider hands it to
// them), and so do the series and rows of this package. Differences from
// go-chart's own SVG renderer, and why:
//   - presentation attributes (fill, stroke, font-size) instead of style="…",
//     which style-src 'self' blocks in inline SVG;
//   - every text and attribute value is XML-escaped ("R&D" broke go-chart's
//     output);
//   - text is measured with the font the page serves, through a shared cache;
//   - <title>, <desc>, role, width and height for screen readers and layout;
//   - Stroke, Fill and FillStroke do what they say (go-chart's always did
//     both), and a shape that paints nothing (go-chart's transparent
//     background and canvas) is left out.
//
// Beyond the Renderer methods it has a text anchor and pattern fills, which
// this package's series use.
type svgRenderer struct {
	width, height int
	dpi           float64
	body          bytes.Buffer
	path          []byte
	style         penStyle
	theta         *float64
	meta          svgMeta
	defs          bytes.Buffer
	defIDs        []string
	defPrefix     string // makes pattern ids unique in the page
	dry           bool   // measure only: draw and save nothing
}

var _ gochart.Renderer = (*svgRenderer)(nil)

// penStyle is the state the Set* methods change and ResetStyle clears.
type penStyle struct {
	stroke, fill, font drawing.Color
	strokeWidth        float64
	dash               []float64
	fontSize           float64 // points, as go-chart passes them
	class              string
	anchor             string // "", "middle" or "end"
	fillRef            string // id of a <pattern>, overriding fill
}

// svgMeta is what the root element carries for accessibility.
type svgMeta struct {
	id, title, desc, class string
}

// provider hands r to a go-chart chart type, which sizes it. The charts are
// given a DPI of 72, which makes one point one pixel, so font sizes are
// viewBox units.
func (r *svgRenderer) provider() gochart.RendererProvider {
	return func(width, height int) (gochart.Renderer, error) {
		r.width, r.height = width, height
		return r, nil
	}
}

func (r *svgRenderer) ResetStyle()                    { r.style = penStyle{} }
func (r *svgRenderer) GetDPI() float64                { return r.dpi }
func (r *svgRenderer) SetDPI(dpi float64)             { r.dpi = dpi }
func (r *svgRenderer) SetClassName(c string)          { r.style.class = c }
func (r *svgRenderer) SetStrokeColor(c drawing.Color) { r.style.stroke = c }
func (r *svgRenderer) SetFillColor(c drawing.Color)   { r.style.fill = c; r.style.fillRef = "" }
func (r *svgRenderer) SetStrokeWidth(w float64)       { r.style.strokeWidth = w }
func (r *svgRenderer) SetStrokeDashArray(d []float64) { r.style.dash = d }
func (r *svgRenderer) SetFont(*truetype.Font)         {} // always the shipped font
func (r *svgRenderer) SetFontColor(c drawing.Color)   { r.style.font = c }
func (r *svgRenderer) SetFontSize(size float64)       { r.style.fontSize = size }
func (r *svgRenderer) SetTextRotation(rad float64)    { r.theta = &rad }
func (r *svgRenderer) ClearTextRotation()             { r.theta = nil }

// SetTextAnchor aligns the next texts at their start, middle or end. Letting
// the browser align keeps right-aligned labels straight even when the
// fallback font draws them wider than measured.
func (r *svgRenderer) SetTextAnchor(a string) { r.style.anchor = a }

func (r *svgRenderer) MoveTo(x, y int) { r.path = appendPoint(append(r.path, 'M'), x, y) }
func (r *svgRenderer) LineTo(x, y int) { r.path = appendPoint(append(r.path, 'L'), x, y) }
func (r *svgRenderer) Close()          { r.path = append(r.path, 'Z') }

// appendPoint appends "x y". Paths are most of a chart's bytes; strconv
// writes them several times faster than fmt.
func appendPoint(b []byte, x, y int) []byte {
	b = strconv.AppendInt(b, int64(x), 10)
	b = append(b, ' ')
	return strconv.AppendInt(b, int64(y), 10)
}

func (r *svgRenderer) QuadCurveTo(cx, cy, x, y int) {
	r.path = fmt.Appendf(r.path, "Q%d %d %d %d", cx, cy, x, y)
}

// ArcTo follows go-chart's vector renderer so its pie and donut charts draw
// the same shapes.
func (r *svgRenderer) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	start += math.Pi / 2
	end := start + delta
	sx, sy := cx+int(rx*math.Sin(start)), cy-int(ry*math.Cos(start))
	op := "L"
	if len(r.path) == 0 {
		op = "M"
	}
	large := 0
	if delta > math.Pi {
		large = 1
	}
	ex, ey := cx+int(rx*math.Sin(end)), cy-int(ry*math.Cos(end))
	r.path = fmt.Appendf(r.path, "%s%d %dA%d %d %s %d 1 %d %d", op, sx, sy, int(rx), int(ry),
		num(delta*180/math.Pi), large, ex, ey)
}

func (r *svgRenderer) Stroke()     { r.drawPath(false, true) }
func (r *svgRenderer) Fill()       { r.drawPath(true, false) }
func (r *svgRenderer) FillStroke() { r.drawPath(true, true) }

func (r *svgRenderer) drawPath(fill, stroke bool) {
	if len(r.path) == 0 || r.dry || !r.paints(fill, stroke) {
		r.path = r.path[:0]
		return
	}
	r.body.WriteString(`<path d="`)
	r.body.Write(r.path)
	r.body.WriteByte('"')
	r.paint(fill, stroke)
	r.body.WriteString("/>\n")
	r.path = r.path[:0]
}

func (r *svgRenderer) Circle(radius float64, x, y int) {
	if r.dry || !r.paints(true, true) {
		return
	}
	fmt.Fprintf(&r.body, `<circle cx="%d" cy="%d" r="%s"`, x, y, num(radius))
	r.paint(true, true)
	r.body.WriteString("/>\n")
}

// paints tells whether filling or stroking with the current style shows
// anything.
func (r *svgRenderer) paints(fill, stroke bool) bool {
	s := r.style
	return fill && (s.fillRef != "" || s.fill.A > 0) ||
		stroke && s.stroke.A > 0 && s.strokeWidth > 0
}

// paint writes the fill and stroke presentation attributes and the class.
func (r *svgRenderer) paint(fill, stroke bool) {
	s := r.style
	switch {
	case fill && s.fillRef != "":
		fmt.Fprintf(&r.body, ` fill="url(#%s)"`, s.fillRef)
	case fill && s.fill.A > 0:
		r.color("fill", s.fill)
	default:
		r.body.WriteString(` fill="none"`)
	}
	if stroke && s.stroke.A > 0 && s.strokeWidth > 0 {
		r.color("stroke", s.stroke)
		r.attr("stroke-width", num(s.strokeWidth))
		if len(s.dash) > 0 {
			r.body.WriteString(` stroke-dasharray="`)
			for i, d := range s.dash {
				if i > 0 {
					r.body.WriteByte(' ')
				}
				r.body.WriteString(num(d))
			}
			r.body.WriteByte('"')
		}
	}
	r.class()
}

func (r *svgRenderer) color(attr string, c drawing.Color) {
	const hex = "0123456789abcdef"
	r.body.WriteByte(' ')
	r.body.WriteString(attr)
	r.body.WriteString(`="#`)
	for _, v := range [3]uint8{c.R, c.G, c.B} {
		r.body.WriteByte(hex[v>>4])
		r.body.WriteByte(hex[v&15])
	}
	r.body.WriteByte('"')
	if c.A < 255 {
		r.attr(attr+"-opacity", num(float64(c.A)/255))
	}
}

// attr writes one attribute whose value needs no escaping.
func (r *svgRenderer) attr(name, value string) {
	r.body.WriteByte(' ')
	r.body.WriteString(name)
	r.body.WriteString(`="`)
	r.body.WriteString(value)
	r.body.WriteByte('"')
}

func (r *svgRenderer) class() {
	if r.style.class != "" {
		r.body.WriteString(` class="`)
		escape(&r.body, r.style.class)
		r.body.WriteByte('"')
	}
}

// Text draws body with its baseline at y. The text is XML-escaped; an empty
// one (go-chart's axis writes one for a tick without a label) is left out.
func (r *svgRenderer) Text(body string, x, y int) {
	if r.dry || body == "" {
		return
	}
	r.body.WriteString("<text")
	r.attr("x", strconv.Itoa(x))
	r.attr("y", strconv.Itoa(y))
	r.attr("font-size", num(r.px()))
	c := r.style.font
	if c.IsZero() {
		c = r.style.fill
	}
	if !c.IsZero() {
		r.color("fill", c)
	}
	if r.style.anchor != "" {
		r.attr("text-anchor", r.style.anchor)
	}
	if r.theta != nil {
		fmt.Fprintf(&r.body, ` transform="rotate(%s %d %d)"`, num(*r.theta*180/math.Pi), x, y)
	}
	r.class()
	r.body.WriteByte('>')
	escape(&r.body, body)
	r.body.WriteString("</text>\n")
}

// MeasureText measures with the shipped font through the shared cache. The
// height is the font's cap height: go-chart sets a text's baseline one
// measured height below where its top belongs, and centres a tick label on
// its tick by half of it, so capitals and digits sit where it means them to.
func (r *svgRenderer) MeasureText(body string) gochart.Box {
	b := gochart.Box{Right: int(math.Ceil(textWidth(body, r.px()))), Bottom: capHeight(r.px())}
	if r.theta == nil {
		return b
	}
	return b.Corners().Rotate(*r.theta * 180 / math.Pi).Box()
}

// px is the current font size in pixels (viewBox units).
func (r *svgRenderer) px() float64 { return r.style.fontSize * r.dpi / 72 }
