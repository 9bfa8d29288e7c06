package render

// Folding: what a template writes the same on every page of a language is
// worked out once, when its template set first runs, and written into the
// template as text. text/template calls every function of an action, the escapers
// html/template adds included, by reflection, about half a microsecond a
// call; a story's page ran eight actions whose output never changes in
// its language (its lang attribute, the skip link's words, the "if
// hasOrigin" around the canonical link), each through one to three such
// calls.
//
// Folding happens in two steps, so that nothing is guessed:
//
//  1. An interface string asked for by a literal key, {{t "skip_link"}},
//     becomes the literal string it gives, and {{hasOrigin}} the constant
//     it is. The action still runs its escapers: the output is the same
//     by construction. A key no table has is left alone, to fail the
//     page with the template's name and line as before.
//  2. Once html/template has escaped the page's templates, an action that
//     is a literal piped through escapers becomes the text those escapers
//     make of it, and an {{if}} on a constant becomes the branch it takes.
//     The escapers' output is not reimplemented: each chain of escapers is
//     run on the literal through a probe template in which html/template
//     gives {{.}} that same chain (see probes), and a chain no probe
//     gives is left alone.

import (
	"html/template"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
)

// foldTemplates is false only in a test that renders the pages again
// without folding, to find them the same.
var foldTemplates = true

// constants are what folding may take as fixed for one language.
type constants struct {
	lookup    func(key string) (string, bool) // an interface string, if the language has it
	hasOrigin bool
	// address is what a function of addressFuncs gives for literal
	// arguments, if it is one (see Renderer.address)
	address func(name string, args ...string) (string, bool)
	// page is the type of the data base.html runs on, *PageData, whose
	// fields of type template.HTML it writes as they are (see passHTML);
	// nil where that is not known
	page reflect.Type
}

// A setFold folds one template set, or copy, the first time it is asked
// for: a build that renders a few pages (a rebuild after an edit, the
// preview) folds only the sets it runs.
type setFold struct {
	once    sync.Once
	entries []string // the templates of the set the renderer runs
}

// prepareFolds readies the folding of every set and copy of t; New calls
// it once they all exist, and before any executes.
func (t *Templates) prepareFolds(c constants) {
	if !foldTemplates {
		return
	}
	t.consts, t.escaped, t.folds = c, &escapedConstants{}, map[*template.Template]*setFold{}
	for _, kind := range Kinds {
		// the templates the renderer runs: a page's frame, and in the
		// set partials run from, a story's card
		entries := []string{"base.html"}
		if kind == partials {
			entries = append(entries, "card")
		}
		for _, set := range append([]*template.Template{t.sets[kind]}, t.copies[kind]...) {
			if set != nil {
				t.folds[set] = &setFold{entries: entries}
			}
		}
	}
}

// folded is set, folded if it was not yet (see Templates.set).
func (t *Templates) folded(set *template.Template) *template.Template {
	if f := t.folds[set]; f != nil {
		f.once.Do(func() { foldSet(set, t.consts, f.entries, t.escaped) })
	}
	return set
}

// foldSet folds one template set, whose templates the renderer runs are
// entries.
func foldSet(set *template.Template, c constants, entries []string, escaped *escapedConstants) {
	foldConstants(set, c)
	// html/template escapes a template when it first executes it, and
	// offers no other way: run the entries with no data, which stops at
	// the first field and writes nowhere. An escaping error is reported
	// again by the page.
	for _, entry := range entries {
		if set.Lookup(entry) != nil {
			_ = set.ExecuteTemplate(io.Discard, entry, nil)
		}
	}
	for _, tmpl := range set.Templates() {
		if tmpl.Tree != nil && tmpl.Tree.Root != nil {
			foldText(tmpl.Tree.Root, escaped)
		}
	}
	if base := set.Lookup("base.html"); base != nil && base.Tree != nil && c.page != nil && htmlVerbatim() {
		passHTML(base.Tree.Root, c.page)
		// a page's main part runs on the page too, when nothing but the
		// frame's {{template "main" .}} runs it (and RenderMain, with the
		// page)
		if main := set.Lookup("main"); main != nil && main.Tree != nil && onlyFrameRuns(set, "main") {
			passHTML(main.Tree.Root, c.page)
		}
	}
}

