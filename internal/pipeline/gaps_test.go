package pipeline

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"report/internal/figures"
	"report/internal/sitetest"
)

// gapSite is the test site with figures for 2013 and 2015 and none for
// 2014: a gap in the series, which no edition covers.
const gapSite = `
-- data/years/2013.toml --
klynger = 3
omsaetning = 30.0
omsaetning-staten = 20.0
omsaetning-andet = 10.0
omsaetning-gennemsnit = 10.0
virksomheder = 1500
-- data/years/2014.toml --
DELETE
-- data/editions/2016.toml --
year = 2016
title = "Testrapporten"
subtitle = "Performanceregnskab 2016"
description = "En lille rapport til test."
data_year = 2015
first_year = 2013
clusters = ["vindkraft", "lifestyle-design", "aeroe"]
ecei_gold = ["vindkraft"]
-- content/2016/tal.md --
+++
title = "Tal"
+++
Udviklingen fra {{startår}}–{{dataår}}.

` + "```" + `table
caption = "Omsætning, {{år}}"
rows = ["omsaetning"]
change = [2013, 2015]
` + "```" + `

` + "```" + `chart
id = "omsaetning"
type = "line"
title = "Omsætning, {{år}}"
metrics = ["omsaetning"]
` + "```" + `
`

// TestGapShown: a year no edition covers is shown as a gap everywhere. The
// line chart keeps its slot, empty, and breaks there; the table leaves it
// out and its change column names the years it compares; the metric page
// has a row that says no edition covers the year and no change across it;
// the edition's front page, the chapter, the metric page and the archive
// say once which year has no figures; the trend line breaks and says so.
func TestGapShown(t *testing.T) {
	res, err := Run(sitetest.FS(t, sitetest.Parse(gapSite)), Options{})
	if err != nil {
		t.Fatalf("the site with a gap does not build:\n%v", err)
	}
	out := files(res.Output)
	var fig figures.FigureJSON
	if err := json.Unmarshal([]byte(out["2016/tal/figur-omsaetning.json"]), &fig); err != nil {
		t.Fatal(err)
	}
	if strings.Join(fig.Categories, ",") != "2013,2014,2015" {
		t.Errorf("the chart's years are %v; the gap's slot must stay", fig.Categories)
	}
	page := out["2016/tal/index.html"]
	for _, want := range []string{
		`<p class="gap-note">Ingen udgave af performanceregnskabet har tal for 2014.`,
		`<th scope="col" class="num change">Ændring 2013–2015 <span class="unit">pct.</span></th>`,
		`<span class="visually-hidden">ingen udgave har tal for året</span>`, // the chart's table
		`Ingen tal for 2014.`, // the chart's description
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the chapter lacks %s", want)
		}
	}
	if strings.Count(page, `class="gap-note"`) != 1 {
		t.Error("the chapter does not name the gap exactly once")
	}
	if strings.Contains(page, `<th scope="col" class="num">2014</th>`) {
		t.Error("a table shows a column for the gap")
	}
	// No polyline of the chart joins 2013 to 2015: each line of the
	// drawing has its points in one run of years.
	for _, svg := range regexp.MustCompile(`(?s)<div class="chart-(?:wide|narrow)">(.*?)</div>`).FindAllStringSubmatch(page, -1) {
		if !strings.Contains(svg[1], "ingen tal") && !strings.Contains(svg[1], ">–<") {
			t.Error("the chart's empty slot does not say why it is empty")
		}
	}
	metric := out["tal/omsaetning/index.html"]
	for _, want := range []string{
		`<p class="gap-note">Ingen udgave af performanceregnskabet har tal for 2014, så rækken for 2014 er tom`,
		`<tr><th scope="row">2014</th><td class="num missing">ingen udgave har tal for året</td>`,
		`<tr><th scope="row">2015</th><td class="num">15,6</td><td class="num"><span class="visually-hidden">kan ikke beregnes</span>`,
	} {
		if !strings.Contains(metric, want) {
			t.Errorf("the metric's page lacks %s", want)
		}
	}
	if !strings.Contains(out["2016/index.html"], `class="gap-note">Ingen udgave af performanceregnskabet har tal for 2014.`) {
		t.Error("the edition's front page does not name the gap")
	}
	archive := out["arkiv/index.html"]
	if !strings.Contains(archive, "– tal for 2013–2015 (ingen tal for 2014)") || !strings.Contains(archive, "Ingen udgave har tal for 2014.") {
		t.Errorf("the archive does not name the gap:\n%s", grep(archive, "2014"))
	}
	list := out["tal/index.html"]
	if !strings.Contains(list, `i 2015; ingen tal for 2014"`) {
		t.Errorf("the trend line does not name the gap:\n%s", grep(list, "/tal/omsaetning/"))
	}
}
