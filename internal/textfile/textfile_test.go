package textfile

import (
	"os"
	"path/filepath"
	"slices"
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
		{"every control character is named, not the first alone", "a\x00\nb\x1b", "", "f.md:1:2: error: the file holds a control character (U+0000), which no page can show and a paste can hide; remove it\nf.md:2:2: error: the file holds a control character (U+001B)"},
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

// TestReadCountsWhatItDoesNotName: a file of binary bytes gets the first
// few control characters by place, and the count of the rest.
func TestReadCountsWhatItDoesNotName(t *testing.T) {
	var problems diag.List
	src := strings.Repeat("x\x01", maxControls+5)
	if _, ok := Read(fstest.MapFS{"f.md": {Data: []byte(src)}}, "f.md", &problems); ok {
		t.Fatal("Read took a file of control characters")
	}
	got := problems.Problems()
	if len(got) != maxControls+1 {
		t.Fatalf("%d problems, want %d:\n%v", len(got), maxControls+1, problems.Err())
	}
	i := slices.IndexFunc(got, func(p *diag.Problem) bool { return strings.Contains(p.Msg, "5 more control characters") })
	if i < 0 || got[i].Line != 1 || got[i].Col != 2*maxControls {
		t.Errorf("no count of the rest at the last one named (1:%d):\n%v", 2*maxControls, problems.Err())
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
