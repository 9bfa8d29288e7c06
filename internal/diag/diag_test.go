package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestProblemError(t *testing.T) {
	for _, tc := range []struct {
		p    Problem
		want string
	}{
		{Problem{Path: "content/2016/tal.md", Line: 3, Col: 7, Msg: "x"}, "content/2016/tal.md:3:7: error: x"},
		{Problem{Path: "content/2016/tal.md", Line: 3, Msg: "x"}, "content/2016/tal.md:3: error: x"},
		// A column without a line is not shown: "file::7" helps no one.
		{Problem{Path: "content/2016/tal.md", Col: 7, Msg: "x"}, "content/2016/tal.md: error: x"},
		{Problem{Path: "data/years", Severity: Warning, Msg: "x"}, "data/years: warning: x"},
		{Problem{Msg: "x"}, "error: x"},
		// The cause is for programs; the message already says it for people.
		{Problem{Path: "a.md", Msg: "cannot read: x", Cause: fs.ErrPermission}, "a.md: error: cannot read: x"},
	} {
		if got := tc.p.Error(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.p, got, tc.want)
		}
	}
}

// TestSorted orders problems by file, then the file's placed problems by
// line, column, severity and message, then those of the whole file.
func TestSorted(t *testing.T) {
	want := []string{
		"a.md:1:1: error: b",
		"a.md:1:2: error: a",
		"a.md:2:1: error: z",
		"a.md:2:1: warning: a",
		"a.md:10:1: error: a",
		"a.md: error: a",
		"a.md: warning: a",
		"b.md:1:1: error: a",
		"b.md: error: a",
	}
	problems := []*Problem{
		{Path: "a.md", Line: 1, Col: 1, Msg: "b"},
		{Path: "a.md", Line: 1, Col: 2, Msg: "a"},
		{Path: "a.md", Line: 2, Col: 1, Msg: "z"},
		{Path: "a.md", Line: 2, Col: 1, Severity: Warning, Msg: "a"},
		{Path: "a.md", Line: 10, Col: 1, Msg: "a"},
		{Path: "a.md", Msg: "a"},
		{Path: "a.md", Severity: Warning, Msg: "a"},
		{Path: "b.md", Line: 1, Col: 1, Msg: "a"},
		{Path: "b.md", Msg: "a"},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := slices.Clone(problems)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		before := slices.Clone(shuffled)
		if got := texts(Sorted(shuffled)); !slices.Equal(got, want) {
			t.Fatalf("sorted:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if !slices.Equal(shuffled, before) {
			t.Fatal("Sorted reordered the slice it was given")
		}
	}
}

// TestSortedOnce drops a problem found twice, as when two stages report the
// same broken reference; problems that differ in anything shown are kept.
func TestSortedOnce(t *testing.T) {
	got := Sorted([]*Problem{
		{Path: "a.md", Line: 2, Col: 1, Msg: "x"},
		{Path: "a.md", Line: 2, Col: 1, Msg: "x"},
		{Path: "a.md", Line: 2, Col: 1, Severity: Warning, Msg: "x"},
		{Path: "a.md", Line: 2, Col: 2, Msg: "x"},
		{Path: "a.md", Line: 2, Col: 1, Msg: "y"},
		{Path: "a.md", Line: 2, Col: 1, Msg: "x"},
	})
	want := []string{"a.md:2:1: error: x", "a.md:2:1: error: y", "a.md:2:1: warning: x", "a.md:2:2: error: x"}
	if !slices.Equal(texts(got), want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(texts(got), "\n"), strings.Join(want, "\n"))
	}
	if len(Sorted(nil)) != 0 {
		t.Error("Sorted(nil) is not empty")
	}
}

// TestListConcurrent adds from many goroutines, as the parallel stages do:
// every problem arrives, and the order printed does not depend on theirs.
func TestListConcurrent(t *testing.T) {
	var l List
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				l.Errorf(fmt.Sprintf("f%d.md", i%5), i, g, "problem %d of %d", i, g)
				l.Warnf(Draft, "w.md", 1, 1, "the same warning from every goroutine")
			}
		})
	}
	wg.Wait()
	got := l.Problems()
	if len(got) != 8*50+1 {
		t.Fatalf("%d problems, want %d (the repeated warning once)", len(got), 8*50+1)
	}
	if !slices.IsSortedFunc(got, compare) {
		t.Error("Problems are not sorted")
	}
}

func TestListErr(t *testing.T) {
	var l List
	if l.HasErrors() || l.Err() != nil {
		t.Error("an empty list has errors")
	}
	l.Warnf(Draft, "a.md", 1, 1, "a warning")
	l.Acknowledgedf(Printed, "a.md", 2, 1, "an answered warning")
	if l.HasErrors() || l.Err() != nil {
		t.Error("warnings fail the build")
	}
	if p := l.Problems()[1]; !p.Acknowledged || p.Severity != Warning {
		t.Errorf("Acknowledgedf recorded %+v", p)
	}
	var other List
	other.Errorf("b.md", 3, 1, "an error of %s", "b")
	l.Merge(&other)
	if !l.HasErrors() {
		t.Error("the merged error is not counted")
	}
	want := "a.md:1:1: warning: a warning\na.md:2:1: warning: an answered warning\nb.md:3:1: error: an error of b"
	if err := l.Err(); err == nil || err.Error() != want {
		t.Errorf("Err() = %v, want:\n%s", err, want)
	}
}

