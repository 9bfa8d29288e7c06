package cms

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"report/internal/lang"
	"report/internal/site"
)

// Dir is the folder of the site the CMS is published under: /admin/.
const Dir = "admin"

// Bundle is the file of Sveltia CMS's bundle the admin page loads; the
// bundle folder (see Files) must hold it.
const Bundle = "sveltia-cms.js"

// CSP is the admin page's Content-Security-Policy, which _headers gives
// every file under admin/; the published pages' own policy is not
// loosened. It allows what the CMS needs and nothing more:
//   - its own script, and styles it injects (Svelte's);
//   - images the editors add, as blobs and data, and GitHub avatars;
//   - GitHub's API (the backend) and status page;
//   - its fonts, served beside it (admin.css points them here instead of
//     at a CDN);
//   - the preview, in a frame of its own.
const CSP = metaCSP + "; frame-ancestors 'none'"

// metaCSP is the policy as the page states it: a meta element cannot
// forbid framing, which only the header can.
const metaCSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com; " +
	"font-src 'self'; connect-src 'self' blob: data: https://api.github.com https://www.githubstatus.com; " +
	"frame-src 'self' blob:; worker-src 'self' blob:; manifest-src 'self' blob:; base-uri 'none'; form-action 'none'"

// File is one file of admin/, by its path under the site.
type File struct {
	Path string
	Data []byte
}

// Files are the files of admin/: the page, its configuration made from the
// site, its style sheet and, when bundle is not nil, the CMS's bundle
// with its fonts and licences (what `make edit` and `make publish` copy
// from npm). Without a bundle, the page says how to get it.
func Files(s *site.Site, bundle fs.FS) ([]File, error) {
	l := s.Lang
	if l == nil {
		l = lang.Danish
	}
	cfg, err := Make(s, l)
	if err != nil {
		return nil, err
	}
	var names []string
	if bundle != nil {
		names, err = bundleFiles(bundle)
		if err != nil {
			return nil, err
		}
	}
	var locale []byte
	if bundle != nil {
		if locale, err = localeScript(bundle); err != nil {
			return nil, err
		}
	}
	var page bytes.Buffer
	if err := adminPage.Execute(&page, map[string]any{"CSP": metaCSP, "Bundle": len(names) > 0, "Title": s.Data.Site.Title}); err != nil {
		return nil, err
	}
	files := []File{
		{Path: path.Join(Dir, "index.html"), Data: page.Bytes()},
		{Path: path.Join(Dir, "config.json"), Data: cfg.JSON()},
		{Path: path.Join(Dir, "admin.css"), Data: []byte(adminCSS(len(names) > 0))},
	}
	if locale != nil {
		files = append(files, File{Path: path.Join(Dir, "locale-da.js"), Data: locale})
	}
	for _, name := range names {
		if path.Ext(name) == ".json" {
			continue // read into locale-da.js
		}
		b, err := fs.ReadFile(bundle, name)
		if err != nil {
			return nil, fmt.Errorf("the CMS bundle: %w", err)
		}
		files = append(files, File{Path: path.Join(Dir, name), Data: b})
	}
	return files, nil
}

// bundleFiles are the files of the bundle folder, which must hold Bundle:
// the script, its fonts and their licences.
func bundleFiles(bundle fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(bundle, ".")
	if err != nil {
		return nil, fmt.Errorf("the CMS bundle: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	if !slices.Contains(names, Bundle) {
		return nil, fmt.Errorf("the CMS bundle has no %s; make it with `make cms` (it copies Sveltia CMS from npm)", Bundle)
	}
	return names, nil
}

// adminCSS is the admin page's style sheet. With the bundle, it points
// the CMS's fonts at the copies beside it: the bundle asks a CDN for them,
// which the policy forbids. The icons are a font whose ligatures name
// them, so without it the buttons would read "arrow_back". Without the
// bundle it only sets the page that says how to get it.
func adminCSS(bundle bool) string {
	if !bundle {
		return ".admin-missing { font: 1.125rem/1.5 sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }\n"
	}
	return `@font-face { font-family: "Report CMS Icons"; font-style: normal; font-weight: 100 700; font-display: block;
  src: url(material-symbols-outlined-latin-wght-normal.woff2) format("woff2"); }
@font-face { font-family: "Report CMS Sans"; font-style: normal; font-weight: 200 900; font-display: swap;
  src: url(source-sans-3-latin-wght-normal.woff2) format("woff2"); }
@font-face { font-family: "Report CMS Mono"; font-style: normal; font-weight: 400; font-display: swap;
  src: url(noto-mono-latin-400-normal.woff2) format("woff2"); }
.material-symbols-outlined, .sui.icon { font-family: "Report CMS Icons" !important; }
:root { --sui-font-family-default: "Report CMS Sans", sans-serif !important; --sui-font-family-monospace: "Report CMS Mono", monospace !important; }
`
}

var adminPage = template.Must(template.New("admin").Parse(`<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<title>Redaktion · {{.Title}}</title>
<link rel="stylesheet" href="admin.css">
{{- if .Bundle}}
<link href="config.json" type="application/json" rel="cms-config-url">
{{- end}}
</head>
<body>
{{- if .Bundle}}
<script src="locale-da.js"></script>
<script src="sveltia-cms.js"></script>
{{- else}}
<main class="admin-missing">
<h1>Redaktionen er ikke med i denne udgave af sitet</h1>
<p>CMS'et, som redaktørerne bruger i browseren, lægges ind, når sitet udgives (<code>make publish</code>). Vil du prøve det på din egen computer, så kør <code>make edit</code> og åbn /admin/ i forhåndsvisningen.</p>
</main>
{{- end}}
</body>
</html>
`))

// localeScript puts the CMS's Danish interface strings where it keeps the
// strings of a language it has fetched, before it starts: the bundle holds
// only English and fetches the others from a CDN, which the policy
// forbids. The key and its shape are Sveltia's (its localStorage entry
// sveltia-cms.locale, for its version); the browser test fails if a new
// version stops reading them, showing the CMS in English.
func localeScript(bundle fs.FS) ([]byte, error) {
	pkg, err := fs.ReadFile(bundle, "package.json")
	if err != nil {
		return nil, fmt.Errorf("the CMS bundle: %w; make it again with `make cms`", err)
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(pkg, &meta); err != nil || meta.Version == "" {
		return nil, fmt.Errorf("the CMS bundle: package.json gives no version; make it again with `make cms`")
	}
	da, err := fs.ReadFile(bundle, "locale-da.json")
	if err != nil {
		return nil, fmt.Errorf("the CMS bundle: %w; make it again with `make cms`", err)
	}
	strs := map[string]any{}
	if err := json.Unmarshal(da, &strs); err != nil {
		return nil, fmt.Errorf("the CMS bundle: locale-da.json: %w", err)
	}
	strs["_locale"], strs["_version"] = "da", meta.Version
	b, err := json.Marshal(strs) // sorted keys: the same bytes every build
	if err != nil {
		return nil, err
	}
	return []byte("// The Danish interface strings of Sveltia CMS " + meta.Version + ", where the CMS keeps a language it has fetched\n" +
		"// (see package cms): the admin page's policy lets it fetch nothing from a CDN.\n" +
		"try { localStorage.setItem(\"sveltia-cms.locale\", JSON.stringify(" + string(b) + ")); } catch (e) {}\n"), nil
}
