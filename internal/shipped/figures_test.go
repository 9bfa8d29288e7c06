package shipped_test

// The shipped site's figures, whatever editions it has: every chart well
// formed and described, its downloads agreeing with each other, a slot for
// every year, each metric's page with its history, and the open data with
// one row for every figure the data hold.

import (
	"bytes"
	csvpkg "encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"report/internal/figures"
	"report/internal/pipeline"
	"report/internal/sitecheck"
)

var svgRE = regexp.MustCompile(`(?s)<svg .*?</svg>`)

// TestRealSiteCharts checks every chart of the shipped site, of every
// edition, as XML and for what a screen reader needs.
func TestRealSiteCharts(t *testing.T) {
	n := 0
	for _, f := range shippedSite(t, pipeline.Options{}).Output {
		if !strings.HasSuffix(f.Path, ".html") {
			continue // the site's icon is an SVG file, not a chart
		}
		for _, svg := range svgRE.FindAll(f.Data, -1) {
			if bytes.HasPrefix(svg, []byte(`<svg class="sparkline"`)) {
				// A trend line is an image with a text alternative, not a chart.
				if !bytes.Contains(svg, []byte(`role="img" aria-label="`)) {
					t.Errorf("%s: a trend line without its text alternative: %s", f.Path, svg)
				}
				continue
			}
			n++
			checkSVG(t, f.Path, svg)
		}
	}
	if n < 18 {
		t.Errorf("%d charts in the site; the 2016 edition has nine, each drawn wide and narrow", n)
	}
}

func checkSVG(t *testing.T, page string, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var root *xml.StartElement
	var titles, descs int
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Errorf("%s: a chart is not well-formed XML: %v", page, err)
			return
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == nil {
				root = &se
			}
			switch se.Name.Local {
			case "title":
				titles++
			case "desc":
				descs++
			}
			for _, a := range se.Attr {
				if a.Name.Local == "style" {
					t.Errorf("%s: a chart has a style attribute, which the CSP blocks", page)
				}
			}
		}
	}
	attrs := map[string]string{}
	for _, a := range root.Attr {
		attrs[a.Name.Local] = a.Value
	}
	if attrs["role"] != "img" || attrs["viewBox"] == "" || !strings.Contains(attrs["aria-labelledby"], "-desc") {
		t.Errorf("%s: chart root lacks role, viewBox or aria-labelledby: %v", page, attrs)
	}
	if titles < 1 || descs < 1 {
		t.Errorf("%s: chart has %d titles and %d descs", page, titles, descs)
	}
}

// TestChartDownloads reads every chart's CSV and JSON and checks that both
// carry the same figures, and that one chart of the 2016 edition has the
// data's figures. A Danish page's CSV is as Danish Excel reads it
// (semicolons, decimal commas), an English page's as English Excel does
// (commas, points).
func TestChartDownloads(t *testing.T) {
	out := shippedFiles(t, pipeline.Options{})
	checked := 0
	for p, body := range out {
		if !strings.HasSuffix(p, ".json") || !strings.Contains(p, "/figur-") {
			continue
		}
		var fig figures.FigureJSON
		if err := json.Unmarshal([]byte(body), &fig); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		csv, ok := out[strings.TrimSuffix(p, ".json")+".csv"]
		if !ok {
			t.Fatalf("%s has no CSV beside it", p)
		}
		if !strings.HasPrefix(csv, "\uFEFF") {
			t.Errorf("%s.csv has no byte order mark; Excel would misread æøå", p)
		}
		r := csvpkg.NewReader(strings.NewReader(strings.TrimPrefix(csv, "\uFEFF")))
		r.Comma, r.FieldsPerRecord = ';', -1
		if strings.HasPrefix(p, "en/") {
			r.Comma = ','
		}
		rows, err := r.ReadAll()
		if err != nil || len(rows) != len(fig.Categories)+1 {
			t.Fatalf("%s: %d CSV rows for %d categories (%v)", p, len(rows), len(fig.Categories), err)
		}
		for i, row := range rows[1:] {
			for j, s := range fig.Series {
				if j+1 >= len(row) {
					t.Fatalf("%s: row %d has %d cells", p, i+1, len(row))
				}
				checkCell(t, p, row[j+1], s.Values[i])
			}
		}
		checked++
	}
	if checked < 9 {
		t.Errorf("only %d charts offer downloads", checked)
	}
	// The 2016 edition's turnover chart holds the data's figures.
	var turnover figures.FigureJSON
	_ = json.Unmarshal([]byte(out["2016/udviklingen-2012-2015/figur-omsaetning.json"]), &turnover)
	got := []float64{}
	for _, v := range turnover.Series[0].Values {
		got = append(got, *v)
	}
	if strings.Join(turnover.Categories, ",") != "2012,2013,2014,2015" || !equal(got, []float64{602.8, 390.1, 356.2, 257.6}) {
		t.Errorf("turnover download: %v %v", turnover.Categories, got)
	}
}

