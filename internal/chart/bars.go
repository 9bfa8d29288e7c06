package chart

import "math"

// drawColumns draws Bar (one series) and Grouped (several series side by
// side in each category), with a value label on every bar.
func drawColumns(r *svgRenderer, s Spec, t theme) {
	k := len(s.Series)
	legendH := 0.0
	if s.Kind == Grouped {
		legendH = legend(r, s, t, 0, false)
	}
	widest := 0.0
	for _, ser := range s.Series {
		for _, v := range ser.Values {
			if !math.IsNaN(v) {
				widest = max(widest, textWidth(valueLabel(v, s.Decimals), t.px))
			}
		}
	}
	var rotated bool
	f := newVFrame(s, t, 0, legendH, func(band float64) float64 {
		// A label may spread over the gap beside a lone bar, but not onto
		// the neighbouring bar of its group; if it does not fit, it turns.
		slot := band - 6
		if k > 1 {
			slot = band * 0.8 / float64(k)
		}
		if rotated = widest > slot; rotated {
			return widest + 8
		}
		return t.px + 6
	})
	r.width, r.height = int(t.width), int(f.height)
	f.drawAxes(r, s)
	if s.Kind == Grouped {
		legend(r, s, t, f.legendY, true)
	}
	n := len(s.Categories)
	group := f.band(n) * 0.6
	if k > 1 {
		group = f.band(n) * 0.8
	}
	bw := group / float64(k)
	for j, ser := range s.Series {
		for i, v := range ser.Values {
			if math.IsNaN(v) {
				continue // no figure: no bar, and no zero either
			}
			x0 := f.center(i, n) - group/2 + float64(j)*bw
			drawColumn(r, f, j, k, x0, bw, v)
			columnLabel(r, f, valueLabel(v, s.Decimals), x0+bw/2, v, rotated)
		}
	}
}

// drawColumn draws one bar from 0 to v; bars in a group keep a white gap.
func drawColumn(r *svgRenderer, f vframe, series, k int, x0, bw, v float64) {
	gap := 0.0
	if k > 1 {
		gap = 1
	}
	r.ResetStyle()
	r.seriesFill(series)
	r.SetStrokeColor(seriesColor(series))
	r.SetStrokeWidth(1)
	r.rect(x0+gap, f.y(0), x0+bw-gap, f.y(v))
	r.FillStroke()
}

// columnLabel writes the value above a bar (below a negative one), turned
// to read upwards when it is wider than the bar's room.
func columnLabel(r *svgRenderer, f vframe, label string, x, v float64, rotated bool) {
	px := f.t.px
	end := f.y(v)
	switch {
	case !rotated && v >= 0:
		r.text(label, x, end-5, px, ink, "middle")
	case !rotated:
		r.text(label, x, end+px+3, px, ink, "middle")
	default:
		anchor, y := "", end-5
		if v < 0 {
			anchor, y = "end", end+5
		}
		r.ResetStyle()
		r.SetFontSize(px)
		r.SetFontColor(ink)
		r.SetTextAnchor(anchor)
		r.SetTextRotation(-math.Pi / 2)
		r.Text(label, int(math.Round(x+px*0.35)), int(math.Round(y)))
		r.ClearTextRotation()
	}
}
