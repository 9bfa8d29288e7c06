package site

import (
	"cmp"
	"errors"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"report/internal/danish"
	"report/internal/data"
	"report/internal/diag"
	"report/internal/figures"
	"report/internal/frontmatter"
	"report/internal/markdown"
	"report/internal/timing"
	"report/internal/tomlfile"
)

// ContentDir is the folder of Markdown under the site root.
const ContentDir = "content"

// Options configure Load.
type Options struct {
	BaseURL string           // overrides data/site.toml's base_url when set
	Timing  *timing.Recorder // where the time goes, for --metrics; may be nil
	Cache   *Cache           // parsed files kept between builds; may be nil
	// AllowDrafts lets copied chapters and editions that no editor has
	// confirmed build, as the preview does: what they still say of the old
	// edition is shown on their pages. A published build refuses them.
	AllowDrafts bool
}

// Load reads content/ and data/ from fsys and returns the checked model. The
// returned Site is nil only when data/ could not be read at all; problems
// holds everything found, errors and warnings, in any case.
func Load(fsys fs.FS, opts Options, problems *diag.List) *Site {
	start := time.Now()
	d := data.Load(fsys, problems)
	opts.Timing.Stage("load data/", start)
	s := &Site{Data: d, allowDrafts: opts.AllowDrafts}
	s.resolveBase(opts.BaseURL, problems)
	lang := figures.New(figures.Options{Data: d, BasePath: s.BasePath, MetricURL: MetricURL, Timing: opts.Timing})
	conv := markdown.New(markdown.Options{Figures: lang, BasePath: s.BasePath, Themes: themeIDs(), OldEdition: s.oldEdition})
	start = time.Now()
	files := s.scan(fsys, opts.Cache != nil, problems)
	s.scanStatic(fsys, problems)
	opts.Timing.Stage("scan content/ and static/", start)
	start = time.Now()
	pages := parseAll(fsys, conv, files, problems, parseEnv{opts, d.Fingerprint(), s.BasePath, s.editionUnread})
	opts.Timing.Stage("parse and render Markdown, charts", start)
	start = time.Now()
	s.assemble(files, pages, problems)
	s.drawHistories(problems)
	s.checkLinks(problems)
	opts.Timing.Stage("check links", start)
	return s
}

// file is a Markdown file found under content/, with what it is meant to be.
type file struct {
	path  string
	year  int
	kind  pageKind
	slug  string
	stamp stamp // size and time, for the preview's cache
}

type pageKind int

const (
	kindFront pageKind = iota
	kindChapter
	kindCase
)

