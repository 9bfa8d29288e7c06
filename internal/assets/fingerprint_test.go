package assets

import (
	"strings"
	"testing"

	"report/internal/diag"
)

func TestHashedName(t *testing.T) {
	sum := []byte{0x3f, 0x2a, 0x9c, 0x1d, 0xff}
	for in, want := range map[string]string{
		"css/report.css":     "css/report.3f2a9c1d.css",
		"js/search.min.js":   "js/search.min.3f2a9c1d.js",
		"icons/icon.svg":     "icons/icon.3f2a9c1d.svg",
		"deling/2016.png":    "deling/2016.3f2a9c1d.png",
		"fonts/Roboto-M.ttf": "fonts/Roboto-M.3f2a9c1d.ttf",
	} {
		if got := HashedName(in, sum); got != want {
			t.Errorf("HashedName(%q) = %q, want %q", in, got, want)
		}
	}
	for p, keep := range map[string]bool{
		"css/report.css": false, "favicon.ico": true, "icons/favicon.ico": false,
		"pagefind/pagefind.js": true, "fonts/LICENSE-Roboto.txt": true, "noter.ukendt": true,
	} {
		if KeepsName(p) != keep {
			t.Errorf("KeepsName(%q) = %v", p, !keep)
		}
	}
}

func TestRelative(t *testing.T) {
	for _, c := range [][3]string{
		{"css", "fonts/a.ttf", "../fonts/a.ttf"},
		{"css", "css/b.css", "b.css"},
		{".", "fonts/a.ttf", "fonts/a.ttf"},
		{"css/print", "css/a.css", "../a.css"},
		{"a/b", "c/d/e.png", "../../c/d/e.png"},
	} {
		if got := relative(c[0], c[1]); got != c[2] {
			t.Errorf("relative(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

// TestRewriteCSS rewrites every kind of reference a style sheet may hold,
// leaves alone what leads off the site, and names the line of one that
// leads nowhere.
func TestRewriteCSS(t *testing.T) {
	names := map[string]string{"fonts/a.ttf": "fonts/a.11111111.ttf", "css/b.css": "css/b.22222222.css", "img/x.png": "img/x.33333333.png", "2016/kort.pdf": "2016/kort.pdf"}
	resolve := func(p string) (string, bool) { n, ok := names[p]; return n, ok }
	src := `@import "b.css";
@import 'b.css' print;
@font-face { src: url("../fonts/a.ttf?v=2#iefix") format("truetype"), url(../fonts/a.ttf); }
a { background: url( '/img/x.png' ); }
b { background: url(data:image/png;base64,AAAA) url("https://example.org/y.png") url(#m) url(//cdn.example/z.png); }
c { background: url(../2016/kort.pdf); }
`
	want := `@import "b.22222222.css";
@import 'b.22222222.css' print;
@font-face { src: url("../fonts/a.11111111.ttf?v=2#iefix") format("truetype"), url(../fonts/a.11111111.ttf); }
a { background: url( '/img/x.33333333.png' ); }
b { background: url(data:image/png;base64,AAAA) url("https://example.org/y.png") url(#m) url(//cdn.example/z.png); }
c { background: url(../2016/kort.pdf); }
`
	problems := &diag.List{}
	got, ok := rewriteCSS("static/css/a.css", "css/a.css", []byte(src), resolve, problems)
	if !ok || problems.Err() != nil {
		t.Fatalf("rewriteCSS failed: %v", problems.Err())
	}
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	bad := "a {}\nb { background: url(../img/mangler.png); }\nc { background: url(../../../etc/passwd); }\n"
	_, ok = rewriteCSS("static/css/a.css", "css/a.css", []byte(bad), resolve, problems)
	msgs := problems.Err()
	if ok || msgs == nil {
		t.Fatal("references that lead nowhere pass")
	}
	for _, want := range []string{`static/css/a.css:2:21: error: "../img/mangler.png" leads to no file`, `static/css/a.css:3:21: error: "../../../etc/passwd" leads to no file`} {
		if !strings.Contains(msgs.Error(), want) {
			t.Errorf("missing %q in\n%v", want, msgs)
		}
	}
}
