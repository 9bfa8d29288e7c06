package data

// The figures of each year (data/years/) and the editions (data/editions/).

import (
	"io/fs"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"report/internal/diag"
	"report/internal/tomlfile"
)

// yearFiles reads and decodes every file of a folder whose files are named
// after their year (data/years/2015.toml, data/editions/2016.toml) and hands
// each to use; doc is nil when the file could not be read or decoded.
func yearFiles[T any](d *Data, fsys fs.FS, dir, what string, problems *diag.List, use func(name string, year int, v *T, doc *tomlfile.Doc)) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		problems.Errorf(dir, 0, 0, "cannot read the folder of %s: %v", what, err)
		return
	}
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		year, ok := yearFileName(name, e, problems)
		if !ok {
			continue
		}
		v := new(T)
		src, ok := d.readData(fsys, name, true, problems)
		var doc *tomlfile.Doc
		if ok {
			doc, ok = tomlfile.Decode(name, 1, src, v, problems)
		}
		if !ok {
			doc = nil
		}
		use(name, year, v, doc)
	}
}

func (d *Data) loadYears(fsys fs.FS, problems *diag.List) {
	yearFiles(d, fsys, yearsDir, "yearly figures", problems, func(name string, year int, raw *map[string]any, doc *tomlfile.Doc) {
		if doc == nil {
			d.brokenYears[year] = true
			return
		}
		values := d.numbers(name, doc, year, *raw, problems)
		d.checkYearValues(name, year, doc, values, problems)
		if len(*raw) == 0 {
			// The file `report new edition` writes, every figure still
			// commented out: one error here, not one at every reference,
			// table and chart that waits for a figure.
			problems.Errorf(name, 1, 0, "no figures typed yet: remove the # before each figure the clusters reported for %d, and type it; the edition's references, tables and charts wait for them", year)
			d.brokenYears[year] = true
			return
		}
		d.values[year] = values
		d.yearDocs[year] = doc
		d.years = append(d.years, year)
	})
	slices.Sort(d.years)
	d.firstYear, d.lastYear = math.MaxInt, math.MinInt
	for y := range d.values {
		d.firstYear, d.lastYear = min(d.firstYear, y), max(d.lastYear, y)
	}
	for y := range d.brokenYears {
		d.firstYear, d.lastYear = min(d.firstYear, y), max(d.lastYear, y)
	}
}

// numbers converts a year file's values. A figure the source printed with
// fewer decimals than its metric shows ("11" in a column of "7,8") is named
// in the file's whole list, and keeps its printed precision rather than
// gaining a ",0" the source never had. How a number is typed says nothing:
// the editors' CMS writes 30.0 as 30.
func (d *Data) numbers(name string, doc *tomlfile.Doc, year int, raw map[string]any, problems *diag.List) map[string]float64 {
	values := map[string]float64{}
	if whole, ok := raw[wholeKey]; ok {
		d.readWhole(name, doc, year, whole, raw, problems)
		delete(raw, wholeKey)
	}
	if notes, ok := raw[notesKey]; ok {
		d.readNotes(name, doc, year, notes, problems)
		delete(raw, notesKey)
	}
	for _, key := range sortedKeys(raw) {
		// A table header ([oekonomi]) makes every figure below it the
		// table's: one error at the header, and the figures are still the
		// year's, rather than every one of them reported missing.
		table, ok := raw[key].(map[string]any)
		if !ok {
			continue
		}
		line, col := doc.Pos(key)
		problems.Errorf(name, line, col, "[%s] starts a table, which a year's file has none of (but [notes]): the figures below it are read as the year's; remove the line", key)
		delete(raw, key)
		for id, v := range table {
			if _, dup := raw[id]; !dup {
				raw[id] = v
			}
		}
	}
	for _, id := range sortedKeys(raw) {
		switch v := raw[id].(type) {
		case int64:
			values[id] = float64(v)
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				line, col := doc.Pos(id)
				problems.Errorf(name, line, col, "%q must be a figure, not %v; leave a figure the source does not give out of the file", id, v)
				d.markBroken(year, id)
				continue
			}
			values[id] = v
		default:
			line, col := doc.Pos(id)
			problems.Errorf(name, line, col, "%q must be a number, like 257.6 or 44, not %s", id, tomlType(v))
			d.markBroken(year, id)
		}
	}
	return values
}

func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case bool:
		return "true or false"
	default:
		return "a date or time"
	}
}

func (d *Data) checkYearValues(name string, year int, doc *tomlfile.Doc, values map[string]float64, problems *diag.List) {
	for _, id := range sortedKeys(values) {
		m := d.metrics[id]
		line, col := doc.Pos(id)
		switch {
		case m == nil && d.broken["metrics"]:
			delete(values, id)
		case m == nil:
			problems.Errorf(name, line, col, "unknown metric %q; define it in data/metrics.toml first", id)
			delete(values, id)
		case m.Derived():
			problems.Errorf(name, line, col, "metric %q is computed from %s and must not be typed", id, strings.Join(m.Ratio, " / "))
			delete(values, id)
		case m.Study != nil:
			problems.Errorf(name, line, col, "%q is a figure of study %q, typed once in %s with its source; it has no figure per year", id, m.Study.ID, studiesFile)
			delete(values, id)
		default:
			if msg := kindProblem(m, values[id]); msg != "" {
				problems.Errorf(name, line, col, "%s", msg)
				delete(values, id)
				d.markBroken(year, id)
			}
		}
	}
}

