package render

// PrivacyURL is the path of the privacy note: the site sets no cookies and
// tracks no one, and the note, linked from every page's footer, says so.
const PrivacyURL = "privatliv/"

// privacyJob is the privacy note. Its text is the template's
// (layouts/privacy.html): it describes the site, not an edition, so it
// belongs to none, but shows the newest edition's navigation.
func (r *Renderer) privacyJob() job {
	d := r.page("privacy", r.latest(), r.lang.T("privacy.title"), PrivacyURL)
	d.Breadcrumbs = []Crumb{r.homeCrumb()}
	d.Description = r.lang.T("page.privacy_description")
	return job{path: PrivacyURL + "index.html", kind: "privacy", data: d}
}
