package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary stand in for the programs alternate runs:
// with ALTERNATE_TEST_LOG set it notes its name and arguments there, and
// with ALTERNATE_TEST_FAIL set it fails as a broken build does.
func TestMain(m *testing.M) {
	if os.Getenv("ALTERNATE_TEST_FAIL") != "" {
		os.Exit(1)
	}
	if log := os.Getenv("ALTERNATE_TEST_LOG"); log != "" {
		f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			os.Exit(3)
		}
		_, err = f.WriteString(filepath.Base(os.Args[0]) + " " + strings.Join(os.Args[1:], " ") + "\n")
		if f.Close() != nil || err != nil {
			os.Exit(3)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// stand copies the test binary to dir/name, to be run as a program.
func stand(t *testing.T, dir, name string) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.Open(self)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	path := filepath.Join(dir, name)
	dst, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSplit(t *testing.T) {
	programs, args, ok := split([]string{"a", "b", "--", "build", "--out", "/tmp/{}"})
	if !ok || strings.Join(programs, " ") != "a b" || strings.Join(args, " ") != "build --out /tmp/{}" {
		t.Errorf("split = %q, %q, %v", programs, args, ok)
	}
	for _, words := range [][]string{{"a", "b"}, {"--", "build"}, nil} {
		if _, _, ok := split(words); ok {
			t.Errorf("split(%q) accepted a command line without programs and --", words)
		}
	}
}

func TestNames(t *testing.T) {
	got := names([]string{"/tmp/before/report", "/tmp/after/report", "bin/other"})
	want := []string{"1-report", "2-report", "other"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("names = %q, want %q", got, want)
	}
}

// TestRun alternates two programs that write where {} names, and checks
// that each ran every time, in turn, with its own name in its arguments,
// and that the files are what benchstat reads.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	t.Setenv("ALTERNATE_TEST_LOG", log)
	var out strings.Builder
	results := filepath.Join(dir, "results")
	programs := []string{stand(t, dir, "before"), stand(t, dir, "after")}
	if err := run(&out, programs, []string{"build", "--out", "/x/{}"}, 3, "Edition", results, options{}); err != nil {
		t.Fatal(err)
	}
	ran, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(ran)), "\n")
	if len(lines) != 6 {
		t.Fatalf("ran %d times, want 6:\n%s", len(lines), ran)
	}
	for i, line := range lines {
		want := "before build --out /x/before"
		if i%2 == 1 {
			want = "after build --out /x/after"
		}
		if !strings.HasSuffix(line, want) {
			t.Errorf("run %d: %q, want it to end %q", i+1, line, want)
		}
	}
	for _, name := range []string{"before", "after"} {
		b, err := os.ReadFile(filepath.Join(results, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(got) != 3 || !strings.HasPrefix(got[0], "BenchmarkEdition 1 ") || !strings.Contains(got[0], " ns/op ") || !strings.HasSuffix(got[0], " faults/op") {
			t.Errorf("%s.txt is no benchstat input:\n%s", name, b)
		}
		if !strings.Contains(out.String(), name+" ") || !strings.Contains(out.String(), "median of 3") {
			t.Errorf("the summary does not give %s's medians:\n%s", name, out.String())
		}
	}
}

// TestRunStopsAtAFailure: a build that fails is no timing.
func TestRunStopsAtAFailure(t *testing.T) {
	t.Setenv("ALTERNATE_TEST_FAIL", "1")
	dir := t.TempDir()
	err := run(&strings.Builder{}, []string{stand(t, dir, "broken")}, nil, 3, "X", filepath.Join(dir, "results"), options{})
	if err == nil || !strings.Contains(err.Error(), "exit status 1") {
		t.Errorf("run of a failing program: %v, want its exit status", err)
	}
}

// TestRunAroundEachRun: -warm runs each program once more, untimed, and
// -before runs its command before every run, timed or not, with {} as the
// program's name; the results hold the timed runs only.
func TestRunAroundEachRun(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	t.Setenv("ALTERNATE_TEST_LOG", log)
	results := filepath.Join(dir, "results")
	programs := []string{stand(t, dir, "before"), stand(t, dir, "after")}
	o := options{warm: true, before: "echo edit {} >> " + log, pause: time.Millisecond}
	if err := run(&strings.Builder{}, programs, []string{"build"}, 2, "Edit", results, o); err != nil {
		t.Fatal(err)
	}
	ran, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	want := "before build\nafter build\n" + strings.Repeat("edit before\nbefore build\nedit after\nafter build\n", 2)
	if string(ran) != want {
		t.Errorf("ran:\n%s\nwant:\n%s", ran, want)
	}
	b, err := os.ReadFile(filepath.Join(results, "after.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "BenchmarkEdit 1 "); n != 2 {
		t.Errorf("after.txt holds %d runs, want the 2 timed:\n%s", n, b)
	}
	err = run(&strings.Builder{}, programs, []string{"build"}, 1, "Edit", results, options{before: "exit 3"})
	if err == nil || !strings.Contains(err.Error(), "-before") {
		t.Errorf("a failing -before: %v, want it named", err)
	}
}