// onlyFrameRuns reports whether the only template of set that runs the
// template name is base.html, with dot, where its dot is the page.
func onlyFrameRuns(set *template.Template, name string) bool {
	for _, tmpl := range set.Templates() {
		if tmpl.Tree == nil || tmpl.Tree.Root == nil {
			continue
		}
		if tmpl.Name() != "base.html" {
			if inspect(tmpl.Tree.Root, func(n parse.Node) bool {
				t, ok := n.(*parse.TemplateNode)
				return ok && t.Name == name
			}) {
				return false
			}
			continue
		}
		if !runsOnPage(tmpl.Tree.Root, name, true) {
			return false
		}
	}
	return true
}

// runsOnPage reports whether every {{template name}} in l passes dot where
// dot is the page: in the frame's own list or an {{if}}'s (onPage), not
// in a {{with}}'s or {{range}}'s.
func runsOnPage(l *parse.ListNode, name string, onPage bool) bool {
	if l == nil {
		return true
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TemplateNode:
			if n.Name == name && !(onPage && passesDot(n.Pipe)) {
				return false
			}
		case *parse.IfNode:
			if !runsOnPage(n.List, name, onPage) || !runsOnPage(n.ElseList, name, onPage) {
				return false
			}
		case *parse.WithNode:
			if !runsOnPage(n.List, name, false) || !runsOnPage(n.ElseList, name, false) {
				return false
			}
		case *parse.RangeNode:
			if !runsOnPage(n.List, name, false) || !runsOnPage(n.ElseList, name, false) {
				return false
			}
		}
	}
	return true
}

// passesDot reports whether the pipeline p is dot alone.
func passesDot(p *parse.PipeNode) bool {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return false
	}
	_, ok := p.Cmds[0].Args[0].(*parse.DotNode)
	return ok
}

// foldConstants is step 1 over every template of set.
func foldConstants(set *template.Template, c constants) {
	for _, tmpl := range set.Templates() {
		if tmpl.Tree != nil && tmpl.Tree.Root != nil {
			inspect(tmpl.Tree.Root, func(n parse.Node) bool {
				if cmd, ok := n.(*parse.CommandNode); ok {
					foldCommand(cmd, c)
				}
				return false
			})
		}
	}
}

// foldCommand makes {{t "key"}} the string, {{hasOrigin}} the bool, and
// an address given literal arguments, {{url "css/report.css"}} or {{url
// metricsURL}}, the address.
func foldCommand(cmd *parse.CommandNode, c constants) {
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok {
		return
	}
	if s, ok := foldAddress(cmd.Args, c); ok {
		cmd.Args = []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: id.Pos, Quoted: strconv.Quote(s), Text: s}}
		return
	}
	switch {
	case id.Ident == "t" && len(cmd.Args) == 2 && c.lookup != nil:
		key, ok := cmd.Args[1].(*parse.StringNode)
		if !ok {
			return
		}
		s, ok := c.lookup(key.Text)
		if !ok {
			return
		}
		cmd.Args = []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: id.Pos, Quoted: strconv.Quote(s), Text: s}}
	case id.Ident == "hasOrigin" && len(cmd.Args) == 1:
		cmd.Args = []parse.Node{&parse.BoolNode{NodeType: parse.NodeBool, Pos: id.Pos, True: c.hasOrigin}}
	}
}

