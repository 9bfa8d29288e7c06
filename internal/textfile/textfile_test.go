package textfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"report/internal/diag"
	"report/internal/diskfs"
)

// TestRead tolerates what editors' programs save and refuses, with the
// place and what to do, what cannot be text.
func TestRead(t *testing.T) {
	for _, tt := range []struct {
		name, src, want, problem string
	}{
		{"plain", "a\nb\n", "a\nb\n", ""},
		{"bom", "\uFEFFa\n", "a\n", ""},
		{"crlf", "a\r\nb\r\n", "a\nb\n", ""},
		{"cr alone ends a line, as old Mac programs write", "+++\rtitle = \"T\"\r+++\r", "+++\ntitle = \"T\"\n+++\n", ""},
		{"utf16", "\xFF\xFEa\x00", "", "f.md:1:1: error: the file is saved as UTF-16"},
		{"latin1", "æble\nø\xF8", "", "f.md:2:2: error: the file is not valid UTF-8; save it as UTF-8"},
		{"replacement char is text", "a\uFFFDb", "a\uFFFDb", ""},
		{"tab is text", "a\tb\n", "a\tb\n", ""},
		{"control character pasted", "Tekst\nmed æ\x01 i\n", "", "f.md:2:6: error: the file holds a control character (U+0001)"},
		{"form feed", "a\fb", "", "f.md:1:2: error: the file holds a control character (U+000C)"},
		{"DEL", "a\x7f", "", "(U+007F)"},
		{"C1, as a Windows-1252 paste decoded wrongly leaves", "æ\u0085", "", "f.md:1:2: error: the file holds a control character (U+0085)"},
		{"NUL", "a\x00", "", "(U+0000)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var problems diag.List
			got, ok := Read(fstest.MapFS{"f.md": {Data: []byte(tt.src)}}, "f.md", &problems)
			if tt.problem == "" {
				if !ok || string(got) != tt.want || problems.Err() != nil {
					t.Errorf("Read = %q, %v, %v; want %q", got, ok, problems.Err(), tt.want)
				}
				return
			}
			if ok || problems.Err() == nil || !strings.Contains(problems.Err().Error(), tt.problem) {
				t.Errorf("Read = %q, %v, %v; want the problem %q", got, ok, problems.Err(), tt.problem)
			}
		})
	}
}

// TestReadRefusesBigFiles refuses a file over the limit without reading
// it, and says how big it is.
func TestReadRefusesBigFiles(t *testing.T) {
	var problems diag.List
	fsys := fstest.MapFS{"big.md": {Data: make([]byte, MaxSize+1)}, "missing": nil}
	if _, ok := Read(fsys, "big.md", &problems); ok || !strings.Contains(problems.Err().Error(), "big.md: error: file is over 10 MB; text files may be at most 10 MB") {
		t.Errorf("got %v", problems.Err())
	}
	problems = diag.List{}
	if _, ok := Read(fsys, "gone.md", &problems); ok || !strings.Contains(problems.Err().Error(), "gone.md: error: cannot read") {
		t.Errorf("got %v", problems.Err())
	}
}

// TestReadRefusesBigFilesOnDisk: read through diskfs.Dir, which refuses a
// file by its size, a file over the limit is refused in the same words.
func TestReadRefusesBigFilesOnDisk(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "big.md"), make([]byte, MaxSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	var problems diag.List
	if _, ok := Read(diskfs.Dir(root), "big.md", &problems); ok || !strings.Contains(problems.Err().Error(), "big.md: error: file is over 10 MB; text files may be at most 10 MB") {
		t.Errorf("got %v", problems.Err())
	}
	problems = diag.List{}
	if _, ok := Read(diskfs.Dir(root), "gone.md", &problems); ok || !strings.Contains(problems.Err().Error(), "gone.md: error: cannot read") {
		t.Errorf("got %v", problems.Err())
	}
}
