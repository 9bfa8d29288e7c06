package figures

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"report/internal/lang"
)

// TestCSVDefusesFormulas keeps a label from running as a spreadsheet
// formula, while the figures stay numbers and the JSON keeps every label
// exactly as written.
func TestCSVDefusesFormulas(t *testing.T) {
	labels := []string{`=HYPERLINK("http://x","y")`, "+1", "-2", "@SUM(A1)", "\tTab", "\rCR", "Staten"}
	f := &Figure{Title: "=cmd|' /C calc'!A0", Categories: labels, Series: []figureSeries{{Name: "-Serie", Values: []float64{1, -2.5, 3, 4, 5, 6, math.NaN()}}}}
	csv := string(f.CSV())
	rows := strings.Split(strings.TrimSuffix(strings.TrimPrefix(csv, "\uFEFF"), "\r\n"), "\r\n")
	for _, want := range []string{
		`'=cmd|' /C calc'!A0;'-Serie`,
		`"'=HYPERLINK(""http://x"",""y"")";1`,
		`'+1;-2,5`,
		`'-2;3`,
		`'@SUM(A1);4`,
		"\"'\tTab\";5",
		"Staten;",
	} {
		found := false
		for _, r := range rows {
			found = found || r == want
		}
		if !found && !strings.Contains(csv, want) {
			t.Errorf("the CSV lacks the row %q:\n%s", want, csv)
		}
	}
	var back FigureJSON
	if err := json.Unmarshal(f.JSON(), &back); err != nil {
		t.Fatal(err)
	}
	if strings.Join(back.Categories, "|") != strings.Join(labels, "|") || back.Title != f.Title || back.Series[0].Name != "-Serie" {
		t.Errorf("the JSON changed the labels: %q", back.Categories)
	}
}

// TestCSVInEnglish writes the CSV of an English page as English
// spreadsheets read it: commas between fields, a decimal point, no
// thousands separator, and a text with a comma in quotes; a semicolon is
// text there.
func TestCSVInEnglish(t *testing.T) {
	f := &Figure{Title: "Turnover; by source", lang: lang.English,
		Categories: []string{"Regions, municipalities", "EU", "-1"},
		Series: []figureSeries{{Name: "2015", Values: []float64{11708.25, math.NaN(), 257.6}},
			{Name: "Funded", Values: []float64{1, 2, 3}}}}
	want := "\uFEFFTurnover; by source,2015,Funded\r\n\"Regions, municipalities\",11708.25,1\r\nEU,,2\r\n'-1,257.6,3\r\n"
	if got := string(f.CSV()); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
