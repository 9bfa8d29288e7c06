package site

import (
	"report/internal/data"
	"report/internal/diag"
)

// checkPublishable refuses what a published report may not lack: who
// publishes it, and when each edition came out. A preview and a test site
// build without them; make publish does not.
func checkPublishable(d *data.Data, problems *diag.List) {
	if d.Site.Publisher == "" {
		problems.Errorf("data/site.toml", 1, 1, `the site names no publisher, which the footer, the PDF and the feed state: add publisher = "…" (and under [en], its English name) before publishing`)
	}
	for _, e := range d.Editions {
		if e.Published.IsZero() {
			line, col := 1, 1
			if l, c := e.Doc.Pos("year"); l > 0 {
				line, col = l, c
			}
			problems.Errorf(e.Path, line, col, "edition %d has no publication date, which the PDF, the feed and the sitemap state: add published = %d-06-01 (the day it comes out), or the year alone, published = %d, where no one knows the day", e.Year, e.Year, e.Year)
		}
	}
}
