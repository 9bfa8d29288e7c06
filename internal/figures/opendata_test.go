package figures_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/figures"
	"report/internal/lang"
	"report/internal/sitetest"
)

// openDataSite is the test site with what the open data must carry
// through: English forms, a note on a year's figure, a study with its
// source, and labels a spreadsheet would run as a formula or that hold the
// CSV's separators and quotes.
const openDataSite = `
-- data/site.toml --
title = "Testrapporten"
base_url = "/"
data_licence = "CC-BY-4.0"
data_licence_url = "https://creativecommons.org/licenses/by/4.0/"
[en]
title = "The test report"
-- data/studies.toml --
[[study]]
id = "analyse"
source = "”Effekter”, {{da: Styrelsen}}, 2015"
year = 2014
[study.en]
source = "“Effects”, {{da: Styrelsen}} (the agency), 2015"
[[study.figure]]
id = "analyse-andel"
label = "=Andel; med \"citat\""
unit = "%"
value = 66.7
shown = "2/3"
[study.figure.en]
label = "-Share, with \"quote\""
unit = "%"
-- data/years/2015.toml --
klynger = 3
omsaetning = 15.6
omsaetning-staten = 10.5
omsaetning-andet = 5.1
omsaetning-gennemsnit = 5.2
virksomheder = 1794
ansoegninger = 109
bevillinger = 36
[notes]
omsaetning = "Uden {{en: in kind}}."
[notes.en]
omsaetning = "Without in kind."
`

// openData makes the test site's open data in the language with the code.
func openData(t *testing.T, code string, o figures.OpenDataOptions) *figures.OpenData {
	t.Helper()
	langs := withData(t, sitetest.FS(t, sitetest.Parse(openDataSite)), &o)
	if code == "en" {
		o.Lang = langs[1]
	}
	return figures.NewOpenData(o)
}

// withData loads the data and languages of the site in fsys into o, in
// Danish and English, with Danish files, and returns the languages.
func withData(tb testing.TB, fsys fs.FS, o *figures.OpenDataOptions) []*lang.Lang {
	tb.Helper()
	var problems diag.List
	d := data.Load(fsys, &problems)
	langs := lang.Load(fsys, &problems)
	if problems.HasErrors() || len(langs) < 2 {
		tb.Fatal(problems.Err())
	}
	o.Danish, o.English, o.Lang = d.In(langs[0], &problems), d.In(langs[1], &problems), langs[0]
	return langs
}

// files are the open data's files by name.
func files(t *testing.T, od *figures.OpenData) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, f := range od.Files {
		out[f.Name] = f.Data
	}
	if len(out) != 3 || out[figures.OpenDataCSV] == nil || out[figures.OpenDataJSON] == nil || out[figures.OpenDataPackage] == nil {
		t.Fatalf("files %v", od.Files)
	}
	return out
}

