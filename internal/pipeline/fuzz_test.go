package pipeline

import (
	"bytes"
	"maps"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/diag"
	"report/internal/render"
	"report/internal/sitetest"
	"report/internal/testsite"
)

// FuzzSite builds the test site with a case story, a chapter and a year of
// figures replaced by arbitrary text. Whatever an editor saves, the build
// must answer with problems that name their file, never with a panic; and
// whatever it publishes must hold no script, since no editor's text may
// become one.
// siteBudget is what a whole build of the test site may allocate: about
// 3 MB whatever the input, and a bound per byte of the three fuzzed files.
var siteBudget = testsite.Budget{Fixed: 32 << 20, PerByte: 8 << 10}

// searchScript is the one script a published page may load: the search
// page's, which its layout names (layouts/search.html).
var searchScript = regexp.MustCompile(`<script type="module" src="[^"<>]*/js/search(\.[0-9a-f]+)?\.js"></script>`)

func FuzzSite(f *testing.F) {
	const (
		story   = "content/2016/cases/en-god-historie.md"
		chapter = "content/2016/tal.md"
		year    = "data/years/2015.toml"
	)
	base := sitetest.FS(f, nil)
	f.Add(string(base[story].Data), string(base[chapter].Data), string(base[year].Data))
	f.Add("+++\ntitle = 1\n+++\n{{klynger 2015", "+++\ntitle = \"T\"\n+++\n```table\nrows = [\"x\"\n```\n[a](javascript:alert(1))", "klynger = 3\nomsaetning = 15,6")
	f.Add("+++\n+++\n<script>alert(1)</script>", "+++\ntitle = \"T\"\n+++\n```chart\ntype = \"bar\"\nmetrics = [\"klynger\"]\n```\n![](x.png)", "[[x]]\n")
	f.Add("\ufeff+++\r\ntitle = \"T\"\r\n+++\r\n", "+++\ntitle = \"T\"\n+++\n## Ø\n## Ø\n[^1]\n\n[^1]: x", "")
	f.Fuzz(func(t *testing.T, storyText, chapterText, yearText string) {
		fsys := maps.Clone(base)
		fsys[story] = &fstest.MapFile{Data: []byte(storyText)}
		fsys[chapter] = &fstest.MapFile{Data: []byte(chapterText)}
		fsys[year] = &fstest.MapFile{Data: []byte(yearText)}
		var res *Result
		var err error
		siteBudget.Check(t, len(storyText)+len(chapterText)+len(yearText), func() { res, err = Run(fsys, Options{}) })
		for _, p := range diag.AsList(err) {
			if p.Path == "" {
				t.Errorf("a problem names no file: %v", p)
			}
		}
		if err != nil {
			return
		}
		for _, file := range res.Output {
			data := file.Data
			if file.Path == render.SearchURL+"index.html" {
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
