package figures

import (
	"errors"
	"strings"
	"sync"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/markdown"
	"report/internal/refs"
	"report/internal/timing"
	"report/internal/tomlfile"
)

// Options configure a Language.
type Options struct {
	Data     *data.Data
	BasePath string // URL path the site is served under, "/" or "/rapport/"
	// MetricURL gives the path of a metric's own page; table rows link to it
	// when it is set.
	MetricURL func(id string) string
	// Timing records how long each chart takes; may be nil.
	Timing *timing.Recorder
}

// Language resolves the figure language against the data. It is safe for
// concurrent use.
type Language struct {
	opts      Options
	indexOnce sync.Once
	index     typedIndex // figures of the data as prose might type them
}

// New returns a Language for the data.
func New(opts Options) *Language {
	if opts.BasePath == "" {
		opts.BasePath = "/"
	}
	return &Language{opts: opts}
}

// Kinds are the info strings of the fenced blocks the language draws.
func (l *Language) Kinds() []string { return []string{"table", "chart", "keyfigure"} }

// Block draws the fenced block of the given kind whose body starts on line
// bodyLine of the page's file; fence is where its opening fence stands, for
// problems that have no key of their own.
func (l *Language) Block(p *markdown.Context, kind string, body []byte, bodyLine int, fence markdown.Position) (string, []markdown.File) {
	b := &block{lang: l, page: p, body: body, bodyLine: bodyLine, fence: fence}
	switch kind {
	case "table":
		return b.table(), nil
	case "chart":
		return b.chart()
	case "keyfigure":
		return b.keyFigure(), nil
	}
	return "", nil
}

// Ref resolves the text between {{ and }} at a place of the page.
func (l *Language) Ref(p *markdown.Context, inner string, at markdown.Position) markdown.Ref {
	name := strings.TrimSpace(inner)
	res, err := l.context(p.Edition).Resolve(inner)
	switch {
	case errors.Is(err, refs.ErrIncomplete):
		return markdown.Ref{}
	case err != nil:
		p.Problems.Errorf(p.Path, at.Line, at.Col, "{{%s}}: %v", name, err)
		return markdown.Ref{}
	case res.Note != "":
		// The source disagrees with its own data: show what it printed, say
		// so on the page, and tell the editor where both figures are.
		p.Problems.Acknowledgedf(diag.Printed, p.Path, at.Line, at.Col, "the text prints %s where %s gives %s = %s; the page shows %s with an editor's note",
			res.Printed, l.opts.Data.Source(res.Metric, res.Year), res.Metric, res.Value, res.Printed)
		return markdown.Ref{Text: res.Text, Note: res.Note, Resolved: true}
	}
	if res.Rounded {
		l.checkRounding(p, name, res, at)
	}
	return markdown.Ref{Text: res.Text, Word: res.Word, Resolved: true}
}

// checkRounding warns where rounding moves a figure further than its word
// lets a reader expect; in a copied page, every rounding is a place to
// check, since it was chosen for last year's figure.
func (l *Language) checkRounding(p *markdown.Context, name string, res refs.Result, at markdown.Position) {
	tooFar := res.Off > refs.MaxRoundingOff
	switch {
	case p.Finding != nil && tooFar:
		p.Finding(at, "{{"+name+"}}: "+refs.RoundingAdvice(res))
	case p.Finding != nil:
		p.Finding(at, "{{"+name+"}}: "+res.Option+" shows "+res.Exact+" as "+res.Text+"; check that the rounding reads true of the figure")
	case tooFar:
		p.Problems.Warnf(diag.Rounding, p.Path, at.Line, at.Col, "{{%s}}: %s", name, refs.RoundingAdvice(res))
	}
}

// Expand resolves the references in a text of the page (a link's address):
// the text, and what is wrong with it.
func (l *Language) Expand(edition int, s string) (string, []string) {
	out, problems := l.context(edition).Expand(s)
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.Msg)
	}
	return out, msgs
}

func (l *Language) context(edition int) refs.Context {
	return refs.Context{Data: l.opts.Data, Edition: l.opts.Data.Edition(edition)}
}

// block is one fenced block being drawn.
type block struct {
	lang     *Language
	page     *markdown.Context
	body     []byte
	bodyLine int
	fence    markdown.Position
	// incomplete is set when a figure the block shows was refused in the
	// data: that error is reported there, and the block draws nothing
	// rather than report the figure missing too.
	incomplete bool
}

func (st *block) data() *data.Data { return st.lang.opts.Data }

func (st *block) refs() refs.Context { return st.lang.context(st.page.Edition) }

// decode reads the block's TOML body, with positions pointing into the file.
func (st *block) decode(v any) (*tomlfile.Doc, bool) {
	return tomlfile.Decode(st.page.Path, st.bodyLine, st.body, v, st.page.Problems)
}

// errAt returns a function that reports an error at a key of the block, or
// at its fence when the key is not written.
func (st *block) errAt(doc *tomlfile.Doc, prefix string) func(string, string, ...any) {
	return func(key string, format string, args ...any) {
		pos := st.at(doc, key)
		st.page.Problems.Errorf(st.page.Path, pos.Line, pos.Col, prefix+format, args...)
	}
}

// warnAt is errAt for warnings.
func (st *block) warnAt(doc *tomlfile.Doc, prefix string) func(string, string, ...any) {
	return func(key string, format string, args ...any) {
		pos := st.at(doc, key)
		st.page.Problems.Warnf(diag.Block, st.page.Path, pos.Line, pos.Col, prefix+format, args...)
	}
}

func (st *block) at(doc *tomlfile.Doc, key string) markdown.Position {
	if line, col := doc.Pos(key); line > 0 {
		return markdown.Position{Line: line, Col: col}
	}
	return st.fence
}
