package pdfobj

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
	"fmt"
)

// pathOps build a path; paintOps end one, "n" without painting (a clip).
var (
	pathOps  = map[string]bool{"m": true, "l": true, "c": true, "v": true, "y": true, "h": true, "re": true}
	paintOps = map[string]bool{"S": true, "s": true, "f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true}
)

// artifacts returns the content stream with every text object and painted
// path outside marked content wrapped as an artifact, and how many it
// wrapped. A stream it cannot read (an inline image, or marked content
// that does not nest) is an error.
func artifacts(content []byte) (out []byte, wrapped int, err error) {
	spans, err := unmarked(content)
	if err != nil {
		return nil, 0, err
	}
	var b bytes.Buffer
	last := 0
	for _, s := range spans {
		b.Write(content[last:s.from])
		b.WriteString("\n/Artifact BMC")
		if isRegular(content[s.from]) {
			// Only the stream's first operator can begin a span without
			// white space or a delimiter before it: BMC must not run into it.
			b.WriteByte(' ')
		}
		b.Write(content[s.from:s.to])
		b.WriteString("\nEMC")
		last = s.to
	}
	b.Write(content[last:])
	return b.Bytes(), len(spans), nil
}

// span is a run of a content stream's bytes, from an operator's first
// operand to the end of an operator.
type span struct{ from, to int }

// unmarked finds the text objects, painted paths, XObjects and shadings of
// a content stream that lie outside marked content. The operators are the
// lexer's keywords; their operands are passed over.
func unmarked(content []byte) ([]span, error) {
	s := markScan{pathStart: -1, textStart: -1, textDepth: -1}
	l := lexer{data: content}
	for {
		t, err := l.next()
		if err != nil {
			return nil, err
		}
		if t.kind == tEOF {
			break
		}
		if t.kind != tKeyword || t.text == "true" || t.text == "false" || t.text == "null" {
			continue
		}
		if err := s.see(t.text, t.end); err != nil {
			return nil, fmt.Errorf("offset %d: %w", t.start, err)
		}
		s.opStart = t.end
	}
	switch {
	case s.depth != 0:
		return nil, fmt.Errorf("%d marked-content sequences are left open", s.depth)
	case s.textDepth >= 0:
		return nil, fmt.Errorf("a text object (BT) is left open")
	}
	return s.spans, nil
}

// markScan is where a scan of a content stream stands: how deep in marked
// content, where the operator being read began, whether a path is being
// built, the depth the text object being read began at (-1 outside one),
// and where the path or text object being built outside marked content
// began (-1 for none), with the unmarked spans found so far.
//
// A span is wrapped whole in marked content of its own, so it must hold
// marked content whole: the scan refuses what PDF forbids and would let
// one cross another's bounds (8.2, 14.6): marked content, a text object,
// an XObject or a shading begun within a path; a path, an XObject or a
// shading within a text object; a text object and marked content that
// overlap.
type markScan struct {
	depth, opStart       int
	inPath               bool
	textDepth            int
	pathStart, textStart int
	spans                []span
}

// see takes in the operator op, which ends at end; it refuses one that
// makes the stream unreadable.
func (s *markScan) see(op string, end int) error {
	if err := s.misplaced(op); err != nil {
		return err
	}
	switch {
	case op == "BDC" || op == "BMC":
		s.depth++
	case op == "EMC":
		if s.depth--; s.depth < 0 {
			return fmt.Errorf("EMC ends marked content that was never begun")
		}
		if s.textDepth > s.depth {
			return fmt.Errorf("EMC ends marked content begun before the text object it is in")
		}
	case op == "BT":
		s.textDepth = s.depth
		if s.depth == 0 {
			s.textStart = s.opStart
		}
	case op == "ET":
		if s.textDepth != s.depth {
			return fmt.Errorf("a text object ends in marked content it did not begin in")
		}
		if s.textStart >= 0 {
			s.spans = append(s.spans, span{s.textStart, end})
		}
		s.textDepth, s.textStart = -1, -1
	case s.textDepth >= 0:
		// inside a text object
	case pathOps[op]:
		if s.depth == 0 && s.pathStart < 0 {
			s.pathStart = s.opStart
		}
		s.inPath = true
	case paintOps[op] || op == "n":
		if paintOps[op] && s.pathStart >= 0 {
			s.spans = append(s.spans, span{s.pathStart, end})
		}
		s.inPath, s.pathStart = false, -1
	case op == "Do" || op == "sh":
		if s.depth == 0 {
			s.spans = append(s.spans, span{s.opStart, end})
		}
	}
	return nil
}

// misplaced refuses an operator where the scan cannot wrap what it is in.
func (s *markScan) misplaced(op string) error {
	inText := s.textDepth >= 0
	switch {
	case op == "BI":
		return fmt.Errorf("an inline image (BI), whose data this reader cannot pass over, is not supported")
	case s.inPath && (op == "BDC" || op == "BMC" || op == "EMC" || op == "BT" || op == "Do" || op == "sh"):
		return fmt.Errorf("%s within a path being built", op)
	case inText && (op == "BT" || pathOps[op] || paintOps[op] || op == "n" || op == "Do" || op == "sh"):
		return fmt.Errorf("%s within a text object", op)
	case !inText && op == "ET":
		return fmt.Errorf("ET outside a text object")
	}
	return nil
}
