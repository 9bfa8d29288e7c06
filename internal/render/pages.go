package render

// The site's pages, decided before any is rendered: each page's data, its
// trail and its description, in a fixed order, so that a plan knows every
// page, and the sitemap lists them, without rendering one.

import (
	"html/template"
	"slices"

	"report/internal/data"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/site"
	"report/internal/urls"
)

// PageData is what every template receives. Fields that do not apply to a
// page kind are left empty.
type PageData struct {
	Kind        string
	Site        *site.Site
	Edition     *site.Edition // nil on the home page and the 404 page
	Title       string        // the page's own title; DocTitle (titles.go) is its <title>
	Description string
	URL         string // the page's path under the site, "2016/hvem-er-de/"
	Breadcrumbs []Crumb
	Header      template.HTML // the site's header, from _chrome.html
	Footer      template.HTML // the site's footer, from _chrome.html
	// BreadcrumbNav is the breadcrumbs drawn, from _chrome.html (empty
	// where the layouts do not define them, or the page has none).
	BreadcrumbNav template.HTML
	// HeadSite, HeadShare and HeadIcons are the parts of the head that are
	// the same on every page of an edition in a language, from _chrome.html
	// (empty where the layouts do not define them).
	HeadSite, HeadShare, HeadIcons template.HTML

	Page    *site.Page    // the Markdown page, on edition, chapter and case pages
	Draft   *site.Draft   // an unconfirmed copy the page shows, in the preview
	Content template.HTML // its rendered body
	TOC     []markdown.Heading
	Prev    *site.Page
	Next    *site.Page

	Case         *site.Case
	Cluster      *data.Cluster
	ClusterCases []*site.Case
	Fields       []site.FieldClusters
	Themes       []site.ThemeCases
	KeyFigures   []site.KeyFigure
	PDF          *PDFLink // the edition's PDF, on its front page when the build publishes one (see printpage.AddPDFs)

	Metric  *data.Metric
	History []HistoryRow
	Gaps    []int           // the years within the page's figures (a metric's, or a chapter's blocks') that no edition covers
	Chart   template.HTML   // the metric's history drawn, on its page: drawn only when the page renders (see job.chart)
	Files   []markdown.File // downloads beside a page that has no Markdown
	Metrics []MetricEntry

	// Versions are the page in each of the site's languages that has it,
	// Danish first, for hreflang; Switch are the others, or their front
	// pages where they lack this one, for the language switch.
	Versions []Version
	Switch   []Version

	lang *lang.Lang // the page's language, for DocTitle
}

// PDFLink is an edition front page's link to its PDF in the page's
// language.
type PDFLink struct {
	URL string // where the PDF is published, below the language's folder
	// Size is what the link says after edition.pdf's comma: the file's
	// size, "2,1 MB".
	Size string
}

// pageData is the page's data, also where a type embeds it.
func (d *PageData) pageData() *PageData { return d }

// Version is a page in one language.
type Version struct {
	Lang string // its code, "da"
	Name string // the language's name in itself, "English"
	Href string // its address: absolute when the base URL names a host
}

// Crumb is a step in the breadcrumb trail.
type Crumb struct{ Title, URL string }

// languageJobs lists every page of the renderer's language in a fixed order, each
// to be rendered by it.
func (r *Renderer) languageJobs() []job {
	jobs := r.orderedJobs()
	for i := range jobs {
		jobs[i].r = r
	}
	return jobs
}

// orderedJobs lists the pages of the renderer's language in a fixed order;
// languageJobs gives them their renderer.
func (r *Renderer) orderedJobs() []job {
	s := r.site
	jobs := []job{
		{path: "index.html", kind: "home", data: r.page("home", nil, s.Data.Site.Title, "")},
		{path: urls.NotFound, kind: "404", data: r.page("404", nil, r.lang.T("not_found.title"), urls.NotFound)},
	}
	// Every page has a description, for search results and link previews.
	jobs[0].data.Description = r.lang.T("page.home_description")
	jobs[1].data.Description = r.lang.T("page.not_found_description")
	if latest := r.latest(); latest != nil {
		jobs[0].data.Edition = latest
		jobs[0].data.KeyFigures = latest.Figures
		jobs[0].data.Description = latest.Description
	}
	archive := r.page("archive", nil, r.lang.T("archive.title"), urls.Archive)
	archive.Breadcrumbs = []Crumb{r.homeCrumb()}
	archive.Description = r.lang.T("page.archive_description")
	jobs = append(jobs, job{path: urls.Archive + "index.html", kind: "archive", data: archive})
	jobs = append(jobs, r.siteWideJob("search", urls.Search), r.siteWideJob("privacy", urls.Privacy))
	jobs = append(jobs, r.metricJobs()...)
	jobs = append(jobs, r.openDataJob())
	for _, e := range s.Editions {
		jobs = append(jobs, r.editionJobs(e)...)
	}
	return jobs
}

