package site

// The versions of the site in its other languages: each page's translation
// (hvem-er-de.en.md beside hvem-er-de.md) holds only the words that change
// with language; the rest of its front matter is the Danish page's.

import (
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"report/internal/diag"
	"report/internal/figures"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/textfile"
	"report/internal/tomlfile"
	"report/internal/urls"
)

// written once are the keys a translation must leave to the Danish page.
var writtenOnce = [][]string{
	{"weight"}, {"copied_from"}, {"cluster"}, {"theme"}, {"quote", "person"}, {"quote", "organisation"},
}

// translationPath is where the translation of the Danish page p into l
// lies: content/2016/hvem-er-de.en.md for content/2016/hvem-er-de.md.
func translationPath(p string, l *lang.Lang) string {
	return strings.TrimSuffix(p, ".md") + "." + l.Code + ".md"
}

// IsTranslation reports whether a file under content/ is the translation
// of the Danish page beside it, by its name: hvem-er-de.en.md.
func IsTranslation(name string) bool { return translationLang(name) != nil }

// translationLang is the language a file under content/ is a translation
// into, or nil for a Danish page.
func translationLang(p string) *lang.Lang {
	for _, l := range lang.Known[1:] {
		if strings.HasSuffix(p, "."+l.Code+".md") {
			return l
		}
	}
	return nil
}

// translate builds the version of the site in l from the Danish pages'
// translations and the data's forms in l, or returns nil when no edition
// has one. An edition has a version in l when its front page has a
// translation; a page of such an edition without its translation is left
// out of that version, with a warning, and a translation without its page
// is an error.
//
// It reads only what the scan found and the Danish data, so it runs beside
// the Danish pages' parse; the problems of its pages come back apart, in
// own, to be joined to the Danish ones once those are all known (see
// joinTranslated).
func (s *Site) translate(fsys fs.FS, l *lang.Lang, files []file, opts Options, problems *diag.List) (t *Site, own *diag.List) {
	found := s.translationsInto(l, files, problems)
	years := map[int]bool{}
	for _, f := range files {
		if f.kind == kindFront && found[translationPath(f.path, l)] {
			years[f.year] = true
		}
	}
	unused := map[int]int{} // translations of editions with no version in l
	for p := range found {
		if y, err := strconv.Atoi(strings.Split(p, "/")[1]); err == nil && !years[y] {
			unused[y]++
		}
	}
	for _, y := range slices.Sorted(maps.Keys(unused)) {
		problems.Warnf(diag.Translation, path.Join(ContentDir, strconv.Itoa(y), "_index."+l.Code+".md"), 0, 0,
			"edition %d has %d %s %s but no %s front page, so it has no %s version and %s not published; translate its front page, _index.md, too",
			y, unused[y], l.Name, plural(unused[y], "translation", "translations"), l.Name, l.Name, plural(unused[y], "it is", "they are"))
	}
	own = &diag.List{}
	if len(years) == 0 {
		return nil, own
	}
	full := s.Data.In(l, problems) // every edition, for the open data
	t = &Site{
		Data: full, Langs: s.Langs, Lang: l, Assets: s.Assets,
		BaseURL: s.BaseURL, BasePath: s.BasePath + l.Code + "/", AssetBase: s.BasePath,
		allowDrafts: s.allowDrafts,
	}
	t.Data = t.Data.Only(years)
	// The open data in this language are written while its pages parse:
	// they read the data alone, and one core's work (see Load).
	openData := make(chan *figures.OpenData, 1)
	go func() {
		openData <- s.openData(s.Data, full, l, t.BasePath, func(year int) bool { return years[year] })
	}()
	figs := figures.New(figures.Options{Data: t.Data, BasePath: t.BasePath, MetricURL: urls.Metric, Timing: opts.Timing})
	conv := markdown.New(markdown.Options{Figures: figs, BasePath: t.BasePath, Themes: ThemeIDs(), OldEdition: s.oldEdition})
	var tfiles []file
	for _, f := range files {
		tp := translationPath(f.path, l)
		switch {
		case !years[f.year]:
		case !found[tp]:
			problems.Warnf(diag.Translation, f.path, 0, 0, "has no %s translation (%s); the %s version leaves the page out", l.Name, tp, l.Name)
		default:
			tf := f
			tf.path, tf.from, tf.stamp = tp, f.path, stamp{}
			tfiles = append(tfiles, tf)
		}
	}
	env := parseEnv{Options: opts, interfaceText: interfaceText{s.Langs[0].Foreign(l), l.Name}, dataPrint: parsePrint(s.Data, s.Langs, opts), basePath: t.BasePath, unread: s.editionUnread}
	parsed := parseAll(fsys, conv, tfiles, own, env)
	if opts.Cache != nil {
		t.Prints = prints(tfiles, parsed)
	}
	t.assemble(tfiles, parsed, own)
	t.drawHistories(own)
	t.OpenData = <-openData
	t.checkLinks(own)
	return t, own
}

