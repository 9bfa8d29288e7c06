package markdown

import "report/internal/diag"

// The boundary to the figure language (package figures), which markdown
// calls through an interface so that it needs neither the data nor charts.

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
	// Gaps notes years in a gap of the series that a block on the page
	// spans, which no edition covers; the page says so once (Doc.Gaps).
	Gaps func(years []int)
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
