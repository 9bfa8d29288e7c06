package pdf

// A reader for the PDFs Chromium writes: version 1.4 with a classic
// cross-reference table, every dictionary outside a stream in plain text.
// It reads what the print needs (the named destinations and the order of
// pages, for the contents' page numbers) and splits the file into the
// objects that finish rewrites. A file of another shape is refused, never
// guessed at.

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// file is a PDF split into its objects.
type file struct {
	data    []byte
	header  []byte         // "%PDF-1.4" and the binary comment
	offsets map[int]int    // object number → offset of "N 0 obj"
	order   []int          // object numbers by offset
	trailer map[string]any // the trailer dictionary
	xref    int            // offset of the cross-reference table
}

var (
	startXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	xrefSub   = regexp.MustCompile(`^(\d+) (\d+)\s*\n`)
)

// parse splits a PDF into its objects through its cross-reference table.
func parse(data []byte) (*file, error) {
	m := startXref.FindSubmatch(data)
	if m == nil {
		return nil, fmt.Errorf("no startxref at the end of the file")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(data) || !bytes.HasPrefix(data[xref:], []byte("xref")) {
		return nil, fmt.Errorf("no cross-reference table at offset %d (a cross-reference stream is not supported)", xref)
	}
	f := &file{data: data, offsets: map[int]int{}, xref: xref}
	pos, err := f.readXref()
	if err != nil {
		return nil, err
	}
	t := bytes.Index(data[pos:], []byte("trailer"))
	if t < 0 {
		return nil, fmt.Errorf("no trailer after the cross-reference table")
	}
	p := &parser{data: data, pos: pos + t + len("trailer")}
	tr, err := p.value()
	if err != nil {
		return nil, fmt.Errorf("the trailer: %w", err)
	}
	var ok bool
	if f.trailer, ok = tr.(map[string]any); !ok {
		return nil, fmt.Errorf("the trailer is not a dictionary")
	}
	slices.SortFunc(f.order, func(a, b int) int { return f.offsets[a] - f.offsets[b] })
	f.header = data[:f.offsets[f.order[0]]]
	return f, nil
}

// readXref reads the objects in use from the cross-reference table's
// sections, and returns where the table ends.
func (f *file) readXref() (int, error) {
	data := f.data
	pos := f.xref + len("xref")
	for pos < len(data) && (data[pos] == '\r' || data[pos] == '\n' || data[pos] == ' ') {
		pos++
	}
	for {
		sm := xrefSub.FindSubmatch(data[pos:])
		if sm == nil {
			return pos, nil
		}
		first, _ := strconv.Atoi(string(sm[1]))
		count, _ := strconv.Atoi(string(sm[2]))
		pos += len(sm[0])
		for i := range count {
			if pos+20 > len(data) {
				return 0, fmt.Errorf("the cross-reference table is cut short")
			}
			entry := data[pos : pos+20]
			pos += 20
			if entry[17] != 'n' {
				continue
			}
			off, err := strconv.Atoi(string(entry[:10]))
			if err != nil || off <= 0 || off >= f.xref {
				return 0, fmt.Errorf("object %d has a bad offset %q", first+i, entry[:10])
			}
			f.offsets[first+i] = off
			f.order = append(f.order, first+i)
		}
	}
}

// span is the bytes of an object, from "N 0 obj" to the next object or
// the cross-reference table.
func (f *file) span(num int) []byte {
	i := slices.Index(f.order, num)
	end := f.xref
	if i+1 < len(f.order) {
		end = f.offsets[f.order[i+1]]
	}
	return f.data[f.offsets[num]:end]
}

// object reads an object that is not a stream (or a stream's dictionary).
func (f *file) object(num int) (any, error) {
	off, ok := f.offsets[num]
	if !ok {
		return nil, fmt.Errorf("no object %d", num)
	}
	p := &parser{data: f.data, pos: off}
	for range 2 { // "N G"
		if _, err := p.value(); err != nil {
			return nil, err
		}
	}
	if !p.keyword("obj") {
		return nil, fmt.Errorf("object %d does not start with \"obj\"", num)
	}
	return p.value()
}

// resolve follows a reference.
func (f *file) resolve(v any) (any, error) {
	if r, ok := v.(ref); ok {
		return f.object(r.num)
	}
	return v, nil
}

func (f *file) dict(v any) (map[string]any, error) {
	v, err := f.resolve(v)
	if err != nil {
		return nil, err
	}
	d, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("a dictionary was expected, not %T", v)
	}
	return d, nil
}

// pages lists the page objects in order.
func (f *file) pages() ([]int, error) {
	root, err := f.dict(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	var out []int
	var walk func(v any, depth int) error
	walk = func(v any, depth int) error {
		r, ok := v.(ref)
		if !ok || depth > 32 {
			return fmt.Errorf("a bad page tree")
		}
		d, err := f.dict(r)
		if err != nil {
			return err
		}
		if d["Type"] == name("Page") {
			out = append(out, r.num)
			return nil
		}
		kids, _ := d["Kids"].([]any)
		for _, k := range kids {
			if err := walk(k, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(root["Pages"], 0)
}

// destinations maps each named destination to its page, counted from 1.
func (f *file) destinations() (map[string]int, error) {
	root, err := f.dict(f.trailer["Root"])
	if err != nil {
		return nil, err
	}
	pages, err := f.pages()
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	if root["Dests"] == nil {
		return out, nil
	}
	dests, err := f.dict(root["Dests"])
	if err != nil {
		return nil, err
	}
	for k, v := range dests {
		v, err := f.resolve(v)
		if err != nil {
			return nil, err
		}
		if d, ok := v.(map[string]any); ok {
			v = d["D"]
		}
		arr, ok := v.([]any)
		if !ok || len(arr) == 0 {
			continue
		}
		if r, ok := arr[0].(ref); ok {
			if i := slices.Index(pages, r.num); i >= 0 {
				out[k] = i + 1
			}
		}
	}
	return out, nil
}
