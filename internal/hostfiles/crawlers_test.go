package hostfiles

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"report/internal/data"
	"report/internal/site"
)

func TestRobots(t *testing.T) {
	if got := string(Robots("")); got != "User-agent: *\nAllow: /\n" {
		t.Errorf("without a host: %q", got)
	}
	if got := string(Robots("https://example.org/sitemap.xml")); !strings.HasSuffix(got, "\nSitemap: https://example.org/sitemap.xml\n") {
		t.Errorf("with a host: %q", got)
	}
}

func edition(year int, month time.Month, day int) *site.Edition {
	return &site.Edition{Edition: &data.Edition{Year: year, Published: data.PubDate{Year: year, Month: month, Day: day}}}
}

// TestSitemap dates a page of an edition by its edition, and a page of
// every edition by the newest, and lists a page's versions with the Danish
// as the default.
func TestSitemap(t *testing.T) {
	e16, e17 := edition(2016, time.June, 1), edition(2017, time.June, 1)
	out := Sitemap([]*site.Edition{e16, e17}, []Page{
		{URL: "https://x.dk/", Versions: []Version{{"da", "https://x.dk/"}, {"en", "https://x.dk/en/"}}},
		{URL: "https://x.dk/2016/", Edition: e16},
	}, true)
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
			Links   []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(out, &set); err != nil {
		t.Fatal(err)
	}
	if len(set.URLs) != 2 || set.URLs[0].LastMod != "2017-06-01" || set.URLs[1].LastMod != "2016-06-01" {
		t.Fatalf("sitemap:\n%s", out)
	}
	if l := set.URLs[0].Links; len(l) != 3 || l[2].Hreflang != "x-default" || l[2].Href != "https://x.dk/" {
		t.Errorf("versions of the front page: %+v", l)
	}
}

// TestAtomFeed lists the newest edition's stories first, dated by their
// edition, each by its cluster or else the publisher.
func TestAtomFeed(t *testing.T) {
	e16, e17 := edition(2016, time.June, 1), edition(2017, time.June, 1)
	e16.Cases = []*site.Case{{Page: site.Page{Title: "Gammel", URL: "2016/cases/a/"}}}
	e17.Cases = []*site.Case{{Page: site.Page{Title: "Ny", URL: "2017/cases/b/"}, Cluster: &data.Cluster{Name: "Klyngen"}}}
	abs := func(p string) string { return "https://x.dk/" + p }
	out := string(AtomFeed(Feed{Lang: "da", Self: abs("cases.xml"), Home: abs(""), Title: "Historier", Author: "Styrelsen", URL: abs}, []*site.Edition{e16, e17}))
	ny, gammel := strings.Index(out, "<title>Ny</title>"), strings.Index(out, "<title>Gammel</title>")
	if ny < 0 || gammel < 0 || ny > gammel {
		t.Fatalf("the newest edition's story comes first:\n%s", out)
	}
	for _, want := range []string{"<updated>2017-06-01T00:00:00Z</updated>", "<name>Klyngen</name>", "<name>Styrelsen</name>", `<link href="https://x.dk/2017/cases/b/"></link>`} {
		if !strings.Contains(out, want) {
			t.Errorf("feed lacks %s:\n%s", want, out)
		}
	}
}
