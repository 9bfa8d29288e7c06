package data

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/diag"
)

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
