package render_test

import (
	"regexp"
	"strings"
	"testing"

	"report/internal/diskfs"
	"report/internal/sitetest"
)

// card is one story's card in a list, and the address it links to.
var card = regexp.MustCompile(`(?s)<li class="card">\s*<h3 class="card__title"><a href="([^"]*)">.*?</li>`)

var editionFolder = regexp.MustCompile(`^(en/)?[0-9]{4}/`)

// TestCardsReusedPerLanguage renders the shipped site's lists of stories,
// whose cards are drawn once and reused (cards.go): every card of a
// cluster's page is the one its edition's cases page shows, in the same
// language, and each language's cards link to that language's pages. It
// holds for any edition: it compares pages with each other.
func TestCardsReusedPerLanguage(t *testing.T) {
	p, err := tryPlan(diskfs.Dir(sitetest.Shipped()))
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]string{} // a cases page's folder → its cards
	clusters := map[string][]string{}
	for _, path := range p.Paths() {
		d, _, ok := p.Page(path)
		if !ok || (d.Kind != "cases" && d.Kind != "cluster") {
			continue
		}
		page, _, err := p.File(path)
		if err != nil {
			t.Fatal(err)
		}
		english := strings.HasPrefix(path, "en/")
		for _, m := range card.FindAllStringSubmatch(string(page), -1) {
			if strings.HasPrefix(m[1], "/en/") != english {
				t.Errorf("%s lists a card of the other language's page %s", path, m[1])
			}
			if d.Kind == "cases" {
				lists[path] += m[0]
			} else {
				clusters[path] = append(clusters[path], m[0])
			}
		}
	}
	if len(lists) < 2 || len(clusters) == 0 {
		t.Fatalf("found %d cases pages and %d cluster pages with cards; want both languages' and some", len(lists), len(clusters))
	}
	checked := 0
	for path, cards := range clusters {
		// A cluster's page and its edition's cases page share the folders
		// of the language and the year: "en/2016/".
		edition := editionFolder.FindString(path)
		var list string
		for cases, l := range lists {
			if editionFolder.FindString(cases) == edition {
				list = l
			}
		}
		for _, c := range cards {
			if !strings.Contains(list, c) {
				t.Errorf("%s shows a card its edition's cases page does not:\n%s", path, c)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no cluster page lists a story")
	}
}
