package lang

import (
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/diag"
)

func tables(da, en string) fstest.MapFS {
	return fstest.MapFS{
		"i18n/da.toml": {Data: []byte("lang_code = \"da\"\nog_locale = \"da_DK\"\n" + da)},
		"i18n/en.toml": {Data: []byte("lang_code = \"en\"\nog_locale = \"en_GB\"\n" + en)},
	}
}

func loaded(t *testing.T, da, en string) ([]*Lang, string) {
	t.Helper()
	var problems diag.List
	langs := Load(tables(da, en), &problems)
	var msgs []string
	for _, p := range problems.Problems() {
		msgs = append(msgs, p.Error())
	}
	return langs, strings.Join(msgs, "\n")
}

// TestLonePercent writes a % that begins no directive as it reads, with
// values and without: "100 %", never fmt's "%!(NOVERB)".
func TestLonePercent(t *testing.T) {
	langs, msgs := loaded(t, "a = \"100 %\"\nb = \"%s %% af %d\"\nc = \"%d %\"\n", "a = \"100%\"\nb = \"%s%% of %d\"\nc = \"%d%\"\n")
	if msgs != "" {
		t.Fatal(msgs)
	}
	da := langs[0]
	for _, tt := range []struct{ got, want string }{
		{da.T("a"), "100 %"},
		{da.Tf("b", "60", 2015), "60 % af 2015"},
		{da.Tf("c", 7), "7 %"},
		{langs[1].Tf("c", 7), "7%"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestFormatsAgree refuses, when the tables load, a string that takes
// other values than the same key in Danish: more or fewer, or a number
// where the other takes a text; explicit indexes may reorder and skip.
func TestFormatsAgree(t *testing.T) {
	for _, tt := range []struct{ da, en, want string }{
		{`k = "%s i %d"`, `k = "%s in %d"`, ""},
		{`k = "%s i %d"`, `k = "in %[2]d, %[1]s"`, ""},
		{`k = "fra %s i %d til %s i %d"`, `k = "at %[1]s from %[2]d to %[4]d"`, ""},
		{`k = "%s i %d"`, `k = "%s in %d and %s"`, `"k" takes 3 values here, and 2 in da.toml`},
		{`k = "%s i %d"`, `k = "%s"`, `"k" takes 1 value here, and 2 in da.toml`},
		{`k = "%s i %d"`, `k = "%s in %s"`, `"k" takes a text (%s) as value 2 here, and a whole number (%d) in da.toml`},
		{`k = "Alle udgaver"`, `k = "All %d editions"`, `"k" takes 1 value here, and 0 in da.toml`},
	} {
		_, msgs := loaded(t, tt.da+"\n", tt.en+"\n")
		switch {
		case tt.want == "" && msgs != "":
			t.Errorf("%s / %s: %s", tt.da, tt.en, msgs)
		case tt.want != "" && !strings.Contains(msgs, "i18n/en.toml:3:1: error: "+tt.want):
			t.Errorf("%s / %s: got %q, want %q", tt.da, tt.en, msgs, tt.want)
		}
	}
}

// TestTableProblemsOnce: a refused string is one error, not one more for
// every key the file then seems to lack, nor a false "file is missing";
// control characters and a table that names another language are refused.
func TestTableProblemsOnce(t *testing.T) {
	_, msgs := loaded(t, "a = 5\nb = \"B\"\n", "a = \"A\"\nb = \"B\"\n")
	if msgs != `i18n/da.toml:3:1: error: "a" is not a string; an interface string is written in quotes` {
		t.Errorf("one bad value:\n%s", msgs)
	}
	_, msgs = loaded(t, "a = \"A\\u0007\"\n", "a = \"A\"\n")
	if !strings.Contains(msgs, `\u0007 writes a control character`) || strings.Count(msgs, "error") != 1 {
		t.Errorf("a control character:\n%s", msgs)
	}
	_, msgs = loaded(t, "a = \"A\\tB\"\n", "a = \"A\"\n")
	if !strings.Contains(msgs, `"a" holds a control character (U+0009)`) || strings.Count(msgs, "error") != 1 {
		t.Errorf("a tab:\n%s", msgs)
	}
	var problems diag.List
	fsys := tables("", "")
	fsys["i18n/da.toml"].Data = []byte("lang_code = \"en\"\nog_locale = \"en_GB\"\n")
	langs := Load(fsys, &problems)
	if got := problems.Err(); got == nil || !strings.Contains(got.Error(), `lang_code is "en", but this is the file of Dansk; write lang_code = "da"`) {
		t.Errorf("Danish said to be English: %v", got)
	}
	if langs[0].T("lang_code") != "da" {
		t.Error("the refused lang_code is still used")
	}
}
