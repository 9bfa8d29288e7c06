package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"report/internal/refs"
)

// refNode is a reference inside running text: a figure from the data,
// {{omsaetning 2015}}, or one of the edition's years, {{dataår}}.
type refNode struct {
	ast.BaseInline
	text string
	note string // an editor's note where the source printed another figure
	word bool   // a year or names, not a figure: no figure's markup
}

var kindRef = ast.NewNodeKind("ReportRef")

func (n *refNode) Kind() ast.NodeKind         { return kindRef }
func (n *refNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// refParser reads {{…}} (see package refs).
type refParser struct{}

func (p *refParser) Trigger() []byte { return []byte{'{'} }

func (p *refParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	st := stateOf(pc)
	if seg.Start < st.openUntil {
		return nil // this line has no }} after an earlier {{: reported once
	}
	end := bytes.Index(line, []byte("}}"))
	if end < 0 {
		st.openUntil = seg.Start + len(line)
		// Left as text, a reference would reach readers as "{{omsaetning".
		st.errorf(seg.Start, "{{ is not closed on its line; write a reference as {{metric-id year}} or {{dataår}}, with }} at its end")
		return nil
	}
	block.Advance(end + 2)
	inner := string(line[2:end])
	node := &refNode{text: "{{" + inner + "}}"}
	name := strings.TrimSpace(inner)
	res, err := st.refs().Resolve(inner)
	switch {
	case errors.Is(err, refs.ErrIncomplete):
	case err != nil:
		st.errorf(seg.Start, "{{%s}}: %v", name, err)
	case res.Note != "":
		// The source disagrees with its own data: show what it printed, say so
		// on the page, and tell the editor where both figures are.
		node.text, node.note = res.Text, res.Note
		line, col := st.position(seg.Start)
		st.problems.Acknowledgedf(st.path, line, col, "the text prints %s where %s gives %s = %s; the page shows %s with an editor's note",
			res.Printed, st.conv.opts.Data.Source(res.Metric, res.Year), res.Metric, res.Value, res.Printed)
	default:
		node.text, node.word = res.Text, res.Word
		switch {
		case res.Rounded && res.Off > refs.MaxRoundingOff && st.old != nil:
			st.finding(seg.Start, fmt.Sprintf("{{%s}}: %s", name, refs.RoundingAdvice(res)))
		case res.Rounded && res.Off > refs.MaxRoundingOff:
			line, col := st.position(seg.Start)
			st.problems.Warnf(st.path, line, col, "{{%s}}: %s", name, refs.RoundingAdvice(res))
		case res.Rounded && st.old != nil:
			st.finding(seg.Start, fmt.Sprintf("{{%s}}: %s was chosen for edition %d's figure and shows %s as %s; check that it still reads true", name, res.Option, st.old.Edition, res.Exact, res.Text))
		}
	}
	return node
}

// refs is the context the page's references are resolved in.
func (st *state) refs() refs.Context {
	return refs.Context{Data: st.conv.opts.Data, Edition: st.conv.opts.Data.Edition(st.edition)}
}