func checkCell(t *testing.T, p, cell string, v *float64) {
	t.Helper()
	if v == nil {
		if cell != "" {
			t.Errorf("%s: CSV has %q where JSON has no figure", p, cell)
		}
		return
	}
	if strings.HasPrefix(p, "en/") && strings.Contains(cell, ",") {
		t.Errorf("%s: CSV %q groups thousands; a spreadsheet would read it as text", p, cell)
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(cell, ",", "."), 64)
	if err != nil || math.Abs(f-*v) > 1e-9 {
		t.Errorf("%s: CSV %q, JSON %v", p, cell, *v)
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-9 {
			return false
		}
	}
	return true
}

// TestShippedFiguresKeepEveryYear holds for every edition of the shipped
// site: a chart over the years has a slot for every year between its
// first and its last, so no line joins the years on either side of a gap,
// and a metric's page shows a change only from the year before.
func TestShippedFiguresKeepEveryYear(t *testing.T) {
	out := shippedFiles(t, pipeline.Options{})
	yearCats := regexp.MustCompile(`^\d{4}$`)
	row := regexp.MustCompile(`<tr><th scope="row">(\d{4})</th><td class="num( missing)?">.*?</td><td class="num">(.*?)</td>`)
	charts := 0
	for p, b := range out {
		if strings.HasSuffix(p, ".json") && strings.Contains(p, "/figur-") {
			var fig figures.FigureJSON
			if json.Unmarshal([]byte(b), &fig) != nil || len(fig.Categories) < 2 || !yearCats.MatchString(fig.Categories[0]) {
				continue
			}
			charts++
			for i := 1; i < len(fig.Categories); i++ {
				a, _ := strconv.Atoi(fig.Categories[i-1])
				z, err := strconv.Atoi(fig.Categories[i])
				if err == nil && z != a+1 {
					t.Errorf("%s: %d follows %d with no slot between", p, z, a)
				}
			}
		}
		if strings.HasPrefix(strings.TrimPrefix(p, "en/"), "tal/") && strings.Count(p, "/") >= 2 {
			figure := map[int]bool{} // the years with a figure
			for _, m := range row.FindAllStringSubmatch(b, -1) {
				y, _ := strconv.Atoi(m[1])
				figure[y] = m[2] == ""
				if changed := !strings.HasPrefix(m[3], "<span"); changed && !figure[y-1] {
					t.Errorf("%s: %d shows a change %q with no figure for %d", p, y, m[3], y-1)
				}
			}
		}
	}
	if charts < 10 {
		t.Errorf("only %d charts over the years read", charts)
	}
}

