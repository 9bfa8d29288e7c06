package pdfobj

import (
	"reflect"
	"strings"
	"testing"
)

// tokens lexes s whole.
func tokens(t *testing.T, s string) []token {
	t.Helper()
	l := lexer{data: []byte(s)}
	var out []token
	for {
		tok, err := l.next()
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if tok.kind == tEOF {
			return out
		}
		out = append(out, tok)
	}
}

func TestLexer(t *testing.T) {
	in := "<</Type /Page%comment\n/Kids [1 0 R]>> -.5 +3 4. {add} (a\\(b\\)c) <4142 3> /A#20B BDC"
	want := []token{
		{tDictOpen, "", 0, 2}, {tName, "Type", 2, 7}, {tName, "Page", 8, 13},
		{tName, "Kids", 22, 27}, {tArrayOpen, "", 28, 29}, {tNumber, "1", 29, 30}, {tNumber, "0", 31, 32},
		{tKeyword, "R", 33, 34}, {tArrayClose, "", 34, 35}, {tDictClose, "", 35, 37},
		{tNumber, "-.5", 38, 41}, {tNumber, "+3", 42, 44}, {tNumber, "4.", 45, 47},
		{tProcOpen, "", 48, 49}, {tKeyword, "add", 49, 52}, {tProcClose, "", 52, 53},
		{tString, "a(b)c", 54, 63}, {tString, "AB0", 64, 72}, {tName, "A B", 73, 79}, {tKeyword, "BDC", 80, 83},
	}
	if got := tokens(t, in); !reflect.DeepEqual(got, want) {
		t.Errorf("tokens:\n%v\nwant\n%v", got, want)
	}
}

// TestNumbers: a number is what PDF writes; the forms Go's parsers take
// besides are keywords, which a value refuses and a content stream reads
// as an operator.
func TestNumbers(t *testing.T) {
	for w, want := range map[string]bool{
		"0": true, "-12": true, "+4": true, "3.": true, ".5": true, "-.002": true,
		"": false, "-": false, ".": false, "1.2.3": false, "1e5": false, "Inf": false, "NaN": false, "0x10": false, "1_000": false, "--1": false,
	} {
		if got := isNumber(w); got != want {
			t.Errorf("isNumber(%q) = %v", w, got)
		}
	}
}

func TestStrings(t *testing.T) {
	for in, want := range map[string]string{
		`(plain)`:            "plain",
		`(a (nested) one)`:   "a (nested) one",
		`(\n\r\t\b\f\\\))`:   "\n\r\t\b\f\\)",
		`(\101\1011\0)`:      "AA1\x00",
		`(\q)`:               "q",
		"(a\\\nb)":           "ab",
		"(a\\\r\nb)":         "ab",
		"(a\r\nb\rc)":        "a\nb\nc",
		"<feff 00 4>":        "\xfe\xff\x00\x40",
		"<>":                 "",
		`(\777)`:             "\xff",
		`(\()`:               "(",
		"<\n41\t42 >":        "AB",
		`(unbalanced \( ok)`: "unbalanced ( ok",
	} {
		got := tokens(t, in)
		if len(got) != 1 || got[0].kind != tString || got[0].text != want {
			t.Errorf("%q: %v, want the string %q", in, got, want)
		}
	}
}

func TestLexerRefuses(t *testing.T) {
	for in, want := range map[string]string{
		"(open":    "an unclosed string",
		"(open\\":  "an unclosed string",
		"<41":      "an unclosed hex string",
		"<4g>":     "a hex string holds 'g'",
		"/A#4":     "ends in a # escape cut short",
		"/A#x1":    "not followed by two hex digits",
		")":        "unexpected ')'",
		"> ":       "unexpected '>'",
		"ok ok )x": "offset 6: unexpected ')'",
	} {
		l := lexer{data: []byte(in)}
		var err error
		for err == nil {
			var tok token
			if tok, err = l.next(); tok.kind == tEOF && err == nil {
				break
			}
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want an error saying %q", in, err, want)
		}
	}
}

func TestValues(t *testing.T) {
	in := "<</A [1 -2 3.5 (s) /N true false null 4 0 R <</B 5 6 R>>] /C 7>>"
	v, err := newParser([]byte(in), 0).value()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"A": []any{1, -2, 3.5, "s", name("N"), true, false, nil, ref{4, 0}, map[string]any{"B": ref{5, 6}}},
		"C": 7,
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("value:\n%#v\nwant\n%#v", v, want)
	}
	// A number is a reference only with a generation and an R after it.
	for in, want := range map[string]any{"7 0": 7, "-1 0 R": -1, "1 -0 R": 1, "1 0 obj": 1, "2 0": 2} {
		v, err := newParser([]byte(in), 0).value()
		if err != nil || v != want {
			t.Errorf("%q: %v, %v, want %v", in, v, err, want)
		}
	}
}
