// Package markdown turns the editors' Markdown into HTML. It is the project's
// one door to goldmark, configured once per build, with the report's own
// extensions:
//
//   - GitHub tables, strikethrough and task lists, footnotes, definition
//     lists;
//   - heading ids that keep Danish readable ("Økonomi og støtte" →
//     "oekonomi-og-stoette");
//   - fenced blocks `table`, `chart`, `keyfigure` and `cases`, whose TOML
//     bodies name metrics and years (or a theme) and are drawn from the data,
//     so no figure is typed twice; charts are drawn by package chart;
//   - inline references {{…}} resolved by package refs: a figure from the
//     data, or one of the edition's years; a warning where prose types a
//     figure the data holds;
//   - in a page copied from an earlier edition, the places that still state
//     that edition's years and figures (package draft);
//   - limits on a body's shape, checked before goldmark parses it, so that
//     no input costs more than its size allows (guard.go);
//   - root-relative links prefixed with the site's base path, and unsafe
//     links (javascript:) refused;
//   - raw HTML shown as text, never passed through.
//
// Convert parses and renders a page's body in one step. It finds every
// problem (a bad block, an unknown metric, an image without alt text) with
// its file position; rendering then cannot fail on content.
package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"report/internal/diag"
	"report/internal/draft"
)

// Options configure a Converter.
type Options struct {
	// Figures resolves the report's blocks and references (package figures).
	Figures  Figures
	BasePath string // URL path the site is served under, "/" or "/rapport/"
	// Themes are the case stories' themes a `cases` block may name.
	Themes []string
	// OldEdition describes the edition a copied page came from, for the
	// places in it still to check; nil when no page is a copy.
	OldEdition func(from, to int) draft.Old
}

// Figures is the report's figure language, which package figures speaks:
// the fenced blocks it draws, the references it resolves, and the figures
// it finds typed in text. Markdown finds them in a body and says where they
// stand; the language reports its own problems there.
type Figures interface {
	// Kinds are the info strings of the fenced blocks it draws.
	Kinds() []string
	// Block draws a fenced block whose body starts on line bodyLine of the
	// page's file; at is where a problem without a key of its own stands.
	Block(p *Context, kind string, body []byte, bodyLine int, at Position) (html string, files []File)
	// Ref resolves the text between {{ and }}.
	Ref(p *Context, inner string, at Position) Ref
	// Typed looks at text readers see for figures typed that the data holds.
	Typed(p *Context, text []byte, at func(offset int) Position)
	// Expand resolves the references in a link's address: the address, and
	// what is wrong with it.
	Expand(edition int, s string) (string, []string)
}

// Context is the page a figure stands on, as the figure language sees it.
type Context struct {
	Path     string
	Edition  int
	Problems *diag.List
	// Unique returns an id, made from base, that no other element of the
	// page has.
	Unique func(base string) string
	// Finding notes a place to check in a page copied from an earlier
	// edition; nil on other pages.
	Finding func(at Position, msg string)
}

// Position is a line and column of a file, both from 1.
type Position struct{ Line, Col int }

// Ref is a resolved reference: what the text shows, an editor's note where
// the source printed another figure, and whether it reads as a word of the
// sentence (a year, names) rather than as a figure.
type Ref struct {
	Text, Note string
	Word       bool
	Resolved   bool // false when it could not be; its problem is reported
}

// Converter parses and renders Markdown. It is safe for concurrent use.
type Converter struct {
	md      goldmark.Markdown
	opts    Options
	figures Figures
}

