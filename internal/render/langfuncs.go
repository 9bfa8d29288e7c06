package render

// The functions through which the templates speak the page's language: its
// interface strings (i18n/), its numbers and dates, and the phrases of
// another language kept in the data's texts.

import (
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"

	"report/internal/data"
	"report/internal/lang"
)

// langFuncs are the template functions of the renderer's language.
func (r *Renderer) langFuncs() template.FuncMap {
	return template.FuncMap{
		// t is an interface string; tf one with its values filled in. A key
		// no table has fails the build with the template's name and line.
		"t": r.lookup,
		"tf": func(key string, args ...any) (string, error) {
			if _, err := r.lookup(key); err != nil {
				return "", err
			}
			return r.lang.Tf(key, args...), nil
		},
		// theme is a case story theme's heading.
		"theme": func(id string) (string, error) { return r.lookup("themes." + id) },
		// number and date write a figure and a day the language's way:
		// "11.708", "11,708"; "27. november 2016", "27 November 2016".
		"number": r.lang.Number,
		"date":   r.lang.Date,
		// published writes an edition's date with no more than is known:
		// "1. juni 2017", or the year alone, "2016".
		"published": r.published,
		// years lists years the language's way: "2016", "2016 og 2017".
		"years": func(years []int) string {
			parts := make([]string, len(years))
			for i, y := range years {
				parts[i] = strconv.Itoa(y)
			}
			return r.lang.Join(parts)
		},
		// phrases writes a text from the data with its phrases of another
		// language, {{da: …}}, marked with their language; tfPhrases is tf
		// with one such text as its %s.
		"phrases": func(s string) template.HTML { return template.HTML(lang.MarkPhrases(s)) },
		"tfPhrases": func(key, s string) (template.HTML, error) {
			format, err := r.lookup(key)
			if err != nil {
				return "", err
			}
			before, after, _ := strings.Cut(format, "%s")
			return template.HTML(html.EscapeString(before) + lang.MarkPhrases(s) + html.EscapeString(after)), nil
		},
	}
}

// lookup is the interface string of the key, or the error that names the
// table it is missing from.
func (r *Renderer) lookup(key string) (string, error) {
	s, ok := r.interfaceString(key)
	if !ok {
		return "", fmt.Errorf("no interface string %q in %s/%s.toml; add it to every language", key, lang.Dir, r.lang.Code)
	}
	return s, nil
}

// interfaceString is the interface string of the key, if the language
// has it: what {{t "key"}} gives on every page (see fold.go).
func (r *Renderer) interfaceString(key string) (string, bool) {
	if !r.lang.Has(key) {
		return "", false
	}
	return r.lang.T(key), true
}

// published is an edition's publication date as a reader reads it: the day
// written out, or the year the source gives alone.
func (r *Renderer) published(p data.PubDate) string {
	if p.Day == 0 {
		return strconv.Itoa(p.Year)
	}
	return r.lang.Date(p.Start())
}
