package pipeline

import (
	"regexp"
	"strings"
	"testing"

	"report/internal/sitetest"
)

// TestMissingInterfaceString removes one string from the English table:
// the build fails, names the file and the key, and shows the Danish
// string to translate.
func TestMissingInterfaceString(t *testing.T) {
	fsys := sitetest.FS(t, nil)
	en := fsys["i18n/en.toml"].Data
	without := regexp.MustCompile(`(?m)^skip_link = .*\n`).ReplaceAll(en, nil)
	if len(without) == len(en) {
		t.Fatal("i18n/en.toml has no skip_link to remove")
	}
	fsys["i18n/en.toml"].Data = without
	_, err := Run(fsys, Options{})
	if err == nil || !strings.Contains(err.Error(), `i18n/en.toml: error: "skip_link" is missing; da.toml has it: "Gå til indholdet"`) {
		t.Errorf("the build without an English string: %v", err)
	}
}
