// Package printpage makes an edition's print page: its foreword,
// chapters, case stories and cluster directory on one page, the page the
// edition's PDF is printed from (see cmd/report-pdf and package pdf). It
// is never published: a whole edition on one page is far above the site's
// page budget, and it would repeat every page's text to search engines
// and to the site's search. Each part is the "main" template of the page
// it comes from, rendered as the site renders it (render.Plan.RenderMain),
// so that the PDF says what the site says; its ids are prefixed with the
// part's id, so that anchors of different chapters cannot collide, and its
// links lead to the part they name inside the document, or to the site.
//
// The package also ties a PDF to its sources: the digest of what it was
// printed from, which report-pdf records beside the PDF, and AddPDFs,
// which publishes a PDF only while the digest still holds.
//
// print.go is what report-pdf asks for: the page, numbered, and the PDF's
// document information; parts.go gathers the parts, rewrite.go makes a
// page's HTML a part, styles.go writes the running heads, and pdfs.go
// publishes the PDFs printed from the page.
package printpage
