package hostfiles

import (
	"strings"

	"report/internal/urls"
)

// Language is a version of the site in another language, as _redirects
// names it.
type Language struct {
	Folder string // "en/"
	Name   string // "English"
}

// Redirects writes _redirects for a site published under basePath: each
// other language's missing addresses get that language's 404 page, and,
// when data/site.toml names an accessibility statement (statement, an
// address), the short address urls.Accessibility leads to it.
func Redirects(basePath string, languages []Language, statement string) []byte {
	var b strings.Builder
	b.WriteString("# Redirects for Netlify and Cloudflare Pages, written by `report build`.\n")
	for _, l := range languages {
		// Cloudflare finds the nearest 404.html by itself; Netlify needs
		// the rule.
		b.WriteString("# A missing address under " + basePath + l.Folder + " gets the " + l.Name + " 404 page.\n")
		b.WriteString(basePath + l.Folder + "* " + basePath + l.Folder + urls.NotFound + " 404\n")
	}
	if statement != "" {
		b.WriteString("# The accessibility statement, made in WAS-Tool (data/site.toml).\n")
		// 302: the statement's address is data/site.toml's to change.
		for _, p := range []string{urls.Accessibility, urls.Accessibility + "/"} {
			b.WriteString(basePath + p + " " + statement + " 302\n")
		}
	}
	return []byte(b.String())
}