// foldAddress is the address the call args gives, a function of
// addressFuncs and its arguments, when each argument is a string literal
// or a call of such a function without arguments.
func foldAddress(args []parse.Node, c constants) (string, bool) {
	if c.address == nil {
		return "", false
	}
	id, ok := args[0].(*parse.IdentifierNode)
	if !ok {
		return "", false
	}
	values := make([]string, 0, len(args)-1)
	for _, a := range args[1:] {
		switch a := a.(type) {
		case *parse.StringNode:
			values = append(values, a.Text)
		case *parse.IdentifierNode:
			v, ok := c.address(a.Ident)
			if !ok {
				return "", false
			}
			values = append(values, v)
		default:
			return "", false
		}
	}
	return c.address(id.Ident, values...)
}

// foldText is step 2 over the list l and every list under it. Text that
// comes to stand beside text joins it, to be written in one go.
func foldText(l *parse.ListNode, escaped *escapedConstants) {
	if l == nil {
		return
	}
	var out []parse.Node
	add := func(n parse.Node) {
		if t, ok := n.(*parse.TextNode); ok && len(out) > 0 {
			if prev, ok := out[len(out)-1].(*parse.TextNode); ok {
				prev.Text = append(prev.Text, t.Text...)
				return
			}
		}
		out = append(out, n)
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if s, ok := escaped.of(n.Pipe); ok {
				add(&parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(s)})
				continue
			}
		case *parse.IfNode:
			if taken, ok := constantBranch(n); ok {
				foldText(taken, escaped)
				if taken != nil {
					for _, m := range taken.Nodes {
						add(m)
					}
				}
				continue
			}
			foldText(n.List, escaped)
			foldText(n.ElseList, escaped)
		case *parse.RangeNode:
			foldText(n.List, escaped)
			foldText(n.ElseList, escaped)
		case *parse.WithNode:
			foldText(n.List, escaped)
			foldText(n.ElseList, escaped)
		}
		add(n)
	}
	l.Nodes = out
}

// constantBranch is the list an {{if true}} or {{if false}} takes.
func constantBranch(n *parse.IfNode) (*parse.ListNode, bool) {
	p := n.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return nil, false
	}
	b, ok := p.Cmds[0].Args[0].(*parse.BoolNode)
	if !ok {
		return nil, false
	}
	if b.True {
		return n.List, true
	}
	return n.ElseList, true
}

// passHTML drops the escaper from the actions of the list l, where dot is
// the page (of type page), that write a field of type template.HTML in
// text: {{.Header}}, {{.Content}}. html/template writes such a value as it
// is (see htmlVerbatim), yet calls its escaper on it by reflection; a
// page's frame writes six. The list of a {{with}} or {{range}}, where dot
// is something else, is left alone.
func passHTML(l *parse.ListNode, page reflect.Type) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if writesHTMLField(n.Pipe, page) {
				n.Pipe.Cmds = n.Pipe.Cmds[:1]
			}
		case *parse.IfNode:
			passHTML(n.List, page)
			passHTML(n.ElseList, page)
		}
	}
}

// writesHTMLField reports whether the pipeline p is a field of dot, of
// type template.HTML where dot is of type page, piped through the escaper
// html/template gives text and nothing else.
func writesHTMLField(p *parse.PipeNode, page reflect.Type) bool {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 2 || len(p.Cmds[0].Args) != 1 || len(p.Cmds[1].Args) != 1 {
		return false
	}
	field, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(field.Ident) != 1 {
		return false
	}
	if esc, ok := p.Cmds[1].Args[0].(*parse.IdentifierNode); !ok || esc.Ident != textEscaper {
		return false
	}
	// text/template takes a method of that name before a field
	if _, ok := page.MethodByName(field.Ident[0]); ok {
		return false
	}
	t := page
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	f, ok := t.FieldByName(field.Ident[0])
	return ok && f.IsExported() && f.Type == reflect.TypeFor[template.HTML]()
}

// textEscaper is the escaper html/template gives an action in text, as
// the probe {{.}} learns it.
const textEscaper = "_html_template_htmlescaper"

