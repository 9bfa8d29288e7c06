package pipeline

import (
	"bytes"
	"html"
	"os"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"report/internal/render"
)

// buildRealSite builds the report in the repository, the 2016 edition.
func buildRealSite(t testing.TB, opts Options) render.Output {
	t.Helper()
	res, err := Run(os.DirFS(repoRoot), opts)
	if err != nil {
		t.Fatalf("the shipped site does not build:\n%v", err)
	}
	return res.Output
}

// TestRealSiteDeterministic builds the shipped site with one thread and with
// several, and compares every byte.
func TestRealSiteDeterministic(t *testing.T) {
	old := runtime.GOMAXPROCS(1)
	one := buildRealSite(t, Options{})
	runtime.GOMAXPROCS(max(4, old))
	many := buildRealSite(t, Options{})
	runtime.GOMAXPROCS(old)
	if len(one) != len(many) {
		t.Fatalf("%d files with one thread, %d with several", len(one), len(many))
	}
	for i := range one {
		if one[i].Path != many[i].Path || !bytes.Equal(one[i].Data, many[i].Data) {
			t.Errorf("%s differs between GOMAXPROCS=1 and GOMAXPROCS=%d", one[i].Path, max(4, old))
		}
	}
}

// knownWarnings are the places where the printed 2016 report disagrees with
// itself, as file and message (lines move as the text is edited). An editor
// has looked at each; the page carries an editor's note.
var knownWarnings = []string{
	"content/2016/hvad-laver-de.en.md: the text prints 104 where data/years/2015.toml:35 gives internationale-samarbejder = 711; the page shows 104 with an editor's note",
	"content/2016/hvad-laver-de.md: the text prints 104 where data/years/2015.toml:35 gives internationale-samarbejder = 711; the page shows 104 with an editor's note",
}

// TestRealSiteWarnings keeps the shipped data free of new inconsistencies:
// the build's warnings must be exactly the known ones.
func TestRealSiteWarnings(t *testing.T) {
	res, err := Run(os.DirFS(repoRoot), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Path+": "+w.Msg)
	}
	if strings.Join(got, "\n") != strings.Join(knownWarnings, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(knownWarnings, "\n"))
	}
}

// pageTitle matches a page's <title>.
var pageTitle = regexp.MustCompile(`<title>([^<]*)</title>`)

// TestRealSiteTitles gives every page a title of its own (WCAG 2.4.2): no
// two pages share one, and none repeats itself, as "Performanceregnskab
// 2016 – Performanceregnskab 2016" once did.
func TestRealSiteTitles(t *testing.T) {
	seen := map[string]string{}
	for _, f := range buildRealSite(t, Options{}) {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		m := pageTitle.FindSubmatch(f.Data)
		if m == nil {
			t.Errorf("%s has no title", f.Path)
			continue
		}
		title := html.UnescapeString(string(m[1]))
		if other, dup := seen[title]; dup {
			t.Errorf("%s and %s are both titled %q", other, f.Path, title)
		}
		seen[title] = f.Path
		parts := strings.Split(title, " – ")
		for i := 1; i < len(parts); i++ {
			if parts[i] == parts[i-1] {
				t.Errorf("%s: title %q repeats %q", f.Path, title, parts[i])
			}
		}
	}
}
