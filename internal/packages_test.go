package internal_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// pkg is a package's entry in the map of the code: its job in one line and
// the packages of this module it may import.
type pkg struct {
	name, job string
	imports   []string
}

// packages is the map of internal/, lowest layer first; README's "How it is
// built" shows the same map. A package may import only what its line
// names, so the layers cannot quietly grow into each other.
var packages = []pkg{
	{"diag", "problems with file, line and column, collected and sorted", nil},
	{"timing", "where a build's time went, for --metrics", nil},
	{"parallel", "runs a function for every index on a bounded number of goroutines: the one worker pool", nil},
	{"diskfs", "reads the site folder and writes files, with fewer system calls than os", nil},
	{"outdir", "guards the output folder, locks it and swaps a new tree in atomically", []string{"parallel"}},
	{"danish", "readable URL slugs from Danish titles", nil},
	{"frontmatter", "splits a page's TOML front matter from its body", nil},
	{"draft", "finds what a copied page still says of the edition it came from", nil},
	{"textfile", "reads a text file of the site: size limit, UTF-8, byte order marks, CRLF", []string{"diag"}},
	{"lang", "the site's languages: numbers, dates, lists and the interface strings of i18n/", []string{"diag", "textfile", "tomlfile"}},
	{"tomlfile", "decodes TOML with positions (the one user of BurntSushi/toml)", []string{"diag"}},
	{"data", "the figures' model: metrics, years, clusters, editions, studies", []string{"danish", "diag", "lang", "textfile", "tomlfile"}},
	{"refs", "resolves {{…}} references to the data and the edition", []string{"danish", "data", "lang"}},
	{"chart", "draws SVG charts with go-chart (its one user) through a CSP-safe renderer", []string{"lang"}},
	{"share", "draws the share image for link previews", []string{"chart"}},
	{"markdown", "the goldmark boundary (its one user): Markdown to HTML with the report's extensions", []string{"danish", "diag", "draft", "lang", "tomlfile"}},
	{"figures", "the figure language: table, chart and keyfigure blocks, downloads, open data, typed figures", []string{"chart", "danish", "data", "lang", "markdown", "refs", "timing", "tomlfile"}},
	{"site", "loads and checks content/ and data/ into the model of the editions", []string{"danish", "data", "diag", "draft", "figures", "frontmatter", "lang", "markdown", "parallel", "refs", "textfile", "timing", "tomlfile"}},
	{"render", "plans every file of the site and renders its pages with the templates", []string{"chart", "data", "diag", "lang", "markdown", "parallel", "share", "site", "timing"}},
	{"pdf", "prints an edition's PDF with headless Chromium and tags it", []string{"render"}},
	{"cms", "the editors' CMS at admin/: Sveltia CMS configured from the content model", []string{"danish", "data", "lang", "site"}},
	{"pipeline", "runs a build's stages: load and check, render, write", []string{"cms", "diag", "diskfs", "outdir", "parallel", "render", "site", "timing"}},
	{"scaffold", "writes new case stories and editions", []string{"danish", "data", "diag", "diskfs", "site", "textfile", "tomlfile"}},
	{"serve", "the preview server: watches, rebuilds, renders on request, reloads", []string{"cms", "diag", "pipeline", "render", "site"}},
	{"cli", "the commands and their flags; the only package that prints", []string{"diag", "diskfs", "outdir", "pipeline", "scaffold", "serve", "timing"}},
	{"sitecheck", "checks a built site as a crawler and a browser would (tests only)", nil},
	{"nextedition", "adds a generated next edition to a copy of a site, as an editor would, for tests", []string{"data", "diag", "scaffold", "site"}},
	{"sitetest", "a site in a string, for tests: the test site with a txtar overlay", nil},
	{"testsite", "writes synthetic sites for benchmarks and fuzzing", nil},
}

// libraries are the modules that each sit behind one package. The font
// libraries (freetype, x/image) serve both chart and share.
var libraries = map[string]string{
	"github.com/yuin/goldmark":         "markdown",
	"github.com/BurntSushi/toml":       "tomlfile",
	"github.com/wcharczuk/go-chart/v2": "chart",
	"github.com/chromedp/chromedp":     "pdf",
	"github.com/fsnotify/fsnotify":     "serve",
	"github.com/rogpeppe/go-internal":  "sitetest",
	"golang.org/x/text":                "danish",
	"golang.org/x/sys":                 "outdir",
	"github.com/tdewolff/minify/v2":    "render",
	"golang.org/x/sync":                "parallel",
}

// TestPackageImports holds every package of internal/ to its line in the
// map: a package missing from it, an import it does not allow, or a library
// imported outside its one package fails.
func TestPackageImports(t *testing.T) {
	dirs, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		name := d.Name()
		imports, ok := productionImports(t, name)
		if !ok {
			continue // testdata and the like
		}
		seen[name] = true
		i := slices.IndexFunc(packages, func(p pkg) bool { return p.name == name })
		if i < 0 {
			t.Errorf("internal/%s is not in the map of packages: add it with its job and what it may import", name)
			continue
		}
		for _, imp := range imports {
			checkImport(t, name, packages[i], imp)
		}
	}
	for _, p := range packages {
		if !seen[p.name] {
			t.Errorf("the map names internal/%s, which has no Go files", p.name)
		}
	}
}

func checkImport(t *testing.T, name string, rule pkg, imp string) {
	t.Helper()
	if own, ok := strings.CutPrefix(imp, "report/internal/"); ok {
		if !slices.Contains(rule.imports, own) {
			t.Errorf("internal/%s imports %s, which the map does not allow (it allows %v)", name, own, rule.imports)
		}
		return
	}
	for lib, owner := range libraries {
		if (imp == lib || strings.HasPrefix(imp, lib+"/")) && owner != name {
			t.Errorf("internal/%s imports %s, which only %s may import", name, imp, owner)
		}
	}
}

// productionImports lists the imports of a folder's non-test Go files, and
// whether it has any.
func productionImports(t *testing.T, dir string) ([]string, bool) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var out []string
	fset := token.NewFileSet()
	goFiles := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		goFiles++
		file, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range file.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out, goFiles > 0
}

// TestREADMEShowsTheMap keeps README's map of the packages the same as the
// one the imports are held to.
func TestREADMEShowsTheMap(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	want.WriteString("| package | job | may import |\n|---|---|---|\n")
	for _, p := range packages {
		imports := "—"
		if len(p.imports) > 0 {
			imports = strings.Join(p.imports, ", ")
		}
		fmt.Fprintf(&want, "| `%s` | %s | %s |\n", p.name, p.job, imports)
	}
	if !strings.Contains(string(readme), want.String()) {
		t.Errorf("README's map of the packages differs from the one in this test; it should read:\n\n%s", want.String())
	}
}
