package markdown

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark"
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
	gaps      []int
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
		return &Doc{Path: p.Path, Anchors: ids.anchors(), html: &lazyHTML{}}
	}
	if p.CopiedFrom != 0 {
		st.old = c.oldEdition(p)
	}
	pc := parser.NewContext(parser.WithIDs(ids))
	pc.Set(stateKey, st)
	root := c.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	checkTables(root, st)
	b := &htmlBuilder{st: st}
	b.Grow(len(body) + len(body)/4 + 512) // tags add about a fifth
	if err := c.md.Renderer().Render(b, body, root); err != nil {
		// Rendering into memory fails only on a bug in a node renderer.
		st.errorf(0, "cannot render the Markdown: %v", err)
	}
	return &Doc{Path: p.Path, html: &lazyHTML{text: b.String(), have: true}, Headings: headings(root, body), Links: st.links, Anchors: ids.anchors(), Files: st.files, Findings: st.findings, Cases: st.cases, Gaps: st.gaps}
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
		st.ctx.Gaps = func(years []int) {
			st.gaps = append(st.gaps, years...)
			slices.Sort(st.gaps)
			st.gaps = slices.Compact(st.gaps)
		}
		if st.old != nil {
			st.ctx.Finding = func(at Position, msg string) {
				st.findings = append(st.findings, Finding{Line: at.Line, Col: at.Col, Msg: msg})
				st.problems.Warnf(diag.Draft, st.path, at.Line, at.Col, "%s", msg)
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
	st.problems.Warnf(diag.Draft, st.path, line, col, "%s", msg)
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
