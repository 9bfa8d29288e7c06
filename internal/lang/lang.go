package lang

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Minus is the typographic minus sign; a hyphen is not a minus in print.
const Minus = "\u2212"

// Lang is one language of the site.
type Lang struct {
	Code   string // "da": the lang attribute, and the path of its pages but the first language's
	Locale string // "da_DK", for og:locale
	Name   string // the language's name in itself, for the language switch: "Dansk"
	// Decimal and Group are the decimal mark and the thousands separator:
	// "257,6" and "11.708" in Danish, "257.6" and "11,708" in English.
	Decimal, Group byte
	// Points follows a change in percentage points, as the language's
	// statistics abbreviate it: "+16 pct.-point", "+16 percentage points".
	Points string
	// PercentGap stands between a figure and its % sign: a no-break space
	// in Danish ("60 %"), nothing in English ("60%").
	PercentGap string
	// OfWhich and PerCluster name a part of a figure and an average in a
	// metric's title: "Omsætning – heraf staten", "… – of which central
	// government", "… – gennemsnit per klynge".
	OfWhich, PerCluster string
	// CurrencyFirst places a currency's code before the number, as English
	// writes "DKK 257.6 million"; Danish writes "257,6 mio. kr.".
	CurrencyFirst bool
	and           string                 // the word before a list's last item
	date          func(time.Time) string // a day written out
	strings       map[string]string
	// broken are the keys whose strings were refused: reported once, in
	// the file that has them, not again as missing.
	broken map[string]bool
}

// Danish and English are the conventions of the languages the site knows,
// without interface strings (Load gives each its table); Known lists them,
// Danish first.
var (
	Danish = &Lang{Code: "da", Locale: "da_DK", Name: "Dansk", Decimal: ',', Group: '.', Points: " pct.-point", PercentGap: "\u00a0", OfWhich: "heraf", PerCluster: "gennemsnit per klynge", and: "og",
		date: func(t time.Time) string {
			return strconv.Itoa(t.Day()) + ". " + daMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
		}}
	English = &Lang{Code: "en", Locale: "en_GB", Name: "English", Decimal: '.', Group: ',', Points: " percentage points", OfWhich: "of which", PerCluster: "average per cluster", CurrencyFirst: true, and: "and",
		date: func(t time.Time) string {
			return strconv.Itoa(t.Day()) + " " + t.Month().String() + " " + strconv.Itoa(t.Year())
		}}
	Known = []*Lang{Danish, English}
)

var daMonths = [...]string{
	"januar", "februar", "marts", "april", "maj", "juni",
	"juli", "august", "september", "oktober", "november", "december",
}

// Number formats v with the given number of decimals, the language's
// decimal mark and thousands separator: 11708 is "11.708" in Danish and
// "11,708" in English. Halves round away from zero, as people round by
// hand; a negative number takes the minus sign.
func (l *Lang) Number(v float64, decimals int) string {
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
	b.WriteString(groupThousands(whole, l.Group))
	if frac != "" {
		b.WriteByte(l.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Change formats a percentage change with its sign, rounded to a whole
// number: "+52", "−9", "0".
func (l *Lang) Change(pct float64) string {
	s := l.Number(pct, 0)
	if pct > 0 && s != "0" {
		return "+" + s
	}
	return s
}

// Date writes a day out: "27. november 2026", "27 November 2026".
func (l *Lang) Date(t time.Time) string { return l.date(t) }

// Join lists items as a sentence does: "a, b og c", "a, b and c".
func (l *Lang) Join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + l.and + " " + items[len(items)-1]
}

// T is the interface string of the key. Load has checked that every
// language holds every key the site uses; a key it does not know shows as
// itself in brackets, where a test will see it.
func (l *Lang) T(key string) string {
	if s, ok := l.strings[key]; ok {
		// The tables hold format strings (see checkFormats), in which a
		// percent sign is %%; said without values, it is one.
		return strings.ReplaceAll(s, "%%", "%")
	}
	return "[" + key + "]"
}

// Tf is the interface string of the key with its %s, %d and %v filled in.
func (l *Lang) Tf(key string, args ...any) string {
	format, ok := l.strings[key]
	if !ok {
		return "[" + key + "]"
	}
	return fmt.Sprintf(format, args...)
}

// ValidStep reports whether step is one people round to: 1, 2, 2,5 or 5
// times a power of ten (at least 1, at most a million), as "omkring
// 12.000" rounds to 1000. The references' round= options and a key
// figure's round take the same steps.
func ValidStep(step float64) bool {
	if math.IsNaN(step) || step < 1 || step > 1e6 || step != math.Trunc(step) {
		return false
	}
	for step >= 10 && math.Mod(step, 10) == 0 {
		step /= 10
	}
	return step == 1 || step == 2 || step == 5 || step == 25
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

func groupThousands(digits string, sep byte) string {
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
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// Strings are the language's interface strings, sorted, for tests that
// look for one language's words on another's pages.
func (l *Lang) Strings() []string {
	out := make([]string, 0, len(l.strings))
	for _, s := range l.strings {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// Phrases are the pieces of the language's interface strings between their
// values ("%d"), of two words or more, trimmed of punctuation: what may be
// looked for on another language's pages without matching a lone word
// both languages share ("Cases", "PDF").
func (l *Lang) Phrases() []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range l.Strings() {
		for _, part := range strings.Split(s, "%") {
			part = strings.Trim(part, " sdv.,:;–-()")
			if strings.Count(part, " ") >= 1 && !seen[part] {
				seen[part] = true
				out = append(out, part)
			}
		}
	}
	return out
}

// Foreign are the phrases of l that other does not share: the words of l
// that must not appear on other's pages.
func (l *Lang) Foreign(other *Lang) []string {
	theirs := map[string]bool{}
	for _, p := range other.Phrases() {
		theirs[p] = true
	}
	var out []string
	for _, p := range l.Phrases() {
		if !theirs[p] {
			out = append(out, p)
		}
	}
	return out
}

// Fingerprint identifies the languages' interface strings: equal
// fingerprints, equal strings. A cache of anything drawn with them keys on
// it.
func Fingerprint(langs []*Lang) [32]byte {
	h := sha256.New()
	for _, l := range langs {
		h.Write([]byte(l.Code + "\x00"))
		for _, k := range slices.Sorted(maps.Keys(l.strings)) {
			h.Write([]byte(k + "\x00" + l.strings[k] + "\x00"))
		}
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
}
