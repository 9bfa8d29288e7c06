package figures

import (
	"bytes"
	"os"
	"testing"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/lang"
	"report/internal/sitetest"
)

// TestOpenJSONIsMarshalJSON: openJSON, which indents the rows one at a
// time, writes the very bytes of the whole document marshalled at once,
// for the shipped data and for rows of every kind of text JSON escapes.
func TestOpenJSONIsMarshalJSON(t *testing.T) {
	fsys := os.DirFS(sitetest.Root)
	var problems diag.List
	d := data.Load(fsys, &problems)
	langs := lang.Load(fsys, &problems)
	if problems.HasErrors() || len(langs) < 2 {
		t.Fatal(problems.Err())
	}
	o := OpenDataOptions{Danish: d.In(langs[0], &problems), English: d.In(langs[1], &problems), Lang: langs[0]}
	shipped := openRows(o.Danish, o.English)
	odd := "<b> & \"quoted\" \\ \t\n\r \x01 \u2028 \u2029 æøå \xff"
	unit := "%"
	tricky := []openRow{
		{Metric: odd, LabelDa: odd, LabelEn: "", UnitDa: &odd, Year: 2016, Value: 1e21, Computed: true, ComputedFrom: &odd},
		{Metric: "m", Year: 2015, Value: -0.000001, UnitEn: &unit, NoteDa: &odd},
		{Metric: "n", Year: 2014, Value: 1234.5},
	}
	for _, c := range []struct {
		name string
		rows []openRow
	}{{"shipped", shipped}, {"tricky", tricky}, {"one row", tricky[:1]}, {"none", nil}} {
		for _, l := range langs {
			o.Lang = l
			got := openJSON(c.rows, o)
			figures := c.rows
			if figures == nil {
				figures = []openRow{}
			}
			want := marshalJSON(openDoc{
				Title: packageTitle(o), Description: say(o.Lang, "opendata.json_description"),
				Licenses: licences(o.Danish), Sources: sources(o), Figures: figures,
			})
			if !bytes.Equal(got, want) {
				i := 0
				for i < min(len(got), len(want)) && got[i] == want[i] {
					i++
				}
				t.Errorf("%s, %s: openJSON differs from marshalJSON at byte %d of %d:\ngot  %q\nwant %q",
					c.name, l.Code, i, len(want), got[max(0, i-40):min(len(got), i+40)], want[max(0, i-40):min(len(want), i+40)])
			}
		}
	}
	if len(shipped) < 100 {
		t.Errorf("the shipped data make %d rows; the comparison needs them all", len(shipped))
	}
}
