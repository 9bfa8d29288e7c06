package data

import (
	"errors"
	"fmt"
	"math"
	"report/internal/lang"
	"strconv"
	"strings"

	"report/internal/diag"
)

// MaxSpan is how many years an edition may show.
const MaxSpan = 50

// clusterCountMetric is the metric that holds the number of clusters in a
// year; averages per cluster are checked against it.
const clusterCountMetric = "klynger"

func (d *Data) checkEdition(e *Edition, problems *diag.List) {
	at := func(key string) (int, int) {
		line, col := e.Doc.Pos(key)
		return max(line, 1), col
	}
	requireText(e.Path, at, "title", e.Title, problems)
	if p := e.Published; !p.IsZero() && p.Year <= e.DataYear {
		line, col := at("published")
		problems.Errorf(e.Path, line, col, "published is %s, but the edition's figures run to the end of %d: an edition comes out after its data year", p.W3C(), e.DataYear)
	}
	e.Unconfirmed.warn(e.Doc, problems)
	if _, ok := d.values[e.DataYear]; !ok && !d.brokenYears[e.DataYear] {
		line, col := at("data_year")
		problems.Errorf(e.Path, line, col, "data_year %d has no figures; add data/years/%d.toml", e.DataYear, e.DataYear)
	}
	if e.FirstYear == 0 {
		e.FirstYear = e.DataYear
	}
	switch {
	case e.FirstYear > e.DataYear:
		line, col := at("first_year")
		problems.Errorf(e.Path, line, col, "first_year %d is after data_year %d", e.FirstYear, e.DataYear)
	case e.DataYear-e.FirstYear >= MaxSpan:
		// Every table and chart without years shows them all.
		line, col := at("first_year")
		problems.Errorf(e.Path, line, col, "first_year %d is %d years before data_year %d; an edition shows at most %d years", e.FirstYear, e.DataYear-e.FirstYear, e.DataYear, MaxSpan)
	case e.DataYear < 1900 || e.DataYear > 2999 || e.Year < e.DataYear:
		line, col := at("data_year")
		problems.Errorf(e.Path, line, col, "data_year %d must be a year before the edition's, %d", e.DataYear, e.Year)
	}
	seen := map[string]bool{}
	for _, id := range e.Clusters {
		line, col := at("clusters")
		switch {
		case d.clusters[id] == nil && d.broken["clusters"]:
		case d.clusters[id] == nil:
			problems.Errorf(e.Path, line, col, "unknown cluster %q; add it to data/clusters.toml or correct the id", id)
		case seen[id]:
			problems.Errorf(e.Path, line, col, "cluster %q is listed twice", id)
		}
		seen[id] = true
	}
	for _, id := range e.ECEIGold {
		if !seen[id] {
			line, col := at("ecei_gold")
			problems.Errorf(e.Path, line, col, "ecei_gold names %q, which is not among the edition's clusters", id)
		}
	}
	d.checkClusterCount(e, problems)
	for i := range e.KeyFigures {
		k := &e.KeyFigures[i]
		if k.Year == 0 && k.Figure == "" {
			k.Year = d.DefaultYear(k.Metric, e.DataYear) // the latest figure, by default
		}
		if _, err := d.KeyFigureNumber(*k); err != nil && !errors.Is(err, ErrIncomplete) {
			line, col := posFunc(e.Doc, "key_figure", i)("metric")
			problems.Errorf(e.Path, line, col, "key figure: %v", err)
		}
	}
}

// checkClusterCount refuses an edition whose list of clusters disagrees
// with the number of clusters its data year's figures were counted from:
// the site would state both.
func (d *Data) checkClusterCount(e *Edition, problems *diag.List) {
	n, ok := d.values[e.DataYear][clusterCountMetric]
	if !ok || len(e.Clusters) == 0 || int(n) == len(e.Clusters) {
		return
	}
	line, col := e.Doc.Pos("clusters")
	problems.Errorf(e.Path, max(line, 1), col, "clusters lists %d clusters, but %s gives %s = %s for %d; list the clusters that reported, or correct the figure",
		len(e.Clusters), d.Source(clusterCountMetric, e.DataYear), clusterCountMetric, lang.Danish.Number(n, 0), e.DataYear)
}

// KeyFigureNumber returns the figure as it is shown, without its prefix:
// "12.000" for 11.708 rounded to thousands.
func (d *Data) KeyFigureNumber(k KeyFigure) (string, error) {
	if strings.TrimSpace(k.Text) == "" {
		return "", fmt.Errorf(`"text" is required: the words that follow the figure`)
	}
	if k.Figure != "" {
		if k.Metric != "" || k.Year != 0 {
			return "", fmt.Errorf(`give either "figure" or "metric" and "year", not both`)
		}
		return k.Figure, nil
	}
	v, _, err := d.Lookup(k.Metric, k.Year)
	if err != nil {
		return "", err
	}
	if k.Round != 0 && !lang.ValidStep(k.Round) {
		return "", fmt.Errorf("round must be a step like 10, 100, 500 or 1000, not %v", k.Round)
	}
	return d.FormatAs(k.Metric, k.Year, lang.Rounded(v, k.Round)), nil
}

