package figures_test

import (
	"encoding/json"
	"strings"
	"testing"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/figures"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/sitetest"
)

// shipped reads the shipped data and interface strings, and returns the
// data in Danish and in English as the site loads them.
func shipped(t *testing.T) (da, en *data.Data) {
	t.Helper()
	var problems diag.List
	d := data.Load(sitetest.ShippedFS(), &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	langs := lang.Load(sitetest.ShippedFS(), &problems)
	if len(langs) < 2 || langs[1].Code != "en" {
		t.Fatalf("i18n/ lacks English: %v", problems.Err())
	}
	return d.In(langs[0], &problems), d.In(langs[1], &problems)
}

// convertIn converts a page of the 2016 edition drawn from d, and returns
// its HTML and its downloads by name.
func convertIn(t *testing.T, d *data.Data, src string) (string, map[string]string) {
	t.Helper()
	c := markdown.New(markdown.Options{Figures: figures.New(figures.Options{Data: d, BasePath: "/en/"}), BasePath: "/en/"})
	var problems diag.List
	doc := c.Convert(markdown.Page{Path: "x.md", Edition: 2016}, []byte(src), &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range doc.Files {
		files[f.Name] = string(f.Data)
	}
	return doc.HTML(), files
}

const turnoverTable = "```table\ncaption = \"Turnover\"\nyears = [2014, 2015]\nchange = [2014, 2015]\nrows = [\"omsaetning\", \"omsaetning-staten\", \"virksomheder-deltagende\"]\n```\n"

const turnoverChart = "```chart\nid = \"omsaetning\"\ntype = \"bar\"\ntitle = \"Turnover, {{år}}\"\nmetrics = [\"omsaetning\"]\nyears = [2014, 2015]\n```\n"

const companiesChart = "```chart\nid = \"virksomheder\"\ntype = \"line\"\ntitle = \"Companies, {{år}}\"\nmetrics = [\"virksomheder-deltagende\"]\nyears = [2014, 2015]\n```\n"

// TestEnglishTable draws a table for an English page: its figures and
// its changes are written the English way, and its words are English.
func TestEnglishTable(t *testing.T) {
	_, en := shipped(t)
	html, _ := convertIn(t, en, turnoverTable)
	for _, want := range []string{
		`<span class="visually-hidden">Key figure</span>`,
		`<th scope="col" class="num change">Change 2014–2015 <span class="unit">%</span></th>`,
		`Total turnover excluding in-kind contributions <span class="unit">(DKK million)</span></th><td class="num">356.2</td><td class="num">257.6</td><td class="num">−28</td>`,
		`<span class="visually-hidden">of which </span>`,
		`<td class="num">11,708</td>`,
		`<figcaption class="table-note">Empty cells: no figure was recorded that year. The change is calculated from the figures shown.</figcaption>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the English table lacks %s:\n%s", want, html)
		}
	}
	for _, danish := range []string{"Nøgletal", "Ændring", "pct.", "heraf", "ikke opgjort", "Tomme felter", "257,6", "11.708"} {
		if strings.Contains(html, danish) {
			t.Errorf("the English table says %q", danish)
		}
	}
}

// TestEnglishChart draws a chart for an English page: the drawings, the
// folded table, the downloads' links and the source are English, and the
// CSV is written as English spreadsheets read it, while the JSON is the
// same in both languages.
func TestEnglishChart(t *testing.T) {
	da, en := shipped(t)
	html, files := convertIn(t, en, turnoverChart+companiesChart)
	for _, want := range []string{
		`<summary>Show the figures as a table</summary>`,
		`aria-label="Turnover, 2014–2015, table"`,
		`<th scope="col">Year</th>`,
		`<td class="num">257.6</td>`,
		`<p class="table-note">Unit: DKK million.</p>`,
		`Download the figures: <a href="figur-omsaetning.csv" download>CSV (Excel)</a>`,
		`<p class="chart-source">Source: the clusters’ reports to the Performance Accounts.</p>`,
		`Bar chart: Turnover, 2014–2015. The largest figure is DKK 356.2 million (2014), the smallest DKK 257.6 million (2015). From 2014 to 2015 the figure fell from DKK 356.2 million to DKK 257.6 million (−28%).</desc>`,
		`>11,708</text>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the English chart lacks %s", want)
		}
	}
	for _, danish := range []string{"Se tallene", "Hent tallene", "Kilde", "Enhed", "Søjlediagram", "257,6", "11.708"} {
		if strings.Contains(html, danish) {
			t.Errorf("the English chart says %q", danish)
		}
	}
	if got, want := files["figur-omsaetning.csv"], "\uFEFF\"Turnover, 2014–2015\",Total turnover excluding in-kind contributions\r\n2014,356.2\r\n2015,257.6\r\n"; got != want {
		t.Errorf("the English CSV is\n%q\nwant\n%q", got, want)
	}
	if got, want := files["figur-virksomheder.csv"], "\uFEFF\"Companies, 2014–2015\",Total number of participating companies\r\n2014,12830\r\n2015,11708\r\n"; got != want {
		t.Errorf("the English CSV is\n%q\nwant\n%q", got, want)
	}
	_, daFiles := convertIn(t, da, turnoverChart)
	if got, want := daFiles["figur-omsaetning.csv"], "\uFEFFTurnover, 2014–2015;Samlet omsætning ekskl. in kind\r\n2014;356,2\r\n2015;257,6\r\n"; got != want {
		t.Errorf("the Danish CSV is\n%q\nwant\n%q", got, want)
	}
	var enJSON, daJSON figures.FigureJSON
	if json.Unmarshal([]byte(files["figur-omsaetning.json"]), &enJSON) != nil || json.Unmarshal([]byte(daFiles["figur-omsaetning.json"]), &daJSON) != nil {
		t.Fatal("a JSON download does not parse")
	}
	if *enJSON.Series[0].Values[1] != 257.6 || *daJSON.Series[0].Values[1] != 257.6 {
		t.Errorf("the JSON's figures differ between the languages")
	}
}
