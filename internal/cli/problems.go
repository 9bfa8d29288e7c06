package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"report/internal/diag"
)

// Problems as the command prints them: for people, in file order with a
// summary, or as JSON for programs.

// finding is one problem in check's JSON output.
type finding struct {
	File         string `json:"file"`
	Line         int    `json:"line"`
	Column       int    `json:"column"`
	Severity     string `json:"severity"`
	Kind         string `json:"kind,omitempty"` // a warning's kind (diag.Kind), for programs to sort by
	Message      string `json:"message"`
	Acknowledged bool   `json:"acknowledged,omitempty"`
}

// writeJSON prints every finding, errors and warnings, acknowledged or not,
// as one JSON array.
func writeJSON(w io.Writer, warnings []*diag.Problem, err error) int {
	problems := warnings
	code := ExitOK
	if err != nil {
		problems, code = diag.AsList(err), ExitFail
	}
	out := []finding{}
	for _, p := range problems {
		out = append(out, finding{File: p.Path, Line: p.Line, Column: p.Col, Severity: p.Severity.String(), Kind: string(p.Kind), Message: p.Msg, Acknowledged: p.Acknowledged})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return ExitFail
	}
	return code
}

// writeAnnotations prints every finding as a GitHub Actions workflow
// command, which the run's summary and the commit show at the file and
// line: an editor who pushed from the browser sees why the push was not
// published where the mistake is. The text report follows, as usual.
func writeAnnotations(out io.Writer, warnings []*diag.Problem, err error) {
	w := bufio.NewWriterSize(out, 64<<10) // as in printProblems
	defer w.Flush()
	problems := diag.Sorted(append(slices.Clone(warnings), diag.AsList(err)...))
	esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	for _, p := range problems {
		if p.Acknowledged {
			continue
		}
		kind := "warning"
		if p.Severity == diag.Error {
			kind = "error"
		}
		fmt.Fprintf(w, "::%s file=%s", kind, prop.Replace(p.Path))
		if p.Line > 0 {
			fmt.Fprintf(w, ",line=%d", p.Line)
			if p.Col > 0 {
				fmt.Fprintf(w, ",col=%d", p.Col)
			}
		}
		title := "report check"
		if p.Kind != "" {
			title += " (" + string(p.Kind) + ")"
		}
		fmt.Fprintf(w, ",title=%s::%s\n", prop.Replace(title), esc.Replace(p.Msg))
	}
}

// printProblems prints problems in file order, errors and warnings alike,
// and returns how many warnings it printed. A warning an editor has
// acknowledged in the content (a printed= figure) is counted, not printed,
// unless asked for: printed on every build, it would teach editors to skip
// warnings.
func printProblems(out io.Writer, problems []*diag.Problem, acknowledged bool) (warnings int) {
	// Buffered: a build of 10,000 stories can print 13,000 warnings, which
	// unbuffered were 13,000 system calls.
	w := bufio.NewWriterSize(out, 64<<10)
	defer w.Flush()
	hidden := 0
	var line []byte
	for _, p := range problems {
		if p.Acknowledged && !acknowledged {
			hidden++
			continue
		}
		line = append(p.AppendText(line[:0]), '\n')
		w.Write(line)

		if p.Severity == diag.Warning {
			warnings++
		}
	}
	if hidden > 0 {
		fmt.Fprintf(w, "report: %d acknowledged %s not shown (--acknowledged shows %s)\n", hidden, plural(hidden, "warning", "warnings"), plural(hidden, "it", "them"))
	}
	return warnings
}

// fail prints a failed stage's problems, errors and warnings in file order,
// so that each copied chapter's places to check follow it, and a summary.
func fail(stderr io.Writer, err error, warnings []*diag.Problem, acknowledged bool, what, out string) int {
	// The error holds every problem of the content when loading failed, only
	// the failures when rendering or writing did: merged, each is printed
	// once, in file order.
	problems := diag.Sorted(append(slices.Clone(warnings), diag.AsList(err)...))
	printProblems(stderr, problems, acknowledged)
	errs := 0
	for _, p := range problems {
		if p.Severity == diag.Error {
			errs++
		}
	}
	fmt.Fprintf(stderr, "report: %s with %d %s", what, errs, plural(errs, "error", "errors"))
	if out != "" {
		fmt.Fprintf(stderr, "; %s was left as it was", out)
	}
	fmt.Fprintln(stderr)
	return ExitFail
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
