package shipped_test

// The 2016 edition's facts: what it prints, named as its own. They hold
// whatever editions the editors add, since an edition's pages and figures
// stay as they were published; the tests that build the 2016 edition
// alone (edition2016) leave the later editions out.

import (
	"encoding/json"
	"math"
	"regexp"
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/figures"
	"report/internal/lang"
	"report/internal/pipeline"
)

// knownWarnings are the places where the printed 2016 report disagrees with
// itself, as file and message (lines move as the text is edited). An editor
// has looked at each; the page carries an editor's note.
var knownWarnings = []string{
	"content/2016/hvad-laver-de.md: the text prints 104 where data/years/2015.toml:33 gives internationale-samarbejder = 711; the page shows 104 with an editor's note (its English translation too, at line 59)",
}

// TestRealSiteWarnings keeps the 2016 edition free of new inconsistencies:
// the build's warnings about its files (its pages, its edition's file and
// the figures of 2012–2015) must be exactly the known ones. Warnings about
// a later edition are its editors' to answer; `report check` shows them.
func TestRealSiteWarnings(t *testing.T) {
	res := shippedSite(t, pipeline.Options{})
	of2016 := regexp.MustCompile(`^(content/2016/|data/editions/2016\.toml|data/years/201[2-5]\.toml)`)
	var got []string
	for _, w := range res.Warnings {
		if of2016.MatchString(w.Path) {
			got = append(got, w.Path+": "+w.Msg)
		}
	}
	if strings.Join(got, "\n") != strings.Join(knownWarnings, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(knownWarnings, "\n"))
	}
}

// TestEnglishFigures: the English pages write figures the English way,
// where the Danish pages write them the Danish way, in text, tables, key
// figures and charts; the figures are the 2016 edition's.
func TestEnglishFigures(t *testing.T) {
	out := shippedFiles(t, pipeline.Options{})
	for _, tt := range []struct{ page, da, en string }{
		{"2016/index.html", "257,6", "257.6"},
		{"2016/index.html", "12.000", "12,000"},
		{"2016/hvem-er-de/index.html", "257,6", "257.6"},
		{"2016/udviklingen-2012-2015/index.html", "11.708", "11,708"},
		{"2016/hvad-kommer-der-ud-af-det/index.html", ">3.418<", ">3,418<"}, // a chart's value label
	} {
		if !strings.Contains(out[tt.page], tt.da) {
			t.Errorf("%s does not show %s", tt.page, tt.da)
		}
		en := out["en/"+tt.page]
		if !strings.Contains(en, tt.en) {
			t.Errorf("en/%s does not show %s", tt.page, tt.en)
		}
		if strings.Contains(en, tt.da) {
			t.Errorf("en/%s shows the Danish %s", tt.page, tt.da)
		}
	}
}

// TestValueAndChange reads the 2016 edition's figures from the data as its
// tables print them: a figure, one the source does not give, a share, a
// change and a figure printed without decimals.
func TestValueAndChange(t *testing.T) {
	d := shippedData(t)
	if v, ok := d.Value("omsaetning", 2015); !ok || v != 257.6 {
		t.Errorf("omsaetning 2015 = %v, %v", v, ok)
	}
	if _, ok := d.Value("omsaetning-staten", 2012); ok {
		t.Error("a figure the source does not give must be absent, not 0")
	}
	if v, ok := d.Value("succesrate-eu", 2015); !ok || math.Round(v) != 33 {
		t.Errorf("succesrate-eu 2015 = %v, %v; the report prints 33 %%", v, ok)
	}
	if pct, ok := d.Change("kontingent", 2014, 2015); !ok || math.Round(pct) != 52 {
		t.Errorf("kontingent change = %v, %v; the report prints 52", pct, ok)
	}
	if s, _ := d.Display("omsaetning-gennemsnit", 2012); s != "11" {
		t.Errorf("a figure printed without decimals shows as %q, want 11", s)
	}
}

// TestShippedArithmetic checks the figures the 2016 edition adds up:
// funding by source makes up the total turnover of 2015.
func TestShippedArithmetic(t *testing.T) {
	d := shippedData(t)
	sum := 0.0
	for _, m := range d.Children("omsaetning") {
		v, _ := d.Value(m.ID, 2015)
		sum += v
	}
	if math.Abs(sum-257.6) > 0.05 {
		t.Errorf("funding sources add up to %.1f, want 257,6", sum)
	}
}

