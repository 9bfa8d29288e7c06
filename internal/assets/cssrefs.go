package assets

// The references of a style sheet of static/, rewritten to the names the
// files they lead to are published under: a style sheet's own hashed name
// is taken after this, so a changed font renames the sheet that loads it.
// A reference that leads to no file of the site fails the build here, with
// its line and column, rather than as a broken font in a reader's browser.

import (
	"bytes"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tdewolff/minify/v2"
	mincss "github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"

	"report/internal/diag"
)

// rewriteCSS replaces every reference of the style sheet at the site path
// p to a file of the site with the name resolve gives it. A reference to
// another host, a data: URL, or a fragment alone is left as it is; one that
// leads to no file of the site is an error, with its line and column.
func rewriteCSS(source, p string, src []byte, resolve func(string) (string, bool), problems *diag.List) ([]byte, bool) {
	ok := true
	var out []byte
	last := 0
	for _, ref := range cssRefs(src) {
		start, end := ref[0], ref[1]
		text := string(src[start:end])
		if external(text) {
			continue
		}
		target, rest := text, ""
		if i := strings.IndexAny(target, "?#"); i >= 0 {
			target, rest = target[:i], target[i:]
		}
		abs := strings.HasPrefix(target, "/")
		if abs {
			target = path.Clean(strings.TrimPrefix(target, "/"))
		} else {
			target = path.Join(path.Dir(p), target)
		}
		name, found := "", false
		if target != ".." && !strings.HasPrefix(target, "../") {
			name, found = resolve(target)
		}
		if !found {
			line, col := position(src, start)
			problems.Errorf(source, line, col, "%q leads to no file of the site (%s); name a file of static/ relative to this style sheet", text, target)
			ok = false
			continue
		}
		var with string
		if abs {
			with = "/" + name
		} else {
			with = relative(path.Dir(p), name)
		}
		out = append(out, src[last:start]...)
		out = append(out, with+rest...)
		last = end
	}
	return append(out, src[last:]...), ok
}

// cssRefs finds the references of a style sheet, as the byte ranges of the
// text between the quotes or parentheses, in order. It reads the sheet with
// a CSS lexer, not a pattern, because what looks like a reference inside a
// comment or a string (content: "url(…)") is none, and a bare string is a
// reference only where the grammar makes it one: after @import, as the
// argument of url(), and as an image of image-set(). Strings nested deeper
// in image-set(), such as type("image/avif"), are not.
func cssRefs(src []byte) [][2]int {
	in := parse.NewInputBytes(src)
	defer in.Restore()
	lexer := css.NewLexer(in)
	var refs [][2]int
	// funcs holds the lower-case name of every function open at this point,
	// innermost last, "" for a bare parenthesis.
	var funcs []string
	importing := false // after @import, before its first argument
	at := 0
	for {
		tt, data := lexer.Next()
		if tt == css.ErrorToken {
			return refs
		}
		start := at
		at += len(data)
		if tt == css.WhitespaceToken || tt == css.CommentToken {
			continue // neither ends an @import's prelude nor is an argument
		}
		inner := ""
		if len(funcs) > 0 {
			inner = funcs[len(funcs)-1]
		}
		if inner == "url" {
			// url("x") as a function takes one string: what follows it
			// is no reference, even before its ")".
			funcs[len(funcs)-1] = ""
		}
		switch tt {
		case css.URLToken:
			if s, e, ok := urlTokenRef(data); ok {
				refs = append(refs, [2]int{start + s, start + e})
			}
		case css.StringToken:
			if importing || inner == "url" || inner == "image-set" || inner == "-webkit-image-set" {
				s, e := stringRef(data)
				refs = append(refs, [2]int{start + s, start + e})
			}
		case css.FunctionToken:
			// The lexer reads url("x") as one URL token, but not when the
			// name is spelled with a hex escape, u\72l("x"): a browser
			// still reads that as url(), so it is the function with a
			// string here.
			funcs = append(funcs, cssName(data[:len(data)-1]))
		case css.LeftParenthesisToken:
			funcs = append(funcs, "")
		case css.RightParenthesisToken:
			if len(funcs) > 0 {
				funcs = funcs[:len(funcs)-1]
			}
		case css.SemicolonToken, css.LeftBraceToken, css.RightBraceToken:
			// No reference is written across these: a function left open
			// by a broken declaration ends with it.
			funcs = funcs[:0]
		}
		importing = tt == css.AtKeywordToken && cssName(data[1:]) == "import"
	}
}

