package render

// The templates of layouts/, parsed once per page kind before any page is
// rendered, so that a broken template fails the build at once and by name
// (layouts/<file>:line) rather than on whichever page first executes it.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"

	"report/internal/diag"
	"report/internal/parallel"
)

// layoutsDir holds the templates.
const layoutsDir = "layouts"

// Kinds are the page templates every site must have, one file each; files
// whose names start with "_" are partials shared by all of them (the header
// and footer are in _chrome.html), and base.html is the frame every page is
// drawn in.
var Kinds = []string{"home", "archive", "edition", "chapter", "cases", "case", "clusters", "cluster", "metrics", "metric", "opendata", "search", "privacy", "404"}

// Templates holds one parsed template set per page kind.
type Templates struct {
	sets map[string]*template.Template
	// copies are, for the kinds a large site renders thousands of times,
	// copies of the set that executions take in turn (see spread); turn
	// counts the executions.
	copies map[string][]*template.Template
	turn   atomic.Uint32
	// sources identifies every file of layouts/ that was parsed, for the
	// keys of pages a later build may reuse (see Plan.PageKey).
	sources [32]byte
	// readsBodies are the kinds whose templates name a Body field: they
	// could show any page's body, not only their own, which the page data
	// gives as Content (see Plan.PageKey).
	readsBodies map[string]bool
	anyBodies   bool // some kind reads bodies (see Plan.dropBody)
	// What folding needs (see fold.go): the constants of the language,
	// the escaped constants its sets share, and each set's fold.
	consts  constants
	escaped *escapedConstants
	folds   map[*template.Template]*setFold
	// framed is, for each kind, the most its template has added to what a
	// page brings (see execute), so that the next page of the kind is
	// rendered into a buffer of its size at once: a metric's page adds its
	// figure and table, twice the first guess, and grew through a copy on
	// 127 of the 2016 edition's 174.
	framed map[string]*atomic.Int64
}

// loadTemplates parses layouts/. Problems go to problems.
func loadTemplates(fsys fs.FS, funcs template.FuncMap, problems *diag.List) *Templates {
	t := &Templates{sets: map[string]*template.Template{}, readsBodies: map[string]bool{}, framed: map[string]*atomic.Int64{}}
	for _, kind := range Kinds {
		t.framed[kind] = new(atomic.Int64)
	}
	sources := sha256.New()
	defer func() { sources.Sum(t.sources[:0]) }()
	base := template.New("layouts").Funcs(funcs).Option("missingkey=error")
	shared := []string{"base.html"}
	entries, err := fs.ReadDir(fsys, layoutsDir)
	if err != nil {
		problems.Errorf(layoutsDir, 0, 0, "cannot read the templates: %v", err)
		return t
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "_") && strings.HasSuffix(e.Name(), ".html") {
			shared = append(shared, e.Name())
		}
	}
	for _, name := range shared {
		if !parseFile(base, fsys, name, sources, problems) {
			return t
		}
	}
	// Each kind's file is read in order, for sources, and parsed into a
	// copy of the shared templates (see kindSets).
	srcs := make([][]byte, len(Kinds))
	read := make([]bool, len(Kinds))
	for i, kind := range Kinds {
		srcs[i], read[i] = readLayout(fsys, kind+".html", sources, problems)
	}
	sets := kindSets(base, srcs, read, problems)
	for i, kind := range Kinds {
		if set := sets[i]; set != nil {
			t.sets[kind] = set
			t.readsBodies[kind] = namesField(set, "Body")
			t.anyBodies = t.anyBodies || t.readsBodies[kind]
		}
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".html")
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".html") && name != "base" && !strings.HasPrefix(name, "_") && !slices.Contains(Kinds, name) {
			problems.Errorf(path.Join(layoutsDir, e.Name()), 0, 0, "no page uses this template; the page templates are %s.html", strings.Join(Kinds, ".html, "))
		}
	}
	return t
}

