package pdfobj

// Chromium writes the outline's titles from the headings' text as laid
// out, dropping the space where a heading wraps ("til danskevirksomheder");
// the print page's own headings give the titles their spaces back.

import (
	"slices"
	"strings"
	"unicode/utf16"
)

// spacedHeadings maps each heading, its spaces taken out, to the heading.
func spacedHeadings(headings []string) map[string]string {
	spaced := map[string]string{}
	for _, h := range headings {
		spaced[strings.Join(strings.Fields(h), "")] = h
	}
	return spaced
}

// fixTitle gives an outline item's title its heading's spaces back; o is
// the item, and s its bytes.
func fixTitle(o *object, s []byte, spaced map[string]string) []byte {
	d, _ := o.value.(map[string]any)
	if _, ok := d["Parent"]; !ok {
		return s
	}
	title, ok := d["Title"].(string)
	if !ok {
		return s
	}
	if u := utf16Text(title); u != "" {
		title = u
	}
	h, ok := spaced[strings.Join(strings.Fields(title), "")]
	if !ok || h == title {
		return s
	}
	from, to, ok := valueSpan(s, "Title")
	if !ok {
		return s
	}
	return slices.Concat(s[:from], []byte(textString(h)), s[to:])
}

// valueSpan finds where the value of key stands, s[from:to], in the
// dictionary of an object's bytes, s.
func valueSpan(s []byte, key string) (from, to int, ok bool) {
	p := newParser(s, 0)
	for range 3 { // "N 0 obj", which parse has read
		p.lex.next()
	}
	if t, err := p.lex.next(); err != nil || t.kind != tDictOpen {
		return 0, 0, false
	}
	for {
		k, err := p.lex.next()
		if err != nil || k.kind != tName {
			return 0, 0, false
		}
		p.lex.skip()
		from = p.lex.pos
		if _, err := p.value(); err != nil {
			return 0, 0, false
		}
		if k.text == key {
			return from, p.lex.pos, true
		}
	}
}

// utf16Text decodes a text string written in UTF-16BE with its byte order
// mark; it returns "" for any other string.
func utf16Text(s string) string {
	if len(s) < 2 || s[0] != 0xfe || s[1] != 0xff || len(s)%2 != 0 {
		return ""
	}
	u := make([]uint16, 0, len(s)/2-1)
	for i := 2; i < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}
