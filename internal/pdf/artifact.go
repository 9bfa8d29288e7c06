package pdf

// PDF/UA asks that every mark on a page be either real content, tagged in
// the structure tree, or an artifact. Chromium tags the page's content but
// draws the page margins (the running heads and page numbers of the
// @page margin boxes) and some of the page's own lines outside any marked
// content: a checker counts them as untagged content, and a reader may
// read them out in the middle of a sentence. markArtifacts wraps each of
// them, text and painted paths alike, in an /Artifact marked-content
// sequence.

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
)

// pathOps build a path; paintOps end one, "n" without painting (a clip).
var (
	pathOps  = map[string]bool{"m": true, "l": true, "c": true, "v": true, "y": true, "h": true, "re": true}
	paintOps = map[string]bool{"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true}
)

// artifacts returns the content stream with every text object and painted
// path outside marked content wrapped as an artifact, and how many it
// wrapped. ok is false for a stream it cannot read (an inline image, or
// marked content that does not nest), which it leaves as it is.
func artifacts(content []byte) (out []byte, wrapped int, ok bool) {
	spans, ok := unmarked(content)
	if !ok {
		return content, 0, false
	}
	var b bytes.Buffer
	last := 0
	for _, s := range spans {
		b.Write(content[last:s.from])
		b.WriteString("\n/Artifact BMC")
		b.Write(content[s.from:s.to])
		b.WriteString("\nEMC")
		last = s.to
	}
	b.Write(content[last:])
	return b.Bytes(), len(spans), true
}

// span is a run of a content stream's bytes, from an operator's first
// operand to the end of an operator.
type span struct{ from, to int }

// unmarked finds the text objects, painted paths, XObjects and shadings of
// a content stream that lie outside marked content; ok is false for a
// stream it cannot read.
func unmarked(content []byte) (spans []span, ok bool) {
	s := markScan{pathStart: -1, textStart: -1}
	pos := 0
	for {
		end, op, err := nextOperator(content, pos)
		if err != nil {
			return nil, false
		}
		if op == "" {
			break
		}
		pos = end
		if !s.see(op, end) {
			return nil, false
		}
		s.opStart = end
	}
	if s.depth != 0 || s.textStart >= 0 {
		return nil, false
	}
	return s.spans, true
}

// markScan is where a scan of a content stream stands: how deep in marked
// content, where the operator being read began, and where the path or
// text object being built began (-1 for none), with the unmarked spans
// found so far.
type markScan struct {
	depth, opStart, pathStart, textStart int
	spans                                []span
}

// see takes in the operator op, which ends at end; it returns false for
// one that makes the stream unreadable.
func (s *markScan) see(op string, end int) bool {
	switch {
	case op == "BI":
		return false
	case op == "BDC" || op == "BMC":
		s.depth++
	case op == "EMC":
		if s.depth--; s.depth < 0 {
			return false
		}
	case op == "BT":
		if s.depth == 0 {
			s.textStart = s.opStart
		}
	case op == "ET":
		if s.textStart >= 0 {
			s.spans = append(s.spans, span{s.textStart, end})
			s.textStart = -1
		}
	case s.textStart >= 0:
		// inside a text object being wrapped
	case pathOps[op]:
		if s.depth == 0 && s.pathStart < 0 {
			s.pathStart = s.opStart
		}
	case paintOps[op]:
		if s.pathStart >= 0 {
			s.spans = append(s.spans, span{s.pathStart, end})
		}
		s.pathStart = -1
	case op == "n":
		s.pathStart = -1
	case op == "Do" || op == "sh":
		if s.depth == 0 {
			s.spans = append(s.spans, span{s.opStart, end})
		}
	}
	return true
}

// nextOperator finds the next operator from pos, skipping its operands;
// op is "" at the end of the stream.
func nextOperator(c []byte, pos int) (end int, op string, err error) {
	for pos < len(c) {
		ch := c[pos]
		switch {
		case isSpace(ch):
			pos++
		case ch == '%':
			for pos < len(c) && c[pos] != '\n' && c[pos] != '\r' {
				pos++
			}
		case ch == '(':
			p := &parser{data: c, pos: pos}
			if _, err := p.literal(); err != nil {
				return 0, "", err
			}
			pos = p.pos
		case ch == '<' && pos+1 < len(c) && c[pos+1] == '<', ch == '>' && pos+1 < len(c) && c[pos+1] == '>':
			pos += 2
		case ch == '<':
			i := bytes.IndexByte(c[pos:], '>')
			if i < 0 {
				return 0, "", fmt.Errorf("an unclosed hex string")
			}
			pos += i + 1
		case ch == '[' || ch == ']' || ch == '{' || ch == '}':
			pos++
		case ch == '/':
			pos++
			for pos < len(c) && !isSpace(c[pos]) && !isDelim(c[pos]) {
				pos++
			}
		default:
			start := pos
			for pos < len(c) && !isSpace(c[pos]) && !isDelim(c[pos]) {
				pos++
			}
			if pos == start {
				return 0, "", fmt.Errorf("unexpected %q", ch)
			}
			word := string(c[start:pos])
			if _, err := strconv.ParseFloat(word, 64); err == nil || word == "true" || word == "false" || word == "null" {
				continue
			}
			return pos, word, nil
		}
	}
	return pos, "", nil
}

// markArtifacts rewrites a page content stream object (its bytes from
// "N 0 obj" on) with its unmarked marks as artifacts. It returns the object
// as it was when it has nothing to wrap or cannot be read.
func markArtifacts(obj []byte) ([]byte, int) {
	p := &parser{data: obj}
	for range 2 {
		if _, err := p.value(); err != nil {
			return obj, 0
		}
	}
	if !p.keyword("obj") {
		return obj, 0
	}
	v, err := p.value()
	dict, ok := v.(map[string]any)
	if err != nil || !ok || dict["Filter"] != name("FlateDecode") || len(dict) != 2 {
		return obj, 0
	}
	length, ok := dict["Length"].(int)
	if !ok || !p.keyword("stream") {
		return obj, 0
	}
	if p.pos < len(obj) && obj[p.pos] == '\r' {
		p.pos++
	}
	if p.pos >= len(obj) || obj[p.pos] != '\n' || p.pos+1+length > len(obj) {
		return obj, 0
	}
	data := obj[p.pos+1 : p.pos+1+length]
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return obj, 0
	}
	content, err := io.ReadAll(r)
	if err != nil {
		return obj, 0
	}
	marked, n, ok := artifacts(content)
	if !ok || n == 0 {
		return obj, 0
	}
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	w.Write(marked)
	w.Close()
	num := bytes.Fields(obj)[0]
	var out bytes.Buffer
	fmt.Fprintf(&out, "%s 0 obj\n<</Filter /FlateDecode\n/Length %d>> stream\n", num, z.Len())
	out.Write(z.Bytes())
	out.WriteString("\nendstream\nendobj\n")
	return out.Bytes(), n
}

// contentStreams are the object numbers of the pages' content streams,
// whose unmarked marks finish makes artifacts.
func (f *file) contentStreams() (map[int]bool, error) {
	contents := map[int]bool{}
	pages, err := f.pages()
	if err != nil {
		return nil, err
	}
	for _, num := range pages {
		page, err := f.dict(ref{num, 0})
		if err != nil {
			return nil, err
		}
		switch c := page["Contents"].(type) {
		case ref:
			contents[c.num] = true
		case []any:
			for _, r := range c {
				if r, ok := r.(ref); ok {
					contents[r.num] = true
				}
			}
		}
	}
	return contents, nil
}
