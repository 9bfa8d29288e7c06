package render

// SearchURL is the path of the search page. Its results come from an index
// that Pagefind writes into the built site (pagefind/, see `make publish`);
// the page itself is an ordinary page of the build, and says so when the
// index is not there.
const SearchURL = "soeg/"

// searchJob is the search page. It searches every edition, so it belongs to
// none, but shows the newest edition's navigation, as the metric pages do.
func (r *Renderer) searchJob() job {
	d := r.page("search", r.latest(), r.lang.T("search.title"), SearchURL)
	d.Breadcrumbs = []Crumb{r.homeCrumb()}
	d.Description = r.lang.T("page.search_description")
	return job{path: SearchURL + "index.html", kind: "search", data: d}
}