// metricJobs are the index of all figures and one page per metric with its
// history across every edition. They belong to no edition, but show the
// newest edition's navigation.
func (r *Renderer) metricJobs() []job {
	home := r.homeCrumb()
	index := r.page("metrics", r.latest(), r.lang.T("metrics.title"), urls.Metrics)
	index.Metrics, index.Breadcrumbs = r.metricEntries(), []Crumb{home}
	index.Description = r.lang.T("page.metrics_description")
	jobs := []job{{path: urls.Metrics + "index.html", kind: "metrics", data: index}}
	for _, m := range r.site.Data.Metrics {
		d := r.page("metric", r.latest(), r.site.Data.Title(m.ID), urls.Metric(m.ID))
		d.Metric, d.History = m, r.history(m)
		for _, row := range d.History {
			if row.Gap {
				d.Gaps = append(d.Gaps, row.Year)
			}
		}
		var chart func() string
		if fig := r.site.Histories[m.ID]; fig != nil {
			d.Files, chart = fig.Downloads(), fig.HTML
		}
		d.Breadcrumbs = []Crumb{home, {Title: index.Title, URL: urls.Metrics}}
		d.Description = r.lang.Tf("page.metric_description", d.Title)
		jobs = append(jobs, job{path: d.URL + "index.html", kind: "metric", data: d, chart: chart})
	}
	return jobs
}

// openDataJob is the page about the open data, with the files it offers
// beside it (site.OpenData): it belongs with the list of all figures.
func (r *Renderer) openDataJob() job {
	d := r.page("opendata", r.latest(), r.lang.T("opendata.title"), urls.OpenData)
	d.Breadcrumbs = []Crumb{r.homeCrumb(), {Title: r.lang.T("metrics.title"), URL: urls.Metrics}}
	d.Description = r.lang.T("page.opendata_description")
	if r.site.OpenData != nil {
		d.Files = r.site.OpenData.Files
	}
	return job{path: urls.OpenData + "index.html", kind: "opendata", data: d}
}

func (r *Renderer) latest() *site.Edition {
	if len(r.site.Editions) == 0 {
		return nil
	}
	return r.site.Editions[len(r.site.Editions)-1]
}

// editionJobs are an edition's pages: its front page, its chapters, and
// its case stories and clusters, each list before the pages it lists.
func (r *Renderer) editionJobs(e *site.Edition) []job {
	jobs := []job{jobFor("edition", r.frontPage(e))}
	jobs = append(jobs, r.chapterJobs(e)...)
	jobs = append(jobs, r.caseJobs(e)...)
	return append(jobs, r.clusterJobs(e)...)
}

// jobFor is the job of a page at its URL's index.html.
func jobFor(kind string, d *PageData) job {
	return job{path: d.URL + "index.html", kind: kind, data: d}
}

// homeCrumb is the first step of every trail: the home page.
func (r *Renderer) homeCrumb() Crumb {
	return Crumb{Title: r.lang.T("crumbs.home"), URL: ""}
}

// editionCrumbs is the trail of a page of edition e: the home page, the
// edition's front page, then more.
func (r *Renderer) editionCrumbs(e *site.Edition, more ...Crumb) []Crumb {
	trail := []Crumb{r.homeCrumb(), {Title: e.Subtitle, URL: urls.Edition(e.Year)}}
	// Clipped: pages share a trail, and an append must not write into it.
	return slices.Clip(append(trail, more...))
}

