// Package frontmatter splits a Markdown file into its TOML front matter and
// its body, following Hugo's convention: the file starts with a line "+++",
// the TOML follows, and the next line "+++" ends it.
package frontmatter

import (
	"bytes"
	"errors"
)

// Fence is the line that opens and closes front matter.
const Fence = "+++"

// ErrUnclosed means the opening fence has no closing one.
var ErrUnclosed = errors.New("front matter opened with +++ on line 1 is never closed; add a line with +++ after the last setting")

// ErrMissing means the file does not start with front matter.
var ErrMissing = errors.New("the file must start with front matter: a line +++, settings such as title = \"…\", and another line +++")

// Parts is a split file. Lines count from 1 in the original file.
type Parts struct {
	Matter     []byte
	MatterLine int // first line of the TOML
	Body       []byte
	BodyLine   int // first line of the body
}

// Split separates front matter from body. src must already use "\n" line
// ends. Trailing spaces after a fence are allowed; anything else on a fence
// line is not a fence.
func Split(src []byte) (Parts, error) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if !isFence(first) {
		return Parts{Body: src, BodyLine: 1}, ErrMissing
	}
	line := 2
	offset := 0
	for offset <= len(rest) {
		end := bytes.IndexByte(rest[offset:], '\n')
		var current []byte
		if end < 0 {
			current = rest[offset:]
		} else {
			current = rest[offset : offset+end]
		}
		if isFence(current) {
			body := []byte{}
			if end >= 0 {
				body = rest[offset+end+1:]
			}
			return Parts{Matter: rest[:offset], MatterLine: 2, Body: body, BodyLine: line + 1}, nil
		}
		if end < 0 {
			break
		}
		offset += end + 1
		line++
	}
	return Parts{}, ErrUnclosed
}

func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t")) == Fence
}
