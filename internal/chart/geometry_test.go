package chart

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	svgText  = regexp.MustCompile(`<text x="(-?\d+)" y="(-?\d+)" font-size="([\d.]+)"([^>]*)>([^<]*)</text>`)
	svgLine  = regexp.MustCompile(`<path d="M(-?\d+) (-?\d+)L(-?\d+) (-?\d+)" fill="none" stroke="(#[0-9a-f]{6})"`)
	svgPaper = regexp.MustCompile(`<path d="M(-?\d+) (-?\d+)L(-?\d+) (-?\d+)L(-?\d+) (-?\d+)L(-?\d+) (-?\d+)Z" fill="#ffffff"/>`)
)

type box struct{ x0, y0, x1, y1 float64 }

func (b box) crosses(l box) bool {
	const slack = 1 // a pixel of rounding either way
	switch {
	case l.x0 == l.x1: // vertical
		return l.x0 > b.x0+slack && l.x0 < b.x1-slack && min(l.y0, l.y1) < b.y1-slack && max(l.y0, l.y1) > b.y0+slack
	case l.y0 == l.y1: // horizontal
		return l.y0 > b.y0+slack && l.y0 < b.y1-slack && min(l.x0, l.x1) < b.x1-slack && max(l.x0, l.x1) > b.x0+slack
	}
	return false
}

func (b box) inside(o box) bool {
	return b.x0 >= o.x0-1 && b.x1 <= o.x1+1 && b.y0 >= o.y0-1 && b.y1 <= o.y1+1
}

func atoi(s string) float64 { n, _ := strconv.Atoi(s); return float64(n) }

// TestLabelsClearOfLines reads every sample chart, wide and narrow, as
// geometry: no label is drawn across an axis line, and one that a grid
// line runs behind stands on a strip of the page's paper, which the line
// stops at. At 390 px the value axis of horizontal bars once ran through
// the first letter of every bar label. TestBuiltChartsClearOfLines holds
// every chart of a built site to the same.
func TestLabelsClearOfLines(t *testing.T) {
	for _, s := range variants() {
		svg, err := Render(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range labelProblems(string(svg)) {
			t.Errorf("%s: %s", goldenName(s), p)
		}
	}
}

// labelProblems lists the labels of a chart drawn across an axis line, or
// struck by a grid line without a strip of paper beneath them; a chart
// whose labels it cannot read is a problem too.
func labelProblems(svg string) []string {
	var out []string
	var axes, grids, papers []box
	for _, m := range svgLine.FindAllStringSubmatch(svg, -1) {
		l := box{atoi(m[1]), atoi(m[2]), atoi(m[3]), atoi(m[4])}
		switch m[5] {
		case "#4a5560":
			axes = append(axes, l)
		case "#d5dbe0":
			grids = append(grids, l)
		}
	}
	for _, m := range svgPaper.FindAllStringSubmatch(svg, -1) {
		papers = append(papers, box{atoi(m[1]), atoi(m[2]), atoi(m[5]), atoi(m[6])})
	}
	texts := 0
	for _, m := range svgText.FindAllStringSubmatch(svg, -1) {
		if strings.Contains(m[4], "rotate(") {
			continue // turned value labels stand above their bars
		}
		x, y := atoi(m[1]), atoi(m[2])
		size, _ := strconv.ParseFloat(m[3], 64)
		label := html.UnescapeString(m[5])
		w := textWidth(label, size)
		b := box{x, y - 0.72*size, x + w, y}
		switch {
		case strings.Contains(m[4], `text-anchor="middle"`):
			b.x0, b.x1 = x-w/2, x+w/2
		case strings.Contains(m[4], `text-anchor="end"`):
			b.x0, b.x1 = x-w, x
		}
		texts++
		for _, a := range axes {
			if b.crosses(a) {
				out = append(out, fmt.Sprintf("the label %q is drawn across an axis line %v", m[5], a))
			}
		}
		for _, g := range grids {
			if !b.crosses(g) {
				continue
			}
			covered := false
			for _, p := range papers {
				covered = covered || b.inside(p)
			}
			if !covered {
				out = append(out, fmt.Sprintf("a grid line %v runs through the label %q", g, m[5]))
			}
		}
	}
	if texts == 0 {
		out = append(out, "no label read; has the SVG's markup changed?")
	}
	return out
}
