// Package diag is the one error type of the build: a problem found in an input
// file, with its position and what to do about it.
//
// Every stage collects all of its problems into a List instead of stopping at
// the first, so an editor sees everything wrong with a build in one run. The
// List is sorted by file and position before it is printed, which keeps the
// output the same from run to run whatever order the work was done in.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Kind is what sort of warning a problem is, named for programs (report
// check --format json prints it, and --format github titles the
// annotation with it) and for tests, which compare kinds rather than
// messages an editor may see reworded.
type Kind string

// The kinds of warnings.
const (
	// Draft: a copied page or edition file still states the edition it
	// came from, or is shown unconfirmed in the preview.
	Draft Kind = "draft"
	// Typed: the prose types a figure the data holds, rather than
	// referring to it.
	Typed Kind = "typed-figure"
	// Rounding: a rounding shows a figure further off than a reader
	// would expect.
	Rounding Kind = "rounding"
	// Printed: the text prints another figure than the data gives, with
	// an editor's note (acknowledged).
	Printed Kind = "printed-figure"
	// Figures: figures that should agree do not (an average, a share, a
	// part larger than its whole).
	Figures Kind = "figures-disagree"
	// Block: a table or chart block shows something a reader may misread.
	Block Kind = "figure-block"
	// Translation: the English version lacks a translation, or shows
	// Danish where it should not.
	Translation Kind = "translation"
	// Unconfirmed: a fact no person has confirmed yet (unconfirmed = […]).
	Unconfirmed Kind = "unconfirmed"
	// Licence: the open data are published without a licence.
	Licence Kind = "no-licence"
	// NoCases: an edition has no case stories.
	NoCases Kind = "no-cases"
	// Hidden: more problems than are shown, or problems held back until
	// another file is fixed.
	Hidden Kind = "hidden-problems"
)

// Problem is one finding. Line and Col start at 1; 0 means unknown.
type Problem struct {
	Path     string // slash-separated, relative to the site root
	Line     int
	Col      int
	Severity Severity
	Msg      string
	// Kind says what sort of warning it is; errors have none.
	Kind Kind
	// Acknowledged marks a warning an editor has already answered in the
	// content (a printed= figure, say): it is counted, and shown on request,
	// so that the warnings that need an answer are not lost among them.
	Acknowledged bool
	// Cause is the error behind the problem, if any (a failed read, say), for
	// errors.Is and errors.As; Msg already says what it means for the
	// editor, so Error does not repeat it. Errorf, Warnf and Acknowledgedf
	// set it from a %w in their format, as fmt.Errorf wraps.
	Cause error
}

// Unwrap returns the problem's cause, nil if it has none.
func (p *Problem) Unwrap() error { return p.Cause }

func (p *Problem) Error() string { return string(p.AppendText(nil)) }

// AppendText appends the problem as Error gives it to b: a build that
// prints thousands of warnings writes each from one buffer rather than
// making a string of each first.
func (p *Problem) AppendText(b []byte) []byte {
	if p.Path != "" {
		b = append(b, p.Path...)
		if p.Line > 0 {
			b = strconv.AppendInt(append(b, ':'), int64(p.Line), 10)
			if p.Col > 0 {
				b = strconv.AppendInt(append(b, ':'), int64(p.Col), 10)
			}
		}
		b = append(b, ": "...)
	}
	b = append(b, p.Severity.String()...)
	b = append(b, ": "...)
	return append(b, p.Msg...)
}

// List collects problems. Its methods are safe for concurrent use, so parallel
// stages can share one.
type List struct {
	mu       sync.Mutex
	problems []*Problem
}

// Errorf records an error at path:line:col. An error given for %w becomes
// the problem's Cause.
func (l *List) Errorf(path string, line, col int, format string, args ...any) {
	l.Add(newf(&Problem{Path: path, Line: line, Col: col}, format, args...))
}

