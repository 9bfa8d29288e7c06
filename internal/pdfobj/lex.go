package pdfobj

// The one lexer of PDF syntax (ISO 32000-1, 7.2 and 7.3). The objects of
// the file (value.go) and the operators of a page's content stream
// (artifact.go) are the same tokens read to different ends, so both read
// them here: a string, a name or a number means the same in either.

import (
	"fmt"
	"strconv"
)

type kind int

const (
	tEOF kind = iota
	tName
	tNumber
	tString     // a (literal) or <hex> string
	tKeyword    // any other run of regular characters: true, R, obj, an operator
	tDictOpen   // <<
	tDictClose  // >>
	tArrayOpen  // [
	tArrayClose // ]
	tProcOpen   // {, of a PostScript calculator function
	tProcClose  // }
)

// token is one token and where it stands: data[start:end].
type token struct {
	kind       kind
	text       string // a name or string decoded; a number or keyword as written
	start, end int
}

func (t token) is(k kind, text string) bool { return t.kind == k && t.text == text }

// lexer reads tokens from data, from pos on.
type lexer struct {
	data []byte
	pos  int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isRegular(c byte) bool { return !isSpace(c) && !isDelim(c) }

// skip passes white space and comments.
func (l *lexer) skip() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// next reads the next token; at the end of data it is a tEOF.
func (l *lexer) next() (token, error) {
	l.skip()
	start := l.pos
	if start >= len(l.data) {
		return token{kind: tEOF, start: start, end: start}, nil
	}
	t, err := l.token(l.data[start])
	if err != nil {
		return token{}, fmt.Errorf("offset %d: %w", start, err)
	}
	t.start, t.end = start, l.pos
	return t, nil
}

// token reads the token that begins with c.
func (l *lexer) token(c byte) (token, error) {
	two := func(d byte) bool { return l.pos+1 < len(l.data) && l.data[l.pos+1] == d }
	switch {
	case c == '<' && two('<'):
		l.pos += 2
		return token{kind: tDictOpen}, nil
	case c == '>' && two('>'):
		l.pos += 2
		return token{kind: tDictClose}, nil
	case c == '<':
		s, err := l.hexString()
		return token{kind: tString, text: s}, err
	case c == '(':
		s, err := l.literal()
		return token{kind: tString, text: s}, err
	case c == '/':
		l.pos++
		s, err := unescapeName(l.regular())
		return token{kind: tName, text: s}, err
	case c == '[':
		l.pos++
		return token{kind: tArrayOpen}, nil
	case c == ']':
		l.pos++
		return token{kind: tArrayClose}, nil
	case c == '{':
		l.pos++
		return token{kind: tProcOpen}, nil
	case c == '}':
		l.pos++
		return token{kind: tProcClose}, nil
	}
	word := l.regular()
	switch {
	case word == "":
		return token{}, fmt.Errorf("unexpected %q", c)
	case isNumber(word):
		return token{kind: tNumber, text: word}, nil
	}
	return token{kind: tKeyword, text: word}, nil
}

// regular reads a run of regular characters.
func (l *lexer) regular() string {
	start := l.pos
	for l.pos < len(l.data) && isRegular(l.data[l.pos]) {
		l.pos++
	}
	return string(l.data[start:l.pos])
}

// isNumber reports whether a word is a PDF number: a sign, digits, and at
// most one period, with a digit somewhere ("4", "-.5", "3."). Go's own
// parsers take more (1e5, Inf, 0x10), which PDF does not write.
func isNumber(w string) bool {
	if w != "" && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	digits, periods := 0, 0
	for i := 0; i < len(w); i++ {
		switch {
		case w[i] >= '0' && w[i] <= '9':
			digits++
		case w[i] == '.':
			periods++
		default:
			return false
		}
	}
	return digits > 0 && periods <= 1
}

// unescapeName decodes a name's #xx escapes (7.3.5); a # without two hex
// digits after it is not a name PDF 1.2 or later writes.
func unescapeName(s string) (string, error) {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] != '#' {
			b = append(b, s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", fmt.Errorf("the name /%s ends in a # escape cut short", s)
		}
		v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			return "", fmt.Errorf("the name /%s has a # not followed by two hex digits", s)
		}
		b = append(b, byte(v))
		i += 2
	}
	return string(b), nil
}
