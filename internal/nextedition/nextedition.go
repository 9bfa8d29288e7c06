// Package nextedition adds a made-up next edition to a copy of a site, the
// way the README's yearly workflow tells an editor to: `report new
// edition`, the year's figures typed, each copy confirmed, a case story
// written. The content belongs to the editors, so the tests that read the
// shipped site must hold for whatever edition they add next; `make test`
// runs them a second time over a site this package made.
//
// The edition skips data years, as a real later edition of the report did,
// so that the tests also meet a gap in the series. Its figures come from
// the metric model: the latest year's figures grown a little, with every
// total, part and average made to agree, and its cluster list is shorter
// than the latest edition's.
package nextedition

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/scaffold"
	"report/internal/site"
)

// Edition is what Add made.
type Edition struct {
	Year     int   // the edition's year
	DataYear int   // the year its figures are for
	Skipped  []int // the data years between the latest edition's and this one's
	Clusters int   // how many clusters reported
	Case     string
}

// Add writes the edition after the latest one into the site at root, its
// data year skip years after the latest edition's, and confirms every copy
// as the README's documented edits do.
func Add(root string, skip int) (*Edition, error) {
	d, err := load(root)
	if err != nil {
		return nil, err
	}
	latest := d.Latest()
	if latest == nil {
		return nil, errors.New("the site has no edition to start from")
	}
	started, err := scaffold.NewEdition(root, latest.Year+1+skip)
	if err != nil {
		return nil, err
	}
	ed := &Edition{Year: latest.Year + 1 + skip, DataYear: started.DataYear, Skipped: started.Skipped}
	clusters := latest.Clusters
	if len(clusters) > 3 {
		clusters = clusters[:len(clusters)-3] // fewer clusters reported
	}
	ed.Clusters = len(clusters)
	figures := Figures(d, latest.DataYear, ed.DataYear, len(clusters))
	if err := os.WriteFile(filepath.Join(root, "data", "years", strconv.Itoa(ed.DataYear)+".toml"), []byte(figures), 0o644); err != nil {
		return nil, err
	}
	if err := confirmEdition(root, ed.Year, clusters, latest.ECEIGold); err != nil {
		return nil, err
	}
	if err := confirmChapters(root, ed, d.Years()); err != nil {
		return nil, err
	}
	ed.Case, err = writeCase(root, ed.Year, clusters[0])
	return ed, err
}

func load(root string) (*data.Data, error) {
	var problems diag.List
	d := data.Load(os.DirFS(root), &problems)
	return d, problems.Err()
}

