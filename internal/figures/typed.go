package figures

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"report/internal/diag"
	"report/internal/markdown"
)

// typedFigure is a number as Danish prose writes a figure: 5.943, 257,6, 451.
var typedFigure = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d{3,})$`)

// figures yields the numbers in prose: runs of digits, dots and commas that
// do not touch a letter, without a trailing full stop or comma. A byte scan,
// not a regular expression: this runs over every word of every page. Only
// runs that the figure index holds matter, and it holds only figures as
// typedFigure prints them, so the runs need no further check here.
func figures(text []byte, yield func(start int, figure []byte)) {
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || (i > 0 && isWordByte(text[i-1])) {
			continue
		}
		if i >= 2 && text[i-1] == '#' && text[i-2] == '&' { // &#123;, a character, not a figure
			for i < len(text) && isDigit(text[i]) {
				i++
			}
			continue
		}
		j := i
		for j < len(text) && (isDigit(text[j]) || text[j] == '.' || text[j] == ',') {
			j++
		}
		end := j
		for end > i && !isDigit(text[end-1]) {
			end--
		}
		if j >= len(text) || !isLetterByte(text[j]) {
			yield(i, text[i:end])
		}
		i = j
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// isWordByte is a letter, a digit or a byte of a non-ASCII letter (æ, ø, å).
func isWordByte(b byte) bool { return isDigit(b) || isLetterByte(b) }

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// Typed warns where text types a figure the data holds: typed, it can
// drift from the tables; bound with {{metric year}}, it cannot. It catches
// a figure as the report prints it ("5.943", "257,6"), unformatted
// ("5943"), and a small count when the word after it is one the metric's
// name uses ("44 klynger"). Years, and small numbers that stand alone, are
// left alone: they are rarely figures from the data, and warning about them
// would drown the rest.
func (l *Language) Typed(p *markdown.Context, text []byte, at func(offset int) markdown.Position) {
	index := l.figureIndex()
	figures(text, func(start int, run []byte) {
		refs := index.figures[string(run)] // a lookup converts without allocating
		if len(refs) == 0 {
			refs = index.counts[string(run)].named(nextWord(text[start+len(run):]))
		}
		if len(refs) == 0 || isYear(string(run)) {
			return
		}
		pos := at(start)
		p.Problems.Warnf(diag.Typed, p.Path, pos.Line, pos.Col, "%s is typed, but the data has it as %s; write it as {{%s}} so text and tables cannot drift apart",
			run, strings.Join(refs, " and "), refs[len(refs)-1]) // the newest year
	})
}

func isYear(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1990 && n <= 2099
}

// nextWord is the word after a number, lower-cased: "klynger" in "44
// klynger i alt".
func nextWord(b []byte) string {
	s := strings.TrimLeft(string(b), " \u00a0")
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end])
}

// typedIndex maps figures of the data, as prose might type them, to the
// references that give them.
type typedIndex struct {
	figures map[string][]string // "5.943" and "5943" → "matchmaking-virksomheder 2015"
	counts  map[string]counts   // "44" → the metrics that count 44 of something
}

// counts are the metrics with one small whole figure, with the words of
// their names.
type counts []struct {
	ref   string
	words []string
}

// named returns the references whose metric's name uses word.
func (c counts) named(word string) []string {
	var out []string
	for _, m := range c {
		if slices.Contains(m.words, word) {
			out = append(out, m.ref)
		}
	}
	return out
}

// figureIndex indexes every figure of the data once per converter.
func (c *Language) figureIndex() typedIndex {
	c.indexOnce.Do(func() {
		d := c.opts.Data
		c.index = typedIndex{figures: map[string][]string{}, counts: map[string]counts{}}
		for _, m := range d.Metrics {
			words := nameWords(d.Title(m.ID))
			for _, y := range d.Years() {
				s, ok := d.Display(m.ID, y)
				key := strings.TrimSuffix(s, "\u00a0%")
				ref := m.ID + " " + strconv.Itoa(y)
				switch {
				case !ok:
				case typedFigure.MatchString(key):
					c.index.figures[key] = append(c.index.figures[key], ref)
					if plain := strings.ReplaceAll(key, ".", ""); plain != key && !strings.Contains(key, ",") {
						c.index.figures[plain] = append(c.index.figures[plain], ref)
					}
				case m.Unit != "%" && len(words) > 0:
					c.index.counts[key] = append(c.index.counts[key], struct {
						ref   string
						words []string
					}{ref, words})
				}
			}
		}
	})
	return c.index
}

// nameWords are the words of a metric's name that a count in prose would be
// followed by: "klynger", "virksomheder", not "af" or "med".
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 5 {
			out = append(out, w)
		}
	}
	return out
}
