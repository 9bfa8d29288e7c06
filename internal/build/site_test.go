package build

import (
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"report/internal/diag"
	"report/internal/render"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/bad/*.txtar from the actual errors")

// repoRoot is where the real site, its layouts and the test corpus live.
const repoRoot = "../.."

// testSite returns the small site in testdata/sites/base, with the real
// layouts and static files, and the files of overlay laid over it. A file in
// the overlay whose content is "DELETE\n" removes the file.
func testSite(t testing.TB, overlay *txtar.Archive) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	copyTree(t, fsys, filepath.Join(repoRoot, "testdata/sites/base"), "")
	copyTree(t, fsys, filepath.Join(repoRoot, "layouts"), "layouts")
	copyTree(t, fsys, filepath.Join(repoRoot, "static"), "static")
	if overlay == nil {
		return fsys
	}
	for _, f := range overlay.Files {
		switch {
		case f.Name == "want":
		case string(f.Data) == "DELETE\n":
			delete(fsys, f.Name)
		default:
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}

func copyTree(t testing.TB, dst fstest.MapFS, dir, prefix string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		dst[path.Join(prefix, filepath.ToSlash(rel))] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func files(out render.Output) map[string]string {
	m := map[string]string{}
	for _, f := range out {
		m[f.Path] = string(f.Data)
	}
	return m
}

func TestGoodSite(t *testing.T) {
	res, err := Run(testSite(t, nil), Options{})
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	out := files(res.Output)
	for _, want := range []string{
		"index.html", "404.html", hashedSheet(t, out),
		"2016/index.html", "2016/tal/index.html",
		"2016/cases/index.html", "2016/cases/en-god-historie/index.html",
		"2016/klynger/index.html", "2016/klynger/vindkraft/index.html",
		"2016/klynger/lifestyle-design/index.html", "2016/klynger/aeroe/index.html",
		"arkiv/index.html", "tal/index.html", "tal/omsaetning/index.html", "robots.txt",
	} {
		if _, ok := out[want]; !ok {
			t.Errorf("missing %s", want)
		}
	}
	for p, b := range out {
		if strings.Contains(b, "/_report/") {
			t.Errorf("%s carries the preview's reload script", p)
		}
	}
	chapter := out["2016/tal/index.html"]
	for _, want := range []string{
		`<html lang="da">`,
		`<h2 id="oekonomi-og-stoette">Økonomi og støtte</h2>`,
		`Omsætningen var <span class="figure">15,6</span> mio. kr., og omkring <span class="figure">12.000</span>`,
		`Andelen var <span class="figure">33` + "\u00a0" + `%</span>`,
		`<caption id="tabel-struktur-ressourcer-titel">Struktur &amp; ressourcer</caption>`,
		`<td class="num">20,0</td><td class="num">15,6</td><td class="num">−22</td>`,
		`<span class="visually-hidden">heraf </span><a href="/tal/omsaetning-staten/">Staten</a></th>`,
		`<th scope="row"><a href="/tal/ansoegninger/">Ansøgninger</a></th><td class="num empty"><span class="visually-hidden">ikke opgjort</span></td><td class="num">109</td>`,
		`<strong class="key-figure__number">1.794</strong>`,
		`<a href="/2016/cases/en-god-historie/">casen</a>`,
		`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`,
		`class="footnotes"`,
		`<a href="/2016/tal/" aria-current="page">Økonomi og støtte</a>`,
	} {
		if !strings.Contains(chapter, want) {
			t.Errorf("chapter page lacks %s", want)
		}
	}
	if strings.Contains(chapter, "<script") {
		t.Error("raw <script> reached the page")
	}
	history := out["tal/omsaetning/index.html"]
	for _, want := range []string{
		`<tr><th scope="row">2014</th><td class="num">20,0</td>`,
		`<tr><th scope="row">2015</th><td class="num">15,6</td><td class="num">−22</td><td><a href="/2016/" aria-label="Performanceregnskab 2016">2016</a></td></tr>`,
	} {
		if !strings.Contains(history, want) {
			t.Errorf("metric page lacks %s", want)
		}
	}
	home := out["index.html"]
	for _, want := range []string{`<span class="key-figure__prefix">omkring</span> <strong class="key-figure__number">12.000</strong>`, `href="/2016/"`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
	caseHTML := out["2016/cases/en-god-historie/index.html"]
	for _, want := range []string{`Fra <a href="/2016/klynger/lifestyle-design/">Lifestyle &amp; Design Cluster</a>`, `Anne Andersen, Direktør, Firma &amp; Co`} {
		if !strings.Contains(caseHTML, want) {
			t.Errorf("case page lacks %s", want)
		}
	}
	clusters := out["2016/klynger/index.html"]
	if !strings.Contains(clusters, `<a href="/2016/klynger/vindkraft/">Vindkraftklyngen</a> <span class="badge badge--gold">`) {
		t.Error("the cluster directory does not mark the gold cluster")
	}
	if strings.Contains(out["2016/klynger/aeroe/index.html"], "badge--gold") {
		t.Error("a cluster without the gold label is marked gold")
	}
}

func TestBaseURLWithSubPath(t *testing.T) {
	res, err := Run(testSite(t, nil), Options{BaseURL: "https://example.org/rapport/"})
	if err != nil {
		t.Fatal(err)
	}
	out := files(res.Output)
	chapter := out["2016/tal/index.html"]
	for _, want := range []string{
		`<link rel="stylesheet" href="/rapport/` + hashedSheet(t, out) + `">`,
		`<link rel="canonical" href="https://example.org/rapport/2016/tal/">`,
		`<a href="/rapport/2016/cases/en-god-historie/">casen</a>`,
		`<a href="/rapport/2016/klynger/">Klyngerne</a>`,
	} {
		if !strings.Contains(chapter, want) {
			t.Errorf("chapter page lacks %s", want)
		}
	}
	if strings.Contains(chapter, `href="/2016/`) || strings.Contains(chapter, `href="/tal/`) {
		t.Error("a link ignores the base path")
	}
	for _, want := range []string{"sitemap.xml", "cases.xml"} {
		if !strings.Contains(out[want], "https://example.org/rapport/2016/cases/en-god-historie/") {
			t.Errorf("%s lacks the case story's absolute address", want)
		}
	}
	if !strings.Contains(out["robots.txt"], "Sitemap: https://example.org/rapport/sitemap.xml") {
		t.Error("robots.txt does not name the sitemap")
	}
	for _, want := range []string{`<meta property="og:url" content="https://example.org/rapport/2016/tal/">`, `<meta property="og:type" content="article">`, `<link rel="alternate" type="application/atom+xml" title="Cases fra klyngerne" href="/rapport/cases.xml">`} {
		if !strings.Contains(chapter, want) {
			t.Errorf("chapter page lacks %s", want)
		}
	}
}

// TestBaseURLFromSiteSettings publishes under data/site.toml's base_url
// when no flag is given: the Markdown's links follow it like the templates'.
func TestBaseURLFromSiteSettings(t *testing.T) {
	fsys := testSite(t, nil)
	fsys["data/site.toml"] = &fstest.MapFile{Data: []byte("title = \"Testrapporten\"\nbase_url = \"https://example.org/rapport/\"\n")}
	res, err := Run(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	chapter := files(res.Output)["2016/tal/index.html"]
	for _, want := range []string{`<a href="/rapport/2016/cases/en-god-historie/">casen</a>`, `href="/rapport/` + hashedSheet(t, files(res.Output)) + `"`, `<link rel="canonical" href="https://example.org/rapport/2016/tal/">`} {
		if !strings.Contains(chapter, want) {
			t.Errorf("chapter page lacks %s", want)
		}
	}
}

// TestBadSites builds every broken site in testdata/bad and compares the
// problems reported with the archive's want section, exactly.
func TestBadSites(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(repoRoot, "testdata/bad/*.txtar"))
	if len(paths) == 0 {
		t.Fatal("no test cases in testdata/bad")
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Run(testSite(t, ar), Options{})
			if err == nil {
				t.Fatal("the build succeeded; it must fail")
			}
			var got strings.Builder
			for _, prob := range diag.AsList(err) {
				got.WriteString(prob.Error() + "\n")
			}
			want := wantSection(ar)
			if *update {
				setWant(t, p, ar, got.String())
				return
			}
			if got.String() != want {
				t.Errorf("errors differ\ngot:\n%s\nwant:\n%s", got.String(), want)
			}
		})
	}
}

func wantSection(ar *txtar.Archive) string {
	for _, f := range ar.Files {
		if f.Name == "want" {
			return string(f.Data)
		}
	}
	return ""
}

func setWant(t *testing.T, p string, ar *txtar.Archive, got string) {
	found := false
	for i := range ar.Files {
		if ar.Files[i].Name == "want" {
			ar.Files[i].Data, found = []byte(got), true
		}
	}
	if !found {
		ar.Files = append(ar.Files, txtar.File{Name: "want", Data: []byte(got)})
	}
	if err := os.WriteFile(p, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}
