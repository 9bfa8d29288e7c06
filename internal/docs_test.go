package internal_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"report/internal/data"
	"report/internal/figures"
	"report/internal/markdown"
	"report/internal/textfile"
)

// TestREADMELimits keeps the README's table of input limits the same as
// the limits the code enforces: a limit changed in one place and not the
// other fails here, not in a reader's trust.
func TestREADMELimits(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := [][2]string{
		{"a text file (Markdown, TOML)", size(textfile.MaxSize)},
		{"a page's Markdown", size(markdown.MaxBodyBytes)},
		{"a line (a paragraph)", size(markdown.MaxLineBytes)},
		{"lines without a blank line between them", size(markdown.MaxRunBytes)},
		{"block quotes and lists inside each other", fmt.Sprintf("%d deep", markdown.MaxNesting)},
		{"a table", fmt.Sprintf("%d years, %d rows, %d sections", figures.MaxYears, figures.MaxRows, figures.MaxSections)},
		{"a chart", fmt.Sprintf("%d years, %d bars, %d series", figures.MaxYears, figures.MaxBars, figures.MaxSeries)},
		{"an edition", fmt.Sprintf("%d years from first to data year", data.MaxSpan)},
		{"problems reported for one file", fmt.Sprintf("%d, the rest counted", markdown.MaxProblems)},
	}
	var want strings.Builder
	want.WriteString("  | what | limit |\n  |---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&want, "  | %s | %s |\n", r[0], r[1])
	}
	if !strings.Contains(string(readme), want.String()) {
		t.Errorf("README's table of limits differs from the code's; it should read:\n\n%s", want.String())
	}
}

// size writes a limit in bytes as the README does: "10 MB", "16 KB",
// "2,500 bytes".
func size(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	case n >= 1000:
		return fmt.Sprintf("%d,%03d bytes", n/1000, n%1000)
	}
	return fmt.Sprintf("%d bytes", n)
}
