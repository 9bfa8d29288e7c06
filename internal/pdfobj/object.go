package pdfobj

// One indirect object (7.3.10), read whole: "N 0 obj", its value, and
// "endobj", or a stream's dictionary, its data and "endstream" and
// "endobj" (7.3.8), with nothing but white space to the next object.

import (
	"bytes"
	"fmt"
)

// readObject reads object num at start; data ends where the next object
// (or the cross-reference table) begins.
func readObject(data []byte, num, start int) (*object, error) {
	p := newParser(data, start)
	n, err1 := p.lex.next()
	g, err2 := p.lex.next()
	o, err3 := p.lex.next()
	if err1 != nil || err2 != nil || err3 != nil || !isInt(n, num) || !isInt(g, 0) || !o.is(tKeyword, "obj") {
		return nil, fmt.Errorf("it does not begin with \"%d 0 obj\"", num)
	}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	obj := &object{num: num, start: start, end: len(data), value: v, valueEnd: p.lex.pos}
	t, err := p.lex.next()
	if err != nil {
		return nil, err
	}
	if t.is(tKeyword, "stream") {
		if err := obj.readStream(p); err != nil {
			return nil, err
		}
		if t, err = p.lex.next(); err != nil {
			return nil, err
		}
	}
	if !t.is(tKeyword, "endobj") {
		return nil, fmt.Errorf("offset %d: %s where \"endobj\" was expected", t.start, describe(t))
	}
	if err := onlyComments(data, p.lex.pos); err != nil {
		return nil, fmt.Errorf("after endobj: %w", err)
	}
	return obj, nil
}

// readStream reads a stream's data, whose "stream" keyword p has just
// read, and the "endstream" after it.
func (o *object) readStream(p *parser) error {
	dict, ok := o.value.(map[string]any)
	if !ok {
		return fmt.Errorf("a stream's dictionary is %s", kindOf(o.value))
	}
	length, ok := dict["Length"].(int)
	if !ok || length < 0 {
		return fmt.Errorf("the stream's /Length is not a number of bytes")
	}
	if err := checkFilters(dict["Filter"]); err != nil {
		return err
	}
	data, pos := p.lex.data, p.lex.pos
	switch {
	case bytes.HasPrefix(data[pos:], []byte("\r\n")):
		pos += 2
	case pos < len(data) && data[pos] == '\n':
		pos++
	default:
		return fmt.Errorf("offset %d: no end of line after \"stream\"", pos)
	}
	if length > len(data)-pos {
		return fmt.Errorf("the stream's /Length %d runs past the object's end", length)
	}
	o.isStream, o.stream = true, data[pos:pos+length]
	p.lex.pos = pos + length
	if t, err := p.lex.next(); err != nil || !t.is(tKeyword, "endstream") {
		return fmt.Errorf("the stream's /Length %d does not end where \"endstream\" begins", length)
	}
	return nil
}

// filters are the standard filters of PDF (7.4), but Crypt, which only an
// encrypted file has; a stream with any other is refused.
var filters = map[name]bool{
	"ASCIIHexDecode": true, "ASCII85Decode": true, "LZWDecode": true, "FlateDecode": true,
	"RunLengthDecode": true, "CCITTFaxDecode": true, "JBIG2Decode": true, "DCTDecode": true,
	"JPXDecode": true,
}

// checkFilters holds a stream's /Filter, none, a name or an array of names,
// to the standard filters.
func checkFilters(v any) error {
	var list []any
	switch v := v.(type) {
	case nil:
	case []any:
		list = v
	default:
		list = []any{v}
	}
	for _, f := range list {
		n, ok := f.(name)
		if !ok {
			return fmt.Errorf("the stream's /Filter is %s, not a name", kindOf(f))
		}
		if !filters[n] {
			return fmt.Errorf("the stream filter /%s is not supported", n)
		}
	}
	return nil
}
