package figures

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
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
