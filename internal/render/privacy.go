package render

// PrivacyURL is the path of the privacy note: the site sets no cookies and
// tracks no one, and the note, linked from every page's footer, says so.
// Its text is the template's (layouts/privacy.html); see siteWideJob.
const PrivacyURL = "privatliv/"
