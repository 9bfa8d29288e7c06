package chart

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

// kindKeys name each chart type in the [chart] strings.
var kindKeys = map[Kind]string{
	Bar:     "chart.bar",
	HBar:    "chart.hbar",
	Grouped: "chart.grouped",
	Line:    "chart.line",
	Share:   "chart.share",
}

var yearPattern = regexp.MustCompile(`^[12][0-9]{3}$`)

// describe returns the summary used as the chart's <desc>, in the chart's
// language: what is shown, the largest and smallest values with their
// labels, the parts of a share, and the change from first to last year
// when the categories are years. It is generated from the data so it
// cannot drift from the chart.
func describe(s Spec) string {
	l := s.Lang
	var b strings.Builder
	name := string(s.Kind)
	if key, ok := kindKeys[s.Kind]; ok {
		name = say(l, key)
	}
	b.WriteString(say(l, "chart.intro", name, strings.TrimRight(s.Title, ". ")))
	if len(s.Series) > 1 {
		names := make([]string, len(s.Series))
		for i, ser := range s.Series {
			names[i] = ser.Name
		}
		b.WriteString(" " + say(l, "chart.series", l.Join(names)))
	}
	if s.Kind == Share && len(s.Series) == 1 {
		describeShare(&b, s)
	} else {
		describeExtremes(&b, s)
		if years(s.Categories) && s.Kind != HBar {
			for _, ser := range s.Series {
				describeTrend(&b, s, ser)
			}
		}
	}
	describeMissing(&b, s)
	return b.String()
}

// point is one value with where it stands.
type point struct {
	v        float64
	series   int
	category int
}

func describeExtremes(b *strings.Builder, s Spec) {
	lo, hi, ok := extremes(s)
	if !ok {
		return
	}
	l := s.Lang
	if lo == hi {
		b.WriteString(" " + say(l, "chart.only", withUnit(l, hi.v, s.Decimals, s.unit(hi.v)), where(s, hi)))
		return
	}
	b.WriteString(" " + say(l, "chart.extremes",
		withUnit(l, hi.v, s.Decimals, s.unit(hi.v)), where(s, hi), withUnit(l, lo.v, s.Decimals, s.unit(lo.v)), where(s, lo)))
}

// extremes finds the smallest and largest values; ties go to the first.
func extremes(s Spec) (lo, hi point, ok bool) {
	for j, ser := range s.Series {
		for i, v := range ser.Values {
			if math.IsNaN(v) {
				continue
			}
			p := point{v, j, i}
			if !ok || v < lo.v {
				lo = p
			}
			if !ok || v > hi.v {
				hi = p
			}
			ok = true
		}
	}
	return lo, hi, ok
}

func where(s Spec, p point) string {
	if len(s.Series) > 1 {
		return s.Series[p.series].Name + ", " + s.Categories[p.category]
	}
	return s.Categories[p.category]
}

// describeTrend tells how a series changed from its first to its last
// year, and by how much in brackets: in percent of the first figure, or in
// percentage points for a share.
func describeTrend(b *strings.Builder, s Spec, ser Series) {
	first, last := -1, -1
	for i, v := range ser.Values {
		if !math.IsNaN(v) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 || first == last {
		return
	}
	l := s.Lang
	a, z := ser.Values[first], ser.Values[last]
	key := "chart.unchanged"
	switch {
	case z > a:
		key = "chart.rose"
	case z < a:
		key = "chart.fell"
	}
	args := []any{s.Categories[first], s.Categories[last]}
	if a == z {
		args = append(args, withUnit(l, z, s.Decimals, s.unit(z)))
	} else {
		from := valueLabel(l, a, s.Decimals)
		if _, _, ok := currencyFirst(s.Unit); ok && l.CurrencyFirst {
			from = withUnit(l, a, s.Decimals, s.unit(a)) // "from DKK 602.8 million to DKK 257.6 million"
		}
		args = append(args, from, withUnit(l, z, s.Decimals, s.unit(z)))
	}
	if len(s.Series) > 1 {
		key = strings.Replace(key, "chart.", "chart.series_", 1)
		args = append([]any{ser.Name}, args...)
	}
	b.WriteString(" " + say(l, key, args...))
	switch {
	case a == z:
	case s.Unit == "%": // a share changes by points, not by a percent of itself
		fmt.Fprintf(b, " (%s%s)", l.Change(z-a), l.Points)
	case a > 0 && z >= 0:
		fmt.Fprintf(b, " (%s)", percent(l, l.Change((z-a)/a*100)))
	}
	b.WriteString(".")
}

// describeShare lists every part with value and percent, in the data's
// order, and names the largest and smallest part.
func describeShare(b *strings.Builder, s Spec) {
	l := s.Lang
	vals := s.Series[0].Values
	sum := total(vals)
	b.WriteString(" " + say(l, "chart.share_total", withUnit(l, sum, s.Decimals, s.unit(sum))))
	var parts []string
	for i, v := range vals {
		if !math.IsNaN(v) {
			parts = append(parts, fmt.Sprintf("%s %s (%s)", s.Categories[i],
				withUnit(l, v, s.Decimals, s.unit(v)), percent(l, l.Number(v/sum*100, 1))))
		}
	}
	b.WriteString(" " + strings.Join(parts, "; ") + ".")
	if lo, hi, ok := extremes(s); ok && lo != hi {
		b.WriteString(" " + say(l, "chart.shares", s.Categories[hi.category], s.Categories[lo.category]))
	}
}

// describeMissing names the figures the chart lacks: a category no series
// has a figure for (a year no edition covers) once, by itself, and the
// other missing figures each with its series.
func describeMissing(b *strings.Builder, s Spec) {
	var gaps []string
	empty := emptyCategories(s)
	for i, e := range empty {
		if e && len(s.Series) > 1 {
			gaps = append(gaps, s.Categories[i])
		}
	}
	for j, ser := range s.Series {
		for i, v := range ser.Values {
			if math.IsNaN(v) && !(empty[i] && len(s.Series) > 1) {
				gaps = append(gaps, where(s, point{series: j, category: i}))
			}
		}
	}
	if len(gaps) > 0 {
		b.WriteString(" " + say(s.Lang, "chart.missing", s.Lang.Join(gaps)))
	}
}

func years(cats []string) bool {
	for _, c := range cats {
		if !yearPattern.MatchString(c) {
			return false
		}
	}
	return len(cats) > 1
}
