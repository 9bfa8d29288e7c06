package markdown_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"report/internal/markdown"
)

var (
	fence     = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	atxHead   = regexp.MustCompile(`^(#{1,6}) +(.+?)\s*$`)
	tableHead = regexp.MustCompile(`^\s*\|.*\|\s*$`)
	tableRule = regexp.MustCompile(`^\s*\|(\s*:?-+:?\s*\|)+\s*$`)
	htmlHead  = regexp.MustCompile(`<h[1-6][^>]*>`)
)

// gfm renders Markdown as GitHub does.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// TestDocsRender renders README.md and docs/*.md as GitHub does (GFM):
// every heading of the raw text is a heading, every table a table, and no
// code fence is left open. A closing fence with text after it is no
// closing fence, and everything below it renders as code.
func TestDocsRender(t *testing.T) {
	docs, _ := filepath.Glob("../../docs/*.md")
	for _, name := range append([]string{"../../README.md"}, docs...) {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		heads, tables, open := rawStructure(string(src))
		if open != "" {
			t.Errorf("%s: the code fence at %s is never closed", name, open)
		}
		var out bytes.Buffer
		if err := gfm.Convert(src, &out); err != nil {
			t.Fatal(err)
		}
		html := out.String()
		if got := len(htmlHead.FindAllString(html, -1)); got != heads {
			t.Errorf("%s: %d headings in the text, %d when rendered", name, heads, got)
		}
		if got := strings.Count(html, "<table>"); got != tables {
			t.Errorf("%s: %d tables in the text, %d when rendered", name, tables, got)
		}
	}
}

// rawStructure counts the headings and tables of Markdown outside its
// code fences as its writer meant them, a fence closing at any line that
// starts with as many of its backticks, and names the line of a fence
// left open. Where the
// writer's fences and CommonMark's differ (text after a closing fence),
// the counts differ from what renders.
func rawStructure(src string) (heads, tables int, open string) {
	lines := strings.Split(src, "\n")
	var marker string // the open fence's backticks or tildes
	for i, line := range lines {
		m := fence.FindStringSubmatch(line)
		switch {
		case m != nil && marker == "":
			marker, open = m[1], "line "+strconv.Itoa(i+1)
			continue
		case m != nil && m[1][0] == marker[0] && len(m[1]) >= len(marker):
			marker, open = "", ""
			continue
		case marker != "":
			continue
		}
		if atxHead.MatchString(line) {
			heads++
		}
		if tableHead.MatchString(line) && i+1 < len(lines) && tableRule.MatchString(lines[i+1]) {
			tables++
		}
	}
	return heads, tables, open
}

// TestDocsLinks follows every link and image of README.md and docs/*.md
// that stays in the repository, as GitHub resolves it: the file must
// exist, and an anchor must name a heading of the file it points into.
// Moving a section from one file to another breaks links silently
// otherwise.
func TestDocsLinks(t *testing.T) {
	docs, _ := filepath.Glob("../../docs/*.md")
	docs = append([]string{"../../README.md"}, docs...)
	// Each document is parsed once, for its links and its headings alike;
	// a file outside docs that a link points into, when it is first named.
	type parsed struct {
		src []byte
		doc ast.Node
	}
	files := map[string]parsed{}
	anchors := map[string]map[string]bool{}
	read := func(name string) (parsed, error) {
		if f, ok := files[name]; ok {
			return f, nil
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return parsed{}, err
		}
		f := parsed{src, gfm.Parser().Parse(text.NewReader(src))}
		files[name], anchors[name] = f, headingAnchors(f.doc, src)
		return f, nil
	}
	links := 0
	for _, name := range docs {
		f, err := read(name)
		if err != nil {
			t.Fatal(err)
		}
		_ = ast.Walk(f.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			var dest string
			switch n := n.(type) {
			case *ast.Link:
				dest = string(n.Destination)
			case *ast.Image:
				dest = string(n.Destination)
			default:
				return ast.WalkContinue, nil
			}
			if !entering || strings.Contains(dest, ":") {
				return ast.WalkContinue, nil // http:, https:, mailto:
			}
			links++
			file, anchor, _ := strings.Cut(dest, "#")
			target := name
			switch {
			case strings.HasPrefix(file, "/"):
				target = filepath.Join("../..", file) // GitHub: the repository's root
			case file != "":
				target = filepath.Join(filepath.Dir(name), file)
			}
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: the link to %q leads nowhere: %v", name, dest, err)
				return ast.WalkContinue, nil
			}
			if anchor == "" {
				return ast.WalkContinue, nil
			}
			if _, err := read(target); err != nil || !anchors[target][anchor] {
				t.Errorf("%s: the link to %q names no heading of %s", name, dest, target)
			}
			return ast.WalkContinue, nil
		})
	}
	if links < 10 {
		t.Errorf("found %d links that stay in the repository; the docs have more, so the walk missed them", links)
	}
}

// headingAnchors returns the anchors GitHub gives the headings of a
// Markdown file: the heading's text in lower case, with every character
// but letters, digits, spaces, hyphens and underscores dropped and each
// space turned into a hyphen; a repeated anchor gets -1, -2 and so on.
func headingAnchors(doc ast.Node, src []byte) map[string]bool {
	seen := map[string]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		var b strings.Builder
		for _, r := range strings.ToLower(markdown.PlainText(h, src)) {
			switch {
			case r == ' ':
				b.WriteByte('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		anchor := b.String()
		for i := 1; seen[anchor]; i++ {
			anchor = b.String() + "-" + strconv.Itoa(i)
		}
		seen[anchor] = true
		return ast.WalkSkipChildren, nil
	})
	return seen
}
