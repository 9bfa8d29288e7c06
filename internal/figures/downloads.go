package figures

// A chart's figures as downloads: CSV for spreadsheets, JSON for programs.

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"report/internal/lang"
)

// CSV is the figure's data for spreadsheets, UTF-8 with a byte order mark,
// written as a spreadsheet in the figure's language reads it: in Danish
// with semicolons and decimal commas, so Danish Excel opens it as numbers
// ("2015;257,6"); in a language with a decimal point, with commas
// ("2015,257.6"). The figures are never grouped in thousands.
func (f *Figure) CSV() []byte {
	sep, decimal := csvConvention(f.language())
	var b bytes.Buffer
	b.WriteString(csvBOM)
	b.WriteString(csvField(f.Title, sep))
	for _, s := range f.Series {
		b.WriteString(sep + csvField(s.Name, sep))
	}
	b.WriteString("\r\n")
	for i, c := range f.Categories {
		b.WriteString(csvField(c, sep))
		for _, s := range f.Series {
			b.WriteString(sep)
			if v := s.Values[i]; !math.IsNaN(v) {
				b.WriteString(csvNumber(v, decimal))
			}
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

// csvBOM starts every CSV file: the byte order mark, by which Excel knows
// the file for UTF-8 (without it, Danish Excel reads "æ" as "Ã¦"). Readers
// of CSV for programs skip it, as Frictionless does (see opendata.go).
const csvBOM = "\uFEFF"

// csvNumber writes a figure for a CSV file: all its digits, never grouped
// in thousands, with the decimal mark of the file's convention.
func csvNumber(v float64, decimal string) string {
	return strings.ReplaceAll(strconv.FormatFloat(v, 'f', -1, 64), ".", decimal)
}

// csvConvention is the field separator and the decimal mark of a CSV file
// in l: a language whose decimal mark is the comma separates fields with
// semicolons.
func csvConvention(l *lang.Lang) (sep, decimal string) {
	if l.Decimal == ',' {
		return ";", ","
	}
	return ",", string(l.Decimal)
}

// csvField quotes a text cell where it must be, and defuses one that a
// spreadsheet would run as a formula: a label starting with =, +, -, @, a
// tab or a carriage return gets a leading apostrophe, as OWASP advises for
// CSV injection. Only text cells pass here; the figures are numbers.
func csvField(s, sep string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if strings.ContainsAny(s, sep+"\"\r\n\t") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// FigureJSON is the shape of a figure's JSON download.
type FigureJSON struct {
	Title      string       `json:"title"`
	Unit       string       `json:"unit"`
	Source     string       `json:"source"`
	Categories []string     `json:"categories"`
	Series     []seriesJSON `json:"series"`
}

// seriesJSON is one series; null marks a figure the source does not give.
type seriesJSON struct {
	Name   string     `json:"name"`
	Values []*float64 `json:"values"`
}

// JSON is the figure's data for programs.
func (f *Figure) JSON() []byte {
	out := FigureJSON{Title: f.Title, Unit: f.Unit, Source: lang.Plain(f.Source), Categories: f.Categories}
	for _, s := range f.Series {
		js := seriesJSON{Name: s.Name}
		for i := range s.Values {
			if math.IsNaN(s.Values[i]) {
				js.Values = append(js.Values, nil)
			} else {
				js.Values = append(js.Values, &s.Values[i])
			}
		}
		out.Series = append(out.Series, js)
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	return append(b, '\n')
}
