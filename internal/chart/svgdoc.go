package chart

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
)

// The <svg> element around a drawing: its size, what screen readers are
// told, the patterns, and the formatting every attribute shares.

// Save is go-chart's last call of a drawing, which it makes with
// io.Discard: the drawing is not done until every pass (see frame.go,
// rows.go) has drawn, and Render then takes the document whole (svg).
func (r *svgRenderer) Save(io.Writer) error { return nil }

// svg is the whole <svg> element.
func (r *svgRenderer) svg() []byte {
	var out bytes.Buffer
	out.Grow(r.body.Len() + r.defs.Len() + len(r.meta.title) + len(r.meta.desc) + 512)
	fmt.Fprintf(&out, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d"`,
		r.width, r.height, r.width, r.height)
	m := r.meta
	if m.id != "" {
		fmt.Fprintf(&out, ` role="img" aria-labelledby="%s-title %s-desc"`, m.id, m.id)
	}
	if m.class != "" {
		fmt.Fprintf(&out, ` class="%s"`, m.class)
	}
	fmt.Fprintf(&out, ` font-family="%s">`+"\n", fontFamilyAttr)
	if m.id != "" {
		fmt.Fprintf(&out, `<title id="%s-title">`, m.id)
		escape(&out, m.title)
		fmt.Fprintf(&out, "</title>\n"+`<desc id="%s-desc">`, m.id)
		escape(&out, m.desc)
		out.WriteString("</desc>\n")
	}
	if r.defs.Len() > 0 {
		out.WriteString("<defs>\n")
		out.Write(r.defs.Bytes())
		out.WriteString("</defs>\n")
	}
	out.Write(r.body.Bytes())
	out.WriteString("</svg>\n")
	return out.Bytes()
}

// escape writes s XML-escaped; characters XML cannot hold become U+FFFD.
func escape(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // writing to a bytes.Buffer cannot fail
}

// num formats v with at most two decimals and no trailing zeros, so output
// is short and the same on every run.
func num(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		return "0" // not "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
