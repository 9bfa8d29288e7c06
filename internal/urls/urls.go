// Package urls is the site's published URL scheme: where each kind of page
// and file is written, as a path relative to the site's base path
// ("/rapport/"). The pages of another language are written at the same
// paths under the language's folder ("en/"). A page's path is a folder,
// written as index.html inside it.
//
// Every address a reader, a search engine, a host or a link in last year's
// edition may know is decided here, and only here: changing one breaks
// links from outside, so a change is a decision, not an edit in passing.
package urls

import "strconv"

// The site-wide pages, one each per language.
const (
	Archive  = "arkiv/" // the list of all editions
	Metrics  = "tal/"   // the index of all figures
	OpenData = Metrics + "data/"
	Search   = "soeg/"      // the search page, whose index Pagefind writes
	Privacy  = "privatliv/" // the privacy note every footer links to
	NotFound = "404.html"   // what hosts serve for a missing address
)

// The files beside the pages.
const (
	Feed      = "cases.xml"   // the Atom feed of case stories, per language
	Robots    = "robots.txt"  // for crawlers, at the site's root
	Sitemap   = "sitemap.xml" // for search engines, with a host in the base URL
	Headers   = "_headers"    // response headers, read by Netlify and Cloudflare Pages
	Redirects = "_redirects"  // redirects, read by the same hosts
	Share     = "deling/"     // the editions' share images for link previews
	// Pagefind is where `make publish` has Pagefind write the search
	// index; the search script imports it by this name.
	Pagefind = "pagefind/"
	// Accessibility is the short address that leads to the accessibility
	// statement, the Danish convention for sites whose host can redirect.
	Accessibility = "was"
)

// Edition is the path of an edition's front page.
func Edition(year int) string { return strconv.Itoa(year) + "/" }

// Cases is the path of an edition's index of case stories.
func Cases(year int) string { return Edition(year) + CasesFolder + "/" }

// Clusters is the path of an edition's cluster directory.
func Clusters(year int) string { return Edition(year) + ClustersFolder + "/" }

// Cluster is the path of a cluster's page in an edition.
func Cluster(year int, id string) string { return Clusters(year) + id + "/" }

// Metric is the path of a metric's page, which shows its history across
// every edition.
func Metric(id string) string { return Metrics + id + "/" }

// The folders of an edition's own pages besides its chapters, which take
// the other folder names of an edition; a chapter may not take these.
const (
	CasesFolder    = "cases"
	ClustersFolder = "klynger"
	DataFolder     = "data" // a figure's downloads
)

// PDF is where an edition's PDF is published: "2016/performanceregnskab-2016.pdf".
func PDF(year int) string {
	y := strconv.Itoa(year)
	return y + "/performanceregnskab-" + y + ".pdf"
}

// Print is the address of an edition's print page while its PDF is made.
// It is never published.
func Print(year int) string { return Edition(year) + "rapport/" }
