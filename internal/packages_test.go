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
	{"program", "identifies the running program, for what a build keeps for the next", nil},
	{"hugepages", "asks Linux for 2 MB pages for the heap, at the start and once a build knows its size, to spare it page faults", nil},
	{"heapfloor", "keeps the collector from running while the heap is small", nil},
	{"wire", "the compact encoding of what a build keeps for the next", nil},
	{"outdir", "guards the output folder, locks it and swaps a new tree in atomically", []string{"parallel"}},
	{"urls", "the published URL scheme: where each kind of page and file is written", nil},
	{"slugs", "readable URL slugs from Danish titles", nil},
	{"frontmatter", "splits a page's TOML front matter from its body", nil},
	{"draft", "finds what a copied page still says of the edition it came from", nil},
	{"textfile", "reads a text file of the site: size limit, UTF-8, byte order marks, CRLF", []string{"diag", "diskfs"}},
	{"lang", "the site's languages: numbers, dates, lists and the interface strings of i18n/", []string{"diag", "textfile", "tomlfile"}},
	{"tomlfile", "decodes TOML with positions (the one user of BurntSushi/toml)", []string{"diag"}},
	{"data", "the figures' model: metrics, years, clusters, editions, studies", []string{"diag", "lang", "slugs", "textfile", "tomlfile"}},
	{"refs", "resolves {{…}} references to the data and the edition", []string{"data", "lang", "slugs"}},
	{"chart", "draws SVG charts with go-chart (its one user) through a CSP-safe renderer", []string{"lang"}},
	{"share", "draws the share image for link previews", []string{"chart"}},
	{"markdown", "the goldmark boundary (its one user): Markdown to HTML with the report's extensions", []string{"diag", "draft", "lang", "slugs", "tomlfile"}},
	{"figures", "the figure language: table, chart and keyfigure blocks, downloads, open data, typed figures", []string{"chart", "data", "diag", "lang", "markdown", "refs", "slugs", "timing", "tomlfile"}},
	{"site", "loads and checks content/ and data/ into the model of the editions", []string{"data", "diag", "draft", "figures", "frontmatter", "lang", "markdown", "parallel", "refs", "slugs", "textfile", "timing", "tomlfile", "urls", "wire"}},
	{"assets", "publishes content/ and static/ as they are: hashed names, style sheets rewritten with a CSS lexer, safe reads", []string{"diag", "site", "urls"}},
	{"hostfiles", "the files hosts and crawlers read: _headers, _redirects, robots.txt, sitemap, feed", []string{"data", "site", "urls"}},
	{"render", "plans every file of the site and renders its pages with the templates", []string{"assets", "chart", "data", "diag", "hostfiles", "lang", "markdown", "parallel", "share", "site", "timing", "urls"}},
	{"printpage", "an edition on one page for its PDF, and the digest that ties a PDF to its sources", []string{"data", "diag", "lang", "render", "site", "urls"}},
	{"pdfobj", "reads and rewrites the PDFs Chromium writes: metadata, artifacts, outline titles, page breaks", nil},
	{"pdf", "prints an edition's PDF with headless Chromium until its contents' page numbers hold", []string{"pdfobj", "printpage", "render"}},
	{"cms", "the editors' CMS at admin/: Sveltia CMS configured from the content model", []string{"data", "lang", "site", "slugs", "urls"}},
	{"pipeline", "runs a build's stages: load and check, render, write; keeps what the next build may reuse", []string{"chart", "cms", "diag", "diskfs", "heapfloor", "hugepages", "outdir", "parallel", "printpage", "program", "render", "share", "site", "timing", "urls", "wire"}},
	{"scaffold", "writes new case stories and editions", []string{"data", "diag", "diskfs", "site", "slugs", "textfile", "tomlfile"}},
	{"nextedition", "adds a generated next edition to a copy of a site, as an editor would, for tests", []string{"data", "diag", "scaffold", "site"}},
	{"serve", "the preview server: watches, rebuilds, renders on request, reloads", []string{"cms", "diag", "pipeline", "render", "site"}},
	{"cli", "the commands and their flags; the only package that prints", []string{"diag", "diskfs", "outdir", "pipeline", "scaffold", "serve", "timing"}},
	{"sitecheck", "reads and checks a built site as a crawler and a browser would: the one reader of a built site for the tests", nil},
	{"shipped", "the tests of the shipped site: what holds for every edition, and the 2016 edition's facts (tests only)", nil},
	{"sitetest", "a site in a string, for tests: the test site with a txtar overlay, and the fuzz targets' allocation budget", nil},
	{"synthsite", "writes synthetic sites for benchmarks and fuzzing (no test code: cmd/gensite links it)", nil},
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
	"golang.org/x/text":                "slugs",
	"golang.org/x/sys":                 "outdir",
	"github.com/tdewolff/minify/v2":    "assets",
	"github.com/tdewolff/parse/v2":     "assets",
	"golang.org/x/sync":                "parallel",
}

// commands are the programs of cmd/ and tools/, with what each may
// import: a command only calls the package that does its work.
var commands = []pkg{
	{"cmd/report", "the report command", []string{"cli", "heapfloor", "hugepages"}},
	{"cmd/report-pdf", "prints each edition's PDF for report build --pdf", []string{"diag", "diskfs", "lang", "pdf", "pipeline", "printpage"}},
	{"cmd/gensite", "writes a synthetic site for benchmarks", []string{"synthsite"}},
	{"tools/nextedition", "writes the shipped site with a generated next edition", []string{"nextedition"}},
	{"tools/contactsheet", "screenshots of every page kind on one sheet", nil},
	{"tools/favicon", "draws the favicon", nil},
	{"tools/bench/alternate", "times programs in turn, for benchstat", nil},
	{"tools/bench/freshmem", "times how long the machine takes to hand a process fresh memory", nil},
	{"tools/release/checkdist", "checks the release archives GoReleaser made", nil},
}