// htmlVerbatim reports whether html/template writes a template.HTML in
// text as it is, through the escaper textEscaper alone: learnt from the
// probe of text, not assumed.
var htmlVerbatim = sync.OnceValue(func() bool {
	pr, ok := probeFor()[textEscaper]
	if !ok || pr.before != "" || pr.after != "" {
		return false
	}
	const sample = `<p class="a&amp;b">x &lt; y & "z"</p>`
	var b strings.Builder
	return pr.tmpl.Execute(&b, template.HTML(sample)) == nil && b.String() == sample
})

// escapedConstants are the outputs of actions that pipe a string literal
// through a chain of escapers a probe gives, by chain and literal: the
// sets of a language share most of them.
type escapedConstants struct {
	mu   sync.Mutex
	made map[[2]string]string
}

// of is the output of the action of pipeline p, if it is such a constant.
func (e *escapedConstants) of(p *parse.PipeNode) (string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) < 2 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	lit, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	if !ok {
		return "", false
	}
	chain, ok := escaperChain(p.Cmds[1:])
	if !ok {
		return "", false
	}
	key := [2]string{chain, lit.Text}
	e.mu.Lock()
	s, ok := e.made[key]
	e.mu.Unlock()
	if ok {
		return s, true
	}
	pr, ok := probeFor()[chain]
	if !ok {
		return "", false
	}
	if s, ok = pr.escape(lit.Text); ok {
		e.mu.Lock()
		if e.made == nil {
			e.made = map[[2]string]string{}
		}
		e.made[key] = s
		e.mu.Unlock()
	}
	return s, ok
}

// escaperChain names the commands, each an escaper html/template added,
// as "a|b|c".
func escaperChain(cmds []*parse.CommandNode) (string, bool) {
	names := make([]string, len(cmds))
	for i, c := range cmds {
		id, ok := c.Args[0].(*parse.IdentifierNode)
		if !ok || len(c.Args) != 1 || !strings.HasPrefix(id.Ident, "_html_template_") {
			return "", false
		}
		names[i] = id.Ident
	}
	return strings.Join(names, "|"), true
}

// A probe is a template in which html/template gives {{.}} one chain of
// escapers: run on a string, it writes before + the escaped string +
// after.
type probe struct {
	tmpl          *template.Template
	before, after string
}

func (p probe) escape(s string) (string, bool) {
	var b strings.Builder
	if err := p.tmpl.Execute(&b, s); err != nil {
		return "", false
	}
	out, ok := strings.CutPrefix(b.String(), p.before)
	if !ok {
		return "", false
	}
	return strings.CutSuffix(out, p.after)
}

// probeTexts are the places a page's constants are written: text, a
// title, an attribute, and a link's address at its start and past it.
var probeTexts = []string{
	`{{.}}`,
	`<title>{{.}}</title>`,
	`<p title="{{.}}">`,
	`<a href="{{.}}">`,
	`<a href="/{{.}}">`,
}

// probeFor is every probe, by the chain of escapers it gives {{.}}, as
// html/template escapes it: learnt, not assumed.
var probeFor = sync.OnceValue(func() map[string]probe {
	probes := map[string]probe{}
	for _, text := range probeTexts {
		tmpl, err := template.New("probe").Parse(text)
		if err != nil {
			continue
		}
		if err := tmpl.Execute(io.Discard, ""); err != nil { // escapes it
			continue
		}
		before, after, _ := strings.Cut(text, "{{.}}")
		var chain string
		found := 0
		for _, n := range tmpl.Tree.Root.Nodes {
			if a, ok := n.(*parse.ActionNode); ok && len(a.Pipe.Cmds) > 1 {
				chain, ok = escaperChain(a.Pipe.Cmds[1:])
				if ok {
					found++
				}
			}
		}
		if found == 1 {
			if _, dup := probes[chain]; !dup {
				probes[chain] = probe{tmpl: tmpl, before: before, after: after}
			}
		}
	}
	return probes
})
