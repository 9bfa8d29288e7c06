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
	type span struct{ from, to int }
	var spans []span
	depth, opStart, pathStart, textStart := 0, 0, -1, -1
	pos := 0
	for {
		end, op, err := nextOperator(content, pos)
		if err != nil {
			return content, 0, false
		}
		if op == "" {
			break
		}
		pos = end
		switch {
		case op == "BI":
			return content, 0, false
		case op == "BDC" || op == "BMC":
			depth++
		case op == "EMC":
			if depth--; depth < 0 {
				return content, 0, false
			}
		case op == "BT":
			if depth == 0 {
				textStart = opStart
			}
		case op == "ET":
			if textStart >= 0 {
				spans = append(spans, span{textStart, end})
				textStart = -1
			}
		case textStart >= 0:
			// inside a text object being wrapped
		case pathOps[op]:
			if depth == 0 && pathStart < 0 {
				pathStart = opStart
			}
		case paintOps[op]:
			if pathStart >= 0 {
				spans = append(spans, span{pathStart, end})
			}
			pathStart = -1
		case op == "n":
			pathStart = -1
		case op == "Do" || op == "sh":
			if depth == 0 {
				spans = append(spans, span{opStart, end})
			}
		}
		opStart = end
	}
	if depth != 0 || textStart >= 0 {
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
