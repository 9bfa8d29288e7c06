package timing

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// TestNilRecorder records nothing and does not fail: a build without
// --metrics times its stages through a nil *Recorder.
func TestNilRecorder(t *testing.T) {
	var r *Recorder
	r.Stage("load data/", r.Now())
	r.Item("page", "index.html", time.Millisecond)
}

// reportOf records items, each named "kind file", and returns the report of
// a build that took total, with --metrics' share of 8 %.
func reportOf(total time.Duration, items ...Span) string {
	var r Recorder
	for _, it := range items {
		kind, name, _ := strings.Cut(it.Name, " ")
		r.Item(kind, name, it.Dur)
	}
	var b strings.Builder
	r.Report(&b, total, 0.08)
	return b.String()
}

// TestReportSumsEachKind gives one line to each kind of item, chart and
// write among them, with the time summed and the count.
func TestReportSumsEachKind(t *testing.T) {
	report := reportOf(time.Second,
		Span{"markdown content/2016/tal.md", 2 * time.Millisecond},
		Span{"markdown content/2016/_index.md", 3 * time.Millisecond},
		Span{"chart content/2016/tal.md", 4 * time.Millisecond},
		Span{"page 2016/tal/index.html", 5 * time.Millisecond},
		Span{"write 2016/tal/index.html", 6 * time.Millisecond},
		Span{"write index.html", 1 * time.Millisecond},
	)
	for _, want := range []string{
		"markdown items 5ms over 2 (summed across cores)",
		"chart items 4ms over 1 (summed across cores)",
		"page items 5ms over 1 (summed across cores)",
		"write items 7ms over 2 (summed across cores)",
	} {
		if !strings.Contains(words(report), "\n"+want+"\n") {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}
}

// TestReportNamesItems names each item over the share of the whole,
// slowest first, by its kind and its file: "chart content/2016/tal.md",
// not "chart in content/2016/tal.md" as charts once were. When none is, in
// a longer build, it says so and names the three slowest.
func TestReportNamesItems(t *testing.T) {
	items := []Span{
		{"page index.html", 10 * time.Millisecond},
		{"chart content/2016/tal.md", 300 * time.Millisecond},
		{"markdown content/2016/tal.md", 90 * time.Millisecond},
		{"page 2016/tal/index.html", 100 * time.Millisecond},
	}
	for total, end := range map[time.Duration]string{
		time.Second: "\n" +
			"  slow: chart content/2016/tal.md took 300ms, 30.0 % of the build\n" +
			"  slow: page 2016/tal/index.html took 100ms, 10.0 % of the build\n" +
			"  slow: markdown content/2016/tal.md took 90ms, 9.0 % of the build\n",
		10 * time.Second: "\n" +
			"  no single page or chart took more than 8 % of the build; the slowest:\n" +
			"    chart content/2016/tal.md took 300ms\n" +
			"    page 2016/tal/index.html took 100ms\n" +
			"    markdown content/2016/tal.md took 90ms\n",
	} {
		if report := reportOf(total, items...); !strings.HasSuffix(report, end) {
			t.Errorf("report of a build of %v:\n%s\nwant it to end:\n%s", total, report, end)
		}
	}
}

// stageLine is a stage's line of the report: its name, its time, its
// share of the build, and how many cores were busy, where that is known.
var stageLine = regexp.MustCompile(`^  (\S.*?) +(\S+) +(\d+\.\d) %(?: +(\d+\.\d\d) cores)?$`)

// markAgo is a Mark ago in the past, when the process had used cpu less
// CPU time than now.
func markAgo(ago, cpu time.Duration) Mark {
	now, ok := processCPU()
	return Mark{wall: time.Now().Add(-ago), cpu: now - cpu, hasCPU: ok}
}

// TestReportStages lists the stages in the order they ran, each on a line
// of the same columns, even the longest name the build uses, and ending
// with the cores busy meanwhile: 30 ms of CPU over 20 ms are 1.5 cores,
// and a little more for the test's own.
// Where the system does not say (Plan 9, WebAssembly), the lines end at
// the share, with no cores.
func TestReportStages(t *testing.T) {
	_, knowsCPU := processCPU()
	var r Recorder
	names := []string{"load data/", "read what the last build kept, beside loading", "scan content/ and static/", "parse and render Markdown, charts", "load the English version, beside the Danish", "render and write pages"}
	for _, name := range names {
		r.Stage(name, markAgo(20*time.Millisecond, 30*time.Millisecond))
	}
	var b strings.Builder
	r.Report(&b, 100*time.Millisecond, 0.08)
	lines := strings.Split(b.String(), "\n")
	if lines[0] != "metrics: build took 100ms" {
		t.Errorf("first line %q", lines[0])
	}
	for i, name := range names {
		line := lines[1+i]
		m := stageLine.FindStringSubmatch(line)
		if m == nil || m[1] != name {
			t.Errorf("line %d is %q; want the stage %q", 2+i, line, name)
			continue
		}
		if d, err := time.ParseDuration(m[2]); err != nil || d < 20*time.Millisecond {
			t.Errorf("%s took %q; want at least 20ms", name, m[2])
		}
		if !knowsCPU {
			if m[4] != "" {
				t.Errorf("%s kept %q cores busy on a system that does not say", name, m[4])
			}
		} else if cores, err := strconv.ParseFloat(m[4], 64); err != nil || cores < 1.3 || cores > 1.6 {
			t.Errorf("%s kept %q cores busy; want about 1.5", name, m[4])
		}
		if first := lines[1]; utf8.RuneCountInString(line) != utf8.RuneCountInString(first) {
			t.Errorf("the stages' columns differ:\n%s\n%s", first, line)
		}
	}
}

// TestStageWithoutCPU: where the system does not say what CPU time the
// process used, a stage's line ends at its share, with no cores.
func TestStageWithoutCPU(t *testing.T) {
	var r Recorder
	r.Stage("load data/", Mark{wall: time.Now().Add(-time.Millisecond)})
	var b strings.Builder
	r.Report(&b, 10*time.Millisecond, 0.08)
	line := strings.Split(b.String(), "\n")[1]
	if m := stageLine.FindStringSubmatch(line); m == nil || m[1] != "load data/" || m[4] != "" {
		t.Errorf("stage line %q; want the stage without cores", line)
	}
}

// TestReportEmpty does not divide by a zero total, nor fail without items.
func TestReportEmpty(t *testing.T) {
	var r Recorder
	r.Stage("load data/", r.Now())
	var b strings.Builder
	r.Report(&b, 0, 0.08)
	if strings.Contains(b.String(), "NaN") || strings.Contains(b.String(), "Inf") {
		t.Errorf("report:\n%s", b.String())
	}
}

// TestConcurrentItems records from many goroutines, as the parallel stages
// do (run with -race).
func TestConcurrentItems(t *testing.T) {
	var r Recorder
	var wg sync.WaitGroup
	for i := range 800 {
		wg.Go(func() { r.Item("page", fmt.Sprint(i, ".html"), time.Microsecond) })
	}
	wg.Go(func() { r.Stage("render pages", r.Now()) })
	wg.Wait()
	var b strings.Builder
	r.Report(&b, time.Second, 0.08)
	if !strings.Contains(words(b.String()), "\npage items 800µs over 800 (summed across cores)\n") {
		t.Errorf("report:\n%s", b.String())
	}
}

// words returns text with each line's runs of spaces made one, and trimmed.
func words(text string) string {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		lines[i] = strings.Join(strings.Fields(line), " ")
	}
	return strings.Join(lines, "\n")
}