// TestEnglishView gives the shipped data's words in English and writes its
// figures the English way, sharing the figures themselves; the Danish data
// is left as it was, and every item of the shipped data has its English
// form. The figures named are the 2016 edition's.
func TestEnglishView(t *testing.T) {
	var problems, english diag.List
	d := shippedData(t)
	en := d.In(lang.English, &english)
	for _, p := range english.Problems() {
		t.Errorf("the shipped data lacks an English form: %v", p)
	}
	if da := d.In(lang.Danish, &problems); da.Metric("omsaetning") != d.Metric("omsaetning") || da.Lang() != lang.Danish {
		t.Error("the Danish data is not the data as it is")
	}
	for _, tt := range []struct{ got, want string }{
		{en.FormatAs("omsaetning", 2015, 257.6), "257.6"},
		{d.FormatAs("omsaetning", 2015, 257.6), "257,6"},
		{en.FormatAs("virksomheder-deltagende", 2015, 11708), "11,708"},
		{en.Metric("omsaetning").Unit, "DKK million"},
		{d.Metric("omsaetning").Unit, "mio. kr."},
		{en.Field("energi").Name, "Energy"},
		{en.Edition(2016).Subtitle, "Performance Accounts 2016"},
		{d.Edition(2016).Subtitle, "Performanceregnskab 2016"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if v, ok := en.Value("omsaetning", 2015); !ok || v != 257.6 {
		t.Errorf("the English view's figure is %v, %v", v, ok)
	}
	if s := en.Metric("analyse-ny-viden").Study; s == nil || !strings.Contains(s.Source, "Danish Agency") {
		t.Errorf("a study figure's source is not English: %+v", s)
	}
	if got, _ := en.ChangeText("analyse-ny-viden", 2014, 2014); got != "" && !strings.Contains(got, "percentage points") {
		t.Errorf("a share's change reads %q", got)
	}
}

// TestSecondEdition builds a made-up 2017 edition beside the real 2016 one
// (whatever editions the editors have added since left out),
// with no code change, and checks the archive, the URLs and the history of a
// metric across both editions.
func TestSecondEdition(t *testing.T) {
	res, err := pipeline.Run(edition2016(t, "testdata/sites/edition-2017"), pipeline.Options{})
	if err != nil {
		t.Fatalf("the site with a 2017 edition does not build:\n%v", err)
	}
	out := files(res.Output)
	for _, p := range []string{
		"2016/index.html", "2016/hvem-er-de/index.html", "2016/cases/index.html",
		"2017/index.html", "2017/udviklingen/index.html", "2017/cases/en-ny-case/index.html",
		"2017/klynger/innobyg/index.html",
	} {
		if _, ok := out[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	if _, ok := out["2017/klynger/biopeople/index.html"]; ok {
		t.Error("a cluster that is not in the 2017 edition has a 2017 page")
	}
	home := out["index.html"]
	if !strings.Contains(home, `<a class="button" href="/2017/">Læs performanceregnskabet 2017</a>`) {
		t.Error("the front page does not lead to the newest edition")
	}
	archive := out["arkiv/index.html"]
	for _, want := range []string{`<a href="/2016/">Performanceregnskab 2016</a> – tal for 2012–2015`, `<a href="/2017/">Performanceregnskab 2017</a> – tal for 2013–2016, udgivet 1. juni 2017`} {
		if !strings.Contains(archive, want) {
			t.Errorf("archive lacks %s", want)
		}
	}
	history := out["tal/omsaetning/index.html"]
	for _, want := range []string{
		`<th scope="row">2015</th><td class="num">257,6</td><td class="num">−28</td><td><a href="/2016/" aria-label="Performanceregnskab 2016">2016</a></td>`,
		`<th scope="row">2016</th><td class="num">300,0</td><td class="num">&#43;16</td><td><a href="/2017/" aria-label="Performanceregnskab 2017">2017</a></td>`,
	} {
		if !strings.Contains(history, want) {
			t.Errorf("the history of omsaetning lacks %s in\n%s", want, history)
		}
	}
	if !strings.Contains(out["2016/index.html"], `href="/2016/hvem-er-de/"`) || strings.Contains(out["2016/index.html"], `href="/2017/udviklingen/"`) {
		t.Error("the 2016 edition's navigation is not its own")
	}
	if !strings.Contains(out["2017/udviklingen/index.html"], `<td class="num">257,6</td><td class="num">300,0</td><td class="num">+16</td>`) {
		t.Error("the 2017 table does not show 2015 and 2016 with the change")
	}
}

// TestRemovingAYear removes 2012 from the data of the 2016 edition alone:
// the charts and tables that follow the edition's years lose 2012, with no
// change to the Markdown.
func TestRemovingAYear(t *testing.T) {
	fsys := edition2016(t, "")
	delete(fsys, "data/years/2012.toml")
	res, err := pipeline.Run(fsys, pipeline.Options{})
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
