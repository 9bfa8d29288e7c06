package markdown

import (
	"bytes"
	"report/internal/lang"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// refNode is a reference inside running text: a figure from the data,
// {{omsaetning 2015}}, or one of the edition's years, {{dataår}}, as the
// figure language resolved it.
type refNode struct {
	ast.BaseInline
	text string
	note string // an editor's note where the source printed another figure
	word bool   // a year or names, not a figure: no figure's markup
	lang string // a phrase in another language, {{da: …}}: its language's code
}

var kindRef = ast.NewNodeKind("ReportRef")

func (n *refNode) Kind() ast.NodeKind         { return kindRef }
func (n *refNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// refParser reads {{…}} and leaves its meaning to the figure language.
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
	if code, phrase, ok, err := lang.ParsePhrase(inner); ok {
		if err != nil {
			st.errorf(seg.Start, "%v", err)
			return &refNode{text: strings.NewReplacer("{", "", "}", "").Replace(phrase), word: true}
		}
		return &refNode{text: phrase, word: true, lang: code}
	}
	node := &refNode{text: "{{" + inner + "}}"}
	res := st.conv.figures.Ref(st.context(), inner, st.at(seg.Start))
	if res.Resolved {
		node.text, node.note, node.word = res.Text, res.Note, res.Word
	}
	return node
}