// joinTranslated adds the problems of the version t in l, kept apart in
// own, to the Danish ones, which must all be known by then.
func joinTranslated(problems, own *diag.List, t *Site, l *lang.Lang) {
	foldTranslated(problems, own, l)
	if t != nil {
		countTranslatedDrafts(problems, t, l)
	}
}

// countTranslatedDrafts adds to the error of each unconfirmed copy how
// many places its translation lists, which the Danish page's error could
// not know when it was made: one error per copy, with every count in it.
func countTranslatedDrafts(problems *diag.List, t *Site, l *lang.Lang) {
	places := map[string]int{}
	for _, e := range t.Editions {
		for _, p := range append([]*Page{e.Front}, e.Chapters...) {
			if p != nil && p.Draft != nil {
				places[p.Draft.Source] += len(p.Draft.Findings)
			}
		}
	}
	if len(places) == 0 {
		return
	}
	copied := problems.Where(func(p *diag.Problem) bool {
		return places[p.Path] > 0 && p.Severity == diag.Error && strings.HasPrefix(p.Msg, "copied from edition ")
	})
	for _, p := range copied {
		n := places[p.Path]
		problems.Amend(p, fmt.Sprintf(" (its %s translation lists %d %s)", l.Name, n, plural(n, "place", "places")))
	}
}

// separator is a thousands or decimal separator between digits.
var separator = regexp.MustCompile(`(\d)[.,](\d)`)

// sameFigures is a message with its figures' separators dropped, so that
// "16.512" in a Danish message matches "16,512" in the English one.
func sameFigures(msg string) string { return separator.ReplaceAllString(msg, "$1$2") }

// foldTranslated adds the problems found in the version of the site in l
// to problems, but for those its Danish page has already: a figure missing
// from a block is one error, not one for each language. The Danish
// problem then says that the translation has it too, and where.
func foldTranslated(problems, own *diag.List, l *lang.Lang) {
	type key struct {
		path, msg string
		severity  diag.Severity
	}
	danishPath := func(p *diag.Problem) string {
		if t, ok := strings.CutSuffix(p.Path, "."+l.Code+".md"); ok {
			return t + ".md"
		}
		return p.Path
	}
	// Only the Danish problems of the files the version has problems in
	// can pair up: a site of ten thousand stories has tens of thousands of
	// warnings, and a translation's few.
	paths := map[string]bool{}
	for _, p := range own.Problems() {
		paths[danishPath(p)] = true
	}
	// The same message at several places of a page pairs up in order.
	danish := map[key][]*diag.Problem{}
	for _, p := range problems.Where(func(p *diag.Problem) bool { return paths[p.Path] }) {
		k := key{p.Path, sameFigures(p.Msg), p.Severity}
		danish[k] = append(danish[k], p)
	}
	for _, p := range own.Problems() {
		from := danishPath(p)
		k := key{from, sameFigures(p.Msg), p.Severity}
		same := danish[k]
		switch {
		case len(same) == 0:
			problems.Add(p)
		case from != p.Path && p.Line > 0:
			problems.Amend(same[0], fmt.Sprintf(" (its %s translation too, at line %d)", l.Name, p.Line))
			danish[k] = same[1:]
		}
	}
}

// translationsInto lists the translations into l, and names each one
// whose page does not exist.
func (s *Site) translationsInto(l *lang.Lang, files []file, problems *diag.List) map[string]bool {
	pages := map[string]bool{}
	for _, f := range files {
		pages[f.path] = true
	}
	found := map[string]bool{}
	for _, p := range s.translations {
		if tl := translationLang(p); tl == nil || tl.Code != l.Code {
			continue
		}
		found[p] = true
		if from := strings.TrimSuffix(p, "."+l.Code+".md") + ".md"; !pages[from] {
			problems.Errorf(p, 0, 0, "translates %s, which does not exist; rename it after the page it translates, or remove it", from)
		}
	}
	return found
}

// parseTranslationCached reads a translation and the Danish page it
// translates, and parses them, or takes the parse from the preview's cache
// when neither file, the data, nor the interface strings changed.
func parseTranslationCached(fsys fs.FS, conv *markdown.Converter, f file, problems *diag.List, env parseEnv) parsed {
	src, ok := textfile.Read(fsys, f.from, &diag.List{}) // its problems are the Danish page's
	if !ok {
		return parsed{}
	}
	tsrc, ok := textfile.Read(fsys, f.path, problems)
	if !ok {
		return parsed{}
	}
	if env.Cache == nil {
		return parseTranslation(conv, f, src, tsrc, env.interfaceText, problems)
	}
	envKey := envKey(env.dataPrint, env.basePath+"\x00"+strings.Join(env.interfaceText.foreign, "\x00"), f.year)
	key := parseKey(append(append(slices.Clip(src), 0), tsrc...), envKey)
	if e, hit := env.Cache.get(f.path, key); hit {
		return env.Cache.withHTML(replay(e, problems), f.path, func() (parsed, bool) {
			return parseTranslation(conv, f, src, tsrc, env.interfaceText, &diag.List{}), true
		})
	}
	local := &diag.List{}
	p := parseTranslation(conv, f, src, tsrc, env.interfaceText, local)
	env.Cache.put(f.path, cacheEntry{key: key, env: envKey, parsed: p, problems: local.Problems()})
	problems.Merge(local)
	p.key = key
	return p
}