// frontPage is the edition's front page. It shows one draft notice: the
// edition file's, when that is a copy no editor has confirmed, or else
// that of its own text.
func (r *Renderer) frontPage(e *site.Edition) *PageData {
	front := r.page("edition", e, e.Subtitle, urls.Edition(e.Year))
	front.Page, front.KeyFigures, front.Description = e.Front, e.Figures, e.Description
	front.Breadcrumbs = []Crumb{r.homeCrumb()}
	front.Draft = e.Draft
	if front.Draft == nil && e.Front != nil {
		front.Draft = e.Front.Draft
	}
	return front
}

// chapterJobs are the edition's chapters, each linked to the one before
// and after it, to be read in order.
func (r *Renderer) chapterJobs(e *site.Edition) []job {
	var jobs []job
	for i, ch := range e.Chapters {
		d := r.page("chapter", e, ch.Title, ch.URL)
		d.Page, d.Description, d.TOC, d.Draft = ch, ch.Summary, Sections(ch.Body), ch.Draft
		if ch.Body != nil {
			d.Gaps = ch.Body.Gaps
		}
		d.Breadcrumbs = r.editionCrumbs(e)
		if i > 0 {
			d.Prev = e.Chapters[i-1]
		}
		if i+1 < len(e.Chapters) {
			d.Next = e.Chapters[i+1]
		}
		jobs = append(jobs, jobFor("chapter", d))
	}
	return jobs
}

// caseJobs are the edition's list of case stories by theme, and each story.
func (r *Renderer) caseJobs(e *site.Edition) []job {
	cases := r.page("cases", e, r.lang.T("cases.title"), urls.Cases(e.Year))
	cases.Themes, cases.Breadcrumbs = e.CasesByTheme(), r.editionCrumbs(e)
	cases.Description = r.lang.Tf("page.cases_description", e.DataYear)
	jobs := []job{jobFor("cases", cases)}
	// Every story has the same trail: one slice for all, read only.
	trail := r.editionCrumbs(e, Crumb{Title: cases.Title, URL: urls.Cases(e.Year)})
	for _, c := range e.Cases {
		d := r.page("case", e, c.Title, c.URL)
		d.Page, d.Case, d.Cluster, d.Description = &c.Page, c, c.Cluster, c.Summary
		d.Breadcrumbs = trail
		jobs = append(jobs, jobFor("case", d))
	}
	return jobs
}

// clusterJobs are the edition's cluster directory by field, and a page for
// each of its clusters that the data knows.
func (r *Renderer) clusterJobs(e *site.Edition) []job {
	clusters := r.page("clusters", e, r.lang.T("clusters.title"), urls.Clusters(e.Year))
	clusters.Fields, clusters.Breadcrumbs, clusters.Draft = r.site.ClustersByField(e), r.editionCrumbs(e), e.Draft
	clusters.Description = r.lang.Tf("page.clusters_description", len(e.Clusters), e.Year)
	jobs := []job{jobFor("clusters", clusters)}
	trail := r.editionCrumbs(e, Crumb{Title: clusters.Title, URL: urls.Clusters(e.Year)}) // shared, as caseJobs's
	for _, id := range e.Clusters {
		c := r.site.Data.Cluster(id)
		if c == nil {
			continue
		}
		d := r.page("cluster", e, c.Name, urls.Cluster(e.Year, id))
		d.Cluster, d.ClusterCases = c, e.CasesOf(id)
		d.Description = r.lang.Tf("page.cluster_description", c.Name, e.Year)
		d.Breadcrumbs = trail
		jobs = append(jobs, jobFor("cluster", d))
	}
	return jobs
}

func (r *Renderer) page(kind string, e *site.Edition, title, url string) *PageData {
	return &PageData{Kind: kind, Site: r.site, Edition: e, Title: title, URL: url, lang: r.lang}
}

// siteWideJob is a page about the whole site, the search page or the
// privacy note: it belongs to no edition, but shows the newest edition's
// navigation, as the metric pages do. Its title and description are the
// strings <kind>.title and page.<kind>_description.
func (r *Renderer) siteWideJob(kind, url string) job {
	d := r.page(kind, r.latest(), r.lang.T(kind+".title"), url)
	d.Breadcrumbs = []Crumb{r.homeCrumb()}
	d.Description = r.lang.T("page." + kind + "_description")
	return job{path: url + "index.html", kind: kind, data: d}
}
