package pdfobj

// The two ways PDF writes a string (7.3.4), read for the lexer: a
// (literal string) with its escapes, and a <hex string>.

import "fmt"

// hexString reads a <hex string>; an odd last digit stands for its high
// half, as PDF says.
func (l *lexer) hexString() (string, error) {
	var out []byte
	half := -1
	for l.pos++; l.pos < len(l.data); l.pos++ {
		c := l.data[l.pos]
		if c == '>' {
			l.pos++
			if half >= 0 {
				out = append(out, byte(half<<4))
			}
			return string(out), nil
		}
		if isSpace(c) {
			continue
		}
		v, ok := hexDigit(c)
		if !ok {
			return "", fmt.Errorf("a hex string holds %q", c)
		}
		if half < 0 {
			half = v
		} else {
			out = append(out, byte(half<<4|v))
			half = -1
		}
	}
	return "", fmt.Errorf("an unclosed hex string")
}

func hexDigit(c byte) (int, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0'), true
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10, true
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10, true
	}
	return 0, false
}

// literal reads a (literal string), with its escapes and balanced
// parentheses. An end of line in it, escaped or not, is read as PDF says
// (7.3.4.2): an escaped one is nothing, any other a line feed.
func (l *lexer) literal() (string, error) {
	depth := 1
	var b []byte
	for l.pos++; l.pos < len(l.data); {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '\\':
			if l.pos >= len(l.data) {
				return "", fmt.Errorf("an unclosed string")
			}
			b = l.escape(b)
		case '\r':
			l.crlf()
			b = append(b, '\n')
		case '(':
			depth++
			b = append(b, c)
		case ')':
			if depth--; depth == 0 {
				return string(b), nil
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return "", fmt.Errorf("an unclosed string")
}

// escape reads the escape after a backslash in a literal string and
// appends what it stands for to b.
func (l *lexer) escape(b []byte) []byte {
	e := l.data[l.pos]
	l.pos++
	switch e {
	case 'n':
		return append(b, '\n')
	case 'r':
		return append(b, '\r')
	case 't':
		return append(b, '\t')
	case 'b':
		return append(b, '\b')
	case 'f':
		return append(b, '\f')
	case '\r':
		l.crlf()
		return b
	case '\n':
		return b
	}
	if e < '0' || e > '7' {
		return append(b, e) // \( \) \\, and a backslash PDF says to ignore
	}
	v := int(e - '0')
	for i := 0; i < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; i++ {
		v = v*8 + int(l.data[l.pos]-'0')
		l.pos++
	}
	return append(b, byte(v)) // \ddd: a high-order overflow is ignored
}

// crlf passes the line feed of a CR LF whose CR has been read.
func (l *lexer) crlf() {
	if l.pos < len(l.data) && l.data[l.pos] == '\n' {
		l.pos++
	}
}
