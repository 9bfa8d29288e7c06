package lang

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

// A phrase of another language kept in a text, {{da: Klyngekataloget}}:
// Markdown marks it itself (package markdown); texts from the data (a
// study's source, a key figure's text) are marked here, by the layouts and
// the figures that show them.

var phrase = regexp.MustCompile(`\{\{(da|en):\s*([^{}]*?)\s*\}\}`)

// ParsePhrase reads the inside of a {{…}} that is a phrase of another
// language, "da: Styrelsen for Forskning og Innovation": ok is false for a
// reference to the data. It is the one reader of phrases: Markdown, front
// matter and the data's texts all mark theirs through it. A phrase in a
// language the site does not know, with no words, or holding braces (a
// phrase or a reference inside it) is refused with err, and the text
// keeps no braces for readers either way.
func ParsePhrase(inner string) (code, words string, ok bool, err error) {
	code, words, ok = strings.Cut(inner, ":")
	code = strings.TrimSpace(code)
	if !ok || len(code) < 2 || len(code) > 3 || strings.Trim(code, "abcdefghijklmnopqrstuvwxyz") != "" {
		return "", "", false, nil
	}
	words = strings.TrimSpace(words)
	switch {
	case byCode(code) == nil:
		return code, words, true, fmt.Errorf("{{%s: …}}: the site knows the languages %s; write the phrase's language as one of them", code, codes())
	case words == "":
		return code, words, true, fmt.Errorf("{{%s:}} holds no words; write the phrase in that language after the colon", code)
	case strings.ContainsAny(words, "{}"):
		return code, words, true, fmt.Errorf("{{%s: …}} holds braces; a phrase of another language is plain words, with no phrase or reference inside it", code)
	}
	return code, words, true, nil
}

// IsPhrase reports whether the inside of a {{…}} is shaped as a phrase of
// another language rather than a reference to the data.
func IsPhrase(inner string) bool {
	_, _, ok, _ := ParsePhrase(inner)
	return ok
}

// MarkPhrases is s as HTML: escaped, with each phrase of another language
// in a span that says its language, so screen readers say it in that
// language (WCAG 3.1.2).
func MarkPhrases(s string) string {
	if !strings.Contains(s, "{{") {
		return html.EscapeString(s)
	}
	var b strings.Builder
	last := 0
	for _, m := range phrase.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(html.EscapeString(s[last:m[0]]))
		b.WriteString(`<span lang="` + s[m[2]:m[3]] + `">` + html.EscapeString(s[m[4]:m[5]]) + `</span>`)
		last = m[1]
	}
	b.WriteString(html.EscapeString(s[last:]))
	return b.String()
}

// Plain is s with each phrase of another language as its words only, for
// text that cannot hold markup: alt texts, titles, downloads.
func Plain(s string) string {
	if !strings.Contains(s, "{{") { // most texts: the expression is not run
		return s
	}
	return phrase.ReplaceAllString(s, "$2")
}
