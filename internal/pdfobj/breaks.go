package pdfobj

// Where a print broke its pages badly, read from the PDF's structure tree,
// which knows each element's pages: a heading left as the last thing on
// its page, a table row or a chart split over two pages. The print's
// stylesheet asks the browser for none of these (static/css/print.css);
// this is how a print is held to it.

import (
	"fmt"
	"slices"
)

// BreakProblem is one bad page break: the page it is on, counted from 1,
// and what is wrong there.
type BreakProblem struct {
	Page int
	What string
}

func (p BreakProblem) String() string { return fmt.Sprintf("page %d: %s", p.Page, p.What) }

// maxStructDepth bounds the walk of a structure tree, which a well-made
// PDF keeps a few dozen levels deep.
const maxStructDepth = 256

// element is a structure element and the pages its content lies on.
type element struct {
	role        string
	head        bool // a table's head row, which each page of the table repeats
	first, last int  // pages, from 1; 0 when it has no content
	// from and to are the element's content in the document's order of
	// content (see marks): marks[from:to] are its and its descendants'.
	from, to int
}

// structure is a PDF's structure tree read for its page breaks.
type structure struct {
	f        *File
	pageNo   map[int]int  // page object number → page, from 1
	elements []*element   // in the document's order
	marks    []int        // the page of each piece of marked content, in order
	seen     map[int]bool // the objects walked, so that a cycle ends
}

// Breaks reads a tagged PDF's structure tree and lists its bad page
// breaks: a heading or a label (a definition list's term) with nothing
// after it on its page (its next content is on a later one), and a table
// row or a figure (a chart) that runs over two pages.
func Breaks(data []byte) ([]BreakProblem, error) {
	f, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	out, err := f.breaks()
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return out, nil
}

// breaks reads the structure tree for its bad breaks.
func (f *File) breaks() ([]BreakProblem, error) {
	pages, err := f.pages()
	if err != nil {
		return nil, err
	}
	s := &structure{f: f, pageNo: map[int]int{}, seen: map[int]bool{}}
	for i, p := range pages {
		s.pageNo[p] = i + 1
	}
	root, err := f.dict(f.trailer["Root"])
	if err != nil {
		return nil, fmt.Errorf("the catalog: %w", err)
	}
	if root["StructTreeRoot"] == nil {
		return nil, fmt.Errorf("the PDF is not tagged: it has no structure tree")
	}
	tree, err := f.dict(root["StructTreeRoot"])
	if err != nil {
		return nil, fmt.Errorf("the structure tree: %w", err)
	}
	if err := s.kids(tree["K"], 0, 0, false); err != nil {
		return nil, fmt.Errorf("the structure tree: %w", err)
	}
	var out []BreakProblem
	for _, e := range s.elements {
		switch {
		case e.first == 0:
		case isHeading(e.role) || e.role == "Lbl":
			if e.to < len(s.marks) && s.marks[e.to] > e.last {
				what := "a heading"
				if e.role == "Lbl" {
					what = "a label (a term of a definition list, say)"
				}
				out = append(out, BreakProblem{e.last, fmt.Sprintf("%s is the last thing on the page; what follows it begins on page %d", what, s.marks[e.to])})
			}
		case e.role == "TR" && !e.head && e.last > e.first:
			out = append(out, BreakProblem{e.first, fmt.Sprintf("a table row runs over onto page %d", e.last)})
		case e.role == "Figure" && e.last > e.first:
			out = append(out, BreakProblem{e.first, fmt.Sprintf("a figure runs over onto page %d", e.last)})
		}
	}
	slices.SortStableFunc(out, func(a, b BreakProblem) int { return a.Page - b.Page })
	return out, nil
}

// isHeading reports whether a role is a heading's: Chromium tags every
// heading H; the standard also has H1–H6.
func isHeading(role string) bool {
	return role == "H" || len(role) == 2 && role[0] == 'H' && role[1] >= '1' && role[1] <= '6'
}

// kids walks the kids of a structure element (or of the tree's root):
// marked content on page, marked-content references, and elements.
func (s *structure) kids(k any, page, depth int, head bool) error {
	if depth > maxStructDepth {
		return fmt.Errorf("it is more than %d levels deep", maxStructDepth)
	}
	switch k := k.(type) {
	case nil:
		return nil
	case []any:
		for _, kid := range k {
			if err := s.kids(kid, page, depth, head); err != nil {
				return err
			}
		}
		return nil
	case int:
		if page == 0 {
			return fmt.Errorf("marked content %d of an element that names no page", k)
		}
		s.marks = append(s.marks, page)
		return nil
	}
	if r, ok := k.(ref); ok {
		if s.seen[r.num] {
			return fmt.Errorf("it holds object %d twice", r.num)
		}
		s.seen[r.num] = true
	}
	v, err := s.f.resolve(k)
	if err != nil {
		return err
	}
	d, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("a structure element's kid is %s", kindOf(v))
	}
	if p, ok := d["Pg"].(ref); ok {
		page = s.pageNo[p.num]
	}
	switch d["Type"] {
	case name("MCR"):
		return s.kids(d["MCID"], page, depth, head)
	case name("OBJR"):
		return nil // an annotation (a link), which has no content of its own
	}
	role, _ := d["S"].(name)
	e := &element{role: string(role), head: head || role == "THead", from: len(s.marks)}
	s.elements = append(s.elements, e)
	first := len(s.elements)
	if err := s.kids(d["K"], page, depth+1, e.head); err != nil {
		return err
	}
	if role == "TR" && !e.head {
		// Chromium tags no THead: a row of header cells alone is the head.
		e.head = true
		for _, c := range s.elements[first:] {
			if c.role == "TD" {
				e.head = false
			}
		}
	}
	e.to = len(s.marks)
	if e.to > e.from {
		e.first, e.last = slices.Min(s.marks[e.from:e.to]), slices.Max(s.marks[e.from:e.to])
	}
	return nil
}
