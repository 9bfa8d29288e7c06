package site

import (
	"bytes"
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
	if p.body != nil && bytes.Contains([]byte(p.body.HTML), []byte(StoryPlaceholder)) {
		problems.Errorf(path, p.bodyLine, 1, "the story is still the placeholder %q; write the story in its place", StoryPlaceholder)
	}
}