// Lookup returns a metric's value for a year, or an error that says what is
// missing and what to do.
func (d *Data) Lookup(metricID string, year int) (float64, *Metric, error) {
	m := d.metrics[metricID]
	switch {
	case m == nil && d.broken["metrics"], d.ValueBroken(year, metricID):
		return 0, m, ErrIncomplete
	case m == nil:
		return 0, nil, fmt.Errorf("unknown metric %q; metrics are defined in data/metrics.toml", metricID)
	}
	if _, ok := d.values[year]; !ok && m.Study == nil && d.Gap(year) {
		return 0, m, fmt.Errorf("no edition has figures for %d: the series has a gap there; name a year that has figures, like %d, the last one before it", year, d.before(year))
	}
	if _, ok := d.values[year]; !ok && m.Study == nil {
		return 0, m, fmt.Errorf("no figures for %d; add data/years/%d.toml", year, year)
	}
	if m.Study != nil && year != m.Study.Year {
		return 0, m, fmt.Errorf("%q is a figure of study %q, for %d only; write {{%s}}", metricID, m.Study.ID, m.Study.Year, metricID)
	}
	v, ok := d.Value(metricID, year)
	if !ok {
		return 0, m, fmt.Errorf("metric %q has no figure for %d in data/years/%d.toml", metricID, year, year)
	}
	return v, m, nil
}

// before is the last year before year that has figures.
func (d *Data) before(year int) int {
	for i := len(d.years) - 1; i >= 0; i-- {
		if d.years[i] < year {
			return d.years[i]
		}
	}
	return year - 1
}

// checkArithmetic warns where the source's own figures disagree: parts that
// do not add up to their total, a "heraf" row above its total, an average per
// cluster that does not match the total. The figures stay as printed; the
// warning lets an editor add a note.
func (d *Data) checkArithmetic(problems *diag.List) {
	for _, year := range d.years {
		for _, m := range d.Metrics {
			d.checkParts(m, year, problems)
			d.checkBelowParent(m, year, problems)
			d.checkAverage(m, year, problems)
			d.checkShare(m, year, problems)
		}
	}
}

// checkShare warns where a share computed from two figures comes out above
// the whole, unless the year's notes explain it: the pages then show the
// explanation beside the figure.
func (d *Data) checkShare(m *Metric, year int, problems *diag.List) {
	if !m.Derived() || m.Unit != "%" || d.notes[year][m.ID].Da != "" {
		return
	}
	v, ok := d.Value(m.ID, year)
	if !ok || v <= 100 {
		return
	}
	num, den := m.Ratio[0], m.Ratio[1]
	a, _ := d.Value(num, year)
	b, _ := d.Value(den, year)
	d.warnAt(year, num, problems, "%q is %s for %d, more than the whole: %s (%s) is larger than %s (%s). If both figures are right, explain it under [notes] in this file, %s = \"…\"; the pages show the explanation beside the figure",
		m.ID, lang.Danish.Number(v, m.Decimals)+" %", year, num, lang.Danish.Number(a, 0), den, lang.Danish.Number(b, 0), m.ID)
}

func (d *Data) checkParts(m *Metric, year int, problems *diag.List) {
	total, ok := d.values[year][m.ID]
	children := d.Children(m.ID)
	if !m.PartsSum || !ok || len(children) == 0 {
		return
	}
	sum := 0.0
	for _, c := range children {
		v, ok := d.values[year][c.ID]
		if !ok {
			return
		}
		sum += v
	}
	if tolerance := float64(len(children)) * halfUnit(children[0].Decimals); math.Abs(sum-total) > tolerance {
		d.warnAt(year, m.ID, problems, "the parts of %q add up to %s, not to its total %s",
			m.ID, m.Format(lang.Danish, sum), m.Format(lang.Danish, total))
	}
}

func (d *Data) checkBelowParent(m *Metric, year int, problems *diag.List) {
	v, ok := d.values[year][m.ID]
	parent := d.metrics[m.Parent]
	if !ok || parent == nil || parent.Unit != m.Unit {
		return
	}
	if total, ok := d.values[year][parent.ID]; ok && v > total {
		d.warnAt(year, m.ID, problems, "%q (%s) is larger than its total %q (%s)",
			m.ID, m.Format(lang.Danish, v), parent.ID, parent.Format(lang.Danish, total))
	}
}

func (d *Data) checkAverage(m *Metric, year int, problems *diag.List) {
	if m.AverageOf == "" {
		return
	}
	avg, ok1 := d.values[year][m.ID]
	total, ok2 := d.values[year][m.AverageOf]
	count, ok3 := d.values[year][clusterCountMetric]
	if !ok1 || !ok2 || !ok3 || count == 0 {
		return
	}
	// The source rounds both the total and the average, so allow both roundings.
	tolerance := halfUnit(d.printedDecimals(m.ID, year)) + halfUnit(d.printedDecimals(m.AverageOf, year))/count
	if expected := total / count; math.Abs(avg-expected) > tolerance+1e-9 {
		d.warnAt(year, m.ID, problems, "average %s does not match %s / %s clusters = %s",
			d.FormatAs(m.ID, year, avg), d.FormatAs(m.AverageOf, year, total), lang.Danish.Number(count, 0), lang.Danish.Number(expected, m.Decimals+1))
	}
}

func (d *Data) warnAt(year int, metricID string, problems *diag.List, format string, args ...any) {
	line, col := d.yearDocs[year].Pos(metricID)
	problems.Warnf(diag.Figures, "data/years/"+strconv.Itoa(year)+".toml", line, col, format, args...)
}

// printedDecimals is how many decimals the source printed for a figure.
func (d *Data) printedDecimals(metricID string, year int) int {
	if d.wholes[year][metricID] {
		return 0
	}
	return d.metrics[metricID].Decimals
}

func halfUnit(decimals int) float64 { return 0.5 * math.Pow10(-decimals) }
