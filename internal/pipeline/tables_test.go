package pipeline

import (
	"os"
	"regexp"
	"report/internal/diag"
	"report/internal/tomlfile"
	"strings"
	"testing"
)

// TestPrintedTablesAppear compares the three development tables of the built
// 2016 edition with an independent transcription of the printed tables
// (testdata/source/2016-tables.toml): every printed number must appear, in
// Danish format, in its row and year, and no cell may hold a number the
// source leaves empty.
func TestPrintedTablesAppear(t *testing.T) {
	var fixture struct {
		Rows []struct {
			Table                      string `toml:"table"`
			Label                      string `toml:"label"`
			Metric                     string `toml:"metric"`
			Y2012, Y2013, Y2014, Y2015 string
			Note                       string `toml:"note"`
		} `toml:"row"`
	}
	decodeFixture(t, "../../testdata/source/2016-tables.toml", &fixture)
	captions := map[string]string{
		"struktur":    "Struktur og ressourcer",
		"aktiviteter": "Aktiviteter og virksomhedsdeltagelse",
		"udbytte":     "Virksomhedernes udbytte",
	}
	var page string
	for _, f := range buildRealSite(t, Options{}) {
		if f.Path == "2016/udviklingen-2012-2015/index.html" {
			page = string(f.Data)
		}
	}
	tables := splitTables(page)
	cellsChecked := 0
	for _, row := range fixture.Rows {
		table, ok := tables[captions[row.Table]]
		if !ok {
			t.Fatalf("no table %q on the page", captions[row.Table])
		}
		cells, ok := table[row.Metric]
		if !ok {
			t.Errorf("%s: the table %q has no row for %s (%s)", row.Table, captions[row.Table], row.Metric, row.Label)
			continue
		}
		want := []string{row.Y2012, row.Y2013, row.Y2014, row.Y2015}
		for i, w := range want {
			w = strings.ReplaceAll(w, " %", "\u00a0%")
			if i >= len(cells) || cells[i] != w {
				t.Errorf("%s %d: shows %q, the printed table has %q", row.Metric, 2012+i, cells[i], w)
			}
			cellsChecked++
		}
	}
	if cellsChecked < 250 {
		t.Errorf("only %d cells checked", cellsChecked)
	}
}

var (
	tableRE  = regexp.MustCompile(`(?s)<caption[^>]*>(.*?)</caption>(.*?)</table>`)
	rowRE    = regexp.MustCompile(`(?s)<tr data-metric="([^"]+)">(.*?)</tr>`)
	cellRE   = regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`)
	hiddenRE = regexp.MustCompile(`<span class="visually-hidden">[^<]*</span>`)
)

// splitTables reads the page's data tables: caption → metric → cell texts,
// "" for an empty cell.
func splitTables(page string) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	for _, tm := range tableRE.FindAllStringSubmatch(page, -1) {
		rows := map[string][]string{}
		for _, rm := range rowRE.FindAllStringSubmatch(tm[2], -1) {
			var cells []string
			for _, cm := range cellRE.FindAllStringSubmatch(rm[2], -1) {
				cells = append(cells, hiddenRE.ReplaceAllString(cm[1], ""))
			}
			rows[rm[1]] = cells
		}
		out[tm[1]] = rows
	}
	return out
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
