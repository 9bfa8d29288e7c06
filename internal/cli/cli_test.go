package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/nextedition"
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
// shipped site: the editors' work of a year, with the documented commands,
// starting from the latest edition, whatever it is. The scripts name it
// $LATEST (its data year $LATESTDATA); the edition after it is $NEXT
// (data year $NEXTDATA), and the one after that, which skips a data year,
// $SKIP (data year $SKIPDATA, skipping $GAP).
func TestYearlyWorkflow(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/yearly",
		RequireExplicitExec: true,
		Cmds:                yearlyCmds,
		Setup: func(env *testscript.Env) error {
			if err := sitetest.WriteReal(env.WorkDir); err != nil {
				return err
			}
			var problems diag.List
			d := data.Load(os.DirFS(env.WorkDir), &problems)
			latest := d.Latest()
			if err := problems.Err(); err != nil || latest == nil {
				return fmt.Errorf("the shipped site's data: %v", err)
			}
			for k, v := range map[string]int{
				"LATEST": latest.Year, "LATESTDATA": latest.DataYear,
				"NEXT": latest.Year + 1, "NEXTDATA": latest.DataYear + 1,
				"SKIP": latest.Year + 2, "SKIPDATA": latest.DataYear + 2, "GAP": latest.DataYear + 1,
			} {
				env.Setenv(k, strconv.Itoa(v))
			}
			return nil
		},
	})
}

// TestYearlyWorkflow2016 runs the scripts in testdata/yearly2016 on the
// shipped site's 2016 edition alone: the first next edition, 2017, with
// what the copies of the 2016 chapters say, named.
func TestYearlyWorkflow2016(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/yearly2016",
		RequireExplicitExec: true,
		Cmds:                yearlyCmds,
		Setup:               func(env *testscript.Env) error { return sitetest.WriteEdition2016(env.WorkDir) },
	})
}

var yearlyCmds = map[string]func(*testscript.TestScript, bool, []string){
	"cmpdir": cmpDir, "grepdir": grepDir, "typefigures": typeFigures,
}

// typeFigures types a year's figures as an editor would, made from the
// metric model (nextedition.Figures): typefigures YEAR. They grow from the
// latest edition's, with as many clusters as it has.
func typeFigures(ts *testscript.TestScript, neg bool, args []string) {
	year, err := strconv.Atoi(strings.Join(args, ""))
	if neg || len(args) != 1 || err != nil {
		ts.Fatalf("usage: typefigures YEAR")
	}
	var problems diag.List
	d := data.Load(os.DirFS(ts.MkAbs(".")), &problems)
	latest := d.Latest()
	for e := range slices.Values(d.Editions) {
		if e.DataYear < year && e.CopiedFrom == 0 {
			latest = e // the latest edition that is not the new one
		}
	}
	if latest == nil {
		ts.Fatalf("no edition: %v", problems.Err())
	}
	figures := nextedition.Figures(d, latest.DataYear, year, len(latest.Clusters))
	ts.Check(os.WriteFile(ts.MkAbs(filepath.Join("data", "years", strconv.Itoa(year)+".toml")), []byte(figures), 0o644))
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

// TestREADMEShowsTheUsage keeps README's list of the commands the same as
// the usage report prints, which is made from the commands' own flag sets.
func TestREADMEShowsTheUsage(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, list, _ := strings.Cut(usage(), "Usage:\n")
	list, _, _ = strings.Cut(list, "\n\n")
	var want strings.Builder
	for line := range strings.SplitSeq(list, "\n") {
		want.WriteString(strings.TrimPrefix(line, "  ") + "\n")
	}
	if !strings.Contains(string(readme), "```\n"+want.String()+"```\n") {
		t.Errorf("README's list of the commands differs from report's usage; it should read:\n\n%s", want.String())
	}
}
