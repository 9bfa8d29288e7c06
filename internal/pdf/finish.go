package pdf

// What finishing the print (pdfobj.Finish) takes from the edition: its
// metadata, and the print page's headings, whose words give the outline's
// titles back the spaces Chromium drops where a heading wraps.

import (
	"html"
	"regexp"
	"strings"

	"report/internal/pdfobj"
	"report/internal/printpage"
	"report/internal/render"
)

// finish rewrites Chromium's print, raw, as published: the edition's
// metadata in the language lang, and the outline's titles given the
// spaces of the print page's headings (files, the page as printed).
func finish(raw []byte, meta printpage.Meta, lang string, files []render.File) ([]byte, error) {
	m := pdfobj.Meta{Title: meta.Title, Author: meta.Author, Subject: meta.Subject, Lang: lang}
	if !meta.Date.IsZero() {
		m.PDFDate, m.XMPDate = meta.Date.PDF(), meta.Date.W3C()
	}
	return pdfobj.Finish(raw, m, headings(files))
}

var (
	headingElem = regexp.MustCompile(`(?s)<h[1-6][^>]*>(.*?)</h[1-6]>`)
	anyTag      = regexp.MustCompile(`<[^>]*>`)
)

// headings are the texts of the print page's headings.
func headings(files []render.File) []string {
	var out []string
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		for _, m := range headingElem.FindAllSubmatch(f.Data, -1) {
			text := html.UnescapeString(anyTag.ReplaceAllString(string(m[1]), ""))
			out = append(out, strings.Join(strings.Fields(text), " "))
		}
	}
	return out
}
