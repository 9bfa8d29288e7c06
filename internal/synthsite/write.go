package synthsite

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// minimalStrings is the interface strings of a site with the minimal
// layouts, which show none.
const minimalStrings = "# The minimal layouts show no interface strings.\nlanguage = \"Dansk\"\n"

// minimalLayouts do for the report what WriteHugo's templates do for Hugo:
// a title and the content, so both tools are timed on equal work.
var minimalLayouts = map[string]string{
	"base.html":      `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{{.Title}}</title></head><body>{{template "main" .}}</body></html>` + "\n",
	"_partials.html": `{{define "header"}}{{end}}{{define "footer"}}{{end}}`,
	"home.html":      `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"archive.html":   `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"edition.html":   `{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}{{end}}`,
	"chapter.html":   `{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}{{end}}`,
	"cases.html":     `{{define "main"}}<h1>{{.Title}}</h1><ul>{{range .Themes}}{{range .Cases}}<li><a href="{{.URL}}">{{.Title}}</a></li>{{end}}{{end}}</ul>{{end}}`,
	"case.html":      `{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}{{end}}`,
	"clusters.html":  `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"cluster.html":   `{{define "main"}}<h1>{{.Title}}</h1><ul>{{range .ClusterCases}}<li><a href="{{.URL}}">{{.Title}}</a></li>{{end}}</ul>{{end}}`,
	"metrics.html":   `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"metric.html":    `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"privacy.html":   `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"opendata.html":  `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"search.html":    `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
	"404.html":       `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`,
}

// WriteReport writes the site in the report's format to root. With
// layoutsFrom empty it gets minimal layouts, like WriteHugo's; otherwise
// layouts/ and static/ are copied from that folder (the repository's root),
// to time the full design.
func WriteReport(root, layoutsFrom string, o Options) error {
	files := map[string]string{
		"data/site.toml":       "title = \"Syntetisk rapport\"\n",
		"data/fields.toml":     "[[field]]\nid = \"felt\"\nname = \"Felt\"\n",
		"data/metrics.toml":    "[[metric]]\nid = \"klynger\"\nlabel = \"Klynger\"\n",
		"data/years/2015.toml": fmt.Sprintf("klynger = %d\n", o.Clusters),
	}
	var clusters, ids strings.Builder
	for c := range o.Clusters {
		fmt.Fprintf(&clusters, "[[cluster]]\nid = \"klynge-%02d\"\nname = \"Klynge %d\"\nfield = \"felt\"\n\n", c, c)
		fmt.Fprintf(&ids, "%q, ", fmt.Sprintf("klynge-%02d", c))
	}
	files["data/clusters.toml"] = clusters.String()
	for e := range o.Editions {
		year := 2016 + e
		files[fmt.Sprintf("data/editions/%d.toml", year)] = fmt.Sprintf(
			"year = %d\ntitle = \"Syntetisk rapport\"\nsubtitle = \"Performanceregnskab %d\"\ndata_year = 2015\nfirst_year = 2015\nclusters = [%s]\n",
			year, year, strings.TrimSuffix(ids.String(), ", "))
		files[fmt.Sprintf("content/%d/_index.md", year)] = "+++\ntitle = \"Forord\"\n+++\n\nEt forord med {{klynger 2015}} klynger.\n"
	}
	for _, p := range pages(o) {
		files[fmt.Sprintf("content/%d/cases/%s.md", p.year, p.slug)] = fmt.Sprintf(
			"+++\ntitle = %q\ncluster = \"klynge-%02d\"\ntheme = %q\nsummary = %q\n\n[quote]\ntext = %q\nperson = %q\nrole = \"Direktør\"\norganisation = \"Firma\"\n+++\n\n%s",
			p.title, p.cluster, p.theme, p.title, p.quote, p.person, p.body)
	}
	for rel, text := range files {
		if err := write(root, rel, text); err != nil {
			return err
		}
	}
	if layoutsFrom == "" {
		if err := write(root, "i18n/da.toml", minimalStrings); err != nil {
			return err
		}
		for name, text := range minimalLayouts {
			if err := write(root, "layouts/"+name, text); err != nil {
				return err
			}
		}
		return nil
	}
	for _, dir := range []string{"i18n", "layouts", "static"} {
		if err := CopyTree(filepath.Join(layoutsFrom, dir), filepath.Join(root, dir)); err != nil {
			return err
		}
	}
	return nil
}

// WriteHugo writes the same pages as a plain Hugo site with minimal
// templates.
func WriteHugo(root string, o Options) error {
	files := map[string]string{
		"hugo.toml": "baseURL = \"/\"\nlanguageCode = \"da\"\ntitle = \"Syntetisk rapport\"\n" +
			"disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\"]\n",
		"layouts/_default/baseof.html": `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>` + "\n",
		"layouts/_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}` + "\n",
		"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}` + "\n",
	}
	for _, p := range pages(o) {
		files[fmt.Sprintf("content/%d/cases/%s.md", p.year, p.slug)] = fmt.Sprintf(
			"+++\ntitle = %q\ncluster = \"klynge-%02d\"\nsection = %q\ndate = %d-06-01\n+++\n\n%s",
			p.title, p.cluster, p.theme, p.year, p.body)
	}
	for rel, text := range files {
		if err := write(root, rel, text); err != nil {
			return err
		}
	}
	return nil
}

// CopyTree copies a folder, for tests and benchmarks that need a site on
// disk to change.
func CopyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}
