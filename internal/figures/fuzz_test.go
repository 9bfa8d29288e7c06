package figures_test

import (
	"strings"
	"testing"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/figures"
	"report/internal/lang"
	"report/internal/markdown"
	"report/internal/sitetest"
)

// converter converts Markdown of the small test site with the figure
// language, as the site does.
func converter(t testing.TB, base string) *markdown.Converter {
	t.Helper()
	var problems diag.List
	fsys := sitetest.FS(t, nil)
	d := data.Load(fsys, &problems)
	langs := lang.Load(fsys, &problems) // the site's tables: the words of tables and charts
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	d = d.In(langs[0], &problems) // Danish, as the site loads it
	figs := figures.New(figures.Options{Data: d, BasePath: base})
	return markdown.New(markdown.Options{Figures: figs, BasePath: base, Themes: []string{"matchmaking"}})
}

func convert(t testing.TB, c *markdown.Converter, src string) (string, []string) {
	t.Helper()
	var problems diag.List
	doc := c.Convert(markdown.Page{Path: "x.md", Edition: 2016, FirstLine: 5}, []byte(src), &problems)
	var msgs []string
	for _, p := range problems.Problems() {
		msgs = append(msgs, p.Error())
	}
	return doc.HTML(), msgs
}

// convertBudget is what converting a block may allocate: the worst shapes
// measured allocate under 500 bytes a byte of input.
var convertBudget = sitetest.Budget{Fixed: 4 << 20, PerByte: 4 << 10}

// FuzzTable fuzzes a table block's body: whatever its lists hold, the
// block costs no more than its size allows.
func FuzzTable(f *testing.F) {
	f.Add("caption = \"x\"\nyears = [2014, 2015]\nchange = [\"dataår-1\", \"dataår\"]\nrows = [\"klynger\", \"omsaetning\"]")
	f.Add("caption = \"x\"\n[[section]]\nheading = \"h\"\nrows = [\"omsaetning-staten\"]\n[[section]]\nrows = [\"succesrate\"]")
	f.Add("caption = \"{{år}}\"\nyears = [2015, 2015, 2015]\nrows = [\"x\", \"x\"]")
	// The attack's block: 3,000 years and 3,000 rows, once 1.6 GB.
	f.Add("caption = \"x\"\nyears = [" + strings.Repeat("2015,\n", 3000) + "]\nrows = [" + strings.Repeat("\"omsaetning\",\n", 3000) + "]")
	f.Fuzz(fuzzBlock(converter(f, "/"), "table"))
}

// FuzzChart fuzzes a chart block's body through the whole path, TOML to
// SVG, within the same budget.
func FuzzChart(f *testing.F) {
	f.Add("type = \"bar\"\ntitle = \"x {{år}}\"\nmetrics = [\"omsaetning\"]")
	f.Add("type = \"grouped\"\ntitle = \"x\"\nlabels = [\"a\", \"b\"]\nyear = \"dataår\"\n[[series]]\nname = \"s\"\nmetrics = [\"omsaetning-staten\", \"omsaetning-andet\"]")
	f.Add("type = \"share\"\ntitle = \"x\"\ndata = \"ecei\"")
	f.Add("type = \"line\"\ntitle = \"x\"\nmetrics = [\"virksomheder\", \"klynger\"]\nyears = [2014, 2015]")
	// The attack's chart: 3,000 bars over 3,000 years, once 659 MB.
	f.Add("type = \"grouped\"\ntitle = \"x\"\nmetrics = [" + strings.Repeat("\"omsaetning\",\n", 3000) + "]\nyears = [" + strings.Repeat("2015,\n", 3000) + "]")
	f.Fuzz(fuzzBlock(converter(f, "/"), "chart"))
}

// fuzzBlock converts an arbitrary body of a fenced block of the given kind,
// within the budget, and refuses script in the output.
func fuzzBlock(c *markdown.Converter, kind string) func(*testing.T, string) {
	return func(t *testing.T, body string) {
		src := "```" + kind + "\n" + body + "\n```\n"
		var html string
		convertBudget.Check(t, len(src), func() { html, _ = convert(t, c, src) })
		if strings.Contains(strings.ToLower(html), "<script") {
			t.Fatalf("raw script in output: %s", html)
		}
	}
}
