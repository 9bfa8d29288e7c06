package printpage

// The print page's own stylesheet, made with the page rather than kept in
// static/: each part's running head is its title, which the stylesheet
// must spell out, and only the assembled edition knows its parts.

import (
	"fmt"
	"report/internal/lang"
	"strings"
)

// runningHeads is the print page's own stylesheet: each part on named pages
// of its own, whose running head is the part's title, and the edition's
// name at the right, and the page's number in the language's words. The
// look of the margins is in static/css/print.css.
func runningHeads(l *lang.Lang, d *Data) []byte {
	var b strings.Builder
	b.WriteString("@charset \"utf-8\";\n/* Made by report with the print page: the running heads. */\n")
	before, after, _ := strings.Cut(l.T("print.page_of"), "%d")
	between, after, _ := strings.Cut(after, "%d")
	fmt.Fprintf(&b, "@page { @top-right { content: %s; } @bottom-right { content: %s counter(page) %s counter(pages) %s; } }\n",
		cssString(d.Edition.Subtitle), cssString(before), cssString(between), cssString(after))
	fmt.Fprintf(&b, "[data-sheet=\"0\"] { page: part-0; }\n@page part-0 { @top-left { content: %s; } }\n", cssString(l.T("print.contents")))
	for _, part := range d.Parts {
		fmt.Fprintf(&b, "[data-sheet=\"%d\"] { page: part-%d; }\n", part.Sheet, part.Sheet)
		fmt.Fprintf(&b, "@page part-%d { @top-left { content: %s; } }\n", part.Sheet, cssString(part.Head))
	}
	// The cover carries no head and no number; said last, since a margin
	// box's content set later wins over :first's in Chromium.
	b.WriteString("@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }\n")
	return []byte(b.String())
}

// cssString quotes s as a CSS string.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