// kindSets parses each kind's file, srcs[i] for Kinds[i] where read[i],
// into a copy of base, the shared templates, and returns the sets in the
// order of Kinds; problems go to problems. The copies, most of the time of
// parsing the templates, are made on every core: html/template copies a
// set under its lock, so each core copies from a base of its own (the 2016
// edition's "parse templates" 10.2 → 7.3 ms, −28 %, `--metrics` over 25
// alternating builds; the build as a whole within noise).
func kindSets(base *template.Template, srcs [][]byte, read []bool, problems *diag.List) []*template.Template {
	sets := make([]*template.Template, len(Kinds))
	workers := min(parallel.CPU.Limit(), len(Kinds))
	_ = parallel.Each(context.Background(), parallel.CPU, workers, func(_ context.Context, w int) error {
		from := base
		if w > 0 {
			b, err := base.Clone()
			if err != nil {
				problems.Errorf(layoutsDir, 0, 0, "%v", err)
				return nil
			}
			from = b
		}
		for i := w; i < len(Kinds); i += workers {
			if !read[i] {
				continue
			}
			set, err := from.Clone()
			if err != nil {
				problems.Errorf(layoutsDir, 0, 0, "%v", err)
				continue
			}
			if parseInto(set, Kinds[i]+".html", srcs[i], problems) {
				sets[i] = set
			}
		}
		return nil
	})
	return sets
}

// partials is the kind whose set the partials (the chrome, the cards of
// case stories) are executed from.
const partials = "home"

// set is the template set of kind, or one of its copies in turn, folded
// (see fold.go). Every execution takes its set from here, so none runs
// beside the folding of its set.
func (t *Templates) set(kind string) *template.Template {
	if c := t.copies[kind]; len(c) > 0 {
		return t.folded(c[int(t.turn.Add(1)%uint32(len(c)))])
	}
	return t.folded(t.sets[kind])
}

// spread gives each of kinds n sets in all, taken in turn. A template
// set locks itself for every execution, and for every function an
// execution calls, escapers included: with every worker rendering case
// stories from the one set, a build of 10,000 stories spent 5 % of its
// time there (benchstat, 7 alternating runs: 1.631 -> 1.543 s with four
// sets). A copy costs its memory and its escaping, which a site of 1,000
// stories did not earn back (no time gained, 2.3 % more peak memory, 15
// runs); see New. It must be called before any template runs.
func (t *Templates) spread(kinds []string, n int, problems *diag.List) {
	t.copies = map[string][]*template.Template{}
	for _, kind := range kinds {
		set := t.sets[kind]
		if set == nil {
			continue
		}
		all := []*template.Template{set}
		for len(all) < n {
			c, err := set.Clone()
			if err != nil {
				problems.Errorf(layoutsDir, 0, 0, "%v", err)
				break
			}
			all = append(all, c)
		}
		t.copies[kind] = all
	}
}

// withFuncs is a copy of the templates that call funcs, the functions of
// another language: a template finds its functions by name when it runs,
// so a clone given other functions of the same names draws the same pages
// in that language.
func (t *Templates) withFuncs(funcs template.FuncMap, problems *diag.List) *Templates {
	// framed is shared: a kind's pages are about as long in either language
	c := &Templates{sets: map[string]*template.Template{}, sources: t.sources, readsBodies: t.readsBodies, anyBodies: t.anyBodies, framed: t.framed}
	// copied on every core: each from a set of its own, whose lock no other
	// copy waits on (see kindSets)
	clones := make([]*template.Template, len(Kinds))
	errs := make([]error, len(Kinds))
	_ = parallel.Each(context.Background(), parallel.CPU, len(Kinds), func(_ context.Context, i int) error {
		if set := t.sets[Kinds[i]]; set != nil {
			clones[i], errs[i] = set.Clone()
		}
		return nil
	})
	for i, kind := range Kinds {
		switch {
		case errs[i] != nil:
			problems.Errorf(layoutsDir, 0, 0, "%v", errs[i])
		case clones[i] != nil:
			c.sets[kind] = clones[i].Funcs(funcs)
		}
	}
	return c
}

// parseFile parses the file name of layouts/ into set, and writes its name
// and bytes to sources when it is not nil.
func parseFile(set *template.Template, fsys fs.FS, name string, sources hash.Hash, problems *diag.List) bool {
	src, ok := readLayout(fsys, name, sources, problems)
	return ok && parseInto(set, name, src, problems)
}