// testHelpers are the packages any test may import besides its own
// package's: they import no other package of the module.
var testHelpers = []string{"sitetest", "synthsite"}

// testImports are what a package's tests may import besides what the
// package may: packages below it in the map (a test may build what its
// package is given, never what is built on it), named here so that the
// map shows them.
var testImports = map[string][]string{
	"chart":     {"diag"},
	"cms":       {"diag"},
	"refs":      {"diag"},
	"render":    {"diskfs"},
	"pdf":       {"data"},
	"pipeline":  {"figures"},
	"scaffold":  {"frontmatter"},
	"serve":     {"diskfs"},
	"cli":       {"data", "nextedition"},
	"shipped":   {"cms", "data", "diag", "figures", "lang", "nextedition", "pipeline", "printpage", "render", "share", "sitecheck", "tomlfile", "urls"},
	"sitecheck": {"cms", "diag", "pdf", "pdfobj", "pipeline", "render", "scaffold", "site", "slugs"},
}

// testLibraries are the libraries a package's tests may use besides the
// one package each sits behind: testscript runs the command's scripts, and
// chromedp drives the browser checks.
var testLibraries = map[string][]string{
	"github.com/rogpeppe/go-internal": {"cli"},
	"github.com/chromedp/chromedp":    {"sitecheck"},
}

// TestPackageImports holds every Go package of the module (internal/ at
// any depth, cmd/ and tools/) to its line in the map, its tests included:
// a package missing from it, an import it does not allow, or a library
// imported outside its one package fails. A test may also import its own
// package (as package x_test) and the testHelpers.
func TestPackageImports(t *testing.T) {
	seen := map[string]bool{}
	for _, root := range []string{".", "../cmd", "../tools"} {
		err := filepath.WalkDir(root, func(dir string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				return nil
			}
			if n := d.Name(); n == "testdata" || n == "node_modules" || strings.HasPrefix(n, ".") && dir != root {
				return filepath.SkipDir
			}
			if dir == "." {
				return nil // this map's own test
			}
			name := packageName(dir)
			prod, tests := imports(t, dir)
			if prod == nil && tests == nil {
				return nil // a folder without Go files
			}
			seen[name] = true
			rule, ok := ruleOf(name)
			if !ok {
				t.Errorf("%s is not in the map of packages: add it with its job and what it may import", name)
				return nil
			}
			for _, imp := range prod {
				checkImport(t, name, rule, imp, nil, false)
			}
			for _, imp := range tests {
				checkImport(t, name+" (its tests)", rule, imp, append(append([]string{name}, testHelpers...), testImports[name]...), true)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range append(slices.Clone(packages), commands...) {
		if !seen[p.name] {
			t.Errorf("the map names %s, which has no Go files", p.name)
		}
	}
	// A test builds on what is below its package, never on what is above.
	for name, extra := range testImports {
		at := slices.IndexFunc(packages, func(p pkg) bool { return p.name == name })
		for _, e := range extra {
			if i := slices.IndexFunc(packages, func(p pkg) bool { return p.name == e }); i < 0 || i >= at {
				t.Errorf("the tests of %s may import %s, which is not below it in the map", name, e)
			}
		}
	}
}

// packageName is a folder's name in the map: its path below internal/,
// or from the module's root for cmd/ and tools/.
func packageName(dir string) string {
	dir = filepath.ToSlash(dir)
	if rest, ok := strings.CutPrefix(dir, "../"); ok {
		return rest
	}
	return dir
}

func ruleOf(name string) (pkg, bool) {
	for _, p := range append(slices.Clone(packages), commands...) {
		if p.name == name {
			return p, true
		}
	}
	return pkg{}, false
}

func checkImport(t *testing.T, name string, rule pkg, imp string, alsoAllowed []string, test bool) {
	t.Helper()
	if own, ok := strings.CutPrefix(imp, "report/internal/"); ok {
		if !slices.Contains(rule.imports, own) && !slices.Contains(alsoAllowed, own) {
			t.Errorf("%s imports %s, which the map does not allow (it allows %v)", name, own, rule.imports)
		}
		return
	}
	for lib, owner := range libraries {
		if (imp == lib || strings.HasPrefix(imp, lib+"/")) && owner != rule.name && !(test && slices.Contains(testLibraries[lib], rule.name)) {
			t.Errorf("%s imports %s, which only %s may import", name, imp, owner)
		}
	}
}

// imports lists the imports of a folder's Go files: of its code, and of
// its tests (build tags included: a file for tagged tests is a test too).
// Both are nil for a folder without Go files.
func imports(t *testing.T, dir string) (prod, tests []string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		list := &prod
		if strings.HasSuffix(f, "_test.go") {
			list = &tests
		}
		if *list == nil {
			*list = []string{}
		}
		for _, spec := range file.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			if !slices.Contains(*list, p) {
				*list = append(*list, p)
			}
		}
	}
	return prod, tests
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
		if extra := testImports[p.name]; len(extra) > 0 {
			imports += "; its tests also " + strings.Join(extra, ", ")
		}
		fmt.Fprintf(&want, "| `%s` | %s | %s |\n", p.name, p.job, imports)
	}
	if !strings.Contains(string(readme), want.String()) {
		t.Errorf("README's map of the packages differs from the one in this test; it should read:\n\n%s", want.String())
	}
}
