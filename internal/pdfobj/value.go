package pdfobj

// The values of a PDF's objects (7.3): dictionaries, arrays, names,
// strings, numbers, booleans, null and references, read from the lexer's
// tokens. A dictionary is a map[string]any by its keys' names without the
// slash, an array a []any, a string a Go string of its bytes, a number an
// int or a float64.

import (
	"fmt"
	"strconv"
	"strings"
)

// ref is an indirect reference, "12 0 R".
type ref struct{ num, gen int }

// name is a PDF name, without its slash.
type name string

// maxNesting bounds how deep arrays and dictionaries nest in one object.
// Chromium nests a few levels (the structure tree's elements are objects
// of their own); a deeper file is not one of its, and reading it would
// only spend the stack.
const maxNesting = 64

// parser reads values from a lexer's tokens.
type parser struct {
	lex   lexer
	depth int
}

func newParser(data []byte, pos int) *parser {
	return &parser{lex: lexer{data: data, pos: pos}}
}

// value reads one value; a number followed by "G R" is a reference.
func (p *parser) value() (any, error) {
	t, err := p.lex.next()
	if err != nil {
		return nil, err
	}
	return p.valueFrom(t)
}

// valueFrom reads the value that begins with the token t.
func (p *parser) valueFrom(t token) (any, error) {
	switch t.kind {
	case tName:
		return name(t.text), nil
	case tString:
		return t.text, nil
	case tNumber:
		return p.number(t)
	case tDictOpen, tArrayOpen:
		if p.depth++; p.depth > maxNesting {
			return nil, fmt.Errorf("offset %d: arrays and dictionaries nested more than %d deep", t.start, maxNesting)
		}
		defer func() { p.depth-- }()
		if t.kind == tDictOpen {
			return p.dictionary(t)
		}
		return p.array()
	case tKeyword:
		switch t.text {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
	}
	return nil, fmt.Errorf("offset %d: %s where a value was expected", t.start, describe(t))
}

// describe names a token for a message.
func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "the end of the data"
	case tName:
		return "the name /" + t.text
	case tNumber, tKeyword:
		return strconv.Quote(t.text)
	case tString:
		return "a string"
	case tDictOpen:
		return `"<<"`
	case tDictClose:
		return `">>"`
	case tArrayOpen:
		return `"["`
	case tArrayClose:
		return `"]"`
	}
	return "a PostScript brace"
}

// number reads a number, or a reference if "G R" follows it.
func (p *parser) number(t token) (any, error) {
	if strings.Contains(t.text, ".") {
		f, err := strconv.ParseFloat(t.text, 64)
		if err != nil {
			return nil, fmt.Errorf("offset %d: the number %s: %w", t.start, t.text, err)
		}
		return f, nil
	}
	n, err := strconv.Atoi(t.text)
	if err != nil {
		return nil, fmt.Errorf("offset %d: the integer %s is out of range", t.start, t.text)
	}
	if r, ok := p.reference(n); ok {
		return r, nil
	}
	return n, nil
}

// reference reads the rest of "N G R" after the number n, if that is what
// follows; if not, it reads nothing.
func (p *parser) reference(n int) (ref, bool) {
	save := p.lex.pos
	if n >= 0 {
		if g, err := p.lex.next(); err == nil {
			if gen, ok := objectNumber(g); ok {
				if r, err := p.lex.next(); err == nil && r.is(tKeyword, "R") {
					return ref{n, gen}, true
				}
			}
		}
	}
	p.lex.pos = save
	return ref{}, false
}

// objectNumber reads a token that is an object or generation number:
// digits alone, no sign or period.
func objectNumber(t token) (int, bool) {
	if t.kind != tNumber || strings.ContainsAny(t.text, "+-.") {
		return 0, false
	}
	n, err := strconv.Atoi(t.text)
	return n, err == nil
}

// dictionary reads a <<dictionary>> whose "<<" is open.
func (p *parser) dictionary(open token) (map[string]any, error) {
	d := map[string]any{}
	for {
		t, err := p.lex.next()
		if err != nil {
			return nil, err
		}
		if t.kind == tDictClose {
			return d, nil
		}
		if t.kind != tName {
			return nil, fmt.Errorf("offset %d: a dictionary key is %s, not a name", t.start, describe(t))
		}
		if _, ok := d[t.text]; ok {
			return nil, fmt.Errorf("offset %d: the dictionary at offset %d has /%s twice", t.start, open.start, t.text)
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		d[t.text] = v
	}
}

// array reads an [array] whose "[" is open.
func (p *parser) array() ([]any, error) {
	arr := []any{}
	for {
		t, err := p.lex.next()
		if err != nil {
			return nil, err
		}
		if t.kind == tArrayClose {
			return arr, nil
		}
		v, err := p.valueFrom(t)
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
	}
}
