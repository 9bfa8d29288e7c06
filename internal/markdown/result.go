package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// What converting a body gives the rest of the site.

// Heading is a section heading, for a page's table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a link or image destination found in the text.
type Link struct {
	Dest      string
	Text      string // the link's text, as readers see it
	Line, Col int
}

// Finding is a place in a copied page to check, shown on the page in the
// preview.
type Finding struct {
	Line, Col int
	Msg       string
}

// CaseList is where a `cases` block lists the edition's case stories of a
// theme: at byte At of the HTML. The stories are known only once every file
// is read, so the list is filled in when the page is drawn.
type CaseList struct {
	At    int
	Theme string
}

// Doc is a converted Markdown body: its HTML and what the rest of the site
// needs to know about it.
type Doc struct {
	Path     string
	HTML     string
	Headings []Heading
	Links    []Link
	Anchors  map[string]bool // every id the body gives an element
	Files    []File          // downloads the page offers, written beside it
	Findings []Finding       // what a copied page still says of the old edition
	Cases    []CaseList      // lists of case stories to fill in, in order
	Gaps     []int           // years in a gap of the series its blocks span, sorted
}

// File is a download that belongs to a page, such as a chart's data.
type File struct {
	Name string // relative to the page's folder
	Data []byte
}

func headings(root ast.Node, src []byte) []Heading {
	var out []Heading
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		id, _ := h.AttributeString("id")
		idBytes, _ := id.([]byte)
		out = append(out, Heading{Level: h.Level, ID: string(idBytes), Text: plainText(h, src)})
		return ast.WalkSkipChildren, nil
	})
	return out
}

// plainText is the text of a node without markup.
func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *refNode:
			b.WriteString(t.text)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
