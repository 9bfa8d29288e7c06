package frontmatter

import (
	"errors"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name, src    string
		matter, body string
		bodyLine     int
		err          error
	}{
		{"plain", "+++\ntitle = \"A\"\n+++\nBody\n", "title = \"A\"\n", "Body\n", 4, nil},
		{"empty matter", "+++\n+++\nBody", "", "Body", 3, nil},
		{"no body", "+++\na = 1\n+++", "a = 1\n", "", 4, nil},
		{"trailing spaces on fences", "+++  \na = 1\n+++\t\nB", "a = 1\n", "B", 4, nil},
		{"fence inside value is not a fence", "+++\na = \"+++x\"\n+++\nB", "a = \"+++x\"\n", "B", 4, nil},
		{"unclosed", "+++\na = 1\n", "", "", 0, ErrUnclosed},
		{"missing", "# Title\n", "", "# Title\n", 1, ErrMissing},
		{"empty file", "", "", "", 1, ErrMissing},
		{"four pluses", "++++\na\n++++\n", "", "++++\na\n++++\n", 1, ErrMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Split([]byte(tt.src))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if string(p.Matter) != tt.matter || string(p.Body) != tt.body || p.BodyLine != tt.bodyLine {
				t.Errorf("got matter %q body %q line %d; want %q %q %d", p.Matter, p.Body, p.BodyLine, tt.matter, tt.body, tt.bodyLine)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"+++\ntitle = \"A\"\n+++\nBody", "+++\n", "+++", "", "+++\n+++\n+++\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := Split([]byte(src))
		if err != nil {
			return
		}
		if len(p.Matter)+len(p.Body) > len(src) {
			t.Fatalf("parts are longer than the input")
		}
		if p.BodyLine < 3 {
			t.Fatalf("body line %d: front matter takes at least two lines", p.BodyLine)
		}
	})
}
