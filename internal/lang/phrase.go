package lang

import (
	"html"
	"regexp"
	"strings"
)

// A phrase of another language kept in a text, {{da: Klyngekataloget}}:
// Markdown marks it itself (package markdown); texts from the data (a
// study's source, a key figure's text) are marked here, by the layouts and
// the figures that show them.

var phrase = regexp.MustCompile(`\{\{([a-z]{2,3}):\s*([^{}]*?)\s*\}\}`)

// IsPhrase reports whether the inside of a {{…}} is a phrase of another
// language, "da: Styrelsen for Forskning og Innovation", rather than a
// reference to the data.
func IsPhrase(inner string) bool { return phrase.MatchString("{{" + inner + "}}") }

// MarkPhrases is s as HTML: escaped, with each phrase of another language
// in a span that says its language, so screen readers say it in that
// language (WCAG 3.1.2).
func MarkPhrases(s string) string {
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
func Plain(s string) string { return phrase.ReplaceAllString(s, "$2") }
