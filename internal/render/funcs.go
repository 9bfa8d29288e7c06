package render

// The functions the templates call: the site's addresses, hashed names,
// the language's formats and interface strings are worked out here, once,
// rather than spelled out in each template that needs them.

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"report/internal/lang"
	"report/internal/site"
)

// funcs are the functions templates may call.
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		// t is an interface string of the page's language (i18n/); tf one
		// with its values filled in. A key no table has fails the build
		// with the template's name and line.
		"t": func(key string) (string, error) {
			if !r.lang.Has(key) {
				return "", fmt.Errorf("no interface string %q in %s/%s.toml; add it to every language", key, lang.Dir, r.lang.Code)
			}
			return r.lang.T(key), nil
		},
		"tf": func(key string, args ...any) (string, error) {
			if !r.lang.Has(key) {
				return "", fmt.Errorf("no interface string %q in %s/%s.toml; add it to every language", key, lang.Dir, r.lang.Code)
			}
			return r.lang.Tf(key, args...), nil
		},
		// url turns a site path ("2016/klynger/") into a link that works under
		// the base path; a file of static/ is named by its hashed name
		// ("css/report.css" → "css/report.3f2a9c1d.css", see fingerprint.go).
		"url": r.url,
		// absURL is the full address, for canonical links and link previews;
		// it falls back to the path when no host was configured.
		"absURL":     func(p string) string { return r.origin + r.url(p) },
		"hasOrigin":  func() bool { return r.origin != "" },
		"shareImage": r.shareImage,
		"feedPath":   func() string { return FeedPath },
		// number and date write a figure and a day the language's way:
		// "11.708", "11,708"; "27. november 2016", "27 November 2016".
		"number": r.lang.Number,
		// theme is a case story theme's heading in the page's language.
		"theme": func(id string) (string, error) {
			key := "themes." + id
			if !r.lang.Has(key) {
				return "", fmt.Errorf("no interface string %q in %s/%s.toml; add it to every language", key, lang.Dir, r.lang.Code)
			}
			return r.lang.T(key), nil
		},
		// phrases writes a text from the data with its phrases of another
		// language, {{da: …}}, marked with their language.
		"phrases": func(s string) template.HTML { return template.HTML(lang.MarkPhrases(s)) },
		// tfPhrases is tf with one text from the data as its %s, written
		// as phrases does.
		"tfPhrases": func(key, s string) (template.HTML, error) {
			if !r.lang.Has(key) {
				return "", fmt.Errorf("no interface string %q in %s/%s.toml; add it to every language", key, lang.Dir, r.lang.Code)
			}
			before, after, _ := strings.Cut(r.lang.T(key), "%s")
			return template.HTML(html.EscapeString(before) + lang.MarkPhrases(s) + html.EscapeString(after)), nil
		},
		"date":        r.lang.Date,
		"editionURL":  site.EditionURL,
		"casesURL":    site.CasesURL,
		"clustersURL": site.ClustersURL,
		"clusterURL":  site.ClusterURL,
		"fieldName": func(id string) string {
			if f := r.site.Data.Field(id); f != nil {
				return f.Name
			}
			return id
		},
		"metricURL":  site.MetricURL,
		"metricsURL": func() string { return site.MetricsURL },
		"archiveURL": func() string { return site.ArchiveURL },
		"privacyURL": func() string { return PrivacyURL },
		"searchURL":  func() string { return SearchURL },
		"gold":       func(e *site.Edition, clusterID string) bool { return e != nil && e.Gold(clusterID) },
		// unitAfter is a metric's unit in brackets, to follow its name,
		// unless the name already ends with it: "… i klyngerne (årsværk)".
		"unitAfter": func(name, unit string) string {
			if unit == "" || strings.HasSuffix(name, "("+unit+")") {
				return ""
			}
			return "(" + unit + ")"
		},
	}
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
