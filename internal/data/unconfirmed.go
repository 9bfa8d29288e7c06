package data

import (
	"strings"

	"report/internal/diag"
	"report/internal/tomlfile"
)

// Unconfirmed is the list a data file keeps of its values that no person
// has confirmed: a value taken over from an earlier edition or inferred
// from the source, such as the publisher the printed report never names.
// The site builds with them, and `report check` names each until an editor
// who has confirmed it removes it from the list. A key is written as in
// the file: "publisher", "en.publisher".
type Unconfirmed []string

// warn names each unconfirmed value at its line in the file doc came from,
// and refuses a name the file does not set (a typo would otherwise hide
// the value it meant).
func (u Unconfirmed) warn(doc *tomlfile.Doc, problems *diag.List) {
	for _, key := range u {
		path := strings.Split(key, ".")
		if !doc.Defined(path...) {
			line, col := doc.Pos("unconfirmed")
			problems.Errorf(doc.Path, max(line, 1), col, "unconfirmed lists %q, which this file does not set: write the key as in the file, like \"publisher\" or \"en.publisher\"", key)
			continue
		}
		line, col := doc.Pos(path...)
		problems.Warnf(diag.Unconfirmed, doc.Path, max(line, 1), col, "%s is not confirmed: once a person has confirmed it, remove %q from unconfirmed", key, key)
	}
}
