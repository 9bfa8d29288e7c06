package urls

import "testing"

// TestPublishedAddresses pins the addresses the 2016 edition was published
// at: readers, search engines and other sites link to them, so a change
// here breaks their links and must be a decision, made with redirects.
func TestPublishedAddresses(t *testing.T) {
	for got, want := range map[string]string{
		Edition(2016):               "2016/",
		Cases(2016):                 "2016/cases/",
		Clusters(2016):              "2016/klynger/",
		Cluster(2016, "innobyg"):    "2016/klynger/innobyg/",
		Metric("omsaetning"):        "tal/omsaetning/",
		OpenData:                    "tal/data/",
		PDF(2016):                   "2016/performanceregnskab-2016.pdf",
		Archive + Search + Privacy:  "arkiv/soeg/privatliv/",
		Feed + Sitemap + Robots:     "cases.xml" + "sitemap.xml" + "robots.txt",
		Headers + Redirects + Share: "_headers_redirectsdeling/",
		NotFound + Pagefind:         "404.htmlpagefind/",
		Print(2016) + Accessibility: "2016/rapport/was",
	} {
		if got != want {
			t.Errorf("%q, want %q", got, want)
		}
	}
}
