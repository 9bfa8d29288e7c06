package site

import (
	"context"
	"io/fs"
	"strings"
	"time"

	"report/internal/diag"
	"report/internal/frontmatter"
	"report/internal/markdown"
	"report/internal/parallel"
	"report/internal/textfile"
	"report/internal/tomlfile"
)

// Parsing the Markdown files, in parallel and through the preview's cache.

// parsed is one Markdown file after parsing: its front matter decoded into
// the struct its kind needs, and its body.
type parsed struct {
	matter   any
	doc      *tomlfile.Doc
	body     *markdown.Doc
	bodyLine int // the line of the file the body starts on
	ok       bool
	held     int      // problems held back because the page's edition is unread
	key      [32]byte // the parse's cache key, when parsed with a cache
	// placeholder is set when the body still holds StoryPlaceholder, which
	// checkCase refuses in a case story.
	placeholder bool
}

// converted is the parse of a file with its body converted.
func converted(matter any, doc *tomlfile.Doc, body *markdown.Doc, bodyLine int) parsed {
	return parsed{matter: matter, doc: doc, body: body, bodyLine: bodyLine, ok: true,
		placeholder: strings.Contains(body.HTML(), StoryPlaceholder)}
}

type chapterMatter struct {
	Title   string `toml:"title"`
	Weight  int    `toml:"weight"`
	Summary string `toml:"summary"`
	// CopiedFrom marks a chapter `report new edition` copied from an
	// earlier edition; an editor deletes it to confirm the chapter.
	CopiedFrom int `toml:"copied_from"`
}

type caseMatter struct {
	Title   string `toml:"title"`
	Cluster string `toml:"cluster"`
	Theme   string `toml:"theme"`
	Summary string `toml:"summary"`
	Quote   Quote  `toml:"quote"`
}

// parseEnv is what parsing a file depends on besides the file.
type parseEnv struct {
	Options
	interfaceText interfaceText // for a translation: the Danish phrases its language lacks
	dataPrint     [32]byte
	basePath      string
	// unread reports an edition whose file failed to load: its pages are
	// parsed, but their problems, mostly consequences of the missing
	// edition, are held back and counted (see Site.reportHeld).
	unread func(year int) bool
}

// parseAll parses the files in parallel; the results keep the files' order,
// so the outcome does not depend on scheduling.
func parseAll(fsys fs.FS, conv *markdown.Converter, files []file, problems *diag.List, env parseEnv) []parsed {
	out := make([]parsed, len(files))
	// Every file is parsed and its problems reported, whatever the others
	// hold: the build names all of them at once.
	_ = parallel.Each(context.Background(), parallel.Disk, len(files), func(_ context.Context, i int) error {
		start := time.Now()
		if env.unread(files[i].year) {
			held := &diag.List{}
			out[i] = parseCached(fsys, conv, files[i], held, env)
			out[i].held = len(held.Problems())
		} else {
			out[i] = parseCached(fsys, conv, files[i], problems, env)
		}
		env.Timing.Item("markdown", files[i].path, time.Since(start))
		return nil
	})
	return out
}

// parseCached parses a file, or takes it from the cache when nothing it
// depends on has changed.
func parseCached(fsys fs.FS, conv *markdown.Converter, f file, problems *diag.List, env parseEnv) parsed {
	if f.from != "" {
		return parseTranslationCached(fsys, conv, f, problems, env)
	}
	if env.Cache == nil {
		// A one-shot build: nothing to look up, so nothing to hash.
		src, ok := textfile.Read(fsys, f.path, problems)
		if !ok {
			return parsed{}
		}
		return parseFile(conv, f, src, problems)
	}
	envKey := envKey(env.dataPrint, env.basePath, f.year)
	if e, hit := env.Cache.unchanged(f.path, f.stamp, envKey); hit {
		key := e.key // not e, which the closure would move to the heap for each file
		return env.Cache.withHTML(replay(e, problems), f.path, func() (parsed, bool) {
			src, ok := textfile.Read(fsys, f.path, &diag.List{})
			return parseFile(conv, f, src, &diag.List{}), ok && parseKey(src, envKey) == key
		})
	}
	readAt := time.Now().UnixNano()
	src, info, ok := textfile.ReadInfo(fsys, f.path, problems)
	if !ok {
		return parsed{}
	}
	if f.stamp == (stamp{}) {
		// The scan left the stamp to the read: taken as the file was
		// opened, before its bytes were, it is as safe as the scan's.
		f.stamp = stampOf(info)
	}
	key := parseKey(src, envKey)
	if e, hit := env.Cache.get(f.path, key); hit {
		e.stamp, e.readAt = f.stamp, readAt
		env.Cache.put(f.path, e)
		return env.Cache.withHTML(replay(e, problems), f.path, func() (parsed, bool) {
			return parseFile(conv, f, src, &diag.List{}), true
		})
	}
	local := &diag.List{}
	p := env.Cache.reloadable(parseFile(conv, f, src, local), f.path, func() (parsed, bool) {
		src, ok := textfile.Read(fsys, f.path, &diag.List{})
		return parseFile(conv, f, src, &diag.List{}), ok && parseKey(src, envKey) == key
	})
	env.Cache.put(f.path, cacheEntry{key: key, stamp: f.stamp, readAt: readAt, env: envKey, parsed: p, problems: local.Problems()})
	problems.Merge(local)
	p.key = key
	return p
}

// replay reports a cached parse's problems again and returns the parse.
func replay(e cacheEntry, problems *diag.List) parsed {
	for _, p := range e.problems {
		problems.Add(p)
	}
	p := e.parsed
	p.key = e.key
	return p
}

func parseFile(conv *markdown.Converter, f file, src []byte, problems *diag.List) parsed {
	parts, matter, doc, ok := parseMatter(f, src, problems)
	if parts == nil {
		return parsed{}
	}
	page := markdown.Page{Path: f.path, Edition: f.year, FirstLine: parts.BodyLine}
	if m, isChapter := matter.(*chapterMatter); isChapter {
		page.CopiedFrom = m.CopiedFrom
	}
	p := converted(matter, doc, conv.Convert(page, parts.Body, problems), parts.BodyLine)
	p.ok = ok
	return p
}

// parseMatter splits a page and decodes its front matter as its kind's;
// parts is nil when the page has no front matter to split.
func parseMatter(f file, src []byte, problems *diag.List) (*frontmatter.Parts, any, *tomlfile.Doc, bool) {
	parts, err := frontmatter.Split(src)
	if err != nil {
		problems.Errorf(f.path, 1, 1, "%v", err)
		return nil, nil, nil, false
	}
	var matter any = &chapterMatter{}
	if f.kind == kindCase {
		matter = &caseMatter{}
	}
	doc, ok := tomlfile.Decode(f.path, parts.MatterLine, parts.Matter, matter, problems)
	return &parts, matter, doc, ok
}
