package assets

import (
	"strings"
	"testing"

	"report/internal/diag"
)

// rewriteSheet rewrites src as the style sheet static/css/a.css of a site
// whose files are published under the names of this map.
func rewriteSheet(t *testing.T, src string) (string, []*diag.Problem) {
	t.Helper()
	names := map[string]string{
		"css/b.css":       "css/b.22222222.css",
		"img/x.png":       "img/x.33333333.png",
		"img/x@2x.png":    "img/x@2x.44444444.png",
		"img/x.avif":      "img/x.55555555.avif",
		"fonts/a.ttf":     "fonts/a.11111111.ttf",
		"2016/kort.pdf":   "2016/kort.pdf",
		"img/uændret.png": "img/uændret.png",
	}
	resolve := func(p string) (string, bool) { n, ok := names[p]; return n, ok }
	problems := &diag.List{}
	out, ok := rewriteCSS("static/css/a.css", "css/a.css", []byte(src), resolve, problems)
	if ok != !problems.HasErrors() {
		t.Errorf("rewriteCSS says ok=%v with problems %v", ok, problems.Problems())
	}
	return string(out), problems.Problems()
}

// checkRewrite holds the rewritten sheet to want, and to no problems.
func checkRewrite(t *testing.T, src, want string) {
	t.Helper()
	got, problems := rewriteSheet(t, src)
	for _, p := range problems {
		t.Errorf("problem: %v", p)
	}
	if got != want {
		t.Errorf("rewritten\n%s\nwant\n%s", got, want)
	}
}

// A reference a designer commented out is no reference: the minifier drops
// the comment, and no reader's browser ever asks for its file.
func TestRewriteCSSLeavesComments(t *testing.T) {
	src := "/* the old logo: url(../img/gammel.png), @import \"gammel.css\"; */\n" +
		"a { background: url(../img/x.png); /* url('../img/gammel.png') */ }\n"
	want := "/* the old logo: url(../img/gammel.png), @import \"gammel.css\"; */\n" +
		"a { background: url(../img/x.33333333.png); /* url('../img/gammel.png') */ }\n"
	checkRewrite(t, src, want)
}

// Text a style sheet shows, in content: or an attribute selector, is no
// reference, even when it reads like one.
func TestRewriteCSSLeavesContentStrings(t *testing.T) {
	src := `a::after { content: "url(../img/ikke.png)"; }
b::before { content: '@import "ikke.css"'; }
a[href$=".pdf"]::after { content: " (PDF)"; background: url("../img/x.png"); }
`
	want := `a::after { content: "url(../img/ikke.png)"; }
b::before { content: '@import "ikke.css"'; }
a[href$=".pdf"]::after { content: " (PDF)"; background: url("../img/x.33333333.png"); }
`
	checkRewrite(t, src, want)
}

// image-set() names its images with url() or with bare strings; both are
// references. A string of a function inside it, type("image/avif"), is a
// MIME type.
func TestRewriteCSSImageSet(t *testing.T) {
	src := `a { background-image: image-set("../img/x.png" 1x, "../img/x@2x.png" 2x); }
b { background-image: -webkit-image-set(url(../img/x.png) 1x, '../img/x@2x.png' 2x); }
c { background-image: Image-Set("../img/x.avif" type("image/avif"), url("../img/x.png") type('image/png')); }
`
	want := `a { background-image: image-set("../img/x.33333333.png" 1x, "../img/x@2x.44444444.png" 2x); }
b { background-image: -webkit-image-set(url(../img/x.33333333.png) 1x, '../img/x@2x.44444444.png' 2x); }
c { background-image: Image-Set("../img/x.55555555.avif" type("image/avif"), url("../img/x.33333333.png") type('image/png')); }
`
	checkRewrite(t, src, want)

	_, problems := rewriteSheet(t, "a { background-image: image-set(\"../img/x.png\" 1x, \"../img/mangler.png\" 2x); }\n")
	if len(problems) != 1 || problems[0].Line != 1 || problems[0].Col != 53 || !strings.Contains(problems[0].Msg, `"../img/mangler.png"`) {
		t.Errorf("a missing image of image-set gives %v, want one problem at 1:53 naming it", problems)
	}
}

