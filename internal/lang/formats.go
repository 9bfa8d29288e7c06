package lang

// The interface strings are format strings (fmt's): the site fills their
// %s and %d with names and figures. A string whose directives do not fit
// the values given prints fmt's complaint ("%!d(string=…)") on every page,
// so the tables are checked when they load: each string against the same
// key in the other languages, and for characters no page may show.

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"report/internal/diag"
	"report/internal/tomlfile"
)

// verb is one directive of a format string: the value it takes, from 1,
// and its letter.
type verb struct {
	arg    int
	letter byte
}

// parseFormat reads the directives of s as fmt would, in the grammar the
// tables use: %s, %d, %v and %q, each optionally with an explicit value,
// %[2]d, and %% for a percent sign. A % followed by anything else is a
// percent sign as the writer meant it ("100 %"): escaped is s with each
// such % doubled, for fmt to print as written.
func parseFormat(s string) (escaped string, verbs []verb, indexed bool) {
	var b strings.Builder
	next := 1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		rest := s[i+1:]
		if strings.HasPrefix(rest, "%") {
			b.WriteString("%%")
			i++
			continue
		}
		arg, n := next, 0
		if strings.HasPrefix(rest, "[") {
			end := strings.IndexByte(rest, ']')
			if end > 1 && end < 4 && strings.Trim(rest[1:end], "0123456789") == "" {
				fmt.Sscan(rest[1:end], &arg)
				n, indexed = end+1, true
			}
		}
		if n < len(rest) && strings.IndexByte("sdvq", rest[n]) >= 0 && (n > 0 || !strings.HasPrefix(rest, "[")) {
			verbs = append(verbs, verb{arg, rest[n]})
			b.WriteString(s[i : i+2+n])
			i += 1 + n
			next = arg + 1
			continue
		}
		b.WriteString("%%") // a percent sign, as written
	}
	return b.String(), verbs, indexed
}

// values is how many values a string's directives take, the highest one.
func values(verbs []verb) int {
	n := 0
	for _, v := range verbs {
		n = max(n, v.arg)
	}
	return n
}

// kindOf groups the letters by the values they print right: a number for
// %d, text for %s and %q; %v prints anything.
func kindOf(letter byte) string {
	switch letter {
	case 'd':
		return "a whole number (%d)"
	case 's', 'q':
		return "a text (%s)"
	}
	return ""
}

// checkFormats makes every string of each table print as written, and
// refuses a key whose strings take other values in one language than in
// another: the site gives both the same. It reports at the key, with the
// other language's string, and escapes each lone % in place.
func checkFormats(langs []*Lang, docs map[string]*tomlfile.Doc, problems *diag.List) {
	parsed := map[string]map[string][]verb{} // language → key → directives
	indexed := map[string]map[string]bool{}
	for _, l := range langs {
		parsed[l.Code], indexed[l.Code] = map[string][]verb{}, map[string]bool{}
		file := path.Join(Dir, l.Code+".toml")
		for _, key := range slices.Sorted(maps.Keys(l.strings)) {
			s := l.strings[key]
			// tomlfile refuses every other control character; a tab or a
			// line end breaks the one line an interface string is.
			if i := strings.IndexFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }); i >= 0 {
				line, col := docs[l.Code].Pos(strings.Split(key, ".")...)
				problems.Errorf(file, line, col, "%q holds a control character (%U); an interface string is one line of text", key, []rune(s[i:])[0])
				delete(l.strings, key)
				l.broken[key] = true
				continue
			}
			escaped, verbs, ix := parseFormat(s)
			l.strings[key], parsed[l.Code][key], indexed[l.Code][key] = escaped, verbs, ix
		}
	}
	first := langs[0]
	for _, key := range slices.Sorted(maps.Keys(first.strings)) {
		for _, l := range langs[1:] {
			if _, ok := l.strings[key]; !ok {
				continue
			}
			if msg := formatMismatch(parsed[first.Code][key], parsed[l.Code][key], indexed[first.Code][key], indexed[l.Code][key]); msg != "" {
				line, col := docs[l.Code].Pos(strings.Split(key, ".")...)
				problems.Errorf(path.Join(Dir, l.Code+".toml"), line, col, "%q %s in %s.toml (%q): the site gives both the same values; write the same %%s and %%d (in another order with %%[2]s)", key, msg, first.Code, first.strings[key])
			}
		}
	}
}

// formatMismatch says how the directives b take other values than a's,
// or "".
func formatMismatch(a, b []verb, _, bIndexed bool) string {
	na, nb := values(a), values(b)
	if nb > na || nb < na && !bIndexed { // without explicit indexes, fmt prints the values left over
		return fmt.Sprintf("takes %d %s here, and %d", nb, plural(nb, "value", "values"), na)
	}
	kinds := map[int]string{}
	for _, v := range a {
		if k := kindOf(v.letter); k != "" {
			kinds[v.arg] = k
		}
	}
	for _, v := range b {
		if k, want := kindOf(v.letter), kinds[v.arg]; k != "" && want != "" && k != want {
			return fmt.Sprintf("takes %s as value %d here, and %s", k, v.arg, want)
		}
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