// readLayout reads the file name of layouts/, and writes its name and
// bytes to sources when it is not nil.
func readLayout(fsys fs.FS, name string, sources hash.Hash, problems *diag.List) ([]byte, bool) {
	p := path.Join(layoutsDir, name)
	src, err := fs.ReadFile(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		problems.Errorf(p, 0, 0, "template is missing; every site needs it (copy it from the report's repository)")
		return nil, false
	}
	if err != nil {
		problems.Errorf(p, 0, 0, "cannot read the template: %v", err)
		return nil, false
	}
	if sources != nil {
		fmt.Fprintf(sources, "%s\x00%d\x00", name, len(src))
		sources.Write(src)
	}
	return src, true
}

// parseInto parses src, the file name of layouts/, into set.
func parseInto(set *template.Template, name string, src []byte, problems *diag.List) bool {
	if _, err := set.New(name).Parse(string(src)); err != nil {
		problems.Add(templateProblem(err))
		return false
	}
	return true
}

// templateLocation matches the "name:line:col" or "name:line" that
// text/template puts into its errors.
var templateLocation = regexp.MustCompile(`template: ([^:\s]+):(\d+)(?::(\d+))?: (.*)`)

// templateProblem turns a template error into a positioned problem.
func templateProblem(err error) *diag.Problem {
	var escaping *template.Error
	if errors.As(err, &escaping) {
		return escapingProblem(escaping)
	}
	msg := err.Error()
	m := templateLocation.FindStringSubmatch(msg)
	if m == nil {
		return &diag.Problem{Path: layoutsDir, Msg: msg}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	rest := m[4]
	// Execution errors repeat the location inside the message; keep the cause.
	if inner := templateLocation.FindStringSubmatch(rest); inner != nil {
		rest = inner[4]
	}
	return &diag.Problem{Path: path.Join(layoutsDir, m[1]), Line: line, Col: col, Msg: "template: " + rest}
}

// escapingProblem places an error html/template found escaping a template
// at its first execution. The error's Name is the template executed
// (base.html, say), not the file at fault; the node it names, when it
// names one, knows the file it was parsed from and its line there.
func escapingProblem(e *template.Error) *diag.Problem {
	p := &diag.Problem{Path: layoutsDir, Msg: "template: " + e.Description, Cause: e}
	if e.Node != nil {
		loc, _ := (*parse.Tree)(nil).ErrorContext(e.Node)
		if name, line, col, ok := parseLocation(loc); ok {
			p.Path, p.Line, p.Col = path.Join(layoutsDir, name), line, col
			return p
		}
	}
	// Without a node (a template that ends inside a tag or a string, a
	// text html/template cannot read) only the executed template is
	// known: a file, or a {{define}}d one whose file is not.
	switch {
	case strings.HasSuffix(e.Name, ".html"):
		p.Path, p.Line = path.Join(layoutsDir, e.Name), e.Line
	case e.Name != "":
		p.Msg = fmt.Sprintf("template %q: %s", e.Name, e.Description)
	}
	return p
}

// parseLocation reads the "name:line:col" of text/template's ErrorContext
// from the right, where the numbers are: a colon in the name stays in it.
func parseLocation(loc string) (name string, line, col int, ok bool) {
	rest, c, found := cutLast(loc, ":")
	if !found {
		return "", 0, 0, false
	}
	name, l, found := cutLast(rest, ":")
	if !found || name == "" {
		return "", 0, 0, false
	}
	line, err1 := strconv.Atoi(l)
	col, err2 := strconv.Atoi(c)
	return name, line, col, err1 == nil && err2 == nil
}

func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// defines reports whether the layouts define the template name.
func (t *Templates) defines(name string) bool {
	set := t.sets["home"]
	return set != nil && set.Lookup(name) != nil
}

// partial executes a shared template, such as the header, on its own.
func (t *Templates) partial(w io.Writer, name string, data any) error {
	set := t.set(partials)
	if set == nil {
		return fmt.Errorf("no templates")
	}
	return set.ExecuteTemplate(w, name, data)
}

// execute renders a page of kind, whose content, header and footer come
// to known bytes, into a buffer sized for them and for what the kind's
// pages have added to them so far.
func (t *Templates) execute(kind string, data any, known int) ([]byte, error) {
	set := t.set(kind)
	if set == nil {
		return nil, fmt.Errorf("no template for %s pages", kind)
	}
	b := bytes.NewBuffer(pageBuffer(t.bufferFor(kind, known)))
	if err := set.ExecuteTemplate(b, "base.html", data); err != nil {
		return nil, err
	}
	t.framedBy(kind, b.Len()-known)
	return b.Bytes(), nil
}

// bufferFor is the size of buffer a page of kind is rendered into, whose
// content, header and footer come to known bytes.
func (t *Templates) bufferFor(kind string, known int) int {
	frame := minFrame
	if framed := t.framed[kind]; framed != nil {
		frame = max(frame, int(framed.Load()))
	}
	return known + frame
}

// framedBy notes that a page of kind added n bytes to what it brought.
func (t *Templates) framedBy(kind string, n int) {
	framed := t.framed[kind]
	if framed == nil {
		return
	}
	v := int64(min(n, maxRecycled))
	for seen := framed.Load(); v > seen; seen = framed.Load() {
		if framed.CompareAndSwap(seen, v) {
			return
		}
	}
}

// minFrame is what a page's buffer is given beyond what the page brings
// before a page of its kind has been rendered: about what the frame of
// base.html adds.
const minFrame = 4096

// pageBuffers are pages' bytes that a Stream run's caller has written and
// let go (see recyclePage), for the next pages to be rendered into. At
// 10,000 stories the pages were an eighth of what a clean build allocated,
// and each fresh page of memory costs a fault to touch.
var pageBuffers sync.Pool // *[]byte

// maxRecycled is the largest page kept for reuse: a list of every story can
// be megabytes, which a story's page would then hold on to.
const maxRecycled = 256 << 10

// pageBuffer is an empty buffer for a page of about size bytes.
func pageBuffer(size int) []byte {
	if p, ok := pageBuffers.Get().(*[]byte); ok && cap(*p) >= size {
		return (*p)[:0]
	}
	return make([]byte, 0, size)
}

// recyclePage gives a page's bytes back once nothing holds them.
func recyclePage(b []byte) {
	if cap(b) <= maxRecycled {
		pageBuffers.Put(&b)
	}
}

// namesField reports whether any template of the set names the field: as
// .Field, $x.Field or (expr).Field, anywhere in a chain.
func namesField(set *template.Template, field string) bool {
	for _, t := range set.Templates() {
		if t.Tree != nil && nodeNames(t.Tree.Root, field) {
			return true
		}
	}
	return false
}

func nodeNames(n parse.Node, field string) bool {
	return inspect(n, func(n parse.Node) bool {
		switch n := n.(type) {
		case *parse.FieldNode:
			return slices.Contains(n.Ident, field)
		case *parse.VariableNode:
			return slices.Contains(n.Ident, field)
		case *parse.ChainNode:
			return slices.Contains(n.Field, field)
		}
		return false
	})
}

// inspect calls visit on n and on every node under it, parents first,
// and stops, reporting true, at the first node visit says so of.
func inspect(n parse.Node, visit func(parse.Node) bool) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return false
		}
	case *parse.PipeNode:
		if n == nil {
			return false
		}
	}
	if visit(n) {
		return true
	}
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			if inspect(c, visit) {
				return true
			}
		}
	case *parse.ActionNode:
		return inspect(n.Pipe, visit)
	case *parse.IfNode:
		return inspect(n.Pipe, visit) || inspect(n.List, visit) || inspect(n.ElseList, visit)
	case *parse.RangeNode:
		return inspect(n.Pipe, visit) || inspect(n.List, visit) || inspect(n.ElseList, visit)
	case *parse.WithNode:
		return inspect(n.Pipe, visit) || inspect(n.List, visit) || inspect(n.ElseList, visit)
	case *parse.TemplateNode:
		return inspect(n.Pipe, visit)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			if inspect(c, visit) {
				return true
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			if inspect(a, visit) {
				return true
			}
		}
	case *parse.ChainNode:
		return inspect(n.Node, visit)
	}
	return false
}
