package pdf

// Chromium writes the outline's titles from the headings' text as laid
// out, dropping the space where a heading wraps ("til danskevirksomheder");
// the print page's own headings give the titles their spaces back.

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"unicode/utf16"

	"report/internal/render"
)

var (
	headingElem = regexp.MustCompile(`(?s)<h[1-6][^>]*>(.*?)</h[1-6]>`)
	anyTag      = regexp.MustCompile(`<[^>]*>`)
)

// headings are the texts of the print page's headings.
func headings(files []render.File) []string {
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		for _, m := range headingElem.FindAllSubmatch(f.Data, -1) {
			text := html.UnescapeString(anyTag.ReplaceAllString(string(m[1]), ""))
			out = append(out, strings.Join(strings.Fields(text), " "))
		}
	}
	return out
}

// spacedHeadings maps each heading, its spaces taken out, to the heading.
func spacedHeadings(headings []string) map[string]string {
	spaced := map[string]string{}
	for _, h := range headings {
		spaced[strings.Join(strings.Fields(h), "")] = h
	}
	return spaced
}

// fixTitle gives an outline item's title its heading's spaces back.
func fixTitle(s []byte, spaced map[string]string) []byte {
	if !bytes.Contains(s, []byte("/Parent")) {
		return s
	}
	at := bytes.Index(s, []byte("/Title"))
	if at < 0 {
		return s
	}
	p := &parser{data: s, pos: at + len("/Title")}
	p.skip()
	start := p.pos
	v, err := p.value()
	title, ok := v.(string)
	if err != nil || !ok {
		return s
	}
	if u := utf16Text(title); u != "" {
		title = u
	}
	h, ok := spaced[strings.Join(strings.Fields(title), "")]
	if !ok || h == title {
		return s
	}
	return slices.Concat(s[:start], []byte(textString(h)), s[p.pos:])
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
