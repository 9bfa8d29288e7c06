package pipeline

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"report/internal/sitetest"
	"report/internal/timing"
)

// TestTimingNamesEveryKind publishes the test site with a chart and every
// item named in the report (a share of 0): each kind of item is summed,
// write among them, and each item is named by its kind and its file, a
// chart too ("chart content/2016/graf.md", once "chart in …"); the stages
// are listed in the order they ran.
func TestTimingNamesEveryKind(t *testing.T) {
	fsys := sitetest.FS(t, sitetest.Parse(chartChapter))
	rec := &timing.Recorder{}
	if _, _, err := Publish(context.Background(), fsys, Options{Timing: rec}, filepath.Join(t.TempDir(), "public")); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rec.Report(&b, time.Hour, 0)
	report := b.String()
	sitetest.AssertContains(t, "the report", report, `
		markdown items
		chart items
		page items
		write items
		slow: markdown content/2016/graf.md took
		slow: chart content/2016/graf.md took
		slow: page 2016/graf/index.html took
		slow: write 2016/graf/index.html took
		! chart in
	`)
	last := -1
	for _, stage := range []string{"load data/ and i18n/", "scan content/ and static/", "parse and render Markdown, charts", "draw the metrics' histories", "check links", "parse templates", "render and write pages"} {
		i := strings.Index(report, "\n  "+stage+" ")
		if i < 0 || i < last {
			t.Errorf("the stage %q is missing or out of order:\n%s", stage, report)
		}
		last = i
	}
}
