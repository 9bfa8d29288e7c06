package markdown_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

var (
	fence     = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	atxHead   = regexp.MustCompile(`^(#{1,6}) +(.+?)\s*$`)
	tableHead = regexp.MustCompile(`^\s*\|.*\|\s*$`)
	tableRule = regexp.MustCompile(`^\s*\|(\s*:?-+:?\s*\|)+\s*$`)
	htmlHead  = regexp.MustCompile(`<h[1-6][^>]*>`)
)

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
		if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(src, &out); err != nil {
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
