package data

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"report/internal/diag"
	"report/internal/lang"
)

// A metric's figures: looked up, formatted as the report prints them,
// compared across years, and named.

// Value returns a metric's figure for a year; ok is false where the source
// gives none. Ratios are computed from their parts.
func (d *Data) Value(metricID string, year int) (v float64, ok bool) {
	m := d.metrics[metricID]
	if m == nil {
		return 0, false
	}
	if m.Derived() {
		num, ok1 := d.Value(m.Ratio[0], year)
		den, ok2 := d.Value(m.Ratio[1], year)
		if !ok1 || !ok2 || den == 0 {
			return 0, false
		}
		if m.Unit == "%" {
			return num / den * 100, true
		}
		return num / den, true
	}
	if m.Study != nil {
		v, ok = d.studyValues[metricID]
		return v, ok && year == m.Study.Year
	}
	v, ok = d.values[year][metricID]
	return v, ok
}

// DefaultYear is the year a reference to the metric without a year means:
// the edition's data year, or, for a study's figure, the study's year.
func (d *Data) DefaultYear(metricID string, dataYear int) int {
	if m := d.metrics[metricID]; m != nil && m.Study != nil {
		return m.Study.Year
	}
	return dataYear
}

// Display returns a metric's figure for a year as the report prints it, and
// false where the source gives none.
func (d *Data) Display(metricID string, year int) (string, bool) {
	v, ok := d.Value(metricID, year)
	if !ok {
		return "", false
	}
	return d.FormatAs(metricID, year, v), true
}

// FormatAs formats v as the metric's figure for the year is printed.
func (d *Data) FormatAs(metricID string, year int, v float64) string {
	m := d.metrics[metricID]
	if m == nil {
		return d.Lang().Number(v, 0)
	}
	if m.Shown != "" {
		return m.Shown
	}
	if d.wholes[year][metricID] {
		whole := *m
		whole.Decimals = 0
		return whole.Format(d.Lang(), v)
	}
	return m.Format(d.Lang(), v)
}

// Source names where a figure comes from, as file:line, for messages that
// must point an editor at both places of a disagreement.
func (d *Data) Source(metricID string, year int) string {
	m := d.metrics[metricID]
	if m != nil && m.Derived() {
		return "computed from " + strings.Join(m.Ratio, " / ")
	}
	if m != nil && m.Study != nil {
		return studiesFile
	}
	name := "data/years/" + strconv.Itoa(year) + ".toml"
	if line, _ := d.yearDocs[year].Pos(metricID); line > 0 {
		return name + ":" + strconv.Itoa(line)
	}
	return name
}

// Change returns the change from one year to another in percent of the first,
// computed from the figures as printed; ok is false when either is missing or
// the first is zero.
func (d *Data) Change(metricID string, from, to int) (pct float64, ok bool) {
	a, ok1 := d.Value(metricID, from)
	b, ok2 := d.Value(metricID, to)
	if !ok1 || !ok2 || a == 0 {
		return 0, false
	}
	return (b - a) / a * 100, true
}

// ChangeText is the change from one year to another as a table's change
// column shows it: in percent of the first year ("−22"), except for a share,
// whose change is the difference in percentage points ("+16 pct.-point"): a
// share going from 36 % to 52 % has not grown by 44 %.
func (d *Data) ChangeText(metricID string, from, to int) (string, bool) {
	if m := d.metrics[metricID]; m != nil && m.Unit == "%" {
		a, ok1 := d.Value(metricID, from)
		b, ok2 := d.Value(metricID, to)
		if !ok1 || !ok2 {
			return "", false
		}
		return d.Lang().Change(b-a) + d.Lang().Points, true
	}
	pct, ok := d.Change(metricID, from, to)
	if !ok {
		return "", false
	}
	return d.Lang().Change(pct), true
}

// Children lists the metrics whose parent is the given one, in catalogue order.
func (d *Data) Children(metricID string) []*Metric {
	var out []*Metric
	for _, m := range d.Metrics {
		if m.Parent == metricID {
			out = append(out, m)
		}
	}
	return out
}

// Title is a metric's name where no table says what it belongs to: its own
// page and the list of all figures. A label as printed often leans on its
// table ("Staten" under a total, "Gennemsnit per klynge" below a count), so
// unless the metric gives a title, a "heraf" row is named after its parent
// and an average after what it averages: "Samlet omsætning ekskl. in kind –
// heraf staten".
func (d *Data) Title(metricID string) string {
	return d.title(metricID, len(d.Metrics))
}

func (d *Data) title(id string, hops int) string {
	m := d.metrics[id]
	switch {
	case m == nil:
		return id
	case m.Title != "":
		return m.Title
	case hops <= 0: // a cycle, which the checks report
		return m.Label
	case m.Parent != "":
		l := d.Lang()
		label := strings.TrimPrefix(m.Label, upperFirst(l.OfWhich)+" ")
		return d.title(m.Parent, hops-1) + " – " + l.OfWhich + " " + lowerFirst(label)
	case m.AverageOf != "":
		return d.title(m.AverageOf, hops-1) + " – " + d.Lang().PerCluster
	}
	return m.Label
}

