package slugs

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// danishLetters are spelled out the way Danes write them without the letters,
// before any other accent is stripped (so ø does not vanish and é becomes e).
var danishLetters = strings.NewReplacer(
	"æ", "ae", "ø", "oe", "å", "aa",
	"Æ", "ae", "Ø", "oe", "Å", "aa",
	"ä", "ae", "ö", "oe", "ü", "ue",
	"Ä", "ae", "Ö", "oe", "Ü", "ue",
	"ß", "ss",
)

// Max bounds a file name made from a title (`report new case`, the
// editors' CMS): file systems refuse names over 255 bytes, and an address
// of 80 characters is long enough to read.
const Max = 80

// Make turns a Danish title into a URL path segment or an HTML id:
// "Økonomi og støtte" → "oekonomi-og-stoette". Anything that is not a letter or
// digit becomes a single hyphen; the result never starts or ends with one, and
// is "" only when the title has no letter or digit at all.
func Make(title string) string {
	s := danishLetters.Replace(title)
	if !isASCII(s) {
		// Strip what accents remain: é → e. Only needed past ASCII, and the
		// transform is the costly part of making a slug.
		stripped, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
		if err == nil {
			s = stripped
		}
	}
	var b strings.Builder
	pendingHyphen := false
	for _, r := range strings.ToLower(s) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if pendingHyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			pendingHyphen = false
			continue
		}
		pendingHyphen = true
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= unicode.MaxASCII {
			return false
		}
	}
	return true
}

// Valid reports whether s is already in the form Make produces, which is what
// file names and ids in the content must be: lower-case ASCII letters and
// digits in groups joined by single hyphens.
func Valid(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Composed writes s with its letters composed (NFC): an å typed as a and a
// combining ring, as some Mac programs save it, is the one å. Names the
// report matches, "dataår" above all, match whichever way they were typed.
func Composed(s string) string {
	if isASCII(s) {
		return s
	}
	return norm.NFC.String(s)
}
