package pipeline

import (
	"bytes"
	"maps"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/diag"
	"report/internal/sitetest"
	"report/internal/urls"
)

// FuzzSite builds the test site with a case story, a chapter, a year of
// figures, the metric catalogue, the English interface strings and the
// front page's English translation replaced by arbitrary text. Whatever an editor saves, the build
// must answer with problems that name their file, never with a panic; and
// whatever it publishes must hold no script, since no editor's text may
// become one.
// siteBudget is what a whole build of the test site may allocate: about
// 3 MB whatever the input, and a bound per byte of the three fuzzed files.
var siteBudget = sitetest.Budget{Fixed: 32 << 20, PerByte: 8 << 10}

// searchScript is the one script a published page may load: the search
// page's, which its layout names (layouts/search.html).
var searchScript = regexp.MustCompile(`<script type="module" src="[^"<>]*/js/search(\.[0-9a-f]+)?\.js"></script>`)

func FuzzSite(f *testing.F) {
	const (
		story   = "content/2016/cases/en-god-historie.md"
		chapter = "content/2016/tal.md"
		year    = "data/years/2015.toml"
		metrics = "data/metrics.toml"
		table   = "i18n/en.toml"
		english = "content/2016/_index.en.md"
	)
	base := sitetest.FS(f, nil)
	m, en := string(base[metrics].Data), string(base[table].Data)
	front := "+++\ntitle = \"Front page\"\n+++\nThe foreword.\n"
	f.Add(string(base[story].Data), string(base[chapter].Data), string(base[year].Data), m, en, front)
	f.Add("+++\ntitle = 1\n+++\n{{klynger 2015", "+++\ntitle = \"T\"\n+++\n```table\nrows = [\"x\"\n```\n[a](javascript:alert(1))", "klynger = 3\nomsaetning = 15,6", m, en, "")
	f.Add("+++\n+++\n<script>alert(1)</script>", "+++\ntitle = \"T\"\n+++\n```chart\ntype = \"bar\"\nmetrics = [\"klynger\"]\n```\n![](x.png)", "[[x]]\n",
		m+"\n[[metric]]\nid = \"a\"\nlabel = \"A\"\nunit = \"%\"\nratio = [\"b\", \"klynger\"]\n[[metric]]\nid = \"b\"\nlabel = \"B\"\nunit = \"%\"\nratio = [\"a\", \"klynger\"]\n",
		withSkipLink(en, "100 %d % {{da: x}}"), "+++\ntitle = \"{{xx: y}} {{da: a {{en: b}} c}}\"\n+++\n{{omsaetning}} %!s\n")
	f.Add("\ufeff+++\r\ntitle = \"T\"\r\n+++\r\n", "+++\ntitle = \"T\"\n+++\n## Ø\n## Ø\n[^1]\n\n[^1]: x", "", "", "skip_link = 5\n", "+++\rtitle = \"T\"\r+++\r")
	f.Fuzz(func(t *testing.T, storyText, chapterText, yearText, metricsText, stringsText, englishText string) {
		fsys := maps.Clone(base)
		for name, text := range map[string]string{story: storyText, chapter: chapterText, year: yearText, metrics: metricsText, table: stringsText, english: englishText} {
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
		}
		var res *Result
		var err error
		size := len(storyText) + len(chapterText) + len(yearText) + len(metricsText) + len(stringsText) + len(englishText)
		siteBudget.Check(t, size, func() { res, err = Run(fsys, Options{}) })
		for _, p := range diag.AsList(err) {
			if p.Path == "" {
				t.Errorf("a problem names no file: %v", p)
			}
		}
		if err != nil {
			return
		}
		for _, file := range res.Output {
			data, problems := sitetest.WithoutStructuredData(file.Data)
			for _, p := range problems {
				t.Errorf("%s: %s", file.Path, p)
			}
			if strings.TrimPrefix(file.Path, "en/") == urls.Search+"index.html" { // either language's
				data = searchScript.ReplaceAll(data, nil) // the layout's own
			}
			if bytes.Contains(bytes.ToLower(data), []byte("<script")) {
				t.Errorf("%s holds a script", file.Path)
			}
			if strings.HasSuffix(file.Path, ".html") && len(file.Data) == 0 {
				t.Errorf("%s is empty", file.Path)
			}
		}
	})
}

// withSkipLink is an interface table with its skip link's words replaced.
func withSkipLink(table, skip string) string {
	return regexp.MustCompile(`(?m)^skip_link = .*$`).ReplaceAllString(table, "skip_link = "+strconv.Quote(skip))
}

// hostFiles are the files that hosts and crawlers read line by line, whose
// lines a control character in a text could split into rules of its own.
var hostFiles = []string{"_headers", "_redirects", "robots.txt"}

// FuzzHostFiles builds the test site with an arbitrary base URL, as the
// flag or data/site.toml gives it, and an arbitrary accessibility
// statement. Whatever they hold, nothing written to a host file holds a
// control character but the line breaks the build writes, and _redirects
// has no rule but the build's own.
func FuzzHostFiles(f *testing.F) {
	base := sitetest.FS(f, nil)
	site := string(base["data/site.toml"].Data)
	f.Add("https://example.org/rapport/", "https://www.was.digst.dk/example-dk")
	f.Add("https://example.org/rapport%0A/*%20https://evil.example/%20301!/", "https://www.was.digst.dk/x%0D%0ARefresh:%200")
	f.Add("/a\tb/", "https://x.dk/\n/* https://evil.example/ 301!")
	f.Fuzz(func(t *testing.T, baseURL, statement string) {
		fsys := maps.Clone(base)
		fsys["data/site.toml"] = &fstest.MapFile{Data: []byte(site + "\naccessibility_statement = " + strconv.Quote(statement) + "\n")}
		res, err := Run(fsys, Options{BaseURL: baseURL})
		if err != nil {
			return // refused: nothing is written
		}
		out := files(res.Output)
		for _, name := range hostFiles {
			for _, r := range out[name] {
				if r < 0x20 && r != '\n' || r == 0x7f {
					t.Fatalf("%s holds control character %U for base URL %q and statement %q:\n%s", name, r, baseURL, statement, out[name])
				}
			}
		}
		for _, line := range strings.Split(out["_redirects"], "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			fields := strings.Fields(line)
			was := len(fields) == 3 && fields[2] == "302" && (strings.HasSuffix(fields[0], "was") || strings.HasSuffix(fields[0], "was/"))
			notFound := len(fields) == 3 && fields[2] == "404" && strings.HasSuffix(fields[0], "/en/*") && strings.HasSuffix(fields[1], "/en/404.html")
			if !was && !notFound {
				t.Fatalf("_redirects has a rule the build does not write: %q", line)
			}
		}
	})
}
