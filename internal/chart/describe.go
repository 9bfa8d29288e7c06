package chart

import (
	"fmt"
	"math"
	"regexp"
	"report/internal/lang"
	"strings"
)

var kindNames = []struct {
	kind Kind
	name string
}{
	{Bar, "Søjlediagram"},
	{HBar, "Liggende søjlediagram"},
	{Grouped, "Grupperet søjlediagram"},
	{Line, "Kurvediagram"},
	{Share, "Fordeling"},
}

var yearPattern = regexp.MustCompile(`^[12][0-9]{3}$`)

// describe returns the Danish summary used as the chart's <desc>: what is
// shown, the largest and smallest values with their labels, the parts of a
// share, and the change from first to last year when the categories are
// years. It is generated from the data so it cannot drift from the chart.
func describe(s Spec) string {
	var b strings.Builder
	name := string(s.Kind)
	for _, k := range kindNames {
		if k.kind == s.Kind {
			name = k.name
		}
	}
	fmt.Fprintf(&b, "%s: %s.", name, strings.TrimRight(s.Title, ". "))
	if len(s.Series) > 1 {
		names := make([]string, len(s.Series))
		for i, ser := range s.Series {
			names[i] = ser.Name
		}
		fmt.Fprintf(&b, " Serier: %s.", joinDanish(names))
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
	if lo == hi {
		fmt.Fprintf(b, " Værdien er %s (%s).", withUnit(hi.v, s.Decimals, s.Unit), where(s, hi))
		return
	}
	fmt.Fprintf(b, " Størst er %s (%s), mindst er %s (%s).",
		withUnit(hi.v, s.Decimals, s.Unit), where(s, hi), withUnit(lo.v, s.Decimals, s.Unit), where(s, lo))
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

// describeTrend tells how a series changed from its first to its last year.
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
	a, z := ser.Values[first], ser.Values[last]
	prefix := "F"
	if len(s.Series) > 1 {
		prefix = ser.Name + ": f"
	}
	fmt.Fprintf(b, " %sra %s til %s ", prefix, s.Categories[first], s.Categories[last])
	switch {
	case a == z:
		fmt.Fprintf(b, "var tallet uændret, %s.", withUnit(z, s.Decimals, s.Unit))
		return
	case z > a:
		b.WriteString("steg")
	default:
		b.WriteString("faldt")
	}
	fmt.Fprintf(b, " tallet fra %s til %s", valueLabel(a, s.Decimals), withUnit(z, s.Decimals, s.Unit))
	switch {
	case s.Unit == "%": // a share changes by points, not by a percent of itself
		fmt.Fprintf(b, " (%s pct.-point)", lang.Danish.Change(z-a))
	case a > 0 && z >= 0:
		fmt.Fprintf(b, " (%s %%)", lang.Danish.Change((z-a)/a*100))
	}
	b.WriteString(".")
}

// describeShare lists every part with value and percent, in the data's
// order, and names the largest and smallest part.
func describeShare(b *strings.Builder, s Spec) {
	vals := s.Series[0].Values
	sum := total(vals)
	fmt.Fprintf(b, " I alt %s:", withUnit(sum, s.Decimals, s.Unit))
	var parts []string
	for i, v := range vals {
		if !math.IsNaN(v) {
			parts = append(parts, fmt.Sprintf("%s %s (%s %%)", s.Categories[i],
				withUnit(v, s.Decimals, s.Unit), lang.Danish.Number(v/sum*100, 1)))
		}
	}
	b.WriteString(" " + strings.Join(parts, "; ") + ".")
	if lo, hi, ok := extremes(s); ok && lo != hi {
		fmt.Fprintf(b, " Største andel: %s. Mindste andel: %s.", s.Categories[hi.category], s.Categories[lo.category])
	}
}

func describeMissing(b *strings.Builder, s Spec) {
	var gaps []string
	for j, ser := range s.Series {
		for i, v := range ser.Values {
			if math.IsNaN(v) {
				gaps = append(gaps, where(s, point{series: j, category: i}))
			}
		}
	}
	if len(gaps) > 0 {
		fmt.Fprintf(b, " Ingen tal for %s.", joinDanish(gaps))
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

// joinDanish joins "a", "b" and "c" as "a, b og c".
func joinDanish(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " og " + xs[len(xs)-1]
}
