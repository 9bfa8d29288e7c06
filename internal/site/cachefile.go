package site

import (
	"maps"
	"slices"

	"report/internal/diag"
	"report/internal/markdown"
	"report/internal/tomlfile"
	"report/internal/wire"
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

// savedEntry is a cacheEntry as the file holds it.
type savedEntry struct {
	Path        string
	Key, Env    [32]byte
	Size        int64
	ModTime     int64
	Dev, Ino    uint64
	CTime       int64
	ReadAt      int64
	MatterKind  uint8 // 0: none, 1: Chapter, 2: Case
	Chapter     chapterMatter
	Case        caseMatter
	MatterFile  string // the front matter's Doc, reopened with tomlfile.Reopen
	MatterLine  int
	Matter      string
	Body        *markdown.Doc
	BodyLine    int
	OK          bool
	Placeholder bool
	Problems    []diag.Problem
}

// AppendTo writes the entries of the files the last build looked up, in
// the order of their paths.
func (c *Cache) AppendTo(w *wire.Writer) {
	c.wait()
	c.mu.Lock()
	defer c.mu.Unlock()
	paths := slices.Sorted(maps.Keys(c.used))
	w.Int(int64(len(paths)))
	for _, path := range paths {
		e, ok := c.entries[path]
		if !ok {
			w.Bool(false)
			continue
		}
		w.Bool(true)
		if e.saved != "" {
			w.Raw(e.saved)
			continue
		}
		s := savedEntry{
			Path: path, Key: e.key, Env: e.env, Size: e.stamp.size, ModTime: e.stamp.modTime, ReadAt: e.readAt,
			Dev: e.stamp.dev, Ino: e.stamp.ino, CTime: e.stamp.ctime,
			Body: e.parsed.body, BodyLine: e.parsed.bodyLine, OK: e.parsed.ok, Placeholder: e.parsed.placeholder,
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
		encodeEntry(w, &s)
	}
}

// ReadCache reads a cache AppendTo wrote.
func ReadCache(r *wire.Reader) (*Cache, error) {
	n := r.Count()
	c := &Cache{entries: make(map[string]cacheEntry, n)}
	for range n {
		if !r.Bool() {
			continue
		}
		var s savedEntry
		start := r.Offset()
		decodeEntry(r, &s)
		e := cacheEntry{key: s.Key, env: s.Env, readAt: s.ReadAt, saved: r.Since(start),
			stamp: stamp{size: s.Size, modTime: s.ModTime, dev: s.Dev, ino: s.Ino, ctime: s.CTime}}
		e.parsed = parsed{body: s.Body, bodyLine: s.BodyLine, ok: s.OK, placeholder: s.Placeholder}
		// The kind's matter alone is copied out, so that s, which holds
		// both kinds, is not made in fresh memory for each of 10,000 files.
		switch s.MatterKind {
		case 1:
			m := s.Chapter
			e.parsed.matter = &m
		case 2:
			m := s.Case
			e.parsed.matter = &m
		}
		if s.MatterFile != "" {
			e.parsed.doc = tomlfile.Reopen(s.MatterFile, s.MatterLine, s.Matter)
		}
		for i := range s.Problems {
			e.problems = append(e.problems, &s.Problems[i])
		}
		c.entries[s.Path] = e
	}
	return c, r.Err()
}
