package render

import "report/internal/lang"

// DocTitle is the page's <title>, the whole text. The home page is the
// report's title alone. Any other page is its own title and then whose page
// it is: the edition's ("Hvem er de? – Performanceregnskab 2016") on a page
// that has one, the report's on a page of no edition. Three kinds of page
// with an edition are named after the report all the same: the edition's
// front page, whose own title is already the edition's name, and the list
// of all figures and a metric's page, which span every edition and only
// show the newest one's navigation. (The search page and the privacy note
// show that navigation too, and are named after that edition.)
//
// The two are joined as page.title of the page's language (i18n/) says.
//
// It is worked out from the page's fields when the page is rendered, so a
// page whose kind and title change after it was made (the print edition
// starts as a copy of the front page) is named by what it became.
func (d *PageData) DocTitle() string {
	report := d.Site.Data.Site.Title
	l := d.lang
	if l == nil {
		l = lang.Danish // no table: the key shows in brackets, where a test sees it
	}
	switch {
	case d.Kind == "home":
		return report
	case d.Edition != nil && !namedAfterReport[d.Kind]:
		return l.Tf("page.title", d.Title, d.Edition.Subtitle)
	default:
		return l.Tf("page.title", d.Title, report)
	}
}

// namedAfterReport are the kinds of page that belong to an edition, or show
// its navigation, but whose title names the report rather than the edition.
var namedAfterReport = map[string]bool{"edition": true, "metrics": true, "metric": true, "opendata": true}