// New builds the goldmark parser and renderer once.
func New(opts Options) *Converter {
	if opts.BasePath == "" {
		opts.BasePath = "/"
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			// GitHub's Markdown without its linkify, which scans every word
			// for a bare address and costs a third of the parse; editors
			// write links as links.
			extension.Table,
			extension.Strikethrough,
			extension.TaskList,
			extension.Footnote,
			extension.DefinitionList,
			figureExtension{},
			linkExtension{},
			draftExtension{},
			safeHTMLExtension{},
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	return &Converter{md: md, opts: opts, figures: opts.Figures}
}

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

// Page is what Convert needs to know of the page a body belongs to.
type Page struct {
	Path      string // the file, relative to the site root
	Edition   int    // the edition the page belongs to
	FirstLine int    // the line of the file the body starts on
	// CopiedFrom is the edition a page was copied from by `report new
	// edition`, until an editor confirms it; 0 for any other page. Convert
	// then reports every place that still states that edition's years or
	// typed figures (see package draft).
	CopiedFrom int
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
}

// File is a download that belongs to a page, such as a chart's data.
type File struct {
	Name string // relative to the page's folder
	Data []byte
}

// state is what the extensions need while one document is parsed.
type state struct {
	conv      *Converter
	path      string
	edition   int
	firstLine int
	old       *draft.Old // the edition a copied page came from, or nil
	src       []byte
	lines     *lineIndex // made on the first position asked for
	ids       *headingIDs
	problems  *diag.List
	links     []Link
	files     []File
	findings  []Finding
	cases     []CaseList
	// openUntil is the end of a line with a {{ and no }} after it: every
	// later "{" on it would scan to its end again, and report it again.
	openUntil int
	ctx       *Context // made on first use
}

var stateKey = parser.NewContextKey()

func stateOf(pc parser.Context) *state { return pc.Get(stateKey).(*state) }

// Convert parses a Markdown body of the page p and renders it. Problems go
// to problems.
//
// It renders at once rather than when the page is written: the HTML depends
// only on the body, the data and the base path, and the syntax tree, many
// times the size of the text, can then be dropped while it is still in the
// processor's cache, instead of being kept for every page of the site until
// the end of the build.
func (c *Converter) Convert(p Page, body []byte, problems *diag.List) *Doc {
	ids := newHeadingIDs()
	local := &diag.List{}
	defer capProblems(p.Path, local, problems)
	st := &state{conv: c, path: p.Path, edition: p.Edition, firstLine: max(p.FirstLine, 1), src: body, ids: ids, problems: local}
	if at, msg := checkShape(body); at >= 0 {
		st.errorf(at, "%s", msg)
		return &Doc{Path: p.Path, Anchors: ids.used}
	}
	if p.CopiedFrom != 0 {
		st.old = c.oldEdition(p)
	}
	pc := parser.NewContext(parser.WithIDs(ids))
	pc.Set(stateKey, st)
	root := c.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	b := &htmlBuilder{st: st}
	b.Grow(len(body) + len(body)/4 + 512) // tags add about a fifth
	if err := c.md.Renderer().Render(b, body, root); err != nil {
		// Rendering into memory fails only on a bug in a node renderer.
		st.errorf(0, "cannot render the Markdown: %v", err)
	}
	return &Doc{Path: p.Path, HTML: b.String(), Headings: headings(root, body), Links: st.links, Anchors: ids.used, Files: st.files, Findings: st.findings, Cases: st.cases}
}

// oldEdition is the edition a page was copied from, as draft checks it.
func (c *Converter) oldEdition(p Page) *draft.Old {
	if c.opts.OldEdition != nil {
		old := c.opts.OldEdition(p.CopiedFrom, p.Edition)
		return &old
	}
	return &draft.Old{Edition: p.CopiedFrom, FirstYear: p.CopiedFrom, DataYear: p.CopiedFrom, To: p.Edition}
}

// context is the page as the figure language sees it.
func (st *state) context() *Context {
	if st.ctx == nil {
		st.ctx = &Context{Path: st.path, Edition: st.edition, Problems: st.problems, Unique: st.ids.unique}
		if st.old != nil {
			st.ctx.Finding = func(at Position, msg string) {
				st.findings = append(st.findings, Finding{Line: at.Line, Col: at.Col, Msg: msg})
				st.problems.Warnf(st.path, at.Line, at.Col, "%s", msg)
			}
		}
	}
	return st.ctx
}

// at is an offset of the body as a position in its file.
func (st *state) at(offset int) Position {
	line, col := st.position(offset)
	return Position{Line: line, Col: col}
}

// finding records a place to check in a copied page, as a warning and for
// the preview's note on the page.
func (st *state) finding(offset int, msg string) {
	line, col := st.position(offset)
	st.findings = append(st.findings, Finding{Line: line, Col: col, Msg: msg})
	st.problems.Warnf(st.path, line, col, "%s", msg)
}

// htmlBuilder is a strings.Builder that goldmark takes as its own buffered
// writer: given a plain io.Writer it would wrap it in a new 4 KB
// bufio.Writer for every page, and the HTML would be copied once more into
// a string.
type htmlBuilder struct {
	strings.Builder
	st *state // for the positions of case lists
}

func (b *htmlBuilder) Available() int { return b.Cap() - b.Len() }
func (b *htmlBuilder) Buffered() int  { return 0 }
func (b *htmlBuilder) Flush() error   { return nil }

// position turns a byte offset in the body into a line and column of the file.
func (st *state) position(offset int) (line, col int) {
	if st.lines == nil {
		st.lines = newLineIndex(st.src)
	}
	line, col = st.lines.at(offset)
	return st.firstLine + line, col
}

func (st *state) errorf(offset int, format string, args ...any) {
	line, col := st.position(offset)
	st.problems.Errorf(st.path, line, col, format, args...)
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