// TestMetricPagesDrawTheirHistory gives every metric with two or more years
// a chart of them above its table, in the chapters' accessible pattern, with
// its downloads; and the list of all figures a trend line per metric that
// says in words what it shows.
func TestMetricPagesDrawTheirHistory(t *testing.T) {
	out := shippedFiles(t, pipeline.Options{})
	d := shippedData(t)
	years := d.Years()
	first, last := years[0], years[len(years)-1] // the shipped site has figures of omsaetning for both
	lastShown, _ := d.Display("omsaetning", last)
	page := out["tal/omsaetning/index.html"]
	for _, want := range []string{
		`<figcaption id="figur-historik-titel" class="chart-title">Samlet omsætning ekskl. in kind, ` + strconv.Itoa(first),
		`<summary>Se tallene som tabel</summary>`,
		`<a href="figur-historik.csv" download>CSV (Excel)</a>`,
		`<caption id="historik-titel">Tallene år for år (mio. kr.)</caption>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the metric's page lacks %s", want)
		}
	}
	if strings.Index(page, "figur-historik-titel") > strings.Index(page, "historik-titel\">Tallene") {
		t.Error("the chart is not above the table")
	}
	// The 2016 edition's first and last figures.
	if csv := out["tal/omsaetning/figur-historik.csv"]; !strings.Contains(csv, "2012;602,8") || !strings.Contains(csv, "2015;257,6") {
		t.Errorf("the history's CSV: %q", csv)
	}
	if strings.Contains(out["tal/analyse-ny-viden/index.html"], "figur-historik") {
		t.Error("a figure of one year is drawn as a chart")
	}
	list := out["tal/index.html"]
	trend := regexp.MustCompile(`role="img" aria-label="(Faldende|Stigende|Uændret) fra 602,8 i 2012 til ` + regexp.QuoteMeta(lastShown) + ` i ` + strconv.Itoa(last))
	if !trend.MatchString(list) {
		t.Errorf("the list of all figures has no trend for omsaetning:\n%s", grep(list, "/tal/omsaetning/"))
	}
	// The 2016 edition's figures: 165 applications funded out of 146
	// written in 2013 (113 %), shown with the data's explanation.
	share := out["tal/succesrate-staten/index.html"]
	for _, want := range []string{
		`<th scope="row">2013</th><td class="num">113` + "\u00a0" + `%<span class="note-mark" aria-hidden="true">*</span><span class="visually-hidden"> (se noten under tabellen)</span>`,
		`Note til 2013: Flere ansøgninger fik finansiering end der blev skrevet i 2013`,
	} {
		if !strings.Contains(share, want) {
			t.Errorf("the page of a share above the whole lacks %s", want)
		}
	}
	if !strings.Contains(out["en/tal/succesrate-staten/index.html"], "Note on 2013: More applications received funding in 2013") {
		t.Error("the English page lacks the note in English")
	}
	if n := strings.Count(list, `class="sparkline"`); n < 60 {
		t.Errorf("only %d metrics have a trend line", n)
	}
}

// TestOpenData builds the shipped site and finds its open data where the
// page about them says: the CSV, the JSON and the data package beside the
// page in each language, the page linked from the list of all figures and
// from every page's footer, listing every column of the CSV. Every figure
// the data hold for a year is a row, and nothing else is.
func TestOpenData(t *testing.T) {
	out := shippedFiles(t, pipeline.Options{BaseURL: "https://example.org/"})
	d := shippedData(t)
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
			if readerPage(p) && strings.HasPrefix(p, v.prefix) && (v.prefix != "" || !strings.HasPrefix(p, "en/")) && !strings.Contains(sitecheck.Footer([]byte(b)), v.footer) {
				t.Errorf("%s: the footer does not link to the page about the data", p)
			}
		}
		for _, f := range []string{"performanceregnskab.csv", "performanceregnskab.json", "datapackage.json"} {
			if out[dir+f] == "" || !strings.Contains(page, `href="`+f+`"`) {
				t.Errorf("%s%s is not published, or its page does not link to it", dir, f)
			}
		}
		r := csvpkg.NewReader(bytes.NewReader([]byte(strings.TrimPrefix(out[dir+"performanceregnskab.csv"], "\uFEFF"))))
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
		// Its sources are the editions, the first edition, 2016, first.
		if pkg.Homepage != "https://example.org/"+dir || len(pkg.Sources) == 0 || pkg.Sources[0].Path != "https://example.org/"+v.prefix+"2016/" {
			t.Errorf("%sdatapackage.json: homepage %q, sources %v", dir, pkg.Homepage, pkg.Sources)
		}
	}
}
