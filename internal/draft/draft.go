// Package draft finds what a copied page still says about the edition it was
// copied from. `report new edition` copies last year's chapters and marks
// each with `copied_from`; until an editor confirms a chapter, its typed
// years and figures are suspect, since they were true of the old edition.
// Scan points at each, so that confirming is a reading of a short list
// rather than of the whole chapter.
//
// Scan knows nothing of Markdown or TOML: it reads plain text, and its
// callers hand it the text of the nodes and values readers will see.
package draft

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Old is the edition a page was copied from.
type Old struct {
	Edition   int // the old edition's year
	FirstYear int
	DataYear  int
	// To is the edition the copy belongs to, for messages.
	To int
	// Definitions are phrases whose numbers belong to a definition ("under
	// 50 medarbejdere"), the same in every edition: not places to check.
	Definitions []string
}

// Finding is one place to check, at a byte offset of the scanned text.
type Finding struct {
	Offset, End int
	Msg         string
	Year        bool // a year or a span of years, not a figure
}

// Scan reports the years of the old edition and every typed number in text.
// A year is one of the old edition's if it lies between its first year and
// its own year; older years are history ("since 2006") and are left alone.
func Scan(text string, old Old, yield func(Finding)) {
	for i := 0; i < len(text); {
		if !isDigit(text[i]) || wordBefore(text[:i]) {
			i++
			continue
		}
		if strings.HasSuffix(text[:i], "&#") { // &#123;, a character, not a figure
			for i < len(text) && isDigit(text[i]) {
				i++
			}
			continue
		}
		j := i
		for j < len(text) && (isDigit(text[j]) || ((text[j] == '.' || text[j] == ',') && j+1 < len(text) && isDigit(text[j+1]))) {
			j++
		}
		if wordAt(text[j:]) || strings.HasPrefix(text[j:], "-") && wordAt(text[j+1:]) {
			i = j // part of a word: "b2b", "2.0-strategi"
			continue
		}
		number := text[i:j]
		if y, ok := year(number); ok {
			end, span := yearSpan(text, j)
			if y >= old.FirstYear && y <= old.Edition || (span > 0 && span >= old.FirstYear && span <= old.Edition) {
				yield(Finding{i, end, yearMessage(text[i:end], old), true})
			}
			i = end
			continue
		}
		if end := numberSpan(text, j); end > j { // "5–6 %" is one figure
			number, j = text[i:end], end
		}
		if !Defined(text, i, j, old.Definitions) {
			yield(Finding{i, j, numberMessage(number, text[j:], old), false})
		}
		i = j
	}
}

func yearMessage(years string, old Old) string {
	if strings.ContainsAny(years, "–-") {
		return fmt.Sprintf("%q spans edition %d's years; write {{startår}}–{{dataår}} (or {{år}} in a chart's or table's title) so it follows the edition", years, old.Edition)
	}
	return fmt.Sprintf("%s is one of edition %d's years; write {{dataår}}, {{startår}} or {{udgave}} (dataår-1 for the year before), or keep it if it is history", years, old.Edition)
}

func numberMessage(number, after string, old Old) string {
	if strings.HasPrefix(strings.TrimSpace(after), "ud af") {
		return fmt.Sprintf("%q is a count typed for edition %d; bind it to the data ({{metric-id}}) or check that it holds for %d", number+" ud af", old.Edition, old.To)
	}
	return fmt.Sprintf("%s is typed; check that it still holds for %d, or bind it to the data ({{metric-id}}, {{antal klynger}})", number, old.To)
}

// yearSpan extends a year at text[:j] over a following "–2015" or "-2015";
// it returns where the span ends and its second year, 0 if there is none.
func yearSpan(text string, j int) (end, second int) {
	rest := text[j:]
	for _, dash := range []string{"–", "-", " – ", " - "} {
		if !strings.HasPrefix(rest, dash) {
			continue
		}
		k := j + len(dash)
		e := k
		for e < len(text) && isDigit(text[e]) {
			e++
		}
		if y, ok := year(text[k:e]); ok && !wordAt(text[e:]) {
			return e, y
		}
	}
	return j, 0
}

// numberSpan extends a number at text[:j] over a following "–6".
func numberSpan(text string, j int) int {
	for _, dash := range []string{"–", "-"} {
		if !strings.HasPrefix(text[j:], dash) {
			continue
		}
		e := j + len(dash)
		for e < len(text) && isDigit(text[e]) {
			e++
		}
		if e > j+len(dash) && !wordAt(text[e:]) {
			return e
		}
	}
	return j
}

func year(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1900 && n <= 2099
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// wordAt reports whether s starts with a letter or a digit.
func wordAt(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordBefore reports whether s ends with a letter or a digit.
func wordBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// Defined reports whether the number at text[start:end] is part of one of
// the phrases, which are definitions rather than figures of a year.
func Defined(text string, start, end int, phrases []string) bool {
	lower := strings.ToLower(text)
	for _, p := range phrases {
		p = strings.ToLower(p)
		for from := 0; ; {
			i := strings.Index(lower[from:], p)
			if i < 0 {
				break
			}
			i += from
			if i <= start && end <= i+len(p) {
				return true
			}
			from = i + 1
		}
	}
	return false
}
