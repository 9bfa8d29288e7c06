package site

import (
	"reflect"
	"slices"
	"strings"

	"report/internal/diag"
)

// StoryPlaceholder is the text `report new case` writes where the story
// goes; a case story that still holds it is not written yet.
const StoryPlaceholder = "Skriv historien her."

// checkCase refuses a case story whose fields a reader needs are empty, and
// one whose story is still the scaffold's placeholder, naming each field.
func checkCase(path string, p parsed, m *caseMatter, problems *diag.List) {
	fields := []struct {
		key   []string
		value string
		what  string
	}{
		{[]string{"summary"}, m.Summary, "one sentence for the list of cases and for link previews"},
		{[]string{"quote", "text"}, m.Quote.Text, "the quoted words, shown large at the top of the story"},
		{[]string{"quote", "person"}, m.Quote.Person, "who said the quoted words"},
	}
	for _, f := range fields {
		if strings.TrimSpace(f.value) != "" {
			continue
		}
		name := strings.Join(f.key, ".")
		line, col := p.doc.Pos(f.key...)
		if line == 0 {
			// Missing: point at its table ([quote]), or at the front matter.
			line, col = p.doc.Pos(f.key[0])
			if len(f.key) == 1 || line == 0 {
				line, col = p.doc.FirstLine, 1
			}
			problems.Errorf(path, line, col, "%q is missing: write %s", name, f.what)
			continue
		}
		problems.Errorf(path, line, col, "%q is still empty: write %s", name, f.what)
	}
	if p.placeholder {
		problems.Errorf(path, p.bodyLine, 1, "the story is still the placeholder %q; write the story in its place", StoryPlaceholder)
	}
}

// CaseRequired are the front-matter keys every case story must fill in:
// checkCase, caseCluster, caseTheme and requireTitle each report one
// missing or empty. The CMS's form requires the same fields (package cms),
// and a test holds this list to what the checks do.
var CaseRequired = [][]string{{"title"}, {"cluster"}, {"theme"}, {"summary"}, {"quote", "text"}, {"quote", "person"}}

// ChapterRequired are the front-matter keys every chapter must fill in.
var ChapterRequired = [][]string{{"title"}}

// MatterKeys are the keys the front matter of a case story ("case") or a
// chapter ("chapter") may hold, tables as paths: {"quote", "text"}. A key
// check would refuse is not among them.
func MatterKeys(kind string) [][]string {
	switch kind {
	case "case":
		return tomlKeys(reflect.TypeFor[caseMatter](), nil)
	case "chapter":
		return tomlKeys(reflect.TypeFor[chapterMatter](), nil)
	}
	return nil
}

func tomlKeys(t reflect.Type, prefix []string) [][]string {
	var keys [][]string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" || name == "-" {
			continue
		}
		key := append(slices.Clone(prefix), name)
		if f.Type.Kind() == reflect.Struct {
			keys = append(keys, tomlKeys(f.Type, key)...)
			continue
		}
		keys = append(keys, key)
	}
	return keys
}

// WrittenOnce reports whether a front-matter key belongs to the Danish page
// alone: a translation that holds it is refused.
func WrittenOnce(key []string) bool {
	return slices.ContainsFunc(writtenOnce, func(k []string) bool { return slices.Equal(k, key) })
}
