package markdown

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// typedFigure finds numbers as Danish prose writes them: 5.943, 257,6, 451.
var typedFigure = regexp.MustCompile(`(^|[^\p{L}\p{N},.])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d{3,})($|[^\p{L}\p{N}])`)

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
		for _, m := range typedFigure.FindAllSubmatchIndex(seg.Value(st.src), -1) {
			figure := string(seg.Value(st.src)[m[4]:m[5]])
			if isYear(figure) {
				continue
			}
			if refs := index[figure]; len(refs) > 0 {
				line, col := st.position(seg.Start + m[4])
				st.problems.Warnf(st.path, line, col, "%s is typed, but the data has it as %s; write it as {{%s}} so text and tables cannot drift apart",
					figure, strings.Join(refs, " and "), refs[0])
			}
		}
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
				if ok && typedFigure.MatchString(" "+strings.TrimSuffix(s, "\u00a0%")+" ") {
					key := strings.TrimSuffix(s, "\u00a0%")
					c.index[key] = append(c.index[key], m.ID+" "+strconv.Itoa(y))
				}
			}
		}
	})
	return c.index
}