// Figures writes a year's file of figures made from the metric model: each
// metric the year from has a figure for, grown by a tenth (a share kept
// as it was), then every
// "heraf" total made the sum of its parts and every average per cluster
// its total over the clusters, so that the data's own checks find nothing
// to warn about. A metric the year from lacks is left out, as a figure that
// was not collected.
func Figures(d *data.Data, from, year, clusters int) string {
	values := map[string]float64{}
	for _, m := range d.Metrics {
		if m.Derived() || m.Study != nil {
			continue
		}
		if v, ok := d.Value(m.ID, from); ok && m.Unit == "%" {
			values[m.ID] = v // a share cannot grow past the whole
		} else if ok {
			values[m.ID] = round(v*1.1, m.Decimals)
		}
	}
	if _, ok := values["klynger"]; ok {
		values["klynger"] = float64(clusters)
	}
	// Deepest parts first, so a total made of totals adds up too.
	byDepth := slices.Clone(d.Metrics)
	slices.SortStableFunc(byDepth, func(a, b *data.Metric) int { return d.Depth(b.ID) - d.Depth(a.ID) })
	for _, m := range byDepth {
		if _, ok := values[m.ID]; !ok || !m.PartsSum {
			continue
		}
		sum, all := 0.0, true
		for _, c := range d.Children(m.ID) {
			v, ok := values[c.ID]
			sum, all = sum+v, all && ok
		}
		if all && len(d.Children(m.ID)) > 0 {
			values[m.ID] = round(sum, m.Decimals)
		}
	}
	for _, m := range d.Metrics {
		total, ok := values[m.AverageOf]
		if _, has := values[m.ID]; has && ok && m.AverageOf != "" && values["klynger"] > 0 {
			values[m.ID] = round(total/values["klynger"], m.Decimals)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Figures for %d, made from the metric model by tools/nextedition for the tests.\n\n", year)
	for _, m := range d.Metrics {
		if v, ok := values[m.ID]; ok {
			fmt.Fprintf(&b, "%s = %s\n", m.ID, strconv.FormatFloat(v, 'f', m.Decimals, 64))
		}
	}
	return b.String()
}

func round(v float64, decimals int) float64 {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	r, _ := strconv.ParseFloat(s, 64)
	return r
}

var (
	copiedFrom = regexp.MustCompile(`(?m)^copied_from = \d+\n`)
	published  = regexp.MustCompile(`(?m)^# published = (\d{4}-\d\d-\d\d).*$`)
	// list matches a list of ids, on one line as the CMS writes it or over
	// several: ids hold no "]".
	list = func(key string) *regexp.Regexp { return regexp.MustCompile(`(?ms)^` + key + ` = \[.*?\]`) }
)

// confirmEdition makes the edition's file say what the editor confirms:
// the clusters that reported, the gold labels among them, the day the
// edition comes out, and no copied_from.
func confirmEdition(root string, year int, clusters, gold []string) error {
	p := filepath.Join(root, "data", "editions", strconv.Itoa(year)+".toml")
	src, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var kept []string
	for _, id := range gold {
		if slices.Contains(clusters, id) {
			kept = append(kept, id)
		}
	}
	s := copiedFrom.ReplaceAllString(string(src), "")
	s = published.ReplaceAllString(s, "published = $1")
	s = list("clusters").ReplaceAllLiteralString(s, tomlList("clusters", clusters))
	s = list("ecei_gold").ReplaceAllLiteralString(s, tomlList("ecei_gold", kept))
	return os.WriteFile(p, []byte(s), 0o644)
}

// tomlList writes a list of ids as the editors' CMS does: on one line.
func tomlList(key string, ids []string) string {
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = strconv.Quote(id)
	}
	return key + " = [ " + strings.Join(quoted, ", ") + " ]"
}

var (
	changeLine = regexp.MustCompile(`(?m)^change = \[.*\]`)
	reference  = regexp.MustCompile(`\{\{[^{}]*\}\}`)
	relative   = regexp.MustCompile(`dataår-(\d+)`)
)

// confirmChapters deletes each copy's copied_from line, and points every
// change column and reference of a copy that names a year no edition
// covers at the last year before the gap, as `report check` tells the
// editor to. The years a chart or table shows are left as they are: a
// chart keeps the gap's slot empty.
func confirmChapters(root string, ed *Edition, years []int) error {
	dir := filepath.Join(root, site.ContentDir, strconv.Itoa(ed.Year))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	covered := func(y int) bool { return y == ed.DataYear || slices.Contains(years, y) }
	beforeGap := func(m string) string {
		return relative.ReplaceAllStringFunc(m, func(r string) string {
			back, _ := strconv.Atoi(r[len("dataår-"):])
			for back < 100 && !covered(ed.DataYear-back) {
				back++
			}
			return "dataår-" + strconv.Itoa(back)
		})
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := copiedFrom.ReplaceAllString(string(src), "")
		s = changeLine.ReplaceAllStringFunc(s, beforeGap)
		s = reference.ReplaceAllStringFunc(s, beforeGap)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeCase adds a case story with `report new case` and fills it in, with
// its English translation when the edition has an English version.
func writeCase(root string, year int, cluster string) (string, error) {
	rel, err := scaffold.NewCase(root, year, cluster, fmt.Sprintf("Ny viden gav nye produkter i %d", year))
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, rel)
	src, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	fill := strings.NewReplacer(
		`theme = ""`, `theme = "`+site.ThemeIDs()[0]+`"`,
		`summary = ""`, `summary = "Et møde i klyngen blev til et nyt produkt."`,
		`text = ""`, `text = "Vi mødte de rette partnere i klyngen."`,
		`person = ""`, `person = "Anna Jensen"`,
		`role = ""`, `role = "Direktør"`,
		`organisation = ""`, `organisation = "Eksempel ApS"`,
		site.StoryPlaceholder, "Virksomheden mødte en videninstitution i klyngen og udviklede et nyt produkt sammen med den.",
	)
	if err := os.WriteFile(p, []byte(fill.Replace(string(src))), 0o644); err != nil {
		return "", err
	}
	front := filepath.Join(root, site.ContentDir, strconv.Itoa(year), "_index.en.md")
	if _, err := os.Stat(front); err != nil {
		return rel, nil // no English version
	}
	en := fmt.Sprintf(`+++
title = "New knowledge led to new products in %d"
summary = "A meeting in the cluster became a new product."

[quote]
text = "We met the right partners in the cluster."
role = "Managing Director"
+++

The company met a knowledge institution in the cluster and developed a new product with it.
`, year)
	return rel, os.WriteFile(strings.TrimSuffix(p, ".md")+".en.md", []byte(en), 0o644)
}
