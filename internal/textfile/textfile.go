// Package textfile reads the site's text files, Markdown and TOML alike:
// not too big, UTF-8, with a byte order mark and Windows line ends
// tolerated. A file it refuses is named in a problem with the reason and
// what to do.
package textfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"report/internal/diag"
	"report/internal/diskfs"
)

// MaxSize bounds what one text file of the site may weigh; a bigger one is
// almost certainly a mistake (a video or a database dump saved in the wrong
// folder), and reading it whole would only waste memory.
const MaxSize = 10 << 20

// Read reads a text file of the site: not too big, UTF-8, with a byte
// order mark and CRLF line ends tolerated.
func Read(fsys fs.FS, name string, problems *diag.List) ([]byte, bool) {
	src, _, ok := ReadInfo(fsys, name, problems)
	return src, ok
}

// ReadInfo is Read, and describes the file as it was opened, before it was
// read: a cache that keeps what it parsed can know the file again by it
// without a stat of its own.
func ReadInfo(fsys fs.FS, name string, problems *diag.List) ([]byte, fs.FileInfo, bool) {
	src, info, err := readLimited(fsys, name)
	if err != nil {
		problems.Errorf(name, 0, 0, "%v", err)
		return nil, nil, false
	}
	src, ok := clean(name, src, problems)
	return src, info, ok
}

// size says how big a file over the limit is, in words that show it is
// over: 10 MB and 1 byte is "over 10 MB", not "10 MB".
func size(n int64) string {
	if n%(1<<20) != 0 {
		return fmt.Sprintf("over %d MB", n>>20)
	}
	return fmt.Sprintf("%d MB", n>>20)
}

// limitedReader is a file system that reads a file whole with fewer
// system calls than Open, Stat and reads to the end (diskfs.Dir).
type limitedReader interface {
	ReadLimited(name string, limit int64) ([]byte, fs.FileInfo, error)
}

// readLimited reads a file whole, refusing it unread when it is too big.
func readLimited(fsys fs.FS, name string) ([]byte, fs.FileInfo, error) {
	var src []byte
	var info fs.FileInfo
	var err error
	if r, ok := fsys.(limitedReader); ok {
		src, info, err = r.ReadLimited(name, MaxSize)
	} else {
		var f fs.File
		if f, err = fsys.Open(name); err == nil {
			src, info, err = diskfs.ReadOpened(f, MaxSize)
			f.Close()
		}
	}
	var big *diskfs.TooBig
	switch {
	case errors.As(err, &big) && big.Size < 0:
		return nil, nil, fmt.Errorf("file is over %d MB; text files may be at most %d MB", MaxSize>>20, MaxSize>>20)
	case errors.As(err, &big):
		return nil, nil, fmt.Errorf("file is %s; text files may be at most %d MB", size(big.Size), MaxSize>>20)
	case err != nil:
		return nil, nil, fmt.Errorf("cannot read: %w", err)
	}
	return src, info, nil
}

// clean removes a UTF-8 byte order mark and turns CRLF line ends (Windows)
// and lone CRs (old Mac programs) into LF; it refuses text that is not
// UTF-8, and text holding a control character.
func clean(name string, src []byte, problems *diag.List) ([]byte, bool) {
	// No copies unless there is something to change: every page passes here.
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		problems.Errorf(name, 1, 1, "the file is saved as UTF-16 (a spreadsheet's \"Unicode text\"); save it as UTF-8")
		return nil, false
	}
	if line, col, ok := invalidUTF8(src); !ok {
		problems.Errorf(name, line, col, "the file is not valid UTF-8; save it as UTF-8")
		return nil, false
	}
	if slices.Contains(src, '\r') {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	if found, more := controls(src, maxControls); len(found) > 0 {
		// Each is reported, so that one build names every place to fix;
		// a file of binary bytes gets a few and their count, not thousands.
		for _, c := range found {
			problems.Errorf(name, c.line, c.col, "the file holds a control character (U+%04X), which no page can show and a paste can hide; remove it", c.r)
		}
		if more > 0 {
			last := found[len(found)-1]
			problems.Errorf(name, last.line, last.col, "the file holds %d more control characters after this one; remove them too", more)
		}
		return nil, false
	}
	return src, true
}

// maxControls is how many control characters of a file are reported one
// by one.
const maxControls = 10

// controls finds the control characters of src, a tab and a line end
// apart: C0, DEL and C1, as TOML's escapes are judged (see tomlfile). Such
// a character reaches a page as it is, where it is an error of HTML and
// shows as nothing, or as a box. It gives the first limit of them, and how
// many more there are.
func controls(src []byte, limit int) (found []controlAt, more int) {
	line, lineStart := 1, 0 // of the last character found
	counted := 0            // the line ends before it are counted up to here
	for i, b := range src {
		if !(b < 0x20 && b != '\t' && b != '\n' || b == 0x7f || b == 0xC2 && i+1 < len(src) && src[i+1] >= 0x80 && src[i+1] <= 0x9f) {
			continue
		}
		if len(found) == limit {
			more++
			continue
		}
		for j := counted; j < i; j++ {
			if src[j] == '\n' {
				line, lineStart = line+1, j+1
			}
		}
		counted = i
		r, _ := utf8.DecodeRune(src[i:])
		found = append(found, controlAt{line: line, col: utf8.RuneCount(src[lineStart:i]) + 1, r: r})
	}
	return found, more
}

// controlAt is a control character and where it is.
type controlAt struct {
	line, col int
	r         rune
}

func invalidUTF8(src []byte) (line, col int, ok bool) {
	if utf8.Valid(src) {
		return 0, 0, true
	}
	s := string(src)
	line, col = 1, 1
	for i, r := range s {
		if r == '\uFFFD' && !strings.HasPrefix(s[i:], "\uFFFD") {
			return line, col, false
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return 0, 0, true
}
