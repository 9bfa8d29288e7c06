package data

import (
	"os"
	"strings"
	"testing"

	"report/internal/diag"
	"report/internal/lang"
)

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
