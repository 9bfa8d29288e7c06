package pipeline

import (
	"flag"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/render"
	"report/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/bad/*.txtar from the actual errors")

// repoRoot is the repository's root: the corpus of broken sites
// (testdata/bad), and the site the benchmarks build.
const repoRoot = sitetest.Root

// files returns a build's output by path, for the assertions of sitetest.
func files(out render.Output) sitetest.Files {
	m := sitetest.Files{}
	for _, f := range out {
		m[f.Path] = string(f.Data)
	}
	return m
}

// hashedReportCSS matches the style sheet's published name.
var hashedReportCSS = regexp.MustCompile(`^css/report\.[0-9a-f]{8}\.css$`)

// hashedSheet is the path at which a build published static/css/report.css:
// its content-hashed name.
func hashedSheet(t *testing.T, out map[string]string) string {
	t.Helper()
	for p := range out {
		if hashedReportCSS.MatchString(p) {
			return p
		}
	}
	t.Error("the site has no css/report.<hash>.css")
	return "css/report.css"
}

// TestGoodSite builds the small test site and checks a little of every kind
// of page.
func TestGoodSite(t *testing.T) {
	res, err := Run(sitetest.FS(t, nil), Options{})
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	out := files(res.Output)
	out.AssertExists(t,
		"index.html", "404.html", hashedSheet(t, out),
		"2016/index.html", "2016/tal/index.html",
		"2016/cases/index.html", "2016/cases/en-god-historie/index.html",
		"2016/klynger/index.html", "2016/klynger/vindkraft/index.html",
		"2016/klynger/lifestyle-design/index.html", "2016/klynger/aeroe/index.html",
		"arkiv/index.html", "tal/index.html", "tal/omsaetning/index.html", "robots.txt",
	)
	for p, b := range out {
		sitetest.AssertContains(t, p, b, "! /_report/") // the preview's reload script
	}
	out.AssertFileContent(t, "2016/tal/index.html",
		`<html lang="da">`,
		`<h2 id="oekonomi-og-stoette">Økonomi og støtte</h2>`,
		`Omsætningen var <span class="figure">15,6</span> mio. kr., og omkring <span class="figure">12.000</span>`,
		`Andelen var <span class="figure">33`+"\u00a0"+`%</span>`,
		`<caption id="tabel-struktur-ressourcer-titel">Struktur &amp; ressourcer</caption>`,
		`<td class="num">20,0</td><td class="num">15,6</td><td class="num">−22</td>`,
		`<span class="visually-hidden">heraf </span><a href="/tal/omsaetning-staten/">Staten</a></th>`,
		`<th scope="row"><a href="/tal/ansoegninger/">Ansøgninger</a></th><td class="num empty"><span class="visually-hidden">ikke opgjort</span></td><td class="num">109</td>`,
		`<strong class="key-figure__number">1.794</strong>`,
		`<a href="/2016/cases/en-god-historie/">casen</a>`,
		`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`,
		`class="footnotes"`,
		`<a href="/2016/tal/" aria-current="page">Økonomi og støtte</a>`,
		`! <script>`, // the raw <script> of the Markdown
	)
	out.AssertFileContent(t, "tal/omsaetning/index.html",
		`<tr><th scope="row">2014</th><td class="num">20,0</td>`,
		`<tr><th scope="row">2015</th><td class="num">15,6</td><td class="num">−22</td><td><a href="/2016/" aria-label="Performanceregnskab 2016">2016</a></td></tr>`,
	)
	out.AssertFileContent(t, "index.html",
		`<span class="key-figure__prefix">omkring</span> <strong class="key-figure__number">12.000</strong>`,
		`href="/2016/"`,
	)
	out.AssertFileContent(t, "2016/cases/en-god-historie/index.html",
		`Fra <a href="/2016/klynger/lifestyle-design/">Lifestyle &amp; Design Cluster</a>`,
		`Anne Andersen, Direktør, Firma &amp; Co`,
	)
	// The gold label: on the gold cluster in the directory, on no other.
	out.AssertFileContent(t, "2016/klynger/index.html", `<a href="/2016/klynger/vindkraft/">Vindkraftklyngen</a> <span class="badge badge--gold">`)
	out.AssertFileContent(t, "2016/klynger/aeroe/index.html", "! badge--gold")
}

func TestBaseURLWithSubPath(t *testing.T) {
	res, err := Run(sitetest.FS(t, nil), Options{BaseURL: "https://example.org/rapport/"})
	if err != nil {
		t.Fatal(err)
	}
	out := files(res.Output)
	out.AssertFileContent(t, "2016/tal/index.html",
		`<link rel="stylesheet" href="/rapport/`+hashedSheet(t, out)+`">`,
		`<link rel="canonical" href="https://example.org/rapport/2016/tal/">`,
		`<a href="/rapport/2016/cases/en-god-historie/">casen</a>`,
		`<a href="/rapport/2016/klynger/">Klyngerne</a>`,
		`<meta property="og:url" content="https://example.org/rapport/2016/tal/">`,
		`<meta property="og:type" content="article">`,
		`<link rel="alternate" type="application/atom+xml" title="Cases fra klyngerne" href="/rapport/cases.xml">`,
		// No link ignores the base path.
		`! href="/2016/`,
		`! href="/tal/`,
	)
	for _, feed := range []string{"sitemap.xml", "cases.xml"} {
		out.AssertFileContent(t, feed, "https://example.org/rapport/2016/cases/en-god-historie/")
	}
	out.AssertFileContent(t, "robots.txt", "Sitemap: https://example.org/rapport/sitemap.xml")
}

// TestBaseURLFromSiteSettings publishes under data/site.toml's base_url
// when no flag is given: the Markdown's links follow it like the templates'.
func TestBaseURLFromSiteSettings(t *testing.T) {
	res, err := Run(sitetest.FS(t, sitetest.Parse(`
-- data/site.toml --
title = "Testrapporten"
base_url = "https://example.org/rapport/"
`)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := files(res.Output)
	out.AssertFileContent(t, "2016/tal/index.html",
		`<a href="/rapport/2016/cases/en-god-historie/">casen</a>`,
		`href="/rapport/`+hashedSheet(t, out)+`"`,
		`<link rel="canonical" href="https://example.org/rapport/2016/tal/">`,
	)
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
			ar := sitetest.ParseFile(t, p)
			_, err := Run(sitetest.FS(t, ar), Options{})
			if err == nil {
				t.Fatal("the build succeeded; it must fail")
			}
			var got strings.Builder
			for _, prob := range diag.AsList(err) {
				got.WriteString(prob.Error() + "\n")
			}
			if *update {
				sitetest.SetWant(t, p, ar, got.String())
				return
			}
			if want := sitetest.Want(ar); got.String() != want {
				t.Errorf("errors differ\ngot:\n%s\nwant:\n%s", got.String(), want)
			}
		})
	}
}