// yearFileName accepts data/years/2015.toml and nothing else.
func yearFileName(name string, e fs.DirEntry, problems *diag.List) (int, bool) {
	if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
		return 0, false
	}
	base, ok := strings.CutSuffix(e.Name(), ".toml")
	year, err := strconv.Atoi(base)
	if !ok || err != nil || year < 1900 || year > 2999 || len(base) != 4 {
		problems.Errorf(name, 0, 0, "a file here must be named after its year, like 2015.toml")
		return 0, false
	}
	return year, true
}

func (d *Data) loadEditions(fsys fs.FS, problems *diag.List) {
	yearFiles(d, fsys, editionsDir, "editions", problems, func(name string, year int, ed *Edition, doc *tomlfile.Doc) {
		if doc != nil && ed.Year != year {
			line, col := doc.Pos("year")
			problems.Errorf(name, max(line, 1), col, "year is %d but the file is named %d.toml; they must agree", ed.Year, year)
			doc = nil
		}
		if doc == nil {
			d.brokenEditions[year] = true
			return
		}
		ed.Path, ed.Doc = name, doc
		d.checkEdition(ed, problems)
		d.Editions = append(d.Editions, ed)
	})
	slices.SortFunc(d.Editions, func(a, b *Edition) int { return a.Year - b.Year })
	if len(d.Editions) == 0 && len(d.brokenEditions) == 0 {
		problems.Errorf(editionsDir, 0, 0, "no edition found; add one, for example data/editions/2016.toml")
	}
}

// markBroken records a figure whose value was refused, so that references
// to it are not reported again: one bad value, one error.
func (d *Data) markBroken(year int, id string) {
	if d.brokenValues[year] == nil {
		d.brokenValues[year] = map[string]bool{}
	}
	d.brokenValues[year][id] = true
}

// notesKey is the table of a year's file that explains figures a reader
// would otherwise doubt: [notes], a metric's id and the words shown beside
// its figure, with their English in [notes.en].
const notesKey = "notes"

// Note is an explanation of one figure of one year, in Danish and English.
type Note struct{ Da, En string }

func (d *Data) readNotes(name string, doc *tomlfile.Doc, year int, raw any, problems *diag.List) {
	table, ok := raw.(map[string]any)
	if !ok {
		line, col := doc.Pos(notesKey)
		problems.Errorf(name, line, col, "notes must be a table: [notes], then metric-id = \"the explanation\"")
		return
	}
	en, _ := table["en"].(map[string]any)
	delete(table, "en")
	for _, id := range sortedKeys(table) {
		line, col := doc.Pos(notesKey, id)
		text, ok := table[id].(string)
		switch {
		case !ok || strings.TrimSpace(text) == "":
			problems.Errorf(name, line, col, "notes: %q must be the explanation, in quotes", id)
			continue
		case d.metrics[id] == nil && !d.broken["metrics"]:
			problems.Errorf(name, line, col, "notes: unknown metric %q; a note explains a figure of this year", id)
			continue
		}
		if d.notes[year] == nil {
			d.notes[year] = map[string]Note{}
		}
		n := Note{Da: strings.TrimSpace(text)}
		n.En, _ = en[id].(string)
		d.notes[year][id] = n
	}
	for _, id := range sortedKeys(en) {
		if _, ok := table[id]; !ok {
			line, col := doc.Pos(notesKey, "en", id)
			problems.Errorf(name, line, col, "notes.en: %q has no Danish note in [notes] to translate", id)
		}
	}
}

// NoteText is the explanation of a metric's figure for a year in the
// data's language, or "".
func (d *Data) NoteText(metricID string, year int) string {
	n := d.notes[year][metricID]
	if d.Lang().Code != "da" && n.En != "" {
		return n.En
	}
	return n.Da
}

// wholeKey lists, in a year's file, the figures the source printed without
// the decimals their metric shows: whole = ["omsaetning-gennemsnit"].
const wholeKey = "whole"

func (d *Data) readWhole(name string, doc *tomlfile.Doc, year int, whole any, raw map[string]any, problems *diag.List) {
	line, col := doc.Pos(wholeKey)
	list, ok := whole.([]any)
	if !ok {
		problems.Errorf(name, line, col, `%s must list the figures printed without decimals, like whole = ["omsaetning-gennemsnit"]`, wholeKey)
		return
	}
	for _, v := range list {
		id, ok := v.(string)
		if _, inFile := raw[id]; !ok || !inFile {
			problems.Errorf(name, line, col, "%s names %v, which is not a figure of this file; list only figures the file gives", wholeKey, v)
			continue
		}
		if d.wholes[year] == nil {
			d.wholes[year] = map[string]bool{}
		}
		d.wholes[year][id] = true
	}
}