// lowerFirst lowers a label's capital where it only starts a sentence:
// "Staten" → "staten", but "EU" and "B2B-samarbejde" stay as they are.
func upperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// Depth is how many parents a metric has: 0 for a total, 1 for a "heraf" row.
func (d *Data) Depth(metricID string) int {
	depth := 0
	for m := d.metrics[metricID]; m != nil && m.Parent != "" && depth < len(d.Metrics); m = d.metrics[m.Parent] {
		depth++
	}
	return depth
}

// checkMetricKind gives the metric its kind, from metrics.toml or by
// default, and refuses one that contradicts its unit or decimals.
func checkMetricKind(name string, at func(string) (int, int), m *Metric, problems *diag.List) {
	if m.Kind == "" {
		m.Kind = defaultKind(m)
		return
	}
	line, col := at("kind")
	switch {
	case !slices.Contains(kinds, m.Kind):
		problems.Errorf(name, line, col, "metric %q: kind must be count, amount or share, not %q (see docs/content-model.md)", m.ID, m.Kind)
		m.Kind = defaultKind(m)
	case m.Kind == Count && m.Decimals != 0:
		problems.Errorf(name, line, col, "metric %q: a count is a whole number, so decimals must be 0, not %d; or make it kind = \"amount\"", m.ID, m.Decimals)
	case (m.Kind == Share) != (m.Unit == "%"):
		problems.Errorf(name, line, col, "metric %q: a share's unit is \"%%\", and only a share's; kind is %q and unit %q", m.ID, m.Kind, m.Unit)
	}
}

// maxFigure bounds a figure: a trillion is more than any count or amount
// of the report, and a bigger one (1e308) could not be drawn.
const maxFigure = 1e12

// kindProblem says what is wrong with v as a figure of m, typed in a file
// of figures, or "" when it fits the metric's kind.
func kindProblem(m *Metric, v float64) string {
	typed := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) >= 1e21 {
		typed = strconv.FormatFloat(v, 'g', -1, 64)
	}
	_, fraction, _ := strings.Cut(typed, ".")
	switch {
	case v > maxFigure:
		return fmt.Sprintf("%q is %s, larger than any figure of the report; check the figure", m.ID, typed)
	case v < -maxFigure:
		return fmt.Sprintf("%q is %s, further below zero than any figure of the report; check the figure", m.ID, typed)
	case m.Kind == Share && (v < 0 || v > 100):
		return fmt.Sprintf("%q is a share, a percentage from 0 to 100; %s is not one", m.ID, typed)
	case v < 0:
		return fmt.Sprintf("%q is %s, which cannot be negative; %s is", m.ID, kindName(m.Kind), typed)
	case m.Kind == Count && fraction != "":
		msg := fmt.Sprintf("%q is a count, a whole number, and %s is not one", m.ID, typed)
		if len(fraction) == 3 {
			whole := strings.ReplaceAll(typed, ".", "")
			msg += fmt.Sprintf("; for %s, write %s: TOML reads the Danish thousands separator as a decimal point", lang.Danish.Number(v*1000, 0), strings.TrimLeft(whole, "0"))
		}
		return msg
	case len(fraction) > m.Decimals:
		return fmt.Sprintf("%q is shown with %d %s, and %s has %d; type the figure as the source prints it (a Danish thousands separator is no decimal point: 11.708 is 11708)",
			m.ID, m.Decimals, plural(m.Decimals, "decimal", "decimals"), typed, len(fraction))
	}
	return ""
}

func kindName(k Kind) string {
	if k == Count {
		return "a count"
	}
	return "an amount"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ReservedMetricIDs are the ids no metric may take, since its page,
// tal/<id>/, would be another page of the site: the value says which.
var ReservedMetricIDs = map[string]string{"data": "the page about the open data"}

// Derivation says how a metric's figures derive from other figures, in the
// metrics' ids, or "" for a figure as the clusters reported it: "a / b"
// for a ratio this site computes (times 100 for a share), "total / klynger"
// for an average per cluster and "a + b + c" for a total that is the sum
// of its parts, both as the report prints them.
func (d *Data) Derivation(metricID string) string {
	m := d.metrics[metricID]
	switch {
	case m == nil:
		return ""
	case m.Derived():
		return m.Ratio[0] + " / " + m.Ratio[1]
	case m.AverageOf != "":
		return m.AverageOf + " / " + clusterCountMetric
	case m.PartsSum:
		var parts []string
		for _, c := range d.Children(m.ID) {
			parts = append(parts, c.ID)
		}
		return strings.Join(parts, " + ")
	}
	return ""
}

// EditionsOf lists the editions whose years include the year, oldest first:
// those that print its figures.
func (d *Data) EditionsOf(year int) []*Edition {
	var out []*Edition
	for _, e := range d.Editions {
		if e.FirstYear <= year && year <= e.DataYear {
			out = append(out, e)
		}
	}
	return out
}
