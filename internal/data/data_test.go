package data

import (
	"math"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/diag"
	"report/internal/sitetest"
	"report/internal/tomlfile"
)

// shipped loads the repository's own data/.
func shipped(t *testing.T) *Data {
	t.Helper()
	var problems diag.List
	d := Load(sitetest.ShippedFS(), &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPrintedChanges recomputes the "Procent ændring 2014–2015" column of
// the printed 2016 tables from the data and compares it with the column as
// printed (testdata/source/2016-printed-change.toml, signs restored). A row
// the data cannot reproduce must say why in the fixture; a row that carries
// a reason but does reproduce has a stale reason.
func TestPrintedChanges(t *testing.T) {
	d := shipped(t)
	var fixture struct {
		Rows []struct {
			Metric  string `toml:"metric"`
			Printed int    `toml:"printed"`
			Reason  string `toml:"reason"`
		} `toml:"row"`
	}
	decodeFixture(t, "../../testdata/source/2016-printed-change.toml", &fixture)
	if len(fixture.Rows) < 50 {
		t.Fatalf("only %d rows in the fixture", len(fixture.Rows))
	}
	reproduced := 0
	for _, row := range fixture.Rows {
		pct, ok := d.Change(row.Metric, 2014, 2015)
		if !ok {
			t.Errorf("%s: no change can be computed from the data", row.Metric)
			continue
		}
		got := int(math.Round(pct))
		switch {
		case got == row.Printed && row.Reason != "":
			t.Errorf("%s: the data now reproduces the printed %d; remove the stale reason %q", row.Metric, row.Printed, row.Reason)
		case got != row.Printed && row.Reason == "":
			t.Errorf("%s: computed change %d, printed %d; fix the data or give the reason in the fixture", row.Metric, got, row.Printed)
		case got == row.Printed:
			reproduced++
		}
	}
	t.Logf("%d of %d printed changes reproduced exactly; the rest carry a reason", reproduced, len(fixture.Rows))
}

func TestValueAndChange(t *testing.T) {
	d := shipped(t)
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

// TestShippedArithmetic checks the figures the report adds up: funding by
// source makes up the total turnover of 2015.
func TestShippedArithmetic(t *testing.T) {
	d := shipped(t)
	sum := 0.0
	for _, m := range d.Children("omsaetning") {
		v, _ := d.Value(m.ID, 2015)
		sum += v
	}
	if math.Abs(sum-257.6) > 0.05 {
		t.Errorf("funding sources add up to %.1f, want 257,6", sum)
	}
}

// TestArithmeticWarnings plants each kind of disagreement and expects a
// warning that names the file and line.
func TestArithmeticWarnings(t *testing.T) {
	fsys := fstest.MapFS{
		"data/site.toml":   {Data: []byte(`title = "T"`)},
		"data/fields.toml": {Data: []byte("[[field]]\nid = \"f\"\nname = \"F\"\n")},
		"data/clusters.toml": {Data: []byte("[[cluster]]\nid = \"c\"\nname = \"C\"\nfield = \"f\"\n" +
			"[[cluster]]\nid = \"d\"\nname = \"D\"\nfield = \"f\"\n[[cluster]]\nid = \"e\"\nname = \"E\"\nfield = \"f\"\n[[cluster]]\nid = \"g\"\nname = \"G\"\nfield = \"f\"\n")},
		"data/metrics.toml": {Data: []byte(`
[[metric]]
id = "klynger"
label = "Klynger"

[[metric]]
id = "total"
label = "Total"
parts_sum = true

[[metric]]
id = "del-a"
label = "A"
parent = "total"

[[metric]]
id = "del-b"
label = "B"
parent = "total"

[[metric]]
id = "gennemsnit"
label = "Gennemsnit"
average_of = "total"
`)},
		"data/years/2015.toml":    {Data: []byte("klynger = 4\ntotal = 100\ndel-a = 30\ndel-b = 120\ngennemsnit = 30\n")},
		"data/editions/2016.toml": {Data: []byte("year = 2016\ntitle = \"T\"\ndata_year = 2015\nclusters = [\"c\", \"d\", \"e\", \"g\"]\n")},
	}
	var problems diag.List
	Load(fsys, &problems)
	var got []string
	for _, p := range problems.Problems() {
		got = append(got, p.Error())
	}
	want := []string{
		`data/years/2015.toml:2:1: warning: the parts of "total" add up to 150, not to its total 100`,
		`data/years/2015.toml:4:1: warning: "del-b" (120) is larger than its total "total" (100)`,
		`data/years/2015.toml:5:1: warning: average 30 does not match 100 / 4 clusters = 25,0`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if problems.HasErrors() {
		t.Error("disagreements in the source are warnings, not errors")
	}
}

// TestTitle names metrics for pages of their own: a "heraf" row after its
// parent, an average after what it averages, and acronyms kept whole.
func TestTitle(t *testing.T) {
	var problems diag.List
	d := Load(os.DirFS("../../testdata/sites/base"), &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"klynger":               "Klynger",
		"omsaetning-staten":     "Samlet omsætning – heraf staten",
		"omsaetning-gennemsnit": "Samlet omsætning – gennemsnit per klynge",
		"ukendt":                "ukendt",
	} {
		if got := d.Title(id); got != want {
			t.Errorf("Title(%q) = %q, want %q", id, got, want)
		}
	}
	for in, want := range map[string]string{"Staten": "staten", "EU": "EU", "B2B-samarbejde": "B2B-samarbejde", "Øvrige": "øvrige", "": ""} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// decodeFixture reads a TOML fixture of testdata/ into v, refusing unknown
// keys, as the site's own files are read.
func decodeFixture(t *testing.T, path string, v any) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var problems diag.List
	tomlfile.Decode(path, 1, src, v, &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
}
