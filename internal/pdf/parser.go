package pdf

// The values of a PDF as they stand in its plain text, outside any stream:
// dictionaries, arrays, names, strings, numbers and references. The reader
// of the file's objects (file.go) and of the page content streams
// (artifact.go) both read with it.

import (
	"bytes"
	"fmt"
	"strconv"
)

// ref is an indirect reference, "12 0 R".
type ref struct{ num, gen int }

// name is a PDF name, without its slash.
type name string

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
		return p.dictionary()
	case c == '<':
		return p.hexString()
	case c == '(':
		return p.literal()
	case c == '[':
		return p.array()
	default:
		return p.word(c)
	}
}

// dictionary reads a <<dictionary>> as a map[string]any, by its keys'
// names without the slash.
func (p *parser) dictionary() (any, error) {
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
}

// hexString reads a <hex string> as a string.
func (p *parser) hexString() (any, error) {
	end := bytes.IndexByte(p.data[p.pos:], '>')
	if end < 0 {
		return nil, fmt.Errorf("an unclosed hex string")
	}
	s := p.data[p.pos+1 : p.pos+end]
	p.pos += end + 1
	return decodeHex(s), nil
}

// array reads an [array] as a []any.
func (p *parser) array() (any, error) {
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
}

// word reads a number, a reference, true, false or null; c is its first
// byte, for the message if it is none of these.
func (p *parser) word(c byte) (any, error) {
	word := p.regular()
	if word == "" {
		return nil, fmt.Errorf("unexpected %q at offset %d", c, p.pos)
	}
	if n, err := strconv.Atoi(word); err == nil {
		if r, ok := p.reference(n); ok {
			return r, nil
		}
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

// reference reads the rest of "N G R" after the number n, if that is what
// follows; if not, it reads nothing.
func (p *parser) reference(n int) (ref, bool) {
	save := p.pos
	p.skip()
	g := p.regular()
	if gen, err := strconv.Atoi(g); err == nil {
		p.skip()
		if p.pos < len(p.data) && p.data[p.pos] == 'R' && (p.pos+1 == len(p.data) || isSpace(p.data[p.pos+1]) || isDelim(p.data[p.pos+1])) {
			p.pos++
			return ref{n, gen}, true
		}
	}
	p.pos = save
	return ref{}, false
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

// decodeHex decodes a hex string's digits, skipping spaces; an odd last
// digit stands for its high half, as PDF says.
func decodeHex(s []byte) string {
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
