package pipeline

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/sitetest"
)

// TestOpenData builds the shipped site and finds its open data where the
// page about them says: the CSV, the JSON and the data package beside the
// page in each language, the page linked from the list of all figures and
// from every page's footer, listing every column of the CSV. Every figure
// the data hold for a year is a row, and nothing else is.
func TestOpenData(t *testing.T) {
	out := files(buildRealSite(t, Options{BaseURL: "https://example.org/"}))
	var problems diag.List
	d := data.Load(sitetest.ShippedFS(), &problems)
	want := map[string]bool{}
	for _, m := range d.Metrics {
		for _, y := range d.Years() {
			if _, ok := d.Value(m.ID, y); ok {
				want[m.ID+" "+strconv.Itoa(y)] = true
			}
		}
	}
	for _, v := range []struct{ prefix, sep, page, link, footer string }{
		{"", ";", "<h1>Om data</h1>", `<a href="/tal/data/">Om data</a>`, `<a href="/tal/data/">Åbne data</a>`},
		{"en/", ",", "<h1>About the data</h1>", `<a href="/en/tal/data/">About the data</a>`, `<a href="/en/tal/data/">Open data</a>`},
	} {
		dir := v.prefix + "tal/data/"
		page := out[dir+"index.html"]
		if !strings.Contains(page, v.page) {
			t.Fatalf("%sindex.html is not the page about the data", dir)
		}
		if !strings.Contains(out[v.prefix+"tal/index.html"], v.link) {
			t.Errorf("%stal/ does not link to the page about the data", v.prefix)
		}
		for p, b := range out {
			if readerPage(p) && strings.HasPrefix(p, v.prefix) && (v.prefix != "" || !strings.HasPrefix(p, "en/")) && !strings.Contains(footerLink.FindString(b), v.footer) {
				t.Errorf("%s: the footer does not link to the page about the data", p)
			}
		}
		for _, f := range []string{"performanceregnskab.csv", "performanceregnskab.json", "datapackage.json"} {
			if out[dir+f] == "" || !strings.Contains(page, `href="`+f+`"`) {
				t.Errorf("%s%s is not published, or its page does not link to it", dir, f)
			}
		}
		r := csv.NewReader(bytes.NewReader([]byte(strings.TrimPrefix(out[dir+"performanceregnskab.csv"], "\uFEFF"))))
		r.Comma = rune(v.sep[0])
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, row := range rows[1:] {
			got[row[0]+" "+row[5]] = true
		}
		if len(got) != len(rows)-1 || len(got) != len(want) {
			t.Errorf("%s: %d rows, %d keys, want %d figures", dir, len(rows)-1, len(got), len(want))
		}
		for k := range want {
			if !got[k] {
				t.Errorf("%s: no row for %s", dir, k)
			}
		}
		for _, col := range rows[0] {
			if !strings.Contains(page, "<code>"+col+"</code>") {
				t.Errorf("%sindex.html does not describe the column %s", dir, col)
			}
		}
		var pkg struct {
			Homepage string
			Sources  []struct{ Path string }
		}
		if err := json.Unmarshal([]byte(out[dir+"datapackage.json"]), &pkg); err != nil {
			t.Fatal(err)
		}
		if pkg.Homepage != "https://example.org/"+dir || len(pkg.Sources) == 0 || pkg.Sources[0].Path != "https://example.org/"+v.prefix+"2016/" {
			t.Errorf("%sdatapackage.json: homepage %q, sources %v", dir, pkg.Homepage, pkg.Sources)
		}
	}
}