// Warnf records a warning at path:line:col; warnings never fail a build.
func (l *List) Warnf(kind Kind, path string, line, col int, format string, args ...any) {
	l.Add(newf(&Problem{Path: path, Line: line, Col: col, Severity: Warning, Kind: kind}, format, args...))
}

// Acknowledgedf records a warning at path:line:col that the content already
// answers (see Problem.Acknowledged).
func (l *List) Acknowledgedf(kind Kind, path string, line, col int, format string, args ...any) {
	l.Add(newf(&Problem{Path: path, Line: line, Col: col, Severity: Warning, Acknowledged: true, Kind: kind}, format, args...))
}

// newf sets p's message, and its cause from the errors given for %w.
func newf(p *Problem, format string, args ...any) *Problem {
	err := fmt.Errorf(format, args...)
	p.Msg = err.Error()
	switch e := err.(type) {
	case interface{ Unwrap() error }:
		p.Cause = e.Unwrap()
	case interface{ Unwrap() []error }:
		p.Cause = errors.Join(e.Unwrap()...)
	}
	return p
}

// Add records a problem.
func (l *List) Add(p *Problem) {
	l.mu.Lock()
	l.problems = append(l.problems, p)
	l.mu.Unlock()
}

// Amend adds to the message of a problem the list holds. The list gets an
// amended copy: the problem itself may be shared (the preview's cache
// replays the same problems into every build's list).
func (l *List) Amend(p *Problem, more string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, q := range l.problems {
		if q == p {
			c := *p
			c.Msg += more
			l.problems[i] = &c
			return
		}
	}
}

// Merge adds every problem of other.
func (l *List) Merge(other *List) {
	for _, p := range other.Problems() {
		l.Add(p)
	}
}

// Problems returns every problem, sorted by path, line, column and message.
func (l *List) Problems() []*Problem {
	l.mu.Lock()
	defer l.mu.Unlock()
	return Sorted(l.problems)
}

// Where returns the problems keep keeps, sorted as Problems sorts them:
// what asks for a few of a large site's problems sorts only those (at
// 10,000 case stories a build holds 13,000 warnings, most of them hidden).
func (l *List) Where(keep func(*Problem) bool) []*Problem {
	l.mu.Lock()
	kept := slices.Clone(l.problems)
	l.mu.Unlock()
	return Sorted(slices.DeleteFunc(kept, func(p *Problem) bool { return !keep(p) }))
}

// Sorted returns problems sorted by path, line, column and message, each
// once.
func Sorted(problems []*Problem) []*Problem {
	out := slices.Clone(problems)
	slices.SortStableFunc(out, compare)
	return slices.CompactFunc(out, func(a, b *Problem) bool { return compare(a, b) == 0 })
}

// HasErrors reports whether any problem is an error rather than a warning.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range l.problems {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Err returns nil when the list holds no errors, and otherwise an error whose
// text is every problem, one per line.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &Errors{Problems: l.Problems()}
}

// Errors is the error a failed stage returns.
type Errors struct{ Problems []*Problem }

func (e *Errors) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the problems, so that errors.Is and errors.As reach each
// one and its cause.
func (e *Errors) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// AsList returns the problems inside err, or err itself as one position-less
// problem when it is some other error; none when err is nil.
func AsList(err error) []*Problem {
	if err == nil {
		return nil
	}
	var e *Errors
	if errors.As(err, &e) {
		return e.Problems
	}
	var p *Problem
	if errors.As(err, &p) {
		return []*Problem{p}
	}
	return []*Problem{{Msg: err.Error()}}
}

func compare(a, b *Problem) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		// A problem of the whole file (line 0) follows the file's placed
		// ones: it is most often a consequence of them.
		cmp.Compare(wholeFile(a), wholeFile(b)),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Msg, b.Msg),
	)
}

func wholeFile(p *Problem) int {
	if p.Line == 0 {
		return 1
	}
	return 0
}
