package markdown

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"report/internal/tomlfile"
)

// casesSpec is a `cases` block: the edition's case stories of one theme,
//
//	```cases
//	theme = "matchmaking"
//	```
//
// listed where the block stands. Written this way, a chapter copied into
// next year's edition lists next year's stories, not links into the old one.
type casesSpec struct {
	Theme string `toml:"theme"`
}

type casesNode struct {
	ast.BaseBlock
	theme string
}

var kindCases = ast.NewNodeKind("ReportCases")

func (n *casesNode) Kind() ast.NodeKind         { return kindCases }
func (n *casesNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }
func (n *casesNode) IsRaw() bool                { return true }

func (st *state) casesBlock(fb *ast.FencedCodeBlock) ast.Node {
	var spec casesSpec
	node := &casesNode{}
	body, offset := st.body(fb)
	bodyLine, _ := st.position(offset)
	doc, ok := tomlfile.Decode(st.path, bodyLine, body, &spec, st.problems)
	if !ok {
		return node
	}
	if themes := st.conv.opts.Themes; !slices.Contains(themes, spec.Theme) {
		line, col := doc.Pos("theme")
		if line == 0 {
			line, col = st.position(offset)
		}
		st.problems.Errorf(st.path, line, col, "cases: theme %q is not one of: %s", spec.Theme, strings.Join(themes, ", "))
		return node
	}
	node.theme = spec.Theme
	return node
}

// cases marks where the list goes; the page's drawing fills it in.
func cases(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if b, ok := w.(*htmlBuilder); ok && entering && n.(*casesNode).theme != "" {
		b.st.cases = append(b.st.cases, CaseList{At: b.Len(), Theme: n.(*casesNode).theme})
	}
	return ast.WalkSkipChildren, nil
}
