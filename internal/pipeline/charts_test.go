package pipeline

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
)

var svgRE = regexp.MustCompile(`(?s)<svg .*?</svg>`)

// TestRealSiteCharts checks every chart of the shipped edition as XML and
// for what a screen reader needs.
func TestRealSiteCharts(t *testing.T) {
	n := 0
	for _, f := range buildRealSite(t, Options{}) {
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
// carry the same figures, and that one chart's figures are the data's. A
// Danish page's CSV is as Danish Excel reads it (semicolons, decimal
// commas), an English page's as English Excel does (commas, points).
func TestChartDownloads(t *testing.T) {
	out := files(buildRealSite(t, Options{}))
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

// TestRemovingAYear removes 2012 from the data: the charts and tables that
// follow the edition's years lose 2012, with no change to the Markdown.
func TestRemovingAYear(t *testing.T) {
	fsys := realSiteWith(t, "")
	delete(fsys, "data/years/2012.toml")
	res, err := Run(fsys, Options{})
	if err != nil {
		t.Fatalf("the site without 2012 does not build:\n%v", err)
	}
	out := files(res.Output)
	var turnover figures.FigureJSON
	if err := json.Unmarshal([]byte(out["2016/udviklingen-2012-2015/figur-omsaetning.json"]), &turnover); err != nil {
		t.Fatal(err)
	}
	if strings.Join(turnover.Categories, ",") != "2013,2014,2015" {
		t.Errorf("the turnover chart shows %v", turnover.Categories)
	}
	page := out["2016/udviklingen-2012-2015/index.html"]
	if strings.Contains(page, `<th scope="col" class="num">2012</th>`) {
		t.Error("the tables still show 2012")
	}
	if strings.Contains(page, `<text`) && strings.Contains(page, `>2012</text>`) {
		t.Error("a chart still draws 2012")
	}
}
