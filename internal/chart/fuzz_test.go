package chart

import (
	"math"
	"testing"
)

// FuzzRender feeds arbitrary values, labels and kinds to Render: it may
// refuse a spec, but must never panic, and what it returns must be XML.
func FuzzRender(f *testing.F) {
	f.Add(uint8(0), "2012", "Staten & co", 602.8, 390.1, math.NaN(), false, 1)
	f.Add(uint8(4), "EU", "<x>", 5.4, 0.0, 37.4, true, 0)
	f.Add(uint8(3), "a b c d e f", "'\"", -1e9, 1e-9, 3.0, false, 6)
	kinds := []Kind{Bar, HBar, Grouped, Line, Share, "x"}
	f.Fuzz(func(t *testing.T, kind uint8, cat, name string, a, b, c float64, narrow bool, decimals int) {
		s := Spec{Kind: kinds[int(kind)%len(kinds)], ID: "f", Title: name, Unit: cat, Decimals: decimals, Narrow: narrow,
			Categories: []string{cat, name, cat + name},
			Series:     []Series{{Name: name, Values: []float64{a, b, c}}}, Lang: danish()}
		if s.Kind == Grouped || s.Kind == Line {
			s.Series = append(s.Series, Series{Name: cat, Values: []float64{c, a, b}})
		}
		out, err := Render(s)
		if err != nil {
			return
		}
		checkSVG(t, s, out)
	})
}
