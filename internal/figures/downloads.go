package figures

// A chart's figures as downloads: CSV for spreadsheets, JSON for programs.

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// CSV is the figure's data for spreadsheets: UTF-8 with a byte order mark,
// semicolons and decimal commas, so Danish Excel opens it as numbers.
func (f *Figure) CSV() []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	b.WriteString(csvField(f.Title))
	for _, s := range f.Series {
		b.WriteString(";" + csvField(s.Name))
	}
	b.WriteString("\r\n")
	for i, c := range f.Categories {
		b.WriteString(csvField(c))
		for _, s := range f.Series {
			b.WriteString(";")
			if v := s.Values[i]; !math.IsNaN(v) {
				b.WriteString(strings.ReplaceAll(strconv.FormatFloat(v, 'f', -1, 64), ".", ","))
			}
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

// csvField quotes a text cell where it must be, and defuses one that a
// spreadsheet would run as a formula: a label starting with =, +, -, @, a
// tab or a carriage return gets a leading apostrophe, as OWASP advises for
// CSV injection. Only text cells pass here; the figures are numbers.
func csvField(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if strings.ContainsAny(s, ";\"\r\n\t") {
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
	out := FigureJSON{Title: f.Title, Unit: f.Unit, Source: f.Source, Categories: f.Categories}
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
