package figures

// Every figure of every edition in one download: a CSV for spreadsheets, a
// JSON for programs, and a Frictionless data package (Data Package v1)
// that describes them, so that a validator can read the CSV with its types.
//
// The data are per year, not per edition: data/years/2015.toml holds 2015's
// figures whichever editions print them. So there is one row per metric
// and year, keyed by the two, with the editions that print the year as its
// source. A year without a figure for a metric has no row: an empty value
// would be a figure nobody gave.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"report/internal/data"
	"report/internal/lang"
	"report/internal/markdown"
)

// The open data's files, in the folder of the page about them.
const (
	OpenDataCSV     = "performanceregnskab.csv"
	OpenDataJSON    = "performanceregnskab.json"
	OpenDataPackage = "datapackage.json"
)

// openDataName names the data package and its CSV resource; a package in
// another language than Danish adds its code, since its CSV is another.
const openDataName = "performanceregnskab"

// OpenDataOptions say what to publish, and in which language.
type OpenDataOptions struct {
	// Danish and English are the data in each language's words (data.In),
	// with every edition: each row holds both.
	Danish, English *data.Data
	// Lang is the files' language, with its interface strings: the CSV's
	// separator and decimal mark, and the words of the JSON and the data
	// package.
	Lang *lang.Lang
	// Home is the absolute address of the page about the data, whose
	// folder holds the files, and Edition gives that of an edition's front
	// page; "" where the base URL names no host.
	Home    string
	Edition func(year int) string
}

// OpenData is every figure of the data as one CSV, one JSON and the data
// package that describes them, in one language's conventions.
type OpenData struct {
	Files   []markdown.File // the CSV, the JSON and datapackage.json, for the page's folder
	Columns []Column        // the CSV's columns, in order: the JSON's keys
	Rows    int             // rows of figures
	// First and Last are the first and last year with a figure.
	First, Last int
}

// Column is a column of the CSV and a key of the JSON's rows.
type Column struct {
	Name string
	// Type is its Frictionless type: string, integer, number or boolean;
	// TypeName says it in the files' language.
	Type, TypeName string
	// Description is in the files' language, and may hold phrases of
	// another language, {{da: klynger}}, which the page marks (see
	// lang.MarkPhrases) and the files write as their words only.
	Description string
	Required    bool // never empty
}

// openColumns are the columns, in order; their descriptions are the
// interface strings opendata.column_<name>.
var openColumns = []struct {
	name, typ string
	required  bool
}{
	{"metric", "string", true},
	{"label_da", "string", true},
	{"label_en", "string", true},
	{"unit_da", "string", false},
	{"unit_en", "string", false},
	{"year", "integer", true},
	{"value", "number", true},
	{"computed", "boolean", true},
	{"computed_from", "string", false},
	{"parent", "string", false},
	{"note_da", "string", false},
	{"note_en", "string", false},
	{"source_da", "string", false},
	{"source_en", "string", false},
}

// openRow is one figure: a metric in a year. A text the figure lacks (no
// unit, no note) is nil: empty in the CSV, null in the JSON.
type openRow struct {
	Metric       string  `json:"metric"`
	LabelDa      string  `json:"label_da"`
	LabelEn      string  `json:"label_en"`
	UnitDa       *string `json:"unit_da"`
	UnitEn       *string `json:"unit_en"`
	Year         int     `json:"year"`
	Value        float64 `json:"value"`
	Computed     bool    `json:"computed"`
	ComputedFrom *string `json:"computed_from"`
	Parent       *string `json:"parent"`
	NoteDa       *string `json:"note_da"`
	NoteEn       *string `json:"note_en"`
	SourceDa     *string `json:"source_da"`
	SourceEn     *string `json:"source_en"`
}

// cells are the row's CSV cells, in the columns' order, in a file whose
// decimal mark is decimal; texts are not yet quoted.
func (r *openRow) cells(decimal string) []string {
	text := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	return []string{
		r.Metric, r.LabelDa, r.LabelEn, text(r.UnitDa), text(r.UnitEn),
		strconv.Itoa(r.Year), csvNumber(r.Value, decimal), strconv.FormatBool(r.Computed),
		text(r.ComputedFrom), text(r.Parent), text(r.NoteDa), text(r.NoteEn), text(r.SourceDa), text(r.SourceEn),
	}
}

