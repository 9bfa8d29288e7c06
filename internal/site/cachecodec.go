package site

import (
	"slices"

	"report/internal/diag"
	"report/internal/markdown"
	"report/internal/wire"
)

// The cache's entries in package wire's encoding. TestCacheRoundTrip
// fills every field of the types below and checks that they come back, so
// that a field added to one of them and not here fails a test rather than
// vanish from a rebuild.

// encodeEntry writes the entry.
func encodeEntry(e *wire.Writer, s *savedEntry) {
	e.String(s.Path)
	e.Key(s.Key)
	e.Key(s.Env)
	e.Int(s.Size)
	e.Int(s.ModTime)
	e.Int(int64(s.Dev))
	e.Int(int64(s.Ino))
	e.Int(s.CTime)
	e.Int(s.ReadAt)
	e.Int(int64(s.MatterKind))
	c := &s.Chapter
	e.String(c.Title)
	e.Int(int64(c.Weight))
	e.String(c.Summary)
	e.Int(int64(c.CopiedFrom))
	k := &s.Case
	e.String(k.Title)
	e.String(k.Cluster)
	e.String(k.Theme)
	e.String(k.Summary)
	e.String(k.Quote.Text)
	e.String(k.Quote.Person)
	e.String(k.Quote.Role)
	e.String(k.Quote.Organisation)
	e.String(s.MatterFile)
	e.Int(int64(s.MatterLine))
	e.String(s.Matter)
	e.Bool(s.Body != nil)
	if d := s.Body; d != nil {
		e.String(d.Path) // not its HTML: see markdown.Doc.HTML
		e.Int(int64(len(d.Headings)))
		for _, h := range d.Headings {
			e.Int(int64(h.Level))
			e.String(h.ID)
			e.String(h.Text)
		}
		e.Int(int64(len(d.Links)))
		for _, l := range d.Links {
			e.String(l.Dest)
			e.String(l.Text)
			e.Int(int64(l.Line))
			e.Int(int64(l.Col))
		}
		anchors := make([]string, 0, len(d.Anchors))
		for a, ok := range d.Anchors {
			if ok {
				anchors = append(anchors, a)
			}
		}
		slices.Sort(anchors)
		e.Int(int64(len(anchors)))
		for _, a := range anchors {
			e.String(a)
		}
		e.Int(int64(len(d.Files)))
		for _, f := range d.Files {
			e.String(f.Name)
			e.Bytes(f.Data)
		}
		e.Int(int64(len(d.Findings)))
		for _, f := range d.Findings {
			e.Int(int64(f.Line))
			e.Int(int64(f.Col))
			e.String(f.Msg)
		}
		e.Int(int64(len(d.Cases)))
		for _, c := range d.Cases {
			e.Int(int64(c.At))
			e.String(c.Theme)
		}
		e.Int(int64(len(d.Gaps)))
		for _, g := range d.Gaps {
			e.Int(int64(g))
		}
	}
	e.Int(int64(s.BodyLine))
	e.Bool(s.OK)
	e.Bool(s.Placeholder)
	e.Int(int64(len(s.Problems)))
	for _, p := range s.Problems {
		e.String(p.Path)
		e.Int(int64(p.Line))
		e.Int(int64(p.Col))
		e.Int(int64(p.Severity))
		e.String(p.Msg)
		e.String(string(p.Kind))
		e.Bool(p.Acknowledged)
	}
}

// decodeEntry reads an entry that encodeEntry wrote.
func decodeEntry(d *wire.Reader, s *savedEntry) {
	s.Path = d.String()
	s.Key = d.Key()
	s.Env = d.Key()
	s.Size = d.Int()
	s.ModTime = d.Int()
	s.Dev = uint64(d.Int())
	s.Ino = uint64(d.Int())
	s.CTime = d.Int()
	s.ReadAt = d.Int()
	s.MatterKind = uint8(d.Int())
	c := &s.Chapter
	c.Title = d.String()
	c.Weight = int(d.Int())
	c.Summary = d.String()
	c.CopiedFrom = int(d.Int())
	k := &s.Case
	k.Title = d.String()
	k.Cluster = d.String()
	k.Theme = d.String()
	k.Summary = d.String()
	k.Quote.Text = d.String()
	k.Quote.Person = d.String()
	k.Quote.Role = d.String()
	k.Quote.Organisation = d.String()
	s.MatterFile = d.String()
	s.MatterLine = int(d.Int())
	s.Matter = d.String()
	if d.Bool() {
		doc := &markdown.Doc{Path: d.String()}
		for range d.Count() {
			doc.Headings = append(doc.Headings, markdown.Heading{Level: int(d.Int()), ID: d.String(), Text: d.String()})
		}
		for range d.Count() {
			doc.Links = append(doc.Links, markdown.Link{Dest: d.String(), Text: d.String(), Line: int(d.Int()), Col: int(d.Int())})
		}
		if n := d.Count(); n > 0 {
			doc.Anchors = make(map[string]bool, n)
			for range n {
				doc.Anchors[d.String()] = true
			}
		}
		for range d.Count() {
			doc.Files = append(doc.Files, markdown.File{Name: d.String(), Data: d.Bytes()})
		}
		for range d.Count() {
			doc.Findings = append(doc.Findings, markdown.Finding{Line: int(d.Int()), Col: int(d.Int()), Msg: d.String()})
		}
		for range d.Count() {
			doc.Cases = append(doc.Cases, markdown.CaseList{At: int(d.Int()), Theme: d.String()})
		}
		for range d.Count() {
			doc.Gaps = append(doc.Gaps, int(d.Int()))
		}
		s.Body = doc
	}
	s.BodyLine = int(d.Int())
	s.OK = d.Bool()
	s.Placeholder = d.Bool()
	for range d.Count() {
		s.Problems = append(s.Problems, diag.Problem{
			Path: d.String(), Line: int(d.Int()), Col: int(d.Int()), Severity: diag.Severity(d.Int()),
			Msg: d.String(), Kind: diag.Kind(d.String()), Acknowledged: d.Bool(),
		})
	}
}
