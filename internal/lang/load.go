package lang

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"report/internal/diag"
	"report/internal/textfile"
	"report/internal/tomlfile"
)

// Dir holds the tables of interface strings, one file per language.
const Dir = "i18n"

// Load reads the tables of i18n/: da.toml, which every site needs, and one
// file for each other language the site is published in. It returns the
// site's languages, Danish first, each with its table. A key that one
// table has and another lacks is an error in the file that lacks it, with
// the string the other language gives, so the editor sees what to
// translate; so is an empty string or a file for a language the site
// does not know.
func Load(fsys fs.FS, problems *diag.List) []*Lang {
	entries, err := fs.ReadDir(fsys, Dir)
	if err != nil {
		problems.Errorf(Dir, 0, 0, "cannot read the interface strings: %v; every site needs %s/da.toml", err, Dir)
		return nil
	}
	var langs []*Lang
	docs := map[string]*tomlfile.Doc{}
	daFound := false
	for _, e := range entries {
		name := e.Name()
		code, ok := strings.CutSuffix(name, ".toml")
		if !ok || e.IsDir() {
			continue
		}
		known := byCode(code)
		file := path.Join(Dir, name)
		if known == nil {
			problems.Errorf(file, 0, 0, "the site knows the languages %s; remove this file or rename it", codes())
			continue
		}
		daFound = daFound || code == Danish.Code
		l := *known
		table, doc, ok := readTable(fsys, file, &l, problems)
		if !ok {
			continue
		}
		l.strings, docs[code] = table, doc
		langs = append(langs, &l)
	}
	slices.SortFunc(langs, func(a, b *Lang) int { return slices.Index(Known, byCode(a.Code)) - slices.Index(Known, byCode(b.Code)) })
	if len(langs) == 0 || langs[0].Code != Danish.Code {
		if !daFound {
			problems.Errorf(path.Join(Dir, "da.toml"), 0, 0, "file is missing; the Danish interface strings are the site's first language")
		}
		return nil // da.toml's own error says what is wrong with it
	}
	checkOwnLanguage(langs, docs, problems)
	checkFormats(langs, docs, problems)
	checkSameKeys(langs, problems)
	return langs
}

// checkOwnLanguage refuses a table whose lang_code or og_locale names
// another language than its file: every page would claim to be in it.
func checkOwnLanguage(langs []*Lang, docs map[string]*tomlfile.Doc, problems *diag.List) {
	for _, l := range langs {
		for key, want := range map[string]string{"lang_code": l.Code, "og_locale": l.Locale} {
			if got, ok := l.strings[key]; ok && got != want {
				line, col := docs[l.Code].Pos(key)
				problems.Errorf(path.Join(Dir, l.Code+".toml"), line, col, "%s is %q, but this is the file of %s; write %s = %q", key, got, l.Name, key, want)
				l.strings[key] = want
			}
		}
	}
}

// readTable decodes one language's table: keys to strings, none empty. A
// key whose value is refused is left out and marked broken in l; the rest
// of the table stands.
func readTable(fsys fs.FS, file string, l *Lang, problems *diag.List) (map[string]string, *tomlfile.Doc, bool) {
	src, ok := textfile.Read(fsys, file, problems)
	if !ok {
		return nil, nil, false
	}
	var raw map[string]any
	doc, ok := tomlfile.Decode(file, 1, src, &raw, problems)
	if !ok {
		return nil, nil, false
	}
	table := map[string]string{}
	l.broken = map[string]bool{}
	flatten(file, doc, "", raw, table, l.broken, problems)
	for _, key := range slices.Sorted(maps.Keys(table)) {
		if strings.TrimSpace(table[key]) == "" {
			line, col := doc.Pos(strings.Split(key, ".")...)
			problems.Errorf(file, line, col, "%q is empty; write the string, or remove the key from every language", key)
		}
	}
	return table, doc, true
}

// flatten puts the strings of a table into table, a section's keys
// prefixed with its name: "nav.cases" is key cases of section [nav].
func flatten(file string, doc *tomlfile.Doc, prefix string, raw map[string]any, table map[string]string, broken map[string]bool, problems *diag.List) {
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		switch v := raw[key].(type) {
		case string:
			table[prefix+key] = v
		case map[string]any:
			flatten(file, doc, prefix+key+".", v, table, broken, problems)
		default:
			line, col := doc.Pos(strings.Split(prefix+key, ".")...)
			problems.Errorf(file, line, col, "%q is not a string; an interface string is written in quotes", prefix+key)
			broken[prefix+key] = true
		}
	}
}

// checkSameKeys names, in each language's file, every key another
// language has and it lacks.
func checkSameKeys(langs []*Lang, problems *diag.List) {
	for _, l := range langs {
		for _, other := range langs {
			for _, key := range slices.Sorted(maps.Keys(other.strings)) {
				if _, ok := l.strings[key]; !ok && !l.broken[key] {
					problems.Errorf(path.Join(Dir, l.Code+".toml"), 0, 0, "%q is missing; %s.toml has it: %q", key, other.Code, other.strings[key])
				}
			}
		}
	}
}

// Has reports whether the language's table holds the key.
func (l *Lang) Has(key string) bool {
	_, ok := l.strings[key]
	return ok
}

func byCode(code string) *Lang {
	for _, l := range Known {
		if l.Code == code {
			return l
		}
	}
	return nil
}

func codes() string {
	var cs []string
	for _, l := range Known {
		cs = append(cs, l.Code)
	}
	return English.Join(cs) // for messages, which are in English
}
