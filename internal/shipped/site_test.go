package shipped_test

// The one loader of the shipped site for this package's tests: the site is
// read from sitetest.Shipped (the repository's, or the one
// REPORT_SHIPPED_SITE names), and each build of it is made once per set of
// options and kept for every test that asks for the same, since the tests
// only read what a build wrote. What a test changes (a plan it adds PDFs
// to, a site in memory it lays files over) it gets fresh.

import (
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"report/internal/cms"
	"report/internal/data"
	"report/internal/diag"
	"report/internal/lang"
	"report/internal/pipeline"
	"report/internal/render"
	"report/internal/sitecheck"
	"report/internal/sitetest"
	"report/internal/urls"
)

// build is one build of the shipped site, in the forms the tests read it:
// the files in the order the build wrote them, by path as text, and as
// package sitecheck reads a built site. Nothing may change it: other tests
// read the same build.
type build struct {
	Output   render.Output
	Warnings []*diag.Problem
	Files    sitetest.Files
	Site     sitecheck.Site
}

var builds = struct {
	sync.Mutex
	m map[pipeline.Options]*build
}{m: map[pipeline.Options]*build{}}

// shippedSite is the shipped site built with opts, built once for every
// test that builds it with the same options.
func shippedSite(t testing.TB, opts pipeline.Options) *build {
	t.Helper()
	builds.Lock()
	defer builds.Unlock()
	if b, ok := builds.m[opts]; ok {
		return b
	}
	res, err := pipeline.Run(shippedFS(), opts)
	if err != nil {
		t.Fatalf("the shipped site does not build:\n%v", err)
	}
	b := &build{Output: res.Output, Warnings: res.Warnings, Files: sitetest.Files{}, Site: sitecheck.Site{}}
	for _, f := range res.Output {
		b.Files[f.Path] = string(f.Data)
		b.Site[f.Path] = f.Data
	}
	builds.m[opts] = b
	return b
}

// files returns a build's output by path.
func files(out render.Output) sitetest.Files {
	m := sitetest.Files{}
	for _, f := range out {
		m[f.Path] = string(f.Data)
	}
	return m
}

// shippedFiles is the shipped site built with opts, by path.
func shippedFiles(t testing.TB, opts pipeline.Options) sitetest.Files {
	t.Helper()
	return shippedSite(t, opts).Files
}

// buildAgain builds the shipped site anew, for a test that compares two
// builds (TestDeterministic) or builds with options of its own making.
func buildAgain(t testing.TB, opts pipeline.Options) render.Output {
	t.Helper()
	res, err := pipeline.Run(shippedFS(), opts)
	if err != nil {
		t.Fatalf("the shipped site does not build:\n%v", err)
	}
	return res.Output
}

// shippedPlan plans the shipped site without rendering it. Each call gives
// a plan of its own, since printpage.AddPDFs adds to the plan it is given.
func shippedPlan(t testing.TB, baseURL string) *render.Plan {
	t.Helper()
	plan, _, err := pipeline.Prepare(shippedFS(), pipeline.Options{BaseURL: baseURL})
	if err != nil {
		t.Fatalf("the shipped site does not build: %v", err)
	}
	return plan
}

// shippedFS is the shipped site's sources: content/, data/, i18n/,
// layouts/ and static/.
func shippedFS() fs.FS { return sitetest.ShippedFS() }

var loadData = sync.OnceValues(func() (*data.Data, error) {
	var problems diag.List
	d := data.Load(shippedFS(), &problems)
	return d, problems.Err()
})

// shippedData is the shipped site's data, whatever editions it has.
func shippedData(t testing.TB) *data.Data {
	t.Helper()
	d, err := loadData()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// shippedLangs are the shipped site's languages with the tables of its
// i18n/, Danish first, then English.
func shippedLangs(t testing.TB) []*lang.Lang {
	t.Helper()
	var problems diag.List
	langs := lang.Load(shippedFS(), &problems)
	if err := problems.Err(); err != nil || len(langs) != 2 || langs[1].Code != "en" {
		t.Fatalf("the tables of i18n/: %d languages, %v", len(langs), err)
	}
	return langs
}

// edition2016 is the shipped site's 2016 edition alone, as it was published
// (sitetest.Edition2016FS), in memory, with the files of the folder overlay
// of the repository (a site of testdata/sites), if any, laid over it. Each
// call gives a site of its own, for the test to change.
func edition2016(t *testing.T, overlay string) fstest.MapFS {
	t.Helper()
	fsys := sitetest.Edition2016FS(t)
	if overlay != "" {
		sitetest.AddDir(t, fsys, filepath.Join(sitetest.Root, overlay), "")
		delete(fsys, "README.md")
	}
	return fsys
}

// shippedCopy writes the shipped site into a folder of the test's own and
// returns it, for a test that changes the site as an editor would.
func shippedCopy(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "site")
	if err := sitetest.WriteReal(root); err != nil {
		t.Fatal(err)
	}
	return root
}

// withFiles is a file system with some of its files replaced.
type withFiles struct {
	fs.FS
	files fstest.MapFS
}

func (o withFiles) Open(name string) (fs.File, error) {
	if _, ok := o.files[name]; ok {
		return o.files.Open(name)
	}
	return o.FS.Open(name)
}

// pageEdition is the edition a built page belongs to: the one its path
// starts with (2016/…, en/2016/…), or, for the pages of the whole site,
// the latest, whose front page, navigation and share image they show.
func pageEdition(d *data.Data, path string) *data.Edition {
	first, _, _ := strings.Cut(strings.TrimPrefix(path, "en/"), "/")
	if y, err := strconv.Atoi(first); err == nil && d.Edition(y) != nil {
		return d.Edition(y)
	}
	return d.Latest()
}

// readerPage reports whether a built file is one of the report's pages,
// which every reader's check covers: an HTML file outside the editors' CMS
// (admin/, which pipeline's TestCMSPage and TestCMSHeaders check instead).
func readerPage(p string) bool {
	return strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, cms.Dir+"/")
}

// headerRules reads a build's _headers through package sitecheck, failing
// the test on a line it cannot read.
func headerRules(t testing.TB, out sitetest.Files) []sitecheck.HeaderRule {
	t.Helper()
	rules, problems := sitecheck.ParseHeaders([]byte(out[urls.Headers]))
	for _, p := range problems {
		t.Fatal(p)
	}
	return rules
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
