package danish

import (
	"math"
	"strconv"
	"strings"
)

// Minus is the typographic minus sign; a hyphen is not a minus in print.
const Minus = "\u2212"

// Number formats v with the given number of decimals, a decimal comma and a
// thousands dot: Number(11708, 0) = "11.708", Number(257.6, 1) = "257,6".
// Halves round away from zero, as people round by hand.
func Number(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	decimals = max(0, min(decimals, 6))
	s := strconv.FormatFloat(roundHalfAway(math.Abs(v), decimals), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString(Minus)
	}
	b.WriteString(groupThousands(whole))
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// Change formats a percentage change with its sign, rounded to a whole
// number: "+52", "−9", "0".
func Change(pct float64) string {
	s := Number(pct, 0)
	if pct > 0 && s != "0" {
		return "+" + s
	}
	return s
}

// Rounded rounds v to the nearest multiple of step, so 11708 with step 1000
// becomes 12000; a step of 0 or less leaves v as it is.
func Rounded(v, step float64) float64 {
	if step <= 0 {
		return v
	}
	return math.Round(v/step) * step
}

func roundHalfAway(v float64, decimals int) float64 {
	p := math.Pow10(decimals)
	// The small nudge makes 2.45 (stored as 2.4499999…) round to 2.5 as typed.
	return math.Round(v*p*(1+1e-12)) / p
}

func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}
