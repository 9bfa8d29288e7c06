package markdown

import (
	"bytes"
	"slices"
	"sync"

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
	Headings []Heading
	Links    []Link
	Anchors  map[string]bool // every id the body gives an element (see HasAnchor)
	Files    []File          // downloads the page offers, written beside it
	Findings []Finding       // what a copied page still says of the old edition
	Cases    []CaseList      // lists of case stories to fill in, in order
	Gaps     []int           // years in a gap of the series its blocks span, sorted

	html *lazyHTML // see HTML
}

// HasAnchor reports whether the page has an element with the id: one the
// body gives (Anchors), or one the layouts give every page (LayoutIDs).
func (d *Doc) HasAnchor(id string) bool {
	return d.Anchors[id] || slices.Contains(LayoutIDs, id)
}

// lazyHTML is a body's HTML, or how to get it when asked.
type lazyHTML struct {
	mu   sync.Mutex
	load func() string // converts the Markdown again; nil when text is the only copy
	text string
	have bool // text is the HTML
}

// HTML is the body as HTML. A Doc that a build kept for the next (see
// package site's cache) comes back without it, and converts its Markdown
// again the first time it is asked (see WithHTMLFrom): a rebuild then reads
// none of the bodies whose pages it does not render again.
func (d *Doc) HTML() string {
	if d == nil || d.html == nil {
		return ""
	}
	h := d.html
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.have && h.load != nil {
		h.text, h.have = h.load(), true
	}
	return h.text
}

// NeedsHTML reports whether the Doc has no HTML yet: one a cache read back.
func (d *Doc) NeedsHTML() bool { return d != nil && d.html == nil }

// WithHTMLFrom is a copy of d whose HTML load gives when first asked: load
// converts the same Markdown again.
func (d *Doc) WithHTMLFrom(load func() string) *Doc {
	c := *d
	c.html = &lazyHTML{load: load}
	return &c
}

// ReloadableFrom is a copy of d, with d's HTML, that can let it go (see
// DropHTML) and have load convert the same Markdown again if it is asked
// for after all.
func (d *Doc) ReloadableFrom(load func() string) *Doc {
	c := *d
	c.html = &lazyHTML{load: load, text: d.HTML(), have: true}
	return &c
}

// DropHTML lets go of the HTML of a Doc that can convert it again (see
// WithHTMLFrom and ReloadableFrom); any other keeps it. A build drops a
// body once its page is written.
func (d *Doc) DropHTML() {
	if d == nil || d.html == nil {
		return
	}
	h := d.html
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.load != nil {
		h.text, h.have = "", false
	}
}

// WithHTML is a copy of d with the HTML given, for tests.
func (d *Doc) WithHTML(html string) *Doc {
	c := *d
	c.html = &lazyHTML{text: html, have: true}
	return &c
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