// parseTranslation parses a translation, src being the Danish page it
// translates and tsrc the translation: the words from it, and what does
// not change with language from the Danish page, whose own problems the
// Danish version has reported.
func parseTranslation(conv *markdown.Converter, f file, src, tsrc []byte, check interfaceText, problems *diag.List) parsed {
	from := f
	from.path = f.from
	_, matter, _, ok := parseMatter(from, src, &diag.List{})
	if !ok {
		return parsed{}
	}
	parts, words, doc, ok := parseMatter(f, tsrc, problems)
	if parts == nil || !ok {
		return parsed{}
	}
	for _, key := range writtenOnce {
		if line, col := doc.Pos(key...); line > 0 {
			problems.Errorf(f.path, line, col, "%q is written once, in %s; a translation holds only the words that change with language", strings.Join(key, "."), f.from)
		}
	}
	adopt(matter, words, f, doc, problems)
	check.in(f.path, tsrc, problems)
	page := markdown.Page{Path: f.path, Edition: f.year, FirstLine: parts.BodyLine}
	if m, isChapter := matter.(*chapterMatter); isChapter {
		page.CopiedFrom = m.CopiedFrom // the translation is a draft while its page is
	}
	return converted(matter, doc, conv.Convert(page, parts.Body, problems), parts.BodyLine)
}

// adopt puts the translation's words into the Danish page's front matter:
// its title and summary, and a case story's quote and the quoted person's
// role. A word the Danish page has and the translation lacks stays Danish,
// with a warning at the translation.
func adopt(matter, words any, f file, doc *tomlfile.Doc, problems *diag.List) {
	take := func(key []string, danish string, translated string, set func(string)) {
		if line, _ := doc.Pos(key...); line > 0 {
			set(translated)
		} else if strings.TrimSpace(danish) != "" {
			problems.Warnf(diag.Translation, f.path, doc.FirstLine, 1, "%q is not translated; the page shows %s's", strings.Join(key, "."), f.from)
		}
	}
	switch m := matter.(type) {
	case *chapterMatter:
		w := words.(*chapterMatter)
		take([]string{"title"}, m.Title, w.Title, func(v string) { m.Title = v })
		take([]string{"summary"}, m.Summary, w.Summary, func(v string) { m.Summary = v })
	case *caseMatter:
		w := words.(*caseMatter)
		take([]string{"title"}, m.Title, w.Title, func(v string) { m.Title = v })
		take([]string{"summary"}, m.Summary, w.Summary, func(v string) { m.Summary = v })
		take([]string{"quote", "text"}, m.Quote.Text, w.Quote.Text, func(v string) { m.Quote.Text = v })
		take([]string{"quote", "role"}, m.Quote.Role, w.Quote.Role, func(v string) { m.Quote.Role = v })
	}
}

// interfaceText is the Danish site's interface phrases that a language
// does not share, for the check of its translations.
type interfaceText struct {
	foreign []string
	lang    string // the translations' language, "English"
}

// in warns where a translation still holds one of the phrases (a table's
// "Se tallene som tabel" pasted with the text).
func (c interfaceText) in(path string, src []byte, problems *diag.List) {
	text := string(src)
	for _, part := range c.foreign {
		if i := strings.Index(text, part); i >= 0 {
			line := 1 + strings.Count(text[:i], "\n")
			col := 1 + utf8.RuneCountInString(text[strings.LastIndex(text[:i], "\n")+1:i])
			problems.Warnf(diag.Translation, path, line, col, "%q is the Danish site's interface text; write it in %s", part, c.lang)
		}
	}
}

// unusedTranslations warns about translations into a language the site has
// no interface strings for: without i18n/<code>.toml there is no version
// in that language, and they would silently not be published.
func (s *Site) unusedTranslations(problems *diag.List) {
	counts := map[string]int{}
	for _, p := range s.translations {
		if l := translationLang(p); l != nil && !slices.ContainsFunc(s.Langs, func(have *lang.Lang) bool { return have.Code == l.Code }) {
			counts[l.Code]++
		}
	}
	for _, code := range slices.Sorted(maps.Keys(counts)) {
		problems.Warnf(diag.Translation, path.Join(lang.Dir, code+".toml"), 0, 0, "file is missing, so the site has no version in that language, and its %d translations (*.%s.md) are not published; add the interface strings, or remove the translations", counts[code], code)
	}
}
