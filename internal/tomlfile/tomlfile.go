// Package tomlfile is the project's one door to the TOML library. It decodes
// strictly, because a typo in an editor's file must not pass silently: an
// unknown key, a value of the wrong type and a syntax error each become a
// diag.Problem with the line and column in the file the TOML came from, which
// may be a whole data file, a Markdown file's front matter or a fenced block.
package tomlfile

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"report/internal/diag"
)

// Doc is a decoded piece of TOML that still knows where it came from, so that
// later checks (an unknown cluster id, say) can point at the right line.
type Doc struct {
	Path      string // file the TOML is in, slash-separated, relative to the site root
	FirstLine int    // line of the file on which the TOML starts
	src       string
	lines     []string // split from src when a position is first asked for
	// src is decoded again for Defined, once, into md. The decoder's
	// metadata is not kept from the first decode: it is several times the
	// size of the TOML (at 10,000 case stories, 60 MB of a clean build's
	// 170 MB), and only a data file's unconfirmed list asks for it.
	once sync.Once
	md   toml.MetaData
}

// Reopen is the Doc of TOML that Decode decoded and checked before, such as
// a cache keeps with what it decoded: it finds positions as that Doc did,
// and decodes the TOML again only if Defined is asked. src is a string so
// that a cache's Doc can share the bytes of the file it was read from.
func Reopen(path string, firstLine int, src string) *Doc {
	return &Doc{Path: path, FirstLine: max(firstLine, 1), src: src}
}

// Source is the TOML the Doc was decoded from, for a cache to keep.
func (d *Doc) Source() string { return d.src }

// Decode decodes src into v. Problems go to problems; it reports whether the
// decode succeeded well enough for v to be used (unknown keys are reported
// but do not spoil v).
func Decode(path string, firstLine int, src []byte, v any, problems *diag.List) (*Doc, bool) {
	// A copy of its own: src is often a part of a whole file (a page's front
	// matter), which a Doc kept by a cache must not keep alive.
	doc := Reopen(path, firstLine, string(src))
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(v)
	if err != nil {
		line, col, key, msg := describe(err)
		if key != "" {
			// The library reports a type error on the table's last line; the
			// key's own line is more useful.
			if kl, kc := doc.find(strings.Split(key, ".")); kl > 0 {
				problems.Errorf(path, kl, kc, "%s", msg)
				return doc, false
			}
		}
		msg += decimalCommaHint(doc.line(line))
		problems.Errorf(path, doc.fileLine(line), col, "%s", msg)
		return doc, false
	}
	if _, whole := v.(*map[string]any); whole {
		// A map takes every key, yet the library lists the keys of its
		// subtables as undecoded.
		return doc, doc.controlEscapes(src, problems)
	}
	for _, key := range md.Undecoded() {
		line, col := doc.find(key)
		problems.Errorf(path, line, col, "unknown key %q; check its spelling against docs/content-model.md", key.String())
	}
	return doc, doc.controlEscapes(src, problems)
}

// Pos returns the file position of the key at the given path: Pos("quote",
// "person") finds `person = …` below `[quote]`. An index into an array of
// tables is given as a decimal string: Pos("metric", "3", "id").
func (d *Doc) Pos(path ...string) (line, col int) {
	if d == nil {
		return 0, 0
	}
	return d.find(path)
}

// Defined reports whether the TOML sets the key at the given path, as
// Defined("en", "publisher") for publisher below [en].
func (d *Doc) Defined(path ...string) bool {
	if d == nil {
		return false
	}
	d.once.Do(func() { d.md, _ = toml.Decode(d.src, &map[string]any{}) })
	return d.md.IsDefined(path...)
}

var tomlLineError = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

// describe turns the library's error into a position and a message that says
// what is wrong in an editor's words. key is set for type errors, whose line
// the library does not report precisely.
func describe(err error) (line, col int, key, msg string) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Position.Line, pe.Position.Col, "", "invalid TOML: " + pe.Message
	}
	m := tomlLineError.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, 0, "", "invalid TOML: " + strings.TrimPrefix(err.Error(), "toml: ")
	}
	line, _ = strconv.Atoi(m[1])
	key, text := m[2], m[3]
	name := key[strings.LastIndex(key, ".")+1:]
	if t := typeError.FindStringSubmatch(text); t != nil {
		return line, 0, key, fmt.Sprintf("%q must be %s, not %s", name, typeWords(t[2]), typeWords(t[1]))
	}
	if key != "" {
		return line, 0, "", fmt.Sprintf("%q: %s", name, text)
	}
	return line, 0, "", text
}

