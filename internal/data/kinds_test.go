package data

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/diag"
	"report/internal/lang"
)

// kindSite is a small site's data/ whose metrics are one of each kind,
// with a computed share and a study figure, and the given year files.
func kindSite(years map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"data/site.toml":     {Data: []byte(`title = "T"`)},
		"data/fields.toml":   {Data: []byte("[[field]]\nid = \"f\"\nname = \"F\"\n")},
		"data/clusters.toml": {Data: []byte("[[cluster]]\nid = \"c\"\nname = \"C\"\nfield = \"f\"\n")},
		"data/metrics.toml": {Data: []byte(`
[[metric]]
id = "virksomheder"
label = "Virksomheder"

[[metric]]
id = "omsaetning"
label = "Omsætning"
unit = "mio. kr."
decimals = 1

[[metric]]
id = "andel"
label = "Andel"
unit = "%"

[[metric]]
id = "skrevet"
label = "Skrevet"

[[metric]]
id = "bevilget"
label = "Bevilget"

[[metric]]
id = "succesrate"
label = "Succesrate"
unit = "%"
ratio = ["bevilget", "skrevet"]
`)},
		"data/studies.toml":       {Data: []byte("[[study]]\nid = \"s\"\nsource = \"S\"\nyear = 2014\n[[study.figure]]\nid = \"analyse\"\nlabel = \"A\"\nunit = \"%\"\nvalue = 60\n")},
		"data/editions/2016.toml": {Data: []byte("year = 2016\ntitle = \"T\"\ndata_year = 2015\n")},
	}
	for name, src := range years {
		fsys["data/years/"+name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

func problemTexts(problems *diag.List) string {
	var out []string
	for _, p := range problems.Problems() {
		out = append(out, p.Error())
	}
	return strings.Join(out, "\n")
}

// TestFigureKinds refuses, at its file and line, a figure that does not
// fit its metric's kind: "11.708", the Danish way of writing 11708, for a
// count, with the fix; a negative count or amount; a share outside 0–100;
// an amount with more decimals than it is shown with; and a study's
// figure typed in a year's file, where no page would show it.
func TestFigureKinds(t *testing.T) {
	var problems diag.List
	d := Load(kindSite(map[string]string{
		"2015.toml": "virksomheder = 11.708\nomsaetning = -3.5\nandel = 152\nskrevet = 10\nbevilget = 4\n",
		"2014.toml": "virksomheder = 44\nomsaetning = 257.63\nandel = 52\nanalyse = 62\n",
	}), &problems)
	want := []string{
		`data/years/2014.toml:2:1: error: "omsaetning" is shown with 1 decimal, and 257.63 has 2; type the figure as the source prints it (a Danish thousands separator is no decimal point: 11.708 is 11708)`,
		`data/years/2014.toml:4:1: error: "analyse" is a figure of study "s", typed once in data/studies.toml with its source; it has no figure per year`,
		`data/years/2015.toml:1:1: error: "virksomheder" is a count, a whole number, and 11.708 is not one; for 11.708, write 11708: TOML reads the Danish thousands separator as a decimal point`,
		`data/years/2015.toml:2:1: error: "omsaetning" is an amount, which cannot be negative; -3.5 is`,
		`data/years/2015.toml:3:1: error: "andel" is a share, a percentage from 0 to 100; 152 is not one`,
	}
	if got := problemTexts(&problems); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	// A refused figure is not there, and what shows it is told so: one
	// bad value, one error.
	if _, ok := d.Value("virksomheder", 2015); ok || !d.ValueBroken(2015, "virksomheder") {
		t.Error("a refused figure is still in the data")
	}
	if v, ok := d.Value("virksomheder", 2014); !ok || v != 44 {
		t.Errorf("a count typed right: %v, %v", v, ok)
	}
}

// TestOneErrorPerFigure: a figure too large to draw, and a table header
// that takes the figures below it, are one error each at their line; the
// figures after the header still count.
func TestOneErrorPerFigure(t *testing.T) {
	var problems diag.List
	d := Load(kindSite(map[string]string{"2015.toml": "omsaetning = 1e308\n[oekonomi]\nvirksomheder = 44\nskrevet = 10\n"}), &problems)
	want := []string{
		`data/years/2015.toml:1:1: error: "omsaetning" is 1e+308, larger than any figure of the report; check the figure`,
		`data/years/2015.toml:2:1: error: [oekonomi] starts a table, which a year's file has none of (but [notes]): the figures below it are read as the year's; remove the line`,
	}
	if got := problemTexts(&problems); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	if v, ok := d.Value("virksomheder", 2015); !ok || v != 44 {
		t.Errorf("a figure below the header: %v, %v", v, ok)
	}
}

// TestHugeNegativeFigure: a figure far below zero is not called larger.
func TestHugeNegativeFigure(t *testing.T) {
	var problems diag.List
	Load(kindSite(map[string]string{"2015.toml": "omsaetning = -1e300\n"}), &problems)
	if got, want := problemTexts(&problems), `data/years/2015.toml:1:1: error: "omsaetning" is -1e+300, further below zero than any figure of the report; check the figure`; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestRatioOfARefusedFigure: a ratio worked out from a refused figure is
// missing for the same reason, and says so with data.ErrIncomplete, so
// that the pages showing it add nothing to the figure's one error.
func TestRatioOfARefusedFigure(t *testing.T) {
	var problems diag.List
	d := Load(kindSite(map[string]string{
		"2015.toml": "skrevet = 10\nbevilget = 1e308\n",
		"2014.toml": "skrevet = 10\nbevilget = 4\n",
	}), &problems)
	if got, want := problemTexts(&problems), `data/years/2015.toml:2:1: error: "bevilget" is 1e+308, larger than any figure of the report; check the figure`; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, _, err := d.Lookup("succesrate", 2015); !errors.Is(err, ErrIncomplete) || !d.ValueBroken(2015, "succesrate") {
		t.Errorf("the ratio of a refused figure: %v, broken %v; want ErrIncomplete", err, d.ValueBroken(2015, "succesrate"))
	}
	if v, _, err := d.Lookup("succesrate", 2014); err != nil || v != 40 || d.ValueBroken(2014, "succesrate") {
		t.Errorf("the ratio of figures typed right: %v, %v", v, err)
	}
}

// TestMetricKinds refuses a kind that contradicts its metric's unit or
// decimals, and gives every metric a kind.
func TestMetricKinds(t *testing.T) {
	fsys := kindSite(map[string]string{"2015.toml": "virksomheder = 4\n"})
	fsys["data/metrics.toml"].Data = append(fsys["data/metrics.toml"].Data, []byte(`
[[metric]]
id = "brok"
label = "Brøk"
decimals = 1
kind = "count"

[[metric]]
id = "procent"
label = "Procent"
kind = "amount"
unit = "%"

[[metric]]
id = "stk"
label = "Stk"
kind = "pieces"
`)...)
	var problems diag.List
	d := Load(fsys, &problems)
	got := problemTexts(&problems)
	for _, want := range []string{
		`metric "brok": a count is a whole number, so decimals must be 0, not 1; or make it kind = "amount"`,
		`metric "procent": a share's unit is "%", and only a share's; kind is "amount" and unit "%"`,
		`metric "stk": kind must be count, amount or share, not "pieces"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	for id, want := range map[string]Kind{"virksomheder": Count, "omsaetning": Amount, "andel": Share, "succesrate": Share, "analyse": Share} {
		if k := d.Metric(id).Kind; k != want {
			t.Errorf("%s is a %q, want %q", id, k, want)
		}
	}
}

// TestShareAboveWhole warns where a computed share comes out above 100 %,
// unless the year's [notes] explain it; the explanation is the data's, in
// both languages.
func TestShareAboveWhole(t *testing.T) {
	var problems diag.List
	Load(kindSite(map[string]string{"2015.toml": "skrevet = 146\nbevilget = 165\n"}), &problems)
	if got := problemTexts(&problems); !strings.Contains(got, `data/years/2015.toml:2:1: warning: "succesrate" is 113 % for 2015, more than the whole: bevilget (165) is larger than skrevet (146)`) {
		t.Errorf("no warning at the numerator:\n%s", got)
	}
	problems = diag.List{}
	d := Load(kindSite(map[string]string{"2015.toml": "skrevet = 146\nbevilget = 165\n\n[notes]\nsuccesrate = \"Tælles det år, de bevilges.\"\n[notes.en]\nsuccesrate = \"Counted in the year they are granted.\"\n"}), &problems)
	if got := problemTexts(&problems); got != "" {
		t.Errorf("an explained share still warns:\n%s", got)
	}
	if got := d.NoteText("succesrate", 2015); got != "Tælles det år, de bevilges." {
		t.Errorf("the Danish note is %q", got)
	}
	var english diag.List
	if got := d.In(lang.English, &english).NoteText("succesrate", 2015); got != "Counted in the year they are granted." {
		t.Errorf("the English note is %q", got)
	}
	problems = diag.List{}
	Load(kindSite(map[string]string{"2015.toml": "skrevet = 1\n[notes]\nukendt = \"x\"\nskrevet = 3\n"}), &problems)
	got := problemTexts(&problems)
	for _, want := range []string{`notes: unknown metric "ukendt"`, `notes: "skrevet" must be the explanation, in quotes`} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
}

// TestRatioCycles refuses ratios that need themselves, once, at the
// metric, instead of recursing until the stack overflows: two ratios of
// each other, and one of itself, which is no unknown metric.
func TestRatioCycles(t *testing.T) {
	fsys := kindSite(map[string]string{"2015.toml": "skrevet = 10\nbevilget = 4\n"})
	fsys["data/metrics.toml"].Data = append(fsys["data/metrics.toml"].Data, []byte(`
[[metric]]
id = "ring-a"
label = "A"
unit = "%"
ratio = ["ring-b", "skrevet"]

[[metric]]
id = "ring-b"
label = "B"
unit = "%"
ratio = ["ring-a", "skrevet"]

[[metric]]
id = "selv"
label = "Selv"
unit = "%"
ratio = ["selv", "skrevet"]
`)...)
	var problems diag.List
	d := Load(fsys, &problems)
	got := problemTexts(&problems)
	for _, want := range []string{
		`metric "ring-a": its ratio is computed from metrics computed from it`,
		`metric "selv": ratio names the metric itself`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if n := strings.Count(got, "error:"); n != 2 {
		t.Errorf("%d errors, want one per ring:\n%s", n, got)
	}
	for _, id := range []string{"ring-a", "ring-b", "selv"} {
		d.Value(id, 2015) // returns, rather than recursing for ever
	}
}

// TestLongID refuses, when check reads the data, an id too long to name a
// page's folder and files, which the build would otherwise fail to write
// with the file system's "file name too long".
func TestLongID(t *testing.T) {
	fsys := kindSite(map[string]string{"2015.toml": "virksomheder = 4\n"})
	long := strings.Repeat("a", 300)
	fsys["data/metrics.toml"].Data = append(fsys["data/metrics.toml"].Data, []byte("\n[[metric]]\nid = \""+long+"\"\nlabel = \"L\"\n")...)
	var problems diag.List
	Load(fsys, &problems)
	if got := problemTexts(&problems); !strings.Contains(got, "is 300 characters long; an id names a page and its files, and may be at most 80") {
		t.Errorf("a 300-character id:\n%s", got)
	}
}
