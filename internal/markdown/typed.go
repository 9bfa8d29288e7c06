package markdown

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
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

// typedTransformer warns about figures typed into prose that the data
// holds: typed, they can drift from the tables; bound with {{metric year}},
// they cannot. Years and small whole numbers are left alone; they are rarely
// figures from the data, and warning about them would drown the rest.
type typedTransformer struct{}

func (t *typedTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	st := stateOf(pc)
	index := st.conv.figureIndex()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.(type) {
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.CodeSpan, *ast.Link, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		}
		txt, ok := n.(*ast.Text)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		seg := txt.Segment
		figures(seg.Value(st.src), func(start int, run []byte) {
			refs := index[string(run)] // a lookup converts without allocating
			if len(refs) == 0 || isYear(string(run)) {
				return
			}
			line, col := st.position(seg.Start + start)
			st.problems.Warnf(st.path, line, col, "%s is typed, but the data has it as %s; write it as {{%s}} so text and tables cannot drift apart",
				run, strings.Join(refs, " and "), refs[0])
		})
		return ast.WalkContinue, nil
	})
}

func isYear(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1990 && n <= 2099
}

// figureIndex maps every figure of the data, as the report prints it, to
// the references that give it: "5.943" → "matchmaking-virksomheder 2015".
func (c *Converter) figureIndex() map[string][]string {
	c.indexOnce.Do(func() {
		d := c.opts.Data
		c.index = map[string][]string{}
		for _, m := range d.Metrics {
			for _, y := range d.Years() {
				s, ok := d.Display(m.ID, y)
				key := strings.TrimSuffix(s, "\u00a0%")
				if ok && typedFigure.MatchString(key) {
					c.index[key] = append(c.index[key], m.ID+" "+strconv.Itoa(y))
				}
			}
		}
	})
	return c.index
}