// orNil is s, or nil for an empty text.
func orNil(s string) *string {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	return &s
}

// openRows are every figure of the data: each metric of the catalogue, in
// its order, in each year that has a figure for it, oldest first. A ratio
// is rounded as the pages show it; every other figure is as typed.
func openRows(da, en *data.Data) []openRow {
	sourceDa, sourceEn := figureSources(da), figureSources(en)
	var rows []openRow
	for _, m := range da.Metrics {
		me := en.Metric(m.ID)
		if me == nil {
			me = m
		}
		derivation := da.Derivation(m.ID)
		for _, y := range da.Years() {
			v, ok := da.Value(m.ID, y)
			if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			if m.Derived() {
				p := math.Pow10(m.Decimals)
				v = math.Round(v*p) / p
			}
			row := openRow{
				Metric: m.ID, LabelDa: da.Title(m.ID), LabelEn: en.Title(m.ID),
				UnitDa: orNil(m.Unit), UnitEn: orNil(me.Unit),
				Year: y, Value: v, Computed: derivation != "", ComputedFrom: orNil(derivation),
				Parent: orNil(m.Parent),
				NoteDa: orNil(lang.Plain(da.NoteText(m.ID, y))), NoteEn: orNil(lang.Plain(en.NoteText(m.ID, y))),
				SourceDa: orNil(sourceDa(m.ID, y)), SourceEn: orNil(sourceEn(m.ID, y)),
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// figureSources returns where a figure comes from, in the words of d's
// language: the study that found it, or the editions that print the year,
// named once a year rather than once a figure.
func figureSources(d *data.Data) func(metricID string, year int) string {
	printedIn := map[int]string{}
	return func(metricID string, year int) string {
		if m := d.Metric(metricID); m != nil && m.Study != nil {
			return lang.Plain(m.Study.Source)
		}
		if s, ok := printedIn[year]; ok {
			return s
		}
		var names []string
		for _, e := range d.EditionsOf(year) {
			names = append(names, editionName(e))
		}
		printedIn[year] = strings.Join(names, "; ")
		return printedIn[year]
	}
}

// editionName is an edition's full name, "Viden og vækst til danske
// virksomheder. Performanceregnskab 2016".
func editionName(e *data.Edition) string {
	return lang.Plain(e.Title) + ". " + lang.Plain(e.Subtitle)
}

// NewOpenData makes the open data in o.Lang's conventions.
func NewOpenData(o OpenDataOptions) *OpenData {
	l := o.Lang
	rows := openRows(o.Danish, o.English)
	out := &OpenData{Rows: len(rows)}
	for _, r := range rows {
		if out.First == 0 || r.Year < out.First {
			out.First = r.Year
		}
		out.Last = max(out.Last, r.Year)
	}
	for _, c := range openColumns {
		out.Columns = append(out.Columns, Column{Name: c.name, Type: c.typ, TypeName: say(l, "opendata.type_"+c.typ),
			Description: say(l, "opendata.column_"+c.name), Required: c.required})
	}
	csv := openCSV(rows, l)
	js := openJSON(rows, o)
	pkg := openPackage(o, out.Columns, csv, js)
	out.Files = []markdown.File{{Name: OpenDataCSV, Data: csv}, {Name: OpenDataJSON, Data: js}, {Name: OpenDataPackage, Data: pkg}}
	return out
}

// openCSV writes the rows as downloads.go writes a chart's figures: UTF-8
// with a byte order mark, CRLF, the separator and decimal mark of the
// language, and text defused against formulas.
func openCSV(rows []openRow, l *lang.Lang) []byte {
	sep, decimal := csvConvention(l)
	var b bytes.Buffer
	b.WriteString(csvBOM)
	for i, c := range openColumns {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(csvField(c.name, sep))
	}
	b.WriteString("\r\n")
	header := b.Len()
	for n, r := range rows {
		if n == 1 {
			// sized by the first row, rather than doubled through copies
			b.Grow((b.Len() - header) * len(rows) * 5 / 4)
		}
		for i, cell := range r.cells(decimal) {
			if i > 0 {
				b.WriteString(sep)
			}
			if openColumns[i].typ == "string" {
				cell = csvField(cell, sep)
			}
			b.WriteString(cell)
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

// licence and source are as the Data Package standard writes them.
type licence struct {
	Name string `json:"name"`
	Path string `json:"path,omitempty"`
}

type source struct {
	Title string `json:"title"`
	Path  string `json:"path,omitempty"`
}

// licences are the data's licence, from data/site.toml, or none.
func licences(d *data.Data) []licence {
	if d.Site.DataLicence == "" {
		return nil
	}
	return []licence{{Name: d.Site.DataLicence, Path: d.Site.DataLicenceURL}}
}

// inLang is the data in the words of the files' language.
func (o OpenDataOptions) inLang() *data.Data {
	if o.Lang.Code == lang.Danish.Code {
		return o.Danish
	}
	return o.English
}

// packageTitle is the data package's title: the site's, and what it holds.
func packageTitle(o OpenDataOptions) string {
	return say(o.Lang, "opendata.package_title", lang.Plain(o.inLang().Site.Title))
}

// sources are the editions, each with its address where there is one, and
// the studies the data cite.
func sources(o OpenDataOptions) []source {
	d := o.inLang()
	var out []source
	for _, e := range d.Editions {
		s := source{Title: editionName(e)}
		if o.Edition != nil {
			s.Path = o.Edition(e.Year)
		}
		out = append(out, s)
	}
	for _, st := range d.Studies {
		out = append(out, source{Title: lang.Plain(st.Source)})
	}
	return out
}

// openDoc is the JSON file: the rows for programs, with what they are.
type openDoc struct {
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Licenses    []licence `json:"licenses,omitempty"`
	Sources     []source  `json:"sources"`
	Figures     []openRow `json:"figures"`
}

// openJSON is the JSON file, as marshalJSON writes openDoc. The rows are
// indented one at a time into one buffer sized by the first: the whole
// file, marshalled at once, went through three growing copies of itself
// (0.9 MB at ten editions, in each language), whose fresh pages cost more
// than the encoding (TestOpenJSONIsMarshalJSON holds the two alike).
func openJSON(rows []openRow, o OpenDataOptions) []byte {
	head := marshalJSON(openDoc{
		Title: packageTitle(o), Description: say(o.Lang, "opendata.json_description"),
		Licenses: licences(o.Danish), Sources: sources(o), Figures: []openRow{},
	})
	if len(rows) == 0 {
		return head
	}
	// head ends `"figures": []` and the document's close; the rows go
	// between the brackets, each as deep as an element of figures is.
	const empty, end = "[]\n}\n", "\n  ]\n}\n"
	if !bytes.HasSuffix(head, []byte(empty)) {
		panic("figures: the open data's JSON does not end with its figures")
	}
	var b bytes.Buffer
	var row bytes.Buffer
	enc := json.NewEncoder(&row)
	enc.SetEscapeHTML(false)
	for i := range rows {
		row.Reset()
		if err := enc.Encode(&rows[i]); err != nil {
			panic(err) // as in marshalJSON
		}
		if i == 0 {
			b.Grow(len(head) + len(rows)*row.Len()*2)
			b.Write(head[:len(head)-len(empty)])
			b.WriteString("[\n    ")
		} else {
			b.WriteString(",\n    ")
		}
		if err := json.Indent(&b, bytes.TrimSuffix(row.Bytes(), []byte("\n")), "    ", "  "); err != nil {
			panic(err)
		}
	}
	b.WriteString(end)
	return b.Bytes()
}

// The data package's descriptor (Data Package v1, with Tabular Data
// Resource, Table Schema and CSV Dialect), in a fixed order of keys.
type (
	dataPackage struct {
		Profile     string     `json:"profile"`
		Name        string     `json:"name"`
		Title       string     `json:"title"`
		Description string     `json:"description"`
		Homepage    string     `json:"homepage,omitempty"`
		Licenses    []licence  `json:"licenses,omitempty"`
		Sources     []source   `json:"sources,omitempty"`
		Resources   []resource `json:"resources"`
	}
	resource struct {
		Profile     string      `json:"profile"`
		Name        string      `json:"name"`
		Path        string      `json:"path"`
		Title       string      `json:"title"`
		Description string      `json:"description"`
		Format      string      `json:"format"`
		Mediatype   string      `json:"mediatype"`
		Encoding    string      `json:"encoding"`
		Bytes       int         `json:"bytes"`
		Hash        string      `json:"hash"`
		Dialect     *csvDialect `json:"dialect,omitempty"`
		Schema      *schema     `json:"schema,omitempty"`
	}
	csvDialect struct {
		Delimiter      string `json:"delimiter"`
		LineTerminator string `json:"lineTerminator"`
		QuoteChar      string `json:"quoteChar"`
		DoubleQuote    bool   `json:"doubleQuote"`
		Header         bool   `json:"header"`
	}
	schema struct {
		Fields        []schemaField `json:"fields"`
		PrimaryKey    []string      `json:"primaryKey"`
		MissingValues []string      `json:"missingValues"`
	}
	schemaField struct {
		Name        string       `json:"name"`
		Type        string       `json:"type"`
		Description string       `json:"description"`
		DecimalChar string       `json:"decimalChar,omitempty"`
		Constraints *constraints `json:"constraints,omitempty"`
	}
	constraints struct {
		Required bool `json:"required"`
	}
)

// openPackage describes the CSV, with its schema, and the JSON.
func openPackage(o OpenDataOptions, columns []Column, csv, js []byte) []byte {
	l := o.Lang
	sep, decimal := csvConvention(l)
	name := openDataName
	if l.Code != lang.Danish.Code {
		name += "-" + l.Code
	}
	sch := &schema{PrimaryKey: []string{"metric", "year"}, MissingValues: []string{""}}
	for _, c := range columns {
		f := schemaField{Name: c.Name, Type: c.Type, Description: lang.Plain(c.Description)}
		if c.Type == "number" && decimal != "." {
			f.DecimalChar = decimal
		}
		if c.Required {
			f.Constraints = &constraints{Required: true}
		}
		sch.Fields = append(sch.Fields, f)
	}
	pkg := dataPackage{
		Profile: "data-package", Name: name,
		Title: packageTitle(o), Description: say(l, "opendata.package_description"),
		Homepage: o.Home, Licenses: licences(o.Danish), Sources: sources(o),
		Resources: []resource{
			{
				Profile: "tabular-data-resource", Name: name, Path: OpenDataCSV,
				Title: say(l, "opendata.csv_title"), Description: say(l, "opendata.csv_description"),
				Format: "csv", Mediatype: "text/csv", Encoding: "utf-8", Bytes: len(csv), Hash: sha256Hash(csv),
				Dialect: &csvDialect{Delimiter: sep, LineTerminator: "\r\n", QuoteChar: `"`, DoubleQuote: true, Header: true},
				Schema:  sch,
			},
			{
				Profile: "data-resource", Name: name + "-json", Path: OpenDataJSON,
				Title: say(l, "opendata.json_title"), Description: say(l, "opendata.json_description"),
				Format: "json", Mediatype: "application/json", Encoding: "utf-8", Bytes: len(js), Hash: sha256Hash(js),
			},
		},
	}
	return marshalJSON(pkg)
}

// sha256Hash is a file's hash as the Data Package standard writes one that
// is not MD5.
func sha256Hash(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// marshalJSON writes v indented, as the figures' JSON downloads are, with
// "<", ">" and "&" as they are: the files are data, never HTML.
func marshalJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		// The types above always encode, and no figure is NaN; a failure
		// is a programming error.
		panic(err)
	}
	return b.Bytes()
}
