package shipped_test

// The 2016 edition against the report it was transcribed from
// (testdata/source): no damage from the PDF extraction on any page, every
// cell of the printed tables, every printed change recomputed, and the
// wording of its figures as the print gives them.

import (
	"html"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"report/internal/diag"
	"report/internal/pipeline"
	"report/internal/sitetest"
	"report/internal/tomlfile"
)

// source is a file of testdata/source: the printed 2016 report's text as
// extracted from its PDF, and the transcriptions made from it.
func source(name string) string { return filepath.Join(sitetest.Root, "testdata", "source", name) }

var (
	tag    = regexp.MustCompile(`(?s)<[^>]*>`)
	spaces = regexp.MustCompile(`\s+`)
)

// pageText is what a reader sees of a page: its text without markup.
func pageText(b []byte) string {
	return spaces.ReplaceAllString(html.UnescapeString(tag.ReplaceAllString(string(b), " ")), " ")
}

// TestNoPDFArtefacts fails when damage from the PDF extraction reaches the
// site: a word split across two lines of the extraction ("klyn" / "ger"), or
// one of the glued compounds and stray letters listed in
// testdata/source/pdf-artefacts.txt.
func TestNoPDFArtefacts(t *testing.T) {
	artefacts := append(splitWords(t), listedArtefacts(t)...)
	if len(artefacts) < 150 {
		t.Fatalf("only %d artefacts to look for; the extraction was not read", len(artefacts))
	}
	var text strings.Builder
	for _, f := range shippedSite(t, pipeline.Options{}).Output {
		// The damage is the Danish extraction's; the English pages are
		// translations of the site, written anew.
		if strings.HasSuffix(f.Path, ".html") && !strings.HasPrefix(f.Path, "en/") {
			text.WriteString(pageText(f.Data))
			text.WriteString("\n")
		}
	}
	site := text.String()
	for _, a := range artefacts {
		if strings.Contains(site, a) {
			t.Errorf("the site contains the PDF artefact %q", a)
		}
	}
}

// splitWords finds the words the extraction split over two lines: a line
// that ends in the middle of a word (no space, no punctuation) followed by
// one that goes on in lower case. "klyn" + "ger" gives the artefact "klyn ger".
func splitWords(t *testing.T) []string {
	b, err := os.ReadFile(source("performanceregnskab-2016.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	var out []string
	for i := 0; i+1 < len(lines); i++ {
		head, tail := lastWord(lines[i]), firstWord(lines[i+1])
		if head == "" || tail == "" || wholeWords[head+" "+tail] {
			continue
		}
		out = append(out, head+" "+tail)
	}
	return out
}

// wholeWords are line breaks in headings and table labels between two whole
// words, which the extraction wrote without the usual trailing space.
var wholeWords = map[string]bool{"det danske": true, "udviklingen fra": true, "i klyngerne": true}

func lastWord(line string) string {
	r, _ := utf8.DecodeLastRuneInString(line)
	if !unicode.IsLetter(r) {
		return "" // the line ends in a space or punctuation: no split
	}
	fields := strings.Fields(line)
	return fields[len(fields)-1]
}

func firstWord(line string) string {
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsLower(r) {
		return ""
	}
	word := strings.Fields(line)[0]
	return strings.TrimRight(word, ".,:;!?)”")
}

func listedArtefacts(t *testing.T) []string {
	b, err := os.ReadFile(source("pdf-artefacts.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

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
	decodeFixture(t, source("2016-tables.toml"), &fixture)
	captions := map[string]string{
		"struktur":    "Struktur og ressourcer",
		"aktiviteter": "Aktiviteter og virksomhedsdeltagelse",
		"udbytte":     "Virksomhedernes udbytte",
	}
	var page string
	for _, f := range shippedSite(t, pipeline.Options{}).Output {
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

// TestPrintedChanges recomputes the "Procent ændring 2014–2015" column of
// the printed 2016 tables from the data and compares it with the column as
// printed (testdata/source/2016-printed-change.toml, signs restored). A row
// the data cannot reproduce must say why in the fixture; a row that carries
// a reason but does reproduce has a stale reason.
func TestPrintedChanges(t *testing.T) {
	d := shippedData(t)
	var fixture struct {
		Rows []struct {
			Metric  string `toml:"metric"`
			Printed int    `toml:"printed"`
			Reason  string `toml:"reason"`
		} `toml:"row"`
	}
	decodeFixture(t, source("2016-printed-change.toml"), &fixture)
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

// TestShareChangeInPoints shows the change of a share in percentage points,
// not as a percent of a percent: the 2016 edition's 36 % → 52 % is +16
// pct.-point, not +44.
func TestShareChangeInPoints(t *testing.T) {
	out := shippedFiles(t, pipeline.Options{})
	table := splitTables(out["2016/udviklingen-2012-2015/index.html"])["Struktur og ressourcer"]
	if got := table["kontingent-andel"]; len(got) != 5 || got[4] != "+16 pct.-point" {
		t.Errorf("kontingent-andel's row is %q; its change must be +16 pct.-point", got)
	}
	history := out["tal/kontingent-andel/index.html"]
	if !strings.Contains(history, `<th scope="row">2015</th><td class="num">52`+"\u00a0"+`%</td><td class="num">&#43;16 pct.-point</td>`) {
		t.Errorf("the share's history does not give its change in points:\n%s", grep(history, "2015"))
	}
	if !strings.Contains(out["tal/omsaetning/index.html"], `<td class="num">−28</td>`) {
		t.Error("a figure that is not a share lost its change in percent")
	}
}

// TestStudyFigures binds the figures of a study the 2016 edition cites to
// the data: the key figures show them as the source states them, and each
// has its own page with its source.
func TestStudyFigures(t *testing.T) {
	out := shippedFiles(t, pipeline.Options{})
	chapter := out["2016/hvad-kommer-der-ud-af-det/index.html"]
	for _, want := range []string{
		`<strong class="key-figure__number">60` + "\u00a0" + `%</strong> <span class="key-figure__text">Næsten 60` + "\u00a0" + `% af virksomhederne`,
		`<strong class="key-figure__number">2/3</strong>`,
		`<strong class="key-figure__number">4` + "\u00a0" + `×</strong>`,
		`en analyse, hvor knap <span class="figure">900</span> danske virksomheder`,
	} {
		if !strings.Contains(chapter, want) {
			t.Errorf("the chapter lacks %s", want)
		}
	}
	page := out["tal/analyse-nye-ideer/index.html"]
	if !strings.Contains(page, `<td class="num">2/3</td>`) || !strings.Contains(page, "Kilde: ”Effekter af virksomheders deltagelse i klynger og innovationsnetværk”, Styrelsen for Forskning og Innovation, 2015.") {
		t.Errorf("the study figure's page lacks its figure or its source:\n%s", grep(page, "2/3"))
	}
}
