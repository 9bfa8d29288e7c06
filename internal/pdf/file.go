package pdf

// A reader and rewriter for the PDFs Chromium writes: version 1.4 with a
// classic cross-reference table, every dictionary outside a stream in
// plain text. It reads what the print needs (the named destinations and
// the order of pages, for the contents' page numbers) and rewrites the
// file whole with the document information and XMP metadata set, and with
// what differs from run to run made the same. A file of another shape is
// refused, never guessed at.

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

// ref is an indirect reference, "12 0 R".
type ref struct{ num, gen int }

// name is a PDF name, without its slash.
type name string

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
	pos := xref + len("xref")
	for pos < len(data) && (data[pos] == '\r' || data[pos] == '\n' || data[pos] == ' ') {
		pos++
	}
	for {
		sm := xrefSub.FindSubmatch(data[pos:])
		if sm == nil {
			break
		}
		first, _ := strconv.Atoi(string(sm[1]))
		count, _ := strconv.Atoi(string(sm[2]))
		pos += len(sm[0])
		for i := range count {
			if pos+20 > len(data) {
				return nil, fmt.Errorf("the cross-reference table is cut short")
			}
			entry := data[pos : pos+20]
			pos += 20
			if entry[17] != 'n' {
				continue
			}
			off, err := strconv.Atoi(string(entry[:10]))
			if err != nil || off <= 0 || off >= xref {
				return nil, fmt.Errorf("object %d has a bad offset %q", first+i, entry[:10])
			}
			f.offsets[first+i] = off
			f.order = append(f.order, first+i)
		}
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

// parser reads PDF values from plain text.
type parser struct {
	data []byte
	pos  int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

func (p *parser) skip() {
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if isSpace(c) {
			p.pos++
		} else if c == '%' {
			for p.pos < len(p.data) && p.data[p.pos] != '\n' && p.data[p.pos] != '\r' {
				p.pos++
			}
		} else {
			return
		}
	}
}

func (p *parser) keyword(k string) bool {
	p.skip()
	if bytes.HasPrefix(p.data[p.pos:], []byte(k)) {
		p.pos += len(k)
		return true
	}
	return false
}

func (p *parser) regular() string {
	start := p.pos
	for p.pos < len(p.data) && !isSpace(p.data[p.pos]) && !isDelim(p.data[p.pos]) {
		p.pos++
	}
	return string(p.data[start:p.pos])
}

// value reads one value; a number followed by "G R" is a reference.
func (p *parser) value() (any, error) {
	p.skip()
	if p.pos >= len(p.data) {
		return nil, fmt.Errorf("unexpected end of file")
	}
	switch c := p.data[p.pos]; {
	case c == '/':
		p.pos++
		return name(unescapeName(p.regular())), nil
	case bytes.HasPrefix(p.data[p.pos:], []byte("<<")):
		p.pos += 2
		d := map[string]any{}
		for {
			p.skip()
			if bytes.HasPrefix(p.data[p.pos:], []byte(">>")) {
				p.pos += 2
				return d, nil
			}
			k, err := p.value()
			if err != nil {
				return nil, err
			}
			key, ok := k.(name)
			if !ok {
				return nil, fmt.Errorf("a dictionary key is not a name at offset %d", p.pos)
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			d[string(key)] = v
		}
	case c == '<':
		end := bytes.IndexByte(p.data[p.pos:], '>')
		if end < 0 {
			return nil, fmt.Errorf("an unclosed hex string")
		}
		s := p.data[p.pos+1 : p.pos+end]
		p.pos += end + 1
		return hexString(s), nil
	case c == '(':
		return p.literal()
	case c == '[':
		p.pos++
		var arr []any
		for {
			p.skip()
			if p.pos < len(p.data) && p.data[p.pos] == ']' {
				p.pos++
				return arr, nil
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
	default:
		word := p.regular()
		if word == "" {
			return nil, fmt.Errorf("unexpected %q at offset %d", c, p.pos)
		}
		if n, err := strconv.Atoi(word); err == nil {
			// "N G R" is a reference: look ahead without moving on.
			save := p.pos
			p.skip()
			g := p.regular()
			if gen, err := strconv.Atoi(g); err == nil {
				p.skip()
				if p.pos < len(p.data) && p.data[p.pos] == 'R' && (p.pos+1 == len(p.data) || isSpace(p.data[p.pos+1]) || isDelim(p.data[p.pos+1])) {
					p.pos++
					return ref{n, gen}, nil
				}
			}
			p.pos = save
			return n, nil
		}
		if f, err := strconv.ParseFloat(word, 64); err == nil {
			return f, nil
		}
		switch word {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		return nil, fmt.Errorf("unexpected %q at offset %d", word, p.pos)
	}
}

// literal reads a (string), with its escapes and balanced parentheses.
func (p *parser) literal() (string, error) {
	p.pos++ // (
	depth := 1
	var b []byte
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		p.pos++
		switch c {
		case '\\':
			if p.pos >= len(p.data) {
				return "", fmt.Errorf("an unclosed string")
			}
			e := p.data[p.pos]
			p.pos++
			switch e {
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case '\r', '\n':
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for i := 0; i < 2 && p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '7'; i++ {
						v = v*8 + int(p.data[p.pos]-'0')
						p.pos++
					}
					b = append(b, byte(v))
				} else {
					b = append(b, e)
				}
			}
		case '(':
			depth++
			b = append(b, c)
		case ')':
			depth--
			if depth == 0 {
				return string(b), nil
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return "", fmt.Errorf("an unclosed string")
}

func hexString(s []byte) string {
	var digits []byte
	for _, c := range s {
		if !isSpace(c) {
			digits = append(digits, c)
		}
	}
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, len(digits)/2)
	for i := range out {
		v, _ := strconv.ParseUint(string(digits[2*i:2*i+2]), 16, 8)
		out[i] = byte(v)
	}
	return string(out)
}

// unescapeName decodes #xx in a name.
func unescapeName(s string) string {
	if !bytes.Contains([]byte(s), []byte("#")) {
		return s
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil {
				b = append(b, byte(v))
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}
