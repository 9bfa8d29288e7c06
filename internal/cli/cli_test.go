package cli

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"report/internal/sitetest"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"report": func() { os.Exit(Main()) },
	})
}

// TestScripts runs the scripts in testdata/script. Each starts in a folder
// holding the small test site (testdata/sites/base) with the real layouts and
// static files; files in the script's archive replace the site's own.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup:               func(env *testscript.Env) error { return sitetest.WriteBase(env.WorkDir) },
	})
}

// TestYearlyWorkflow runs the scripts in testdata/yearly on a copy of the
// shipped site: the editors' work of a year, with the documented commands.
func TestYearlyWorkflow(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/yearly",
		RequireExplicitExec: true,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"cmpdir": cmpDir, "grepdir": grepDir},
		Setup:               func(env *testscript.Env) error { return sitetest.WriteReal(env.WorkDir) },
	})
}

// cmpDir compares two folders file by file: cmpdir a b.
func cmpDir(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmpdir dir1 dir2")
	}
	a, b := readTree(ts, ts.MkAbs(args[0])), readTree(ts, ts.MkAbs(args[1]))
	var diffs []string
	for name, data := range a {
		if other, ok := b[name]; !ok {
			diffs = append(diffs, name+" only in "+args[0])
		} else if !bytes.Equal(data, other) {
			diffs = append(diffs, name+" differs")
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			diffs = append(diffs, name+" only in "+args[1])
		}
	}
	slices.Sort(diffs)
	switch {
	case neg && len(diffs) == 0:
		ts.Fatalf("%s and %s are the same", args[0], args[1])
	case !neg && len(diffs) > 0:
		ts.Fatalf("%s and %s differ:\n%s", args[0], args[1], strings.Join(diffs, "\n"))
	}
}

// grepDir looks for a regular expression in every file of a folder: grepdir
// pattern dir; with !, no file may match.
func grepDir(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: grepdir pattern dir")
	}
	re := regexp.MustCompile(args[0])
	var found []string
	for name, data := range readTree(ts, ts.MkAbs(args[1])) {
		if loc := re.FindIndex(data); loc != nil {
			found = append(found, name+": "+string(data[max(0, loc[0]-40):min(len(data), loc[1]+40)]))
		}
	}
	slices.Sort(found)
	switch {
	case neg && len(found) > 0:
		ts.Fatalf("%q found in %s:\n%s", args[0], args[1], strings.Join(found, "\n"))
	case !neg && len(found) == 0:
		ts.Fatalf("%q found in no file of %s", args[0], args[1])
	}
}

func readTree(ts *testscript.TestScript, dir string) map[string][]byte {
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	ts.Check(err)
	return out
}

func TestUsage(t *testing.T) {
	if code := Run(context.Background(), nil, io.Discard, io.Discard); code != ExitUsage {
		t.Errorf("no arguments: exit %d, want %d", code, ExitUsage)
	}
	if code := Run(context.Background(), []string{"frobnicate"}, io.Discard, io.Discard); code != ExitUsage {
		t.Errorf("unknown command: exit %d, want %d", code, ExitUsage)
	}
}