// urlTokenRef is the range of the reference in a url(…) token, between its
// parentheses or quotes and without the spaces around it.
func urlTokenRef(tok []byte) (start, end int, ok bool) {
	open := bytes.IndexByte(tok, '(')
	if open < 0 {
		return 0, 0, false
	}
	start, end = open+1, len(tok)
	if tok[end-1] == ')' && end-1 >= start {
		end--
	}
	for start < end && isCSSSpace(tok[start]) {
		start++
	}
	for end > start && isCSSSpace(tok[end-1]) {
		end--
	}
	if start < end && (tok[start] == '"' || tok[start] == '\'') {
		s, e := stringRef(tok[start:end])
		return start + s, start + e, true
	}
	return start, end, true
}

// stringRef is the range of a string token's text, between its quotes; a
// string the sheet's end cut short has no closing quote.
func stringRef(tok []byte) (start, end int) {
	end = len(tok)
	if end >= 2 && tok[end-1] == tok[0] {
		end--
	}
	return 1, end
}

// cssName is an identifier as a browser compares it with a function's or
// an at-rule's name: escapes decoded, ASCII letters in lower case and no
// others, so that URL( and u\72l( are url( and a Kelvin sign is no k.
func cssName(b []byte) string {
	var name strings.Builder
	for i := 0; i < len(b); {
		if b[i] != '\\' || i+1 == len(b) {
			name.WriteByte(asciiLower(b[i]))
			i++
			continue
		}
		i++
		hex := i
		for hex < len(b) && hex-i < 6 && isHexDigit(b[hex]) {
			hex++
		}
		if hex == i {
			r, n := utf8.DecodeRune(b[i:])
			if n == 1 {
				name.WriteByte(asciiLower(b[i]))
			} else {
				name.WriteRune(r)
			}
			i += n
			continue
		}
		v, _ := strconv.ParseUint(string(b[i:hex]), 16, 32)
		if v == 0 {
			v = utf8.RuneError
		}
		if v < utf8.RuneSelf {
			name.WriteByte(asciiLower(byte(v)))
		} else {
			name.WriteRune(rune(v)) // WriteRune makes an invalid one U+FFFD, as CSS does
		}
		i = hex
		if i < len(b) && isCSSSpace(b[i]) {
			i++ // the space that ends a hex escape is part of it
		}
	}
	return name.String()
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isCSSSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// position is the line and column, both from 1 and the column in
// characters, of the byte offset i of src.
func position(src []byte, i int) (line, col int) {
	before := src[:i]
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return 1 + bytes.Count(before, []byte{'\n'}), 1 + utf8.RuneCount(before[lineStart:])
}

// external reports whether a reference in a style sheet leads off the
// site, or nowhere: another host or scheme, a data: URL, a fragment.
func external(ref string) bool {
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "//") {
		return true
	}
	if i := strings.IndexAny(ref, ":/?#"); i > 0 && ref[i] == ':' {
		return true // a scheme: https:, data:
	}
	return false
}

// relative is the relative reference from the folder dir to the file p,
// both paths in the site: from "css" to "fonts/a.ttf", "../fonts/a.ttf".
func relative(dir, p string) string {
	from := []string{}
	if dir != "." && dir != "" {
		from = strings.Split(dir, "/")
	}
	to := strings.Split(p, "/")
	common := 0
	for common < len(from) && common < len(to)-1 && from[common] == to[common] {
		common++
	}
	return strings.Repeat("../", len(from)-common) + strings.Join(to[common:], "/")
}

// minifier is tdewolff/minify's, as Hugo minifies with: comments, spaces
// and redundant units out, the rules as they are.
var minifier = func() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", mincss.Minify)
	return m
}()

// minifyCSS is a style sheet as it is published: minified after its
// references are rewritten, so that problems name lines of the sheet as
// the designer wrote it. A sheet the minifier cannot read is published as
// written: it is the designers' trusted code, and a browser reads it.
func minifyCSS(css []byte) []byte {
	out, err := minifier.Bytes("text/css", css)
	if err != nil {
		return css
	}
	return out
}