var typeError = regexp.MustCompile(`incompatible types: TOML value has type (\S+); destination has type (\S+)`)

// typeWords names a TOML or Go type the way an editor would.
func typeWords(t string) string {
	switch strings.TrimSuffix(t, ";") {
	case "string":
		return "text in quotes"
	case "int64", "integer":
		return "a whole number"
	case "float64", "float":
		return "a number"
	case "bool":
		return "true or false"
	case "[]interface", "slice", "array":
		return "a list in [ ]"
	case "map[string]interface", "struct", "map", "table":
		return "a table"
	default:
		return t
	}
}

var danishDecimal = regexp.MustCompile(`\d,\d`)

func decimalCommaHint(line string) string {
	if danishDecimal.MatchString(line) {
		return " (TOML numbers take a decimal point: write 257.6, not 257,6)"
	}
	return ""
}

// split makes the lines on first use: most documents never need a position.
func (d *Doc) split() {
	if d.lines == nil {
		d.lines = strings.Split(d.src, "\n")
	}
}

func (d *Doc) line(n int) string {
	d.split()
	if n < 1 || n > len(d.lines) {
		return ""
	}
	return d.lines[n-1]
}

func (d *Doc) fileLine(n int) int {
	if n < 1 {
		return 0
	}
	return d.FirstLine + n - 1
}

// find locates a key by scanning the source: the library keeps no positions
// for keys that decoded well. The table is matched by its header, the key by
// `name =` at the start of a line inside that table.
func (d *Doc) find(path []string) (line, col int) {
	if len(path) == 0 {
		return 0, 0
	}
	d.split()
	table, key, index := splitPath(path)
	inTable, seen := table == "", -1
	for i, raw := range d.lines {
		text := strings.TrimSpace(raw)
		if strings.HasPrefix(text, "[") {
			name := headerName(text)
			inTable = name == table
			if inTable {
				seen++
				if key == "" && (index < 0 || seen == index) {
					return d.fileLine(i + 1), indent(raw) + 1
				}
			}
			continue
		}
		if key != "" && inTable && (index < 0 || seen == index || table == "") && keyOf(text) == key {
			return d.fileLine(i + 1), indent(raw) + 1
		}
	}
	if key != "" {
		// The path may name a table rather than a key: [quote] or [[metric]].
		return d.find(append(path[:len(path):len(path)], ""))
	}
	return 0, 0
}

// splitPath reads ["metric", "3", "id"] as table "metric", element 3, key "id".
func splitPath(path []string) (table, key string, index int) {
	index = -1
	var parts []string
	for _, p := range path {
		if n, err := strconv.Atoi(p); err == nil {
			index = n
			continue
		}
		parts = append(parts, p)
	}
	if len(parts) > 0 && parts[len(parts)-1] == "" {
		return strings.Join(parts[:len(parts)-1], "."), "", index
	}
	if len(parts) == 0 {
		return "", "", index
	}
	return strings.Join(parts[:len(parts)-1], "."), parts[len(parts)-1], index
}

func headerName(text string) string {
	text = strings.TrimLeft(text, "[")
	if end := strings.Index(text, "]"); end >= 0 {
		text = text[:end]
	}
	return strings.Trim(strings.ReplaceAll(text, " ", ""), `"'`)
}

func keyOf(text string) string {
	name, _, ok := strings.Cut(text, "=")
	if !ok {
		return ""
	}
	return strings.Trim(strings.TrimSpace(name), `"'`)
}

func indent(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// Quote writes s as a TOML basic string, "…", as TOML 1.0 reads it: Go's
// %q would write a control character as \x7f, which TOML has no escape for.
// Text that is not UTF-8 is made so (TOML files are UTF-8).
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
