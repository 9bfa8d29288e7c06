package markdown

import (
	"bytes"
	"fmt"
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
	note string // an editor's note where the source printed another figure
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
	ref, err := st.resolveRef(inner)
	switch {
	case err == data.ErrIncomplete.Error():
	case err != "":
		st.errorf(seg.Start, "{{%s}}: %s", strings.TrimSpace(inner), err)
	case ref.printed != "" && ref.printed != ref.value:
		// The source disagrees with its own data: show what it printed, say so
		// on the page, and tell the editor where both figures are.
		node.text = ref.printed
		node.note = fmt.Sprintf("[Redaktionens note: talgrundlaget for %d angiver %s.]", ref.year, ref.value)
		line, col := st.position(seg.Start)
		st.problems.Warnf(st.path, line, col, "the text prints %s where %s gives %s = %s; the page shows %s with an editor's note",
			ref.printed, st.conv.opts.Data.Source(ref.metric, ref.year), ref.metric, ref.value, ref.printed)
	default:
		node.text = ref.value
	}
	return node
}

// ref is a resolved {{metric year}}.
type ref struct {
	metric  string
	year    int
	value   string // the figure from the data, formatted
	printed string // the figure the source printed, when given with printed=
}

// resolveRef reads "metric year [round=N] [printed=X]" and returns the
// figure, or a message saying what is wrong.
func (st *state) resolveRef(inner string) (ref, string) {
	fields := strings.Fields(inner)
	if len(fields) < 2 {
		return ref{}, "write a figure as {{metric-id year}}, for example {{omsaetning 2015}}"
	}
	r := ref{metric: fields[0]}
	year, err := strconv.Atoi(fields[1])
	if err != nil {
		return ref{}, "the second word must be a year, like 2015, not " + strconv.Quote(fields[1])
	}
	r.year = year
	round := 0.0
	for _, opt := range fields[2:] {
		key, val, _ := strings.Cut(opt, "=")
		switch n, err := strconv.ParseFloat(val, 64); {
		case key == "round" && err == nil && n > 0:
			round = n
		case key == "printed" && val != "":
			r.printed = val
		default:
			return ref{}, "unknown option " + strconv.Quote(opt) + "; the options are round=N (like round=1000) and printed=X (the figure the source printed, when it disagrees with the data)"
		}
	}
	d := st.conv.opts.Data
	v, _, lookupErr := d.Lookup(r.metric, year)
	if lookupErr != nil {
		return ref{}, lookupErr.Error()
	}
	r.value = d.FormatAs(r.metric, year, danish.Rounded(v, round))
	return r, ""
}
