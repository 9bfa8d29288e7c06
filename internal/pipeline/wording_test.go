package pipeline

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/render"
	"report/internal/sitetest"
)

// The wording a reader meets: each case here was once wrong on a page.

func TestCaseCountAgrees(t *testing.T) {
	out := files(mustRun(t, sitetest.FS(t, nil)))
	edition := out["2016/index.html"]
	if !strings.Contains(edition, "Cases: 1 eksempel fra klyngerne") {
		t.Errorf("the edition's page does not say \"1 eksempel\" for its one case story:\n%s", grep(edition, "Cases:"))
	}
}

// chartChapter is an overlay that adds a chapter with one chart, of the
// test site's turnover.
const chartChapter = `
-- content/2016/graf.md --
+++
title = "Graf"
weight = 20
+++

` + "```chart" + `
type = "bar"
title = "Omsætning, 2014–2015"
metrics = ["omsaetning"]
` + "```" + `
`

func TestChartUnitHasOneFullStop(t *testing.T) {
	out := files(mustRun(t, sitetest.FS(t, sitetest.Parse(chartChapter))))
	page := out["2016/graf/index.html"]
	if !strings.Contains(page, `<p class="table-note">Enhed: mio. kr.</p>`) {
		t.Errorf("the chart's unit line is wrong:\n%s", grep(page, "Enhed"))
	}
}

func TestHerafSaidOnce(t *testing.T) {
	fsys := sitetest.FS(t, sitetest.Parse(`
-- content/2016/smaa.md --
+++
title = "Små virksomheder"
weight = 20
+++

`+"```table"+`
caption = "Virksomheder"
rows = ["virksomheder", "virksomheder-smaa"]
`+"```"+`
`))
	appendFile(fsys, "data/metrics.toml", "\n[[metric]]\nid = \"virksomheder-smaa\"\nlabel = \"Heraf virksomheder med under 50 ansatte\"\nparent = \"virksomheder\"\n")
	appendFile(fsys, "data/years/2015.toml", "virksomheder-smaa = 1200\n")
	out := files(mustRun(t, fsys))
	page := out["2016/smaa/index.html"]
	if strings.Contains(page, `<span class="visually-hidden">heraf </span><a href="/tal/virksomheder-smaa/">Heraf`) {
		t.Error(`a screen reader hears "heraf Heraf virksomheder"`)
	}
	if !strings.Contains(page, `<a href="/tal/virksomheder-smaa/">Heraf virksomheder med under 50 ansatte</a>`) {
		t.Errorf("the heraf row is missing:\n%s", grep(page, "smaa"))
	}
}

// mustRun builds a site that must build without warnings.
func mustRun(t *testing.T, fsys fs.FS) render.Output {
	t.Helper()
	res, err := Run(fsys, Options{})
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	for _, w := range res.Warnings {
		t.Errorf("warning: %v", w)
	}
	return res.Output
}

// appendFile adds text to the end of a file of a test site.
func appendFile(fsys fstest.MapFS, name, text string) {
	f := fsys[name]
	f.Data = append(append([]byte{}, f.Data...), text...)
}

// grep returns the lines of s that contain sub, for failure messages.
func grep(s, sub string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, sub) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
