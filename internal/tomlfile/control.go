package tomlfile

import (
	"strconv"
	"unicode/utf8"

	"report/internal/diag"
)

// TOML forbids control characters written as they are in a string, but
// lets an escape write any: "\u0001", "\b". A title or a figure's label
// holding one would reach the pages, where HTML reads it as an error, and
// the feed and the PDF, where it breaks them. Every string of every file
// comes through Decode, so the escapes are refused here, for front matter
// and data alike, at the escape's own line and column.

// controlEscapes reports every escape in src's basic strings that writes
// a control character other than a tab or a line end.
func (doc *Doc) controlEscapes(src []byte, problems *diag.List) bool {
	ok := true
	line, lineStart := 1, 0
	report := func(at int, what string) {
		ok = false
		col := utf8.RuneCount(src[lineStart:at]) + 1
		problems.Errorf(doc.Path, doc.fileLine(line), col, "%s writes a control character, which no page can show; remove it", what)
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n':
			line, lineStart = line+1, i+1
		case c == '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '\'':
			// A literal string knows no escapes: skip to its end.
			end := "'"
			if i+2 < len(src) && src[i+1] == '\'' && src[i+2] == '\'' {
				end, i = "'''", i+2
			}
			for i+1 < len(src) && string(src[i+1:min(i+1+len(end), len(src))]) != end {
				i++
				if src[i] == '\n' {
					line, lineStart = line+1, i+1
				}
			}
			i += len(end)
		case c == '"':
			end := `"`
			if i+2 < len(src) && src[i+1] == '"' && src[i+2] == '"' {
				end, i = `"""`, i+2
			}
			for i+1 < len(src) && string(src[i+1:min(i+1+len(end), len(src))]) != end {
				i++
				switch src[i] {
				case '\n':
					line, lineStart = line+1, i+1
				case '\\':
					if i+1 >= len(src) {
						continue
					}
					at := i
					i++
					switch src[i] {
					case 'b', 'f':
						report(at, string(src[at:i+1]))
					case 'u', 'U':
						n := 4
						if src[i] == 'U' {
							n = 8
						}
						if i+n >= len(src) {
							continue
						}
						r, err := strconv.ParseUint(string(src[i+1:i+1+n]), 16, 32)
						if err == nil && isControl(rune(r)) {
							report(at, string(src[at:i+1+n]))
						}
						i += n
					}
				}
			}
			i += len(end)
		}
	}
	return ok
}

// isControl reports whether r is a control character a page cannot show:
// C0 but tab and line ends, DEL, and C1.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f
}
