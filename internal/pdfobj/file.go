package pdfobj

// A reader for the PDFs Chromium writes: a classic cross-reference table
// (no cross-reference stream, no object streams, no update appended, no
// encryption), every object of generation 0, every dictionary outside a
// stream in plain text. It reads every object whole as it splits the file
// into them, so that each byte of the file is accounted for: a file of
// another shape is refused with an error, never guessed at.

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// File is a PDF read into its objects.
type File struct {
	data    []byte
	header  []byte // "%PDF-1.4" and the binary comment
	objects map[int]*object
	order   []int          // object numbers by offset
	trailer map[string]any // the trailer dictionary
	xref    int            // offset of the cross-reference table
}

// object is an indirect object: its bytes, data[start:end], run from
// "N 0 obj" to the next object or the cross-reference table.
type object struct {
	num        int
	start, end int
	value      any // a stream's dictionary, for a stream
	valueEnd   int // where the value ends
	isStream   bool
	stream     []byte // a stream's data, as it stands in the file
}

var startXref = regexp.MustCompile(`startxref\s+(\d{1,12})\s+%%EOF\s*$`)

// Parse reads a PDF of the shape Chromium writes into its objects.
func Parse(data []byte) (*File, error) {
	f, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return f, nil
}

func parse(data []byte) (*File, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, fmt.Errorf("the file does not begin with %%PDF-")
	}
	m := startXref.FindSubmatch(data)
	if m == nil {
		return nil, fmt.Errorf("no startxref at the end of the file")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref >= len(data) || !bytes.HasPrefix(data[xref:], []byte("xref")) {
		return nil, fmt.Errorf("xref at offset %d: no cross-reference table there (a cross-reference stream is not supported)", xref)
	}
	f := &File{data: data, xref: xref, objects: map[int]*object{}}
	table, err := readXref(data, xref)
	if err != nil {
		return nil, fmt.Errorf("xref at offset %d: %w", xref, err)
	}
	if err := f.readTrailer(table); err != nil {
		return nil, fmt.Errorf("the trailer at offset %d: %w", table.end, err)
	}
	offsets := table.offsets
	for num := range offsets {
		f.order = append(f.order, num)
	}
	slices.SortFunc(f.order, func(a, b int) int { return offsets[a] - offsets[b] })
	first := offsets[f.order[0]]
	if err := onlyComments(data[:first], 0); err != nil {
		return nil, fmt.Errorf("before the first object, at offset %d: %w", first, err)
	}
	f.header = data[:first]
	for i, num := range f.order {
		end := xref
		if i+1 < len(f.order) {
			end = offsets[f.order[i+1]]
		}
		if end == offsets[num] {
			return nil, fmt.Errorf("xref at offset %d: objects %d and %d both at offset %d", xref, num, f.order[i+1], end)
		}
		o, err := readObject(data[:end], num, offsets[num])
		if err != nil {
			return nil, fmt.Errorf("object %d at offset %d: %w", num, offsets[num], err)
		}
		f.objects[num] = o
	}
	return f, nil
}

// onlyComments checks that data holds white space and comments alone from
// pos on.
func onlyComments(data []byte, pos int) error {
	l := lexer{data: data, pos: pos}
	t, err := l.next()
	if err == nil && t.kind != tEOF {
		err = fmt.Errorf("offset %d: %s, where nothing but white space and comments may stand", t.start, describe(t))
	}
	return err
}

// trailerKeys are the keys of the trailer this reader knows. /Prev (an
// update appended), /XRefStm and /Encrypt, among others, mean a file of
// another shape.
var trailerKeys = map[string]bool{"Size": true, "Root": true, "Info": true}

// readTrailer reads the trailer dictionary after the cross-reference
// table, and the startxref after it, and holds the table to its /Size.
func (f *File) readTrailer(table *table) error {
	p := newParser(f.data, table.end)
	if t, err := p.lex.next(); err != nil || !t.is(tKeyword, "trailer") {
		return fmt.Errorf("no \"trailer\" after the cross-reference table")
	}
	v, err := p.value()
	if err != nil {
		return err
	}
	tr, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("not a dictionary")
	}
	for k := range tr {
		if !trailerKeys[k] {
			return fmt.Errorf("/%s is not supported", k)
		}
	}
	if t, err := p.lex.next(); err != nil || !t.is(tKeyword, "startxref") {
		return fmt.Errorf("no startxref after the dictionary")
	}
	if t, err := p.lex.next(); err != nil || !isInt(t, f.xref) {
		return fmt.Errorf("the startxref after the dictionary is not the file's last")
	}
	if err := onlyComments(f.data, p.lex.pos); err != nil {
		return fmt.Errorf("after startxref: %w", err)
	}
	size, ok := tr["Size"].(int)
	if !ok {
		return fmt.Errorf("/Size is %s, not a number", kindOf(tr["Size"]))
	}
	if size != table.entries {
		return fmt.Errorf("/Size is %d, but the table has entries for %d objects", size, table.entries)
	}
	if _, ok := tr["Root"].(ref); !ok {
		return fmt.Errorf("/Root is not a reference")
	}
	if info, ok := tr["Info"]; ok {
		if r, ok := info.(ref); !ok || r == tr["Root"] {
			return fmt.Errorf("/Info is not a reference to an object of its own")
		}
	}
	f.trailer = tr
	return nil
}

// isOffset reports whether t is the number off.
func isInt(t token, n int) bool {
	v, ok := objectNumber(t)
	return ok && v == n
}

// object reads the value of an object (a stream's dictionary, for a
// stream).
func (f *File) object(num int) (any, error) {
	o, ok := f.objects[num]
	if !ok {
		return nil, fmt.Errorf("no object %d", num)
	}
	return o.value, nil
}

// resolve follows a reference.
func (f *File) resolve(v any) (any, error) {
	if r, ok := v.(ref); ok {
		return f.object(r.num)
	}
	return v, nil
}

// dict reads v, or the object it refers to, as a dictionary.
func (f *File) dict(v any) (map[string]any, error) {
	v, err := f.resolve(v)
	if err != nil {
		return nil, err
	}
	d, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("a dictionary was expected, not %s", kindOf(v))
	}
	return d, nil
}

// kindOf names a value's kind for a message.
func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "a dictionary"
	case []any:
		return "an array"
	case name:
		return "a name"
	case string:
		return "a string"
	case int, float64:
		return "a number"
	case bool:
		return "a boolean"
	case ref:
		return "a reference"
	}
	return fmt.Sprintf("%T", v)
}

// span is an object's bytes.
func (f *File) span(num int) []byte {
	o := f.objects[num]
	return f.data[o.start:o.end]
}
