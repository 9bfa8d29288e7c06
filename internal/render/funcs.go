package render

// The functions the templates call: the site's addresses, hashed names,
// the language's formats and interface strings are worked out here, once,
// rather than spelled out in each template that needs them.

import (
	"html/template"
	"maps"
	"strings"

	"report/internal/site"
	"report/internal/urls"
)

// funcs are the functions templates may call.
func (r *Renderer) funcs() template.FuncMap {
	funcs := template.FuncMap{
		// url turns a site path ("2016/klynger/") into a link that works under
		// the base path; a file of static/ is named by its hashed name
		// ("css/report.css" → "css/report.3f2a9c1d.css", see assets.Fingerprint).
		"url": r.url,
		// absURL is the full address, for canonical links and link previews;
		// it falls back to the path when no host was configured.
		"absURL":         func(p string) string { return r.origin + r.url(p) },
		"hasOrigin":      func() bool { return r.origin != "" },
		"structuredData": r.structuredData,
		// card is a case story's card in the lists of stories: the "card"
		// template, rendered once for every list that shows it.
		"card":       func(c *site.Case) (template.HTML, error) { return r.cards.render(c) },
		"shareImage": r.shareImage,
		// feedURL is the language's own feed: cases.xml, en/cases.xml.
		"feedURL":     func() string { return r.basePath + urls.Feed },
		"editionURL":  urls.Edition,
		"casesURL":    urls.Cases,
		"clustersURL": urls.Clusters,
		"clusterURL":  urls.Cluster,
		"fieldName": func(id string) string {
			if f := r.site.Data.Field(id); f != nil {
				return f.Name
			}
			return id
		},
		"metricURL":   urls.Metric,
		"metricsURL":  func() string { return urls.Metrics },
		"openDataURL": func() string { return urls.OpenData },
		"archiveURL":  func() string { return urls.Archive },
		"privacyURL":  func() string { return urls.Privacy },
		"searchURL":   func() string { return urls.Search },
		"gold":        func(e *site.Edition, clusterID string) bool { return e != nil && e.Gold(clusterID) },
		// hasCharts reports whether a page draws charts, which need
		// charts.css and its font; the other pages load neither.
		"hasCharts": func(page any) bool {
			d, ok := page.(*PageData)
			return !ok || d.Chart != "" || strings.Contains(string(d.Content), `<figure class="chart"`) // the print page has them all
		},
		"webName": WebName,
		// unitAfter is a metric's unit in brackets, to follow its name,
		// unless the name already ends with it: "… i klyngerne (årsværk)".
		"unitAfter": func(name, unit string) string {
			if unit == "" || strings.HasSuffix(name, "("+unit+")") {
				return ""
			}
			return "(" + unit + ")"
		},
	}
	maps.Copy(funcs, r.langFuncs())
	return funcs
}

// addressFuncs are the templates' functions that give one of the site's
// addresses: called with literal arguments, as {{url "css/report.css"}} or
// {{url metricsURL}}, each gives the same on every page of a language, and
// folding writes it into the templates (see fold.go).
var addressFuncs = map[string]bool{
	"url": true, "absURL": true, "feedURL": true, "metricsURL": true,
	"openDataURL": true, "archiveURL": true, "privacyURL": true, "searchURL": true,
}

// address is what the function name of addressFuncs gives for args, as the
// templates would call it; false for any other function, and before Plan
// has named the hashed files of static/, which url gives.
func (r *Renderer) address(name string, args ...string) (string, bool) {
	if !addressFuncs[name] || r.danishRenderer().hashed == nil {
		return "", false
	}
	switch f := r.funcMap[name].(type) {
	case func(string) string:
		if len(args) == 1 {
			return f(args[0]), true
		}
	case func() string:
		if len(args) == 0 {
			return f(), true
		}
	}
	return "", false
}

// url turns a site path into a link that works under the base path. A page
// ("2016/klynger/", "" for the front page) is the one in the renderer's
// language; a file ("css/report.css", "deling/2016.png") is the one every
// language shares, a file of static/ by its hashed name.
func (r *Renderer) url(p string) string {
	p = strings.TrimPrefix(p, "/")
	if p != "" && !strings.HasSuffix(p, "/") {
		return r.assetBase + r.assetURL(p)
	}
	return r.basePath + p
}

// WebName is a web address as a reader reads and types it: without its
// scheme, "www." and a closing "/": "ufm.dk", "example.org/a/b".
func WebName(u string) string {
	u = strings.TrimSpace(u)
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(strings.TrimPrefix(u, "www."), "/")
}
