package site

import (
	"cmp"
	"encoding/gob"
	"fmt"
	"io"
	"slices"

	"report/internal/diag"
	"report/internal/markdown"
	"report/internal/tomlfile"
)

// A Cache is kept between processes as a file (see WriteTo and ReadCache),
// so that `report build` parses only the files that changed since the
// last build into the same output. The file holds what the preview keeps
// in memory, and is trusted as far: an entry is used only when its key,
// the hash of the file's bytes and of everything its parse depends on,
// matches, or when the file's stamp is unchanged and old enough to tell
// (see cacheEntry.trusts). Whoever keeps the file keys it on the program
// too (see package program): another build of report may parse
// differently.

// cacheFormat changes whenever savedEntry does, so that an old file is
// ignored rather than misread.
const cacheFormat = 1

// savedEntry is a cacheEntry as the file holds it.
type savedEntry struct {
	Path       string
	Key, Env   [32]byte
	Size       int64
	ModTime    int64
	ReadAt     int64
	MatterKind uint8 // 0: none, 1: Chapter, 2: Case
	Chapter    chapterMatter
	Case       caseMatter
	MatterFile string // the front matter's Doc, reopened with tomlfile.Reopen
	MatterLine int
	Matter     []byte
	Body       *markdown.Doc
	BodyLine   int
	OK         bool
	Problems   []diag.Problem
}

// WriteTo writes the entries of the files the last build looked up, in
// the order of their paths.
func (c *Cache) WriteTo(w io.Writer) (int64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var saved []savedEntry
	for path := range c.used {
		e, ok := c.entries[path]
		if !ok {
			continue
		}
		s := savedEntry{
			Path: path, Key: e.key, Env: e.env, Size: e.stamp.size, ModTime: e.stamp.modTime, ReadAt: e.readAt,
			Body: e.parsed.body, BodyLine: e.parsed.bodyLine, OK: e.parsed.ok,
		}
		switch m := e.parsed.matter.(type) {
		case *chapterMatter:
			s.MatterKind, s.Chapter = 1, *m
		case *caseMatter:
			s.MatterKind, s.Case = 2, *m
		}
		if d := e.parsed.doc; d != nil {
			s.MatterFile, s.MatterLine, s.Matter = d.Path, d.FirstLine, d.Source()
		}
		for _, p := range e.problems {
			q := *p
			q.Cause = nil // its message says all an editor reads again
			s.Problems = append(s.Problems, q)
		}
		saved = append(saved, s)
	}
	slices.SortFunc(saved, func(a, b savedEntry) int { return cmp.Compare(a.Path, b.Path) })
	cw := &countingWriter{w: w}
	enc := gob.NewEncoder(cw)
	if err := enc.Encode(cacheFormat); err != nil {
		return cw.n, err
	}
	err := enc.Encode(saved)
	return cw.n, err
}

// ReadCache reads a cache WriteTo wrote. A file of another format is an
// error, for the caller to start afresh.
func ReadCache(r io.Reader) (*Cache, error) {
	dec := gob.NewDecoder(r)
	var format int
	if err := dec.Decode(&format); err != nil {
		return nil, err
	}
	if format != cacheFormat {
		return nil, fmt.Errorf("cache format %d, not %d", format, cacheFormat)
	}
	var saved []savedEntry
	if err := dec.Decode(&saved); err != nil {
		return nil, err
	}
	c := &Cache{entries: make(map[string]cacheEntry, len(saved))}
	for _, s := range saved {
		e := cacheEntry{key: s.Key, env: s.Env, stamp: stamp{size: s.Size, modTime: s.ModTime}, readAt: s.ReadAt}
		e.parsed = parsed{body: s.Body, bodyLine: s.BodyLine, ok: s.OK}
		switch s.MatterKind {
		case 1:
			e.parsed.matter = &s.Chapter
		case 2:
			e.parsed.matter = &s.Case
		}
		if s.MatterFile != "" {
			e.parsed.doc = tomlfile.Reopen(s.MatterFile, s.MatterLine, s.Matter)
		}
		for i := range s.Problems {
			e.problems = append(e.problems, &s.Problems[i])
		}
		c.entries[s.Path] = e
	}
	return c, nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
