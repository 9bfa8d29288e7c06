package site

import (
	"cmp"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/figures"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/urls"
)

// Themes are the kinds of cluster activity a case story can illustrate, in
// the order the report presents them. Their headings, in each language,
// are the interface strings themes.<id> of i18n/.
var Themes = []Theme{
	{"matchmaking"},
	{"samarbejdsprojekter"},
	{"kompetenceudvikling"},
	{"internationalisering"},
	{"fundraising"},
	{"formidling"},
}

// Theme is a kind of activity, by its id in content/.
type Theme struct{ ID string }

// ThemeIDs are the themes' ids, in order.
func ThemeIDs() []string {
	ids := make([]string, len(Themes))
	for i, t := range Themes {
		ids[i] = t.ID
	}
	return ids
}

// ThemeByID returns the theme with the id, or false.
func ThemeByID(id string) (Theme, bool) {
	for _, t := range Themes {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}

// Site is the loaded report.
type Site struct {
	Data     *data.Data
	Editions []*Edition // oldest first
	Assets   []Asset    // files under content/ and static/, copied as they are
	// Histories are the metrics' figures over the years, drawn for their
	// pages; a metric with fewer than two years has none.
	Histories map[string]*figures.Figure
	// OpenData are every figure of every edition as CSV, JSON and a data
	// package, in this version's language, for the page at urls.OpenData.
	OpenData *figures.OpenData
	// Langs are the site's languages, Danish first, with their interface
	// strings (i18n/); nil when they could not be read.
	Langs []*lang.Lang
	// Lang is this version's language: Danish for the site itself, which
	// holds the versions in its other languages in Translations.
	Lang         *lang.Lang
	Translations []*Site

	// BaseURL is the address the site is published under: --base-url, or
	// data/site.toml's base_url, or "/". BasePath is its path, "/rapport/";
	// for a version in another language, the path of its pages,
	// "/rapport/en/".
	BaseURL  string
	BasePath string
	// AssetBase is the path the files of static/ and content/ are
	// published under, which every language's pages share: BasePath for
	// the Danish site, its parent for a translation (/en/ → /).
	AssetBase string

	// Prints identify the content files, for reusing rendered pages; nil
	// when the site was loaded without a cache.
	Prints *Prints

	allowDrafts bool // see Options.AllowDrafts
	// translations are the translations found under content/ (*.en.md),
	// which the versions in other languages are made from.
	translations []string
}

// Asset is a file copied to the output as it is.
type Asset struct {
	Source string // path under the site root
	URL    string // path under the output, without leading slash
}

// Edition is one edition's pages.
type Edition struct {
	*data.Edition
	Front    *Page // content/<year>/_index.md
	Chapters []*Page
	Cases    []*Case

	// Description is the edition's description with its references
	// resolved; Figures its key figures, drawn from the data.
	Description string
	Figures     []KeyFigure
	Draft       *Draft // set while a copied edition file is not confirmed
	// Gaps are the years from the edition's first year to its data year
	// that no edition covers: its pages say so.
	Gaps []int
}

// Gaps are the years between the editions' first year and the latest
// data year that no edition covers.
func (s *Site) Gaps() []int {
	if len(s.Editions) == 0 {
		return nil
	}
	first := s.Editions[0].FirstYear
	for _, e := range s.Editions {
		first = min(first, e.FirstYear)
	}
	return s.Data.Gaps(first, s.Editions[len(s.Editions)-1].DataYear)
}

// KeyFigure is a key figure as the edition's front page shows it.
type KeyFigure struct{ Prefix, Number, Text string }

// Page is a Markdown page.
type Page struct {
	Source  string // path of the Markdown file
	Slug    string
	Edition int    // the edition the page belongs to
	URL     string // path under the site, like "2016/hvem-er-de/"
	Title   string
	Summary string
	Weight  int
	Body    *markdown.Doc
	Draft   *Draft // set while a copied chapter is not confirmed
}

// Draft is a chapter or an edition's file copied from an earlier edition
// that no editor has confirmed yet, with the places that still state the
// old edition's years and figures. Only the preview builds a site with
// drafts, and shows them on the page.
type Draft struct {
	From     int    // the edition it was copied from
	Source   string // the file that marks it
	Confirm  string // the line to delete to confirm it
	Findings []markdown.Finding
}

// Case is a case story.
type Case struct {
	Page
	Cluster *data.Cluster
	Theme   Theme
	Quote   Quote
}

// Quote is a case story's pull quote.
type Quote struct {
	Text         string `toml:"text"`
	Person       string `toml:"person"`
	Role         string `toml:"role"`
	Organisation string `toml:"organisation"`
}

// BasePath returns the URL path of a base URL: "https://example.org/r/" → "/r/".
func BasePath(baseURL string) (string, error) {
	// The path reaches the hosts' files (_headers, _redirects, robots.txt)
	// as written: only characters no line of them splits on, and no
	// percent escapes, which decoded could hold a line break.
	if len(baseURL) > maxBaseURL || !baseURLChars.MatchString(baseURL) {
		return "", fmt.Errorf("base URL %q must look like https://example.org/rapport/ or /rapport/: a host, then a path of letters, digits and - . _ ~ only, at most %d characters", short(baseURL), maxBaseURL)
	}
	u, err := url.Parse(baseURL)
	// A host needs its scheme: "//example.org/" is a scheme-relative
	// address, which canonical links and the feed cannot use. A user, a
	// port without a host, a query or a fragment belong in no base URL.
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme == "") != (u.Host == "") ||
		u.User != nil || u.Opaque != "" || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery || strings.ContainsAny(u.Path, "\"<>\\ ") {
		return "", fmt.Errorf("base URL %q must look like https://example.org/rapport/ or /rapport/", baseURL)
	}
	p := "/" + strings.Trim(u.Path, "/") + "/"
	return strings.ReplaceAll(p, "//", "/"), nil
}