func TestAsList(t *testing.T) {
	if AsList(nil) != nil {
		t.Error("AsList(nil) is not empty")
	}
	var l List
	l.Errorf("b.md", 1, 1, "b")
	l.Errorf("a.md", 1, 1, "a")
	if got := texts(AsList(l.Err())); !slices.Equal(got, []string{"a.md:1:1: error: a", "b.md:1:1: error: b"}) {
		t.Errorf("a list's error: %q", got)
	}
	if got := texts(AsList(fmt.Errorf("stage: %w", l.Err()))); len(got) != 2 {
		t.Errorf("a wrapped list's error: %q", got)
	}
	p := &Problem{Path: "c.md", Msg: "c"}
	if got := AsList(fmt.Errorf("x: %w", p)); len(got) != 1 || got[0] != p {
		t.Errorf("a wrapped problem: %v", got)
	}
	if got := texts(AsList(errors.New("disk full"))); !slices.Equal(got, []string{"error: disk full"}) {
		t.Errorf("another error: %q", got)
	}
}

// pathError is an error type of the caller's, for errors.As.
type pathError struct{ path string }

func (e *pathError) Error() string { return "bad path " + e.path }

// TestUnwrap reaches a problem's cause through the problem and through the
// error of a failed stage, as a caller asks whether a build failed on I/O.
func TestUnwrap(t *testing.T) {
	read := &fs.PathError{Op: "open", Path: "content/2016/tal.md", Err: fs.ErrPermission}
	var l List
	l.Errorf("content/2016/tal.md", 0, 0, "cannot read: %w", read)
	l.Warnf(Licence, "data/site.toml", 1, 1, "two causes: %w and %w", fs.ErrNotExist, &pathError{"x"})
	l.Errorf("content/2016/a.md", 1, 1, "no cause: %v", fs.ErrClosed)

	problems := l.Problems()
	if got := problems[1].Msg; got != "cannot read: open content/2016/tal.md: permission denied" {
		t.Errorf("the message of a %%w problem: %q", got)
	}
	if problems[1].Cause != read || problems[1].Unwrap() != read {
		t.Errorf("the cause is %v, want the error given for %%w", problems[1].Cause)
	}
	if problems[0].Cause != nil || errors.Is(problems[0], fs.ErrClosed) {
		t.Errorf("an error given for %%v became a cause")
	}
	if !errors.Is(problems[2], fs.ErrNotExist) || !errors.As(problems[2], new(*pathError)) {
		t.Errorf("a cause of two %%w errors lost one")
	}

	err := fmt.Errorf("build: %w", l.Err())
	if !errors.Is(err, fs.ErrPermission) {
		t.Error("errors.Is does not reach the cause through the stage's error")
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != "content/2016/tal.md" {
		t.Errorf("errors.As found %v", pe)
	}
	var p *Problem
	if !errors.As(err, &p) || p != problems[0] {
		t.Errorf("errors.As found the problem %v, want the first", p)
	}
	if errors.Is(err, fs.ErrExist) {
		t.Error("errors.Is finds a cause that is not there")
	}
	if errors.Unwrap(&Problem{Msg: "x"}) != nil {
		t.Error("a problem without a cause unwraps to one")
	}
}

func texts(problems []*Problem) []string {
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i] = p.Error()
	}
	return out
}

// TestAmend amends a copy: the problem given, which a cache may share, is
// left as it was.
func TestAmend(t *testing.T) {
	var l List
	shared := &Problem{Path: "a.md", Line: 1, Msg: "x"}
	l.Add(shared)
	l.Add(&Problem{Path: "b.md", Line: 1, Msg: "y"})
	l.Amend(shared, " (and more)")
	if got := texts(l.Problems()); strings.Join(got, "|") != "a.md:1: error: x (and more)|b.md:1: error: y" {
		t.Errorf("got %q", got)
	}
	if shared.Msg != "x" {
		t.Errorf("the shared problem became %q", shared.Msg)
	}
}

// TestWhere keeps what its function keeps, sorted and each once, as
// Problems would list them.
func TestWhere(t *testing.T) {
	var l List
	for _, p := range []*Problem{
		{Path: "b.md", Line: 2, Msg: "y"}, {Path: "a.md", Line: 9, Msg: "x"}, {Path: "c.md", Line: 1, Msg: "z"},
		{Path: "a.md", Line: 1, Msg: "x"}, {Path: "a.md", Line: 1, Msg: "x"},
	} {
		l.Add(p)
	}
	got := texts(l.Where(func(p *Problem) bool { return p.Path != "c.md" }))
	if strings.Join(got, "|") != "a.md:1: error: x|a.md:9: error: x|b.md:2: error: y" {
		t.Errorf("got %q", got)
	}
	if got := l.Where(func(*Problem) bool { return false }); len(got) != 0 {
		t.Errorf("kept %d of none", len(got))
	}
}
