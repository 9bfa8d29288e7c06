package data

import (
	"os"
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/lang"
	"report/internal/sitetest"
)

// TestEnglishView gives the shipped data's words in English and writes its
// figures the English way, sharing the figures themselves; the Danish data
// is left as it was, and every item of the shipped data has its English
// form. The figures named are the 2016 edition's.
func TestEnglishView(t *testing.T) {
	var problems, english diag.List
	d := Load(sitetest.ShippedFS(), &problems)
	en := d.In(lang.English, &english)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	for _, p := range english.Problems() {
		t.Errorf("the shipped data lacks an English form: %v", p)
	}
	if da := d.In(lang.Danish, &problems); da.Metric("omsaetning") != d.Metric("omsaetning") || da.Lang() != lang.Danish {
		t.Error("the Danish data is not the data as it is")
	}
	for _, tt := range []struct{ got, want string }{
		{en.FormatAs("omsaetning", 2015, 257.6), "257.6"},
		{d.FormatAs("omsaetning", 2015, 257.6), "257,6"},
		{en.FormatAs("virksomheder-deltagende", 2015, 11708), "11,708"},
		{en.Metric("omsaetning").Unit, "DKK million"},
		{d.Metric("omsaetning").Unit, "mio. kr."},
		{en.Field("energi").Name, "Energy"},
		{en.Edition(2016).Subtitle, "Performance Accounts 2016"},
		{d.Edition(2016).Subtitle, "Performanceregnskab 2016"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if v, ok := en.Value("omsaetning", 2015); !ok || v != 257.6 {
		t.Errorf("the English view's figure is %v, %v", v, ok)
	}
	if s := en.Metric("analyse-ny-viden").Study; s == nil || !strings.Contains(s.Source, "Danish Agency") {
		t.Errorf("a study figure's source is not English: %+v", s)
	}
	if got, _ := en.ChangeText("analyse-ny-viden", 2014, 2014); got != "" && !strings.Contains(got, "percentage points") {
		t.Errorf("a share's change reads %q", got)
	}
}

// TestEnglishMissing warns, at the file, for an item without its English
// form, and keeps the Danish.
func TestEnglishMissing(t *testing.T) {
	var problems diag.List
	d := Load(os.DirFS("../../testdata/sites/base"), &problems)
	en := d.In(lang.English, &problems)
	if problems.Err() != nil {
		t.Fatal(problems.Err())
	}
	warnings := problems.Problems()
	if len(warnings) == 0 || !strings.Contains(warnings[0].Error(), "has no English form; the English version shows the Danish") {
		t.Errorf("warnings: %v", warnings)
	}
	if en.Metrics[0].Label != d.Metrics[0].Label && d.Metrics[0].En.Label == "" {
		t.Errorf("a metric without an English label shows %q", en.Metrics[0].Label)
	}
}