// readCSV reads the CSV as a spreadsheet of its convention would, after
// its byte order mark.
func readCSV(t *testing.T, b []byte, sep rune) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(b, []byte("\uFEFF"))
	if !ok {
		t.Fatal("the CSV has no byte order mark")
	}
	if bytes.Contains(bytes.ReplaceAll(body, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("a line of the CSV ends without CR")
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = sep
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// keyed is the CSV's rows by metric and year, each by column.
func keyed(t *testing.T, rows [][]string) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	for _, r := range rows[1:] {
		row := map[string]string{}
		for i, name := range rows[0] {
			row[name] = r[i]
		}
		key := row["metric"] + " " + row["year"]
		if _, dup := out[key]; dup {
			t.Errorf("two rows for %s", key)
		}
		out[key] = row
	}
	return out
}

// TestOpenDataDanish writes the Danish CSV as Danish Excel reads it, one
// row per metric and year with a figure, and nothing for a year without.
func TestOpenDataDanish(t *testing.T) {
	od := openData(t, "da", figures.OpenDataOptions{})
	f := files(t, od)
	rows := readCSV(t, f[figures.OpenDataCSV], ';')
	var names []string
	for _, c := range od.Columns {
		names = append(names, c.Name)
	}
	if strings.Join(rows[0], ",") != strings.Join(names, ",") || len(names) != 14 {
		t.Errorf("header %q, columns %q", rows[0], names)
	}
	got := keyed(t, rows)
	if len(got) != od.Rows || od.First != 2014 || od.Last != 2015 {
		t.Errorf("%d rows, OpenData says %d for %d–%d", len(got), od.Rows, od.First, od.Last)
	}
	for key, want := range map[string]map[string]string{
		"omsaetning 2015": {"label_da": "Samlet omsætning", "unit_da": "mio. kr.", "value": "15,6", "computed": "true",
			"computed_from": "omsaetning-staten + omsaetning-andet", "parent": "", "note_da": "Uden in kind.", "note_en": "Without in kind.",
			"source_da": "Testrapporten. Performanceregnskab 2016"},
		"omsaetning-staten 2014":     {"label_da": "Samlet omsætning – heraf staten", "value": "15", "computed": "false", "parent": "omsaetning", "note_da": ""},
		"omsaetning-gennemsnit 2015": {"value": "5,2", "computed": "true", "computed_from": "omsaetning / klynger"},
		"virksomheder 2014":          {"value": "11708", "unit_da": "", "computed": "false"},
		// A ratio, computed here and rounded as the pages show it: 36/109.
		"succesrate 2015":    {"value": "33", "computed": "true", "computed_from": "bevillinger / ansoegninger", "unit_da": "%"},
		"analyse-andel 2014": {"label_da": "'=Andel; med \"citat\"", "label_en": "'-Share, with \"quote\"", "value": "66,7", "source_da": "”Effekter”, Styrelsen, 2015", "source_en": "“Effects”, Styrelsen (the agency), 2015"},
	} {
		row, ok := got[key]
		if !ok {
			t.Errorf("no row for %s", key)
			continue
		}
		for col, v := range want {
			if row[col] != v {
				t.Errorf("%s: %s is %q, want %q", key, col, row[col], v)
			}
		}
	}
	// Years without a figure have no row: ansoegninger, bevillinger and
	// their ratio were not counted in 2014, the study describes only 2014.
	for _, key := range []string{"ansoegninger 2014", "bevillinger 2014", "succesrate 2014", "analyse-andel 2015"} {
		if _, ok := got[key]; ok {
			t.Errorf("a row for %s, which has no figure", key)
		}
	}
	for key, row := range got {
		if row["value"] == "" {
			t.Errorf("%s has no value", key)
		}
	}
	csvText := string(f[figures.OpenDataCSV])
	if !strings.Contains(csvText, "\"'=Andel; med \"\"citat\"\"\"") {
		t.Errorf("the label with a semicolon and quotes is not defused and quoted:\n%s", csvText)
	}
}

// TestOpenDataEnglish writes the English CSV with commas and decimal
// points, quoting a text that holds a comma; the rows are the Danish ones.
func TestOpenDataEnglish(t *testing.T) {
	da := openData(t, "da", figures.OpenDataOptions{})
	en := openData(t, "en", figures.OpenDataOptions{})
	f := files(t, en)
	rows := readCSV(t, f[figures.OpenDataCSV], ',')
	got := keyed(t, rows)
	if len(got) != da.Rows {
		t.Errorf("%d English rows, %d Danish", len(got), da.Rows)
	}
	if v := got["omsaetning 2015"]["value"]; v != "15.6" {
		t.Errorf("omsaetning 2015 is %q in English, want 15.6", v)
	}
	if v := got["omsaetning-staten 2014"]["label_en"]; v != "omsaetning-staten" && !strings.Contains(v, "of which") {
		t.Errorf("the English label of a part is %q", v)
	}
	if !strings.Contains(string(f[figures.OpenDataCSV]), `"'-Share, with ""quote"""`) {
		t.Error("the English label with a comma is not quoted")
	}
	for _, c := range en.Columns {
		if c.Description == "" || strings.HasPrefix(c.Description, "[") || c.TypeName == "" || strings.HasPrefix(c.TypeName, "[") {
			t.Errorf("column %s has no English words: %q, %q", c.Name, c.TypeName, c.Description)
		}
	}
}

// TestOpenDataJSON holds the JSON to the CSV's rows: the same keys, the
// figures as numbers, computed as a boolean, and a missing text as null.
func TestOpenDataJSON(t *testing.T) {
	od := openData(t, "da", figures.OpenDataOptions{})
	f := files(t, od)
	var doc struct {
		Title    string
		Licenses []struct{ Name, Path string }
		Sources  []struct{ Title, Path string }
		Figures  []map[string]any
	}
	if err := json.Unmarshal(f[figures.OpenDataJSON], &doc); err != nil {
		t.Fatal(err)
	}
	rows := keyed(t, readCSV(t, f[figures.OpenDataCSV], ';'))
	if len(doc.Figures) != len(rows) || doc.Title != "Testrapporten. Performanceregnskab: alle tal" {
		t.Fatalf("%d figures, %d rows; title %q", len(doc.Figures), len(rows), doc.Title)
	}
	if len(doc.Licenses) != 1 || doc.Licenses[0].Name != "CC-BY-4.0" || len(doc.Sources) != 2 {
		t.Errorf("licences %v, sources %v", doc.Licenses, doc.Sources)
	}
	for _, fig := range doc.Figures {
		if len(fig) != len(od.Columns) {
			t.Errorf("%v has %d keys, want %d", fig, len(fig), len(od.Columns))
		}
		row := rows[fmt.Sprintf("%v %v", fig["metric"], fig["year"])]
		for _, c := range od.Columns {
			var want any
			switch cell := row[c.Name]; {
			case c.Type == "number":
				want = mustFloat(t, strings.ReplaceAll(cell, ",", "."))
			case c.Type == "integer":
				want = mustFloat(t, cell)
			case c.Type == "boolean":
				want = cell == "true"
			case cell == "":
				want = nil
			default:
				want = strings.TrimPrefix(cell, "'") // the CSV defuses, the JSON keeps
			}
			if fig[c.Name] != want {
				t.Errorf("%v %v: %s is %#v in the JSON, %#v in the CSV", fig["metric"], fig["year"], c.Name, fig[c.Name], want)
			}
		}
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	var v float64
	if _, err := fmt.Sscan(s, &v); err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

// TestOpenDataPackage describes each language's files as a data package:
// the CSV's dialect and decimal mark, its schema and key, sizes and
// hashes that match, the licence, and addresses where the site has them.
func TestOpenDataPackage(t *testing.T) {
	for _, code := range []string{"da", "en"} {
		o := figures.OpenDataOptions{Home: "https://example.org/tal/data/", Edition: func(y int) string { return fmt.Sprintf("https://example.org/%d/", y) }}
		od := openData(t, code, o)
		f := files(t, od)
		var pkg struct {
			Profile, Name, Title, Homepage string
			Licenses                       []struct{ Name, Path string }
			Sources                        []struct{ Title, Path string }
			Resources                      []struct {
				Profile, Name, Path, Format, Encoding, Hash string
				Bytes                                       int
				Dialect                                     *struct {
					Delimiter string
					Header    bool
				}
				Schema *struct {
					Fields []struct {
						Name, Type, DecimalChar string
						Constraints             *struct{ Required bool }
					}
					PrimaryKey    []string
					MissingValues []string
				}
			}
		}
		if err := json.Unmarshal(f[figures.OpenDataPackage], &pkg); err != nil {
			t.Fatal(err)
		}
		wantName, sep, decimal := "performanceregnskab", ";", ","
		if code == "en" {
			wantName, sep, decimal = "performanceregnskab-en", ",", ""
		}
		if pkg.Profile != "data-package" || pkg.Name != wantName || pkg.Homepage != o.Home || len(pkg.Resources) != 2 {
			t.Fatalf("%s: package %+v", code, pkg)
		}
		if len(pkg.Licenses) != 1 || pkg.Licenses[0].Path != "https://creativecommons.org/licenses/by/4.0/" {
			t.Errorf("%s: licences %v", code, pkg.Licenses)
		}
		if len(pkg.Sources) != 2 || pkg.Sources[0].Path != "https://example.org/2016/" || pkg.Sources[1].Path != "" {
			t.Errorf("%s: sources %v", code, pkg.Sources)
		}
		for _, r := range pkg.Resources {
			sum := sha256.Sum256(f[r.Path])
			if r.Bytes != len(f[r.Path]) || r.Hash != "sha256:"+hex.EncodeToString(sum[:]) || r.Encoding != "utf-8" {
				t.Errorf("%s: %s: %d bytes, hash %s", code, r.Path, r.Bytes, r.Hash)
			}
		}
		csvRes := pkg.Resources[0]
		if csvRes.Path != figures.OpenDataCSV || csvRes.Profile != "tabular-data-resource" || csvRes.Dialect == nil || csvRes.Dialect.Delimiter != sep || !csvRes.Dialect.Header {
			t.Fatalf("%s: the CSV resource %+v", code, csvRes)
		}
		s := csvRes.Schema
		if s == nil || strings.Join(s.PrimaryKey, ",") != "metric,year" || len(s.MissingValues) != 1 || s.MissingValues[0] != "" || len(s.Fields) != len(od.Columns) {
			t.Fatalf("%s: schema %+v", code, s)
		}
		for i, fl := range s.Fields {
			c := od.Columns[i]
			if fl.Name != c.Name || fl.Type != c.Type || (fl.Constraints != nil && fl.Constraints.Required) != c.Required {
				t.Errorf("%s: field %+v, column %+v", code, fl, c)
			}
			if want := map[bool]string{true: decimal}[fl.Type == "number"]; fl.DecimalChar != want {
				t.Errorf("%s: field %s has decimalChar %q, want %q", code, fl.Name, fl.DecimalChar, want)
			}
		}
		if r := pkg.Resources[1]; r.Path != figures.OpenDataJSON || r.Format != "json" || r.Schema != nil {
			t.Errorf("%s: the JSON resource %+v", code, r)
		}
	}
}

// TestOpenDataWithoutLicenceOrHost names no licence where data/site.toml
// gives none, and no address where the base URL has no host: nothing is
// made up.
func TestOpenDataWithoutLicenceOrHost(t *testing.T) {
	var o figures.OpenDataOptions
	withData(t, sitetest.FS(t, nil), &o)
	od := figures.NewOpenData(o)
	pkg := string(files(t, od)[figures.OpenDataPackage])
	for _, no := range []string{`"licenses"`, `"homepage"`, `"path": "http`} {
		if strings.Contains(pkg, no) {
			t.Errorf("the package has %s:\n%s", no, pkg)
		}
	}
}

// TestOpenDataDeterministic makes the same bytes every time.
func TestOpenDataDeterministic(t *testing.T) {
	a, b := openData(t, "en", figures.OpenDataOptions{}), openData(t, "en", figures.OpenDataOptions{})
	for i := range a.Files {
		if !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between two runs", a.Files[i].Name)
		}
	}
}