// scan walks content/ and classifies every file by where it sits.
func (s *Site) scan(fsys fs.FS, stamps bool, problems *diag.List) []file {
	var files []file
	err := fs.WalkDir(fsys, ContentDir, func(p string, e fs.DirEntry, err error) error {
		if p == ContentDir && errors.Is(err, fs.ErrNotExist) {
			return err // reported below, once
		}
		if err != nil {
			problems.Errorf(p, 0, 0, "cannot read: %v", err)
			return nil
		}
		if p != ContentDir && skipped(e.Name()) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 {
			problems.Errorf(p, 0, 0, "symbolic links are not followed; copy the file into content/ instead")
			return nil
		}
		if e.IsDir() {
			if p != ContentDir && !checkContentDir(p, problems) {
				return fs.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() {
			return nil
		}
		if !strings.HasSuffix(p, ".md") {
			if checkAsset(p, e, problems) {
				s.Assets = append(s.Assets, Asset{Source: p, URL: strings.TrimPrefix(p, ContentDir+"/")})
			}
			return nil
		}
		if f, ok := classify(p, problems); ok {
			if stamps { // a stat per file, for the preview's cache only
				if info, err := e.Info(); err == nil {
					f.stamp = stamp{size: info.Size(), modTime: info.ModTime().UnixNano()}
				}
			}
			files = append(files, f)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		problems.Errorf(ContentDir, 0, 0, "folder is missing; the site's Markdown lives in content/<year>/")
	}
	return files
}

// classify decides what a Markdown file is from its path:
// content/2016/_index.md, content/2016/<chapter>.md, content/2016/cases/<case>.md.
func classify(p string, problems *diag.List) (file, bool) {
	parts := strings.Split(strings.TrimPrefix(p, ContentDir+"/"), "/")
	year, err := strconv.Atoi(parts[0])
	if len(parts) < 2 || err != nil || len(parts[0]) != 4 {
		problems.Errorf(p, 0, 0, "Markdown belongs in an edition's folder, like content/2016/")
		return file{}, false
	}
	name := strings.TrimSuffix(parts[len(parts)-1], ".md")
	f := file{path: p, year: year, slug: name}
	switch {
	case len(parts) == 2 && name == "_index":
		f.kind = kindFront
	case len(parts) == 2:
		f.kind = kindChapter
	case len(parts) == 3 && parts[1] == "cases":
		f.kind = kindCase
	default:
		problems.Errorf(p, 0, 0, "Markdown belongs in content/%d/ (chapters) or content/%d/cases/ (case stories)", year, year)
		return file{}, false
	}
	if f.kind != kindFront && !danish.IsSlug(name) {
		problems.Errorf(p, 0, 0, "file name %q becomes the page's URL and must be lower-case letters, digits and hyphens; rename it %s.md", name, danish.Slug(name))
		return file{}, false
	}
	if f.kind == kindChapter && reservedSlugs[name] {
		problems.Errorf(p, 0, 0, "a chapter may not be called %q: /%d/%s/ is taken by the site; rename the file", name, year, name)
		return file{}, false
	}
	return f, true
}

// parsed is one Markdown file after parsing: its front matter decoded into
// the struct its kind needs, and its body.
type parsed struct {
	matter   any
	doc      *tomlfile.Doc
	body     *markdown.Doc
	bodyLine int // the line of the file the body starts on
	ok       bool
	held     int // problems held back because the page's edition is unread
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

// parseAll parses the files in parallel; the results keep the files' order,
// so the outcome does not depend on scheduling.
// parseEnv is what parsing a file depends on besides the file.
type parseEnv struct {
	Options
	dataPrint [32]byte
	basePath  string
	// unread reports an edition whose file failed to load: its pages are
	// parsed, but their problems, mostly consequences of the missing
	// edition, are held back and counted (see Site.reportHeld).
	unread func(year int) bool
}

func parseAll(fsys fs.FS, conv *markdown.Converter, files []file, problems *diag.List, env parseEnv) []parsed {
	out := make([]parsed, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	// More workers than cores: part of parsing is waiting for the disk.
	for range min(2*runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				start := time.Now()
				if env.unread(files[i].year) {
					held := &diag.List{}
					out[i] = parseCached(fsys, conv, files[i], held, env)
					out[i].held = len(held.Problems())
				} else {
					out[i] = parseCached(fsys, conv, files[i], problems, env)
				}
				env.Timing.Item("markdown", files[i].path, time.Since(start))
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// parseCached parses a file, or takes it from the cache when nothing it
// depends on has changed.
func parseCached(fsys fs.FS, conv *markdown.Converter, f file, problems *diag.List, env parseEnv) parsed {
	if env.Cache == nil {
		// A one-shot build: nothing to look up, so nothing to hash.
		src, ok := data.ReadText(fsys, f.path, problems)
		if !ok {
			return parsed{}
		}
		return parseFile(conv, f, src, problems)
	}
	envKey := envKey(env.dataPrint, env.basePath, f.year)
	if e, hit := env.Cache.unchanged(f.path, f.stamp, envKey); hit {
		return replay(e, problems)
	}
	src, ok := data.ReadText(fsys, f.path, problems)
	if !ok {
		return parsed{}
	}
	key := parseKey(src, envKey)
	if e, hit := env.Cache.get(f.path, key); hit {
		e.stamp = f.stamp
		env.Cache.put(f.path, e)
		return replay(e, problems)
	}
	local := &diag.List{}
	p := parseFile(conv, f, src, local)
	env.Cache.put(f.path, cacheEntry{key: key, stamp: f.stamp, env: envKey, parsed: p, problems: local.Problems()})
	problems.Merge(local)
	return p
}

// replay reports a cached parse's problems again and returns the parse.
func replay(e cacheEntry, problems *diag.List) parsed {
	for _, p := range e.problems {
		problems.Add(p)
	}
	return e.parsed
}

func parseFile(conv *markdown.Converter, f file, src []byte, problems *diag.List) parsed {
	parts, err := frontmatter.Split(src)
	if err != nil {
		problems.Errorf(f.path, 1, 1, "%v", err)
		return parsed{}
	}
	var matter any = &chapterMatter{}
	if f.kind == kindCase {
		matter = &caseMatter{}
	}
	doc, ok := tomlfile.Decode(f.path, parts.MatterLine, parts.Matter, matter, problems)
	page := markdown.Page{Path: f.path, Edition: f.year, FirstLine: parts.BodyLine}
	if m, isChapter := matter.(*chapterMatter); isChapter {
		page.CopiedFrom = m.CopiedFrom
	}
	body := conv.Convert(page, parts.Body, problems)
	return parsed{matter: matter, doc: doc, body: body, bodyLine: parts.BodyLine, ok: ok}
}

// editionUnread reports whether an edition's file exists but failed to load.
func (s *Site) editionUnread(year int) bool {
	return s.Data.Edition(year) == nil && s.Data.EditionBroken(year)
}

// reportHeld says, in one line per edition, how many problems of its pages
// wait for its file to load: reported one by one, they would bury the one
// that matters under consequences of it.
func reportHeld(held map[int]int, problems *diag.List) {
	for _, year := range slices.Sorted(maps.Keys(held)) {
		if n := held[year]; n > 0 {
			problems.Warnf(path.Join("data/editions", itoa(year)+".toml"), 0, 0,
				"%d %s in content/%d/ %s not shown until this file loads; fix it first", n, plural(n, "problem", "problems"), year, plural(n, "is", "are"))
		}
	}
}

// assemble builds the editions from the parsed files and checks what needs
// the whole picture: a case story's cluster, an edition's missing front page.
func (s *Site) assemble(files []file, pages []parsed, problems *diag.List) {
	byYear := map[int]*Edition{}
	for _, de := range s.Data.Editions {
		e := &Edition{Edition: de}
		s.resolveEdition(e, problems)
		byYear[de.Year] = e
		s.Editions = append(s.Editions, e)
	}
	held := map[int]int{}
	for i, f := range files {
		e := byYear[f.year]
		if e == nil && s.Data.EditionBroken(f.year) {
			held[f.year] += pages[i].held
			continue
		}
		if e == nil {
			problems.Errorf(f.path, 0, 0, "there is no edition %d; add data/editions/%d.toml first", f.year, f.year)
			continue
		}
		if pages[i].ok {
			s.addPage(e, f, pages[i], problems)
		}
	}
	reportHeld(held, problems)
	for _, e := range s.Editions {
		if e.Front == nil {
			problems.Errorf(path.Join(ContentDir, itoa(e.Year), "_index.md"), 0, 0,
				"edition %d has no front page; create this file with a title and the foreword", e.Year)
		}
		slices.SortStableFunc(e.Chapters, func(a, b *Page) int { return cmp.Or(a.Weight-b.Weight, strings.Compare(a.Slug, b.Slug)) })
		slices.SortStableFunc(e.Cases, func(a, b *Case) int { return strings.Compare(a.Slug, b.Slug) })
	}
}

func (s *Site) addPage(e *Edition, f file, p parsed, problems *diag.List) {
	switch m := p.matter.(type) {
	case *chapterMatter:
		page := &Page{Source: f.path, Slug: f.slug, Edition: e.Year, Weight: m.Weight, Body: p.body}
		page.Title = s.expandMatter(e, f.path, p.doc, "title", m.Title, problems)
		page.Summary = s.expandMatter(e, f.path, p.doc, "summary", m.Summary, problems)
		requireTitle(f.path, p.doc, m.Title, problems)
		if m.CopiedFrom != 0 {
			page.Draft = s.chapterDraft(e, page, p.doc, m, problems)
		}
		if f.kind == kindFront {
			page.URL = EditionURL(e.Year)
			e.Front = page
			return
		}
		page.URL = EditionURL(e.Year) + f.slug + "/"
		e.Chapters = append(e.Chapters, page)
	case *caseMatter:
		c := &Case{
			Page:  Page{Source: f.path, Slug: f.slug, Edition: e.Year, URL: CasesURL(e.Year) + f.slug + "/", Body: p.body},
			Quote: m.Quote,
		}
		c.Title = s.expandMatter(e, f.path, p.doc, "title", m.Title, problems)
		c.Summary = s.expandMatter(e, f.path, p.doc, "summary", m.Summary, problems)
		checkCase(f.path, p, m, problems)
		c.Cluster = s.caseCluster(e, f.path, p.doc, m.Cluster, problems)
		c.Theme = caseTheme(f.path, p.doc, m.Theme, problems)
		e.Cases = append(e.Cases, c)
	}
}

func (s *Site) caseCluster(e *Edition, p string, doc *tomlfile.Doc, id string, problems *diag.List) *data.Cluster {
	errorf := func(format string, args ...any) {
		line, col := doc.Pos("cluster") // scans the text, so only for a problem
		problems.Errorf(p, max(line, doc.FirstLine), col, format, args...)
	}
	c := s.Data.Cluster(id)
	switch {
	case c == nil && s.Data.Broken("clusters"):
	case id == "":
		errorf(`"cluster" is required: the id of the cluster the story comes from (see data/clusters.toml)`)
	case c == nil:
		errorf("unknown cluster %q; use an id from data/clusters.toml", id)
	case !slices.Contains(e.Clusters, id):
		errorf("cluster %q is not among edition %d's clusters in %s", id, e.Year, e.Path)
	}
	return c
}

func caseTheme(p string, doc *tomlfile.Doc, id string, problems *diag.List) Theme {
	t, ok := ThemeByID(id)
	if !ok {
		line, col := doc.Pos("theme")
		if strings.TrimSpace(id) == "" {
			problems.Errorf(p, max(line, doc.FirstLine), col, "\"theme\" is still empty: choose one of %s", strings.Join(themeIDs(), ", "))
		} else {
			problems.Errorf(p, max(line, doc.FirstLine), col, "theme %q is not one of: %s", id, strings.Join(themeIDs(), ", "))
		}
	}
	return t
}

func requireTitle(p string, doc *tomlfile.Doc, title string, problems *diag.List) {
	if strings.TrimSpace(title) == "" {
		problems.Errorf(p, doc.FirstLine, 1, `"title" is required in the front matter`)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