// @import takes a string or a url(), with comments and any case allowed
// where a browser allows them.
func TestRewriteCSSImport(t *testing.T) {
	for name, c := range map[string][2]string{
		"string":          {`@import "b.css";`, `@import "b.22222222.css";`},
		"single quotes":   {`@import 'b.css' print;`, `@import 'b.22222222.css' print;`},
		"url":             {`@import url(b.css) screen;`, `@import url(b.22222222.css) screen;`},
		"quoted url":      {`@import url( "b.css" );`, `@import url( "b.22222222.css" );`},
		"comment":         {`@import/* x */"b.css";`, `@import/* x */"b.22222222.css";`},
		"upper case":      {`@IMPORT "b.css";`, `@IMPORT "b.22222222.css";`},
		"layer after":     {`@import "b.css" layer(base) supports(display: grid);`, `@import "b.22222222.css" layer(base) supports(display: grid);`},
		"not the second":  {`@import "b.css" "b.css";`, `@import "b.22222222.css" "b.css";`},
		"other at-rule":   {`@charset "utf-8";`, `@charset "utf-8";`},
		"from the root":   {`@import "/css/b.css";`, `@import "/css/b.22222222.css";`},
		"query, fragment": {`@import "b.css?v=1#x";`, `@import "b.22222222.css?v=1#x";`},
	} {
		t.Run(name, func(t *testing.T) { checkRewrite(t, c[0], c[1]) })
	}
}

// A url() whose name a hex escape spells is url() to a browser, which the
// lexer reads as a function with a string rather than as a URL token.
func TestRewriteCSSEscapedURLFunction(t *testing.T) {
	checkRewrite(t,
		`a { background: \75 rl("../img/x.png"); b: \75 rl( '../img/x.png' "../img/x.png"); }`,
		`a { background: \75 rl("../img/x.33333333.png"); b: \75 rl( '../img/x.33333333.png' "../img/x.png"); }`)
}

// A reference that leads to no file names its line and its column, in
// characters, so an editor finds it; those that lead off the site are left
// as they are.
func TestRewriteCSSPositions(t *testing.T) {
	src := "a {}\n" +
		"b::before { content: \"”\"; background: url( \"../img/mangler.png\" ); }\n" +
		"c { background: url(data:image/png;base64,AAAA) url(https://example.org/y.png) url(#m) url(//cdn.example/z.png) url(../../etc/passwd); }\n" +
		"d { background: url(../img/uændret.png) url(../2016/kort.pdf) }\n"
	out, problems := rewriteSheet(t, src)
	if out != src {
		t.Errorf("a sheet with nothing to rewrite became\n%s", out)
	}
	type at struct {
		line, col int
		ref       string
	}
	want := []at{{2, 45, "../img/mangler.png"}, {3, 117, "../../etc/passwd"}}
	var got []at
	for _, p := range problems {
		if p.Path != "static/css/a.css" || p.Severity != diag.Error {
			t.Errorf("problem %v is not an error of static/css/a.css", p)
		}
		ref, _, _ := strings.Cut(strings.TrimPrefix(p.Msg, `"`), `"`)
		got = append(got, at{p.Line, p.Col, ref})
	}
	if len(got) != len(want) {
		t.Fatalf("problems %v, want at %v", problems, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d at %v, want %v", i, got[i], want[i])
		}
	}
}

// The lexer's tokens cover the sheet, however broken, so the ranges it
// finds lie inside it and in order; this reads sheets cut off anywhere.
func TestCSSRefsOfBrokenSheets(t *testing.T) {
	whole := `@import url("b.css") print; a { background: image-set("../img/x.png" 1x, url('../img/x@2x.png') 2x); content: "\"url(x)\"" } /* url(y) */ b { c: \75 rl("z") }`
	for n := range len(whole) + 1 {
		src := []byte(whole[:n])
		last := 0
		for _, r := range cssRefs(src) {
			if r[0] < last || r[1] < r[0] || r[1] > len(src) {
				t.Fatalf("%q: reference ranges %v", src, cssRefs(src))
			}
			last = r[1]
		}
	}
}
