package figures

import (
	"maps"
	"os"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"

	"report/internal/diag"
	"report/internal/lang"
)

// TestDanishWords keeps the words of data without a table the same as the
// [table] and [figures] sections of i18n/da.toml, and every key of those
// sections one the figures use, in English too.
func TestDanishWords(t *testing.T) {
	var problems diag.List
	langs := lang.Load(os.DirFS("../.."), &problems)
	if len(langs) < 2 {
		t.Fatalf("i18n/: %v", problems.Err())
	}
	da, en := langs[0], langs[1]
	var table map[string]any
	if _, err := toml.DecodeFile("../../i18n/da.toml", &table); err != nil {
		t.Fatal(err)
	}
	var inTable []string
	for _, section := range []string{"table", "figures"} {
		keys, _ := table[section].(map[string]any)
		for key := range keys {
			inTable = append(inTable, section+"."+key)
		}
	}
	slices.Sort(inTable)
	if inGo := slices.Sorted(slices.Values(wordKeys)); !slices.Equal(inGo, inTable) {
		t.Errorf("the figures use the keys\n%q\ni18n/da.toml's [table] and [figures] have\n%q", inGo, inTable)
	}
	if got := slices.Sorted(maps.Keys(danishWords)); !slices.Equal(got, slices.Sorted(slices.Values(wordKeys))) {
		t.Errorf("danishWords has the keys %q", got)
	}
	for _, key := range wordKeys {
		if da.T(key) != danishWords[key] {
			t.Errorf("%s: i18n/da.toml says %q, data without a table %q", key, da.T(key), danishWords[key])
		}
		if !en.Has(key) {
			t.Errorf("i18n/en.toml lacks %s", key)
		}
	}
}
