package pipeline

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestMetricPagesDrawTheirHistory gives every metric with two or more years
// a chart of them above its table, in the chapters' accessible pattern, with
// its downloads; and the list of all figures a trend line per metric that
// says in words what it shows.
func TestMetricPagesDrawTheirHistory(t *testing.T) {
	out := files(buildRealSite(t, Options{}))
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
