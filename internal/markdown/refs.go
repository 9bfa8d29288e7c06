package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"report/internal/danish"
	"report/internal/data"
)

// refNode is a figure from the data inside running text: {{omsaetning 2015}}.
type refNode struct {
	ast.BaseInline
	text string
}

var kindRef = ast.NewNodeKind("ReportRef")

func (n *refNode) Kind() ast.NodeKind         { return kindRef }
func (n *refNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// refParser reads {{metric year}} and {{metric year round=1000}}.
type refParser struct{}

func (p *refParser) Trigger() []byte { return []byte{'{'} }

func (p *refParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	end := bytes.Index(line, []byte("}}"))
	if end < 0 {
		return nil
	}
	st := stateOf(pc)
	block.Advance(end + 2)
	inner := string(line[2:end])
	node := &refNode{text: "{{" + inner + "}}"}
	if s, err := st.resolveRef(inner); err != "" {
		if err != data.ErrIncomplete.Error() {
			st.errorf(seg.Start, "{{%s}}: %s", strings.TrimSpace(inner), err)
		}
	} else {
		node.text = s
	}
	return node
}

// resolveRef returns the formatted figure, or a message saying what is wrong.
func (st *state) resolveRef(inner string) (string, string) {
	fields := strings.Fields(inner)
	if len(fields) < 2 {
		return "", "write a figure as {{metric-id year}}, for example {{omsaetning 2015}}"
	}
	year, err := strconv.Atoi(fields[1])
	if err != nil {
		return "", "the second word must be a year, like 2015, not " + strconv.Quote(fields[1])
	}
	round := 0.0
	for _, opt := range fields[2:] {
		key, val, _ := strings.Cut(opt, "=")
		n, err := strconv.ParseFloat(val, 64)
		if key != "round" || err != nil || n <= 0 {
			return "", "unknown option " + strconv.Quote(opt) + "; the only option is round=N, like round=1000"
		}
		round = n
	}
	d := st.conv.opts.Data
	v, _, lookupErr := d.Lookup(fields[0], year)
	if lookupErr != nil {
		return "", lookupErr.Error()
	}
	return d.FormatAs(fields[0], year, danish.Rounded(v, round)), ""
}
