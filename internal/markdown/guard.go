package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"

	"report/internal/diag"
)

// Limits on the shape of a body, checked before goldmark sees it. goldmark,
// like the CommonMark reference parser before its fixes, takes time that
// grows with the square of a line's length or of its nesting: 200 KB of ">"
// took 31 s. Real prose is far inside these limits; a pasted log or a
// hostile file is refused with its place instead of taking an editor's
// machine down in the preview.
const (
	// MaxLineBytes bounds one line: a paragraph is one line, and the 2016
	// edition's longest is 633 bytes, so 2,500 (400 words) leaves room.
	MaxLineBytes = 2_500
	// MaxNesting bounds block quotes and lists inside each other; prose
	// nests two or three deep.
	MaxNesting = 16
	// MaxRunBytes bounds lines without a blank line between them, which
	// goldmark reads as one block: unclosed links across such a run cost the
	// square of its length too.
	MaxRunBytes = 16 << 10
	// MaxBodyBytes bounds a page's Markdown: the 2016 edition's longest
	// chapter is 10 KB. With the limits above, the worst input measured costs
	// under 10 µs a byte (BenchmarkWorstCase), so no page takes seconds.
	MaxBodyBytes = 256 << 10
	// MaxProblems bounds what one file reports; the rest are counted.
	MaxProblems = 100
)

// checkShape returns the offset of the first line that breaks a limit and
// what is wrong, or -1.
func checkShape(body []byte) (int, string) {
	if len(body) > MaxBodyBytes {
		return 0, fmt.Sprintf("the page is %d KB of Markdown, more than the %d KB a page may be; split it into chapters", len(body)>>10, MaxBodyBytes>>10)
	}
	runStart, inFence := 0, false
	for start := 0; start < len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body) - start
		}
		line := body[start : start+end]
		if trimmed := bytes.TrimLeft(line, " "); bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")) {
			inFence = !inFence // a fenced block's text is not parsed inline
		}
		if len(bytes.TrimSpace(line)) == 0 || inFence {
			runStart = start + end + 1
		} else if start+end-runStart > MaxRunBytes {
			return runStart, fmt.Sprintf("%d KB of lines without a blank line between them, more than the %d KB the report reads as one block; add blank lines between paragraphs", (start+end-runStart)>>10, MaxRunBytes>>10)
		}
		if len(line) > MaxLineBytes {
			return start, fmt.Sprintf("the line is %d bytes long, more than the %d a paragraph may be; break it into paragraphs", len(line), MaxLineBytes)
		}
		if depth := nesting(line); depth > MaxNesting {
			return start, fmt.Sprintf("block quotes and lists are nested %d deep, more than the %d the report allows", depth, MaxNesting)
		}
		start += end + 1
	}
	return -1, ""
}

// nesting counts the container markers a line opens with: ">" for a block
// quote, "-", "*", "+" or "1." for a list item, and each run of four spaces,
// which nests a line in the list above it.
func nesting(line []byte) int {
	depth := 0
	for i := 0; i < len(line); {
		switch c := line[i]; {
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(line) && line[i+1] == ' ':
			depth++
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j+1 < len(line) && (line[j] == '.' || line[j] == ')') && line[j+1] == ' ' {
				depth++
				i = j + 2
				continue
			}
			return depth
		case c == ' ' && bytes.HasPrefix(line[i:], []byte("    ")):
			depth++
			i += 4
		case c == ' ' || c == '\t':
			i++
		default:
			return depth
		}
	}
	return depth
}

// lineIndex finds the line and column of an offset in O(log n): a file with
// many problems on long lines must not cost the square of its length.
type lineIndex struct {
	src    []byte
	starts []int // offset of each line's first byte
}

func newLineIndex(src []byte) *lineIndex {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts}
}

// at returns the 0-based line and the 1-based column, in characters.
func (x *lineIndex) at(offset int) (line, col int) {
	offset = max(0, min(offset, len(x.src)))
	line = sort.SearchInts(x.starts, offset+1) - 1
	return line, utf8.RuneCount(x.src[x.starts[line]:offset]) + 1
}

// capProblems moves a page's problems into problems, at most MaxProblems of
// them; the rest are counted on one line, so that a broken file cannot bury
// every other file's problems or fill the terminal.
func capProblems(path string, local *diag.List, problems *diag.List) {
	all := local.Problems()
	for i, p := range all {
		if i == MaxProblems {
			hidden, errs := len(all)-i, 0
			for _, q := range all[i:] {
				if q.Severity == diag.Error {
					errs++
				}
			}
			msg := fmt.Sprintf("%d more problems in this file are not shown; fix the ones above first", hidden)
			if errs > 0 {
				problems.Errorf(path, 0, 0, "%s", msg)
			} else {
				problems.Warnf(diag.Hidden, path, 0, 0, "%s", msg)
			}
			return
		}
		problems.Add(p)
	}
}
