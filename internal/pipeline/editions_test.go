package pipeline

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/sitetest"
)

// realSiteWith returns the shipped site's 2016 edition, alone, with the files
// of an overlay folder, if any, laid over it.
func realSiteWith(t *testing.T, overlay string) fstest.MapFS {
	t.Helper()
	fsys := sitetest.Edition2016FS(t)
	if overlay != "" {
		sitetest.AddDir(t, fsys, filepath.Join(repoRoot, overlay), "")
		delete(fsys, "README.md")
	}
	return fsys
}

// TestSecondEdition builds a made-up 2017 edition beside the real 2016 one
// (whatever editions the editors have added since left out),
// with no code change, and checks the archive, the URLs and the history of a
// metric across both editions.
func TestSecondEdition(t *testing.T) {
	res, err := Run(realSiteWith(t, "testdata/sites/edition-2017"), Options{})
	if err != nil {
		t.Fatalf("the site with a 2017 edition does not build:\n%v", err)
	}
	out := files(res.Output)
	for _, p := range []string{
		"2016/index.html", "2016/hvem-er-de/index.html", "2016/cases/index.html",
		"2017/index.html", "2017/udviklingen/index.html", "2017/cases/en-ny-case/index.html",
		"2017/klynger/innobyg/index.html",
	} {
		if _, ok := out[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	if _, ok := out["2017/klynger/biopeople/index.html"]; ok {
		t.Error("a cluster that is not in the 2017 edition has a 2017 page")
	}
	home := out["index.html"]
	if !strings.Contains(home, `<a class="button" href="/2017/">Læs performanceregnskabet 2017</a>`) {
		t.Error("the front page does not lead to the newest edition")
	}
	archive := out["arkiv/index.html"]
	for _, want := range []string{`<a href="/2016/">Performanceregnskab 2016</a> – tal for 2012–2015`, `<a href="/2017/">Performanceregnskab 2017</a> – tal for 2013–2016, udgivet 1. juni 2017`} {
		if !strings.Contains(archive, want) {
			t.Errorf("archive lacks %s", want)
		}
	}
	history := out["tal/omsaetning/index.html"]
	for _, want := range []string{
		`<th scope="row">2015</th><td class="num">257,6</td><td class="num">−28</td><td><a href="/2016/" aria-label="Performanceregnskab 2016">2016</a></td>`,
		`<th scope="row">2016</th><td class="num">300,0</td><td class="num">&#43;16</td><td><a href="/2017/" aria-label="Performanceregnskab 2017">2017</a></td>`,
	} {
		if !strings.Contains(history, want) {
			t.Errorf("the history of omsaetning lacks %s in\n%s", want, history)
		}
	}
	if !strings.Contains(out["2016/index.html"], `href="/2016/hvem-er-de/"`) || strings.Contains(out["2016/index.html"], `href="/2017/udviklingen/"`) {
		t.Error("the 2016 edition's navigation is not its own")
	}
	if !strings.Contains(out["2017/udviklingen/index.html"], `<td class="num">257,6</td><td class="num">300,0</td><td class="num">+16</td>`) {
		t.Error("the 2017 table does not show 2015 and 2016 with the change")
	}
}
