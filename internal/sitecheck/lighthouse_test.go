//go:build sitecheck

package sitecheck

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

var lighthouse = flag.String("lighthouse", "", "tools/site-check/lighthouse-pages.mjs, which runs Lighthouse on many pages in one browser (make check-site gives it)")

// lighthousePages are a page of each kind a reader lands on, in both
// languages: the front page, a chapter with charts and tables, a case
// story, the list of all figures, a metric's page, the page about the
// open data, and a search from a shared link.
var lighthousePages = []string{
	"/", "/2016/udviklingen-2012-2015/", "/2016/cases/konkurrenter-brander-sig-sammen/", "/tal/", "/tal/omsaetning/", "/tal/data/", "/soeg/?q=eksport",
	"/en/", "/en/2016/udviklingen-2012-2015/", "/en/2016/cases/konkurrenter-brander-sig-sammen/", "/en/tal/", "/en/tal/omsaetning/", "/en/tal/data/", "/en/soeg/?q=export",
}

// maxShift is the most layout shift a page may have (Lighthouse's
// cumulative-layout-shift): a shared search link once scored 0.389, its
// results pushing the footer down.
const maxShift = 0.05

// lighthouseMin are the scores each page must reach, out of 100.
var lighthouseMin = map[string]int{"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}

// TestLighthouse runs Lighthouse 12 (mobile, its default) on each page and
// holds it to the scores above, naming the audits that cost points. The
// pages run one after another in one browser (tools/site-check/
// lighthouse-pages.mjs): a browser and a Node started for each page were
// about 5 of the 13 seconds a page took.
func TestLighthouse(t *testing.T) {
	if *siteDir == "" || *lighthouse == "" {
		t.Fatal("give -site DIR and -lighthouse FILE; make check-site does")
	}
	_, srv := serveSite(t)
	urls := make([]string, len(lighthousePages))
	for i, p := range lighthousePages {
		urls[i] = srv.URL + p
	}
	reports, failed := runLighthouse(t, urls)
	for i, p := range lighthousePages {
		name := strings.Trim(strings.ReplaceAll(p, "?", "-"), "/")
		if name == "" {
			name = "forside"
		}
		t.Run(name, func(t *testing.T) {
			report, ok := reports[i], !failed[i]
			if !ok {
				t.Fatalf("%s: Lighthouse gave no report", p)
			}
			// Performance is simulated from a trace taken on this machine,
			// which CI shares with other work: a slow moment costs a few
			// points (91 once, 100 the next run). The best of three runs
			// measures the page rather than the moment.
			for try := 1; try < 3 && report.Categories["performance"].Score < float64(lighthouseMin["performance"])/100; try++ {
				t.Logf("%s: performance %.0f on run %d; running again", p, report.Categories["performance"].Score*100, try)
				again, none := runLighthouse(t, urls[i:i+1])
				if none[0] {
					t.Fatalf("%s: Lighthouse gave no report on run %d", p, try+1)
				}
				report = again[0]
			}
			if cls := report.Audits["cumulative-layout-shift"].NumericValue; cls > maxShift {
				t.Errorf("%s: the layout shifts by %.3f, more than %.2f", p, cls, maxShift)
			}
			for cat, least := range lighthouseMin {
				c, ok := report.Categories[cat]
				if !ok {
					t.Errorf("%s: no %s score", p, cat)
					continue
				}
				score := int(c.Score*100 + 0.5)
				t.Logf("%s: %s %d", p, cat, score)
				if score < least {
					t.Errorf("%s: %s scores %d, below %d; failing audits: %s", p, cat, score, least, report.failing(c))
				}
			}
		})
	}
}

type lighthouseReport struct {
	Categories map[string]struct {
		Score     float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Title        string   `json:"title"`
		Score        *float64 `json:"score"`
		NumericValue float64  `json:"numericValue"`
	} `json:"audits"`
}

// failing names the weighted audits of a category that did not pass.
func (r lighthouseReport) failing(c struct {
	Score     float64 `json:"score"`
	AuditRefs []struct {
		ID     string  `json:"id"`
		Weight float64 `json:"weight"`
	} `json:"auditRefs"`
}) string {
	var out []string
	for _, ref := range c.AuditRefs {
		a := r.Audits[ref.ID]
		if ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
			out = append(out, fmt.Sprintf("%s (%.2f)", a.Title, *a.Score))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// runLighthouse runs Lighthouse on each of urls, in one browser, and
// returns their reports in the same order; failed marks a page that gave
// none, which the script names on its standard error, logged here.
func runLighthouse(t *testing.T, urls []string) (reports []lighthouseReport, failed []bool) {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(len(urls))*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", append([]string{*lighthouse, dir}, urls...)...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+*chromium)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Logf("lighthouse: %v\n%s", err, b)
	}
	reports, failed = make([]lighthouseReport, len(urls)), make([]bool, len(urls))
	for i := range urls {
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%d.json", i)))
		if err == nil {
			err = json.Unmarshal(b, &reports[i])
		}
		if err != nil {
			t.Logf("%s: %v", urls[i], err)
			failed[i] = true
		}
	}
	return reports, failed
}
