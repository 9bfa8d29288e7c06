package tomlfile

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"report/internal/diag"
)

type quote struct {
	Text   string `toml:"text"`
	Person string `toml:"person"`
}

type page struct {
	Title  string   `toml:"title"`
	Weight int      `toml:"weight"`
	Years  []int    `toml:"years"`
	Quote  quote    `toml:"quote"`
	Items  []quote  `toml:"item"`
	Tags   []string `toml:"tags"`
}

func decode(t *testing.T, firstLine int, src string) (*Doc, []string) {
	t.Helper()
	var p page
	var problems diag.List
	doc, _ := Decode("f.md", firstLine, []byte(src), &p, &problems)
	var msgs []string
	for _, p := range problems.Problems() {
		msgs = append(msgs, p.Error())
	}
	return doc, msgs
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, src string
		first     int
		want      string
	}{
		{"unknown key at its line", "title = \"A\"\ntitel = \"B\"\n", 2, `f.md:3:1: error: unknown key "titel"; check its spelling against docs/content-model.md`},
		{"unknown key in a table", "[quote]\ntext = \"x\"\n  persn = \"y\"\n", 1, `f.md:3:3: error: unknown key "quote.persn"; check its spelling against docs/content-model.md`},
		{"wrong type", "title = \"A\"\nweight = \"ti\"\n", 1, `f.md:2:1: error: "weight" must be a whole number, not text in quotes`},
		{"syntax error offset by first line", "title = \n", 5, `f.md:5:9: error: invalid TOML: expected value but found '\n' instead`},
		{"decimal comma hint", "weight = 5,4\n", 1, `(TOML numbers take a decimal point: write 257.6, not 257,6)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, msgs := decode(t, tt.first, tt.src)
			if len(msgs) != 1 || !strings.Contains(msgs[0], tt.want) {
				t.Errorf("got %q, want one problem containing %q", msgs, tt.want)
			}
		})
	}
}

func TestPos(t *testing.T) {
	src := "title = \"A\"\n\n[quote]\ntext = \"x\"\nperson = \"P\"\n\n[[item]]\ntext = \"1\"\n\n[[item]]\n  text = \"2\"\n"
	doc, msgs := decode(t, 10, src)
	if len(msgs) != 0 {
		t.Fatal(msgs)
	}
	tests := []struct {
		path      []string
		line, col int
	}{
		{[]string{"title"}, 10, 1},
		{[]string{"quote", "person"}, 14, 1},
		{[]string{"quote"}, 12, 1},
		{[]string{"item", "1", "text"}, 20, 3},
		{[]string{"item", "0", "text"}, 17, 1},
		{[]string{"item", "1"}, 19, 1},
		{[]string{"missing"}, 0, 0},
	}
	for _, tt := range tests {
		line, col := doc.Pos(tt.path...)
		if line != tt.line || col != tt.col {
			t.Errorf("Pos(%v) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.col)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"title = \"A\"\n", "[quote]\ntext = 1", "years = [1.0, 2,0]", "[[item]]\n[[item]]\ntext='x'", "a = {b = 1}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var p page
		var problems diag.List
		Decode("f.md", 1, []byte(src), &p, &problems)
		for _, prob := range problems.Problems() {
			if prob.Line < 0 || prob.Col < 0 {
				t.Fatalf("negative position in %v", prob)
			}
		}
	})
}

// quoted are strings Go's %q writes in a form TOML 1.0 refuses or reads
// otherwise: control characters (\x7f, \x00), and text that is not UTF-8.
var quoted = []string{"Grøn løsning", `C:\x7f`, `"citat" og \sti\`, "del\x7f", "nul\x00tegn", "tab\tlinje\nnæste", "ugyldig \xff byte", "🙂 emoji", ""}

// TestQuote: what Quote writes, TOML reads back as the same text, made
// UTF-8 where it was not; %q's form of the same strings is refused.
func TestQuote(t *testing.T) {
	refused := 0
	for _, s := range quoted {
		checkQuote(t, s)
		var v struct{ Title string }
		if _, err := toml.Decode("title = "+fmt.Sprintf("%q", s), &v); err != nil || v.Title != s {
			refused++
		}
	}
	if refused == 0 {
		t.Errorf("TOML reads every string as Go's %%q writes it; this test no longer shows why Quote is needed")
	}
}

func checkQuote(t *testing.T, s string) {
	t.Helper()
	// \x is TOML 1.1's escape; TOML 1.0 readers refuse it.
	if xEscape(Quote(s)) {
		t.Errorf("Quote(%q) = %s holds a \\x escape", s, Quote(s))
	}
	var v struct{ Title string }
	if _, err := toml.Decode("title = "+Quote(s), &v); err != nil {
		t.Fatalf("title = %s: %v", Quote(s), err)
	}
	if want := strings.ToValidUTF8(s, "\uFFFD"); v.Title != want {
		t.Errorf("title = %s reads as %q, want %q", Quote(s), v.Title, want)
	}
}

func FuzzQuote(f *testing.F) {
	for _, s := range quoted {
		f.Add(s)
	}
	f.Fuzz(checkQuote)
}

// xEscape reports whether a quoted TOML string holds the escape \x, read
// escape by escape: "\\x" is a backslash and an x.
func xEscape(q string) bool {
	for i := 0; i < len(q)-1; i++ {
		if q[i] == '\\' {
			if q[i+1] == 'x' {
				return true
			}
			i++
		}
	}
	return false
}

func TestXEscape(t *testing.T) {
	for q, want := range map[string]bool{`"\x7f"`: true, `"\\x"`: false, `"a\\\x00"`: true, `"x"`: false} {
		if xEscape(q) != want {
			t.Errorf("xEscape(%s) = %v", q, !want)
		}
	}
}

// TestControlEscapes refuses an escape that writes a control character,
// at its line and column, in a basic string of any kind, and leaves
// literal strings, comments, tabs, line ends and an escaped backslash be.
func TestControlEscapes(t *testing.T) {
	src := "a = \"Titel\\u007F\"\nb = 'x\\u0001'\n# \"\\u0002\"\nc = \"\"\"ok\\tfine\\n\"\"\"\nd = \"\\\\u0001\"\ne = \"led \\b og \\U00000085\"\n"
	var v map[string]any
	var problems diag.List
	_, ok := Decode("x.toml", 1, []byte(src), &v, &problems)
	if ok {
		t.Error("Decode says ok")
	}
	var got []string
	for _, p := range problems.Problems() {
		got = append(got, fmt.Sprintf("%d:%d", p.Line, p.Col))
	}
	if want := "1:11 6:10 6:16"; strings.Join(got, " ") != want {
		t.Errorf("problems at %v, want %s: %v", got, want, problems.Problems())
	}
}