// baseURLChars is the grammar of a base URL; BasePath checks the rest.
var baseURLChars = regexp.MustCompile(`^([A-Za-z]+://[A-Za-z0-9.-]*(:[0-9]{1,5})?)?(/[A-Za-z0-9._~-]*)*$`)

// maxBaseURL bounds a base URL, which every page repeats in its links.
const maxBaseURL = 256

// short is a text cut for a message: a 60 KB value would bury the rest.
func short(s string) string {
	if len(s) > 80 {
		return strings.ToValidUTF8(s[:60], "") + "…"
	}
	return s
}

// resolveBase decides the site's address once, for the Markdown's links and
// the templates' alike.
func (s *Site) resolveBase(flag string, problems *diag.List) {
	s.BaseURL = cmp.Or(flag, s.Data.Site.BaseURL, "/")
	p, err := BasePath(s.BaseURL)
	if err != nil {
		where := "data/site.toml"
		if flag != "" {
			where = ""
		}
		problems.Errorf(where, 0, 0, "%v", err)
		s.BaseURL, p = "/", "/"
	}
	s.BasePath = p
}

// reservedSlugs are folders an edition's own pages use; a chapter may not
// take their names.
var reservedSlugs = map[string]bool{urls.CasesFolder: true, urls.ClustersFolder: true, urls.DataFolder: true}

// CasesOf returns the edition's case stories about the cluster.
func (e *Edition) CasesOf(clusterID string) []*Case {
	var out []*Case
	for _, c := range e.Cases {
		if c.Cluster != nil && c.Cluster.ID == clusterID {
			out = append(out, c)
		}
	}
	return out
}

// CasesByTheme groups the edition's case stories by theme, in theme order.
func (e *Edition) CasesByTheme() []ThemeCases {
	var out []ThemeCases
	for _, t := range Themes {
		group := ThemeCases{Theme: t}
		for _, c := range e.Cases {
			if c.Theme == t {
				group.Cases = append(group.Cases, c)
			}
		}
		if len(group.Cases) > 0 {
			out = append(out, group)
		}
	}
	return out
}

// ThemeCases is a theme with its case stories.
type ThemeCases struct {
	Theme Theme
	Cases []*Case
}

// FieldClusters is a fagområde with the edition's clusters in it.
type FieldClusters struct {
	Field    *data.Field
	Clusters []*data.Cluster
}

// ClustersByField groups the edition's clusters by fagområde, in the order
// of data/fields.toml and, inside a field, of data/clusters.toml.
func (s *Site) ClustersByField(e *Edition) []FieldClusters {
	in := map[string]bool{}
	for _, id := range e.Clusters {
		in[id] = true
	}
	var out []FieldClusters
	for _, f := range s.Data.Fields {
		group := FieldClusters{Field: f}
		for _, c := range s.Data.Clusters {
			if c.Field == f.ID && in[c.ID] {
				group.Clusters = append(group.Clusters, c)
			}
		}
		if len(group.Clusters) > 0 {
			out = append(out, group)
		}
	}
	return out
}
