package figures

import (
	"math"
	"slices"
	"strconv"

	"report/internal/data"
)

// The four forms of a chart block, each drawing its figures from the data
// in its own way, and the checks they share.

// chartOverYears draws each metric as a series over the years.
func (st *block) chartOverYears(fig *Figure, spec chartSpec, years []int, errAt func(string, string, ...any)) {
	if !st.checkLabels(spec.Labels, spec.Metrics, errAt) {
		return
	}
	if len(years) == 0 {
		errAt("years", "no years to draw: give years = [2012, 2013], or year = 2015 for one year")
		return
	}
	var gaps []int
	for _, y := range years {
		fig.Categories = append(fig.Categories, strconv.Itoa(y))
		fig.gaps = append(fig.gaps, st.data().Gap(y))
		if st.data().Gap(y) {
			gaps = append(gaps, y)
		}
	}
	if len(gaps) > 0 && st.page.Gaps != nil {
		st.page.Gaps(gaps)
	}
	for i, id := range spec.Metrics {
		m := st.metric(id, "metrics", errAt)
		if m == nil {
			continue
		}
		name := m.Label
		if spec.Labels != nil {
			name = spec.Labels[i]
		}
		s := figureSeries{Name: name}
		for _, y := range years {
			st.addCell(&s, m, y, errAt)
		}
		st.requireSome(s, m, errAt)
		fig.Series = append(fig.Series, s)
		st.defaultUnit(fig, m)
	}
}

// requireSome refuses a series without a single figure: it would draw nothing.
func (st *block) requireSome(s figureSeries, m *data.Metric, errAt func(string, string, ...any)) {
	if !st.incomplete && !slices.ContainsFunc(s.Values, func(v float64) bool { return !math.IsNaN(v) }) {
		errAt("metrics", "metric %q has no figure for any of the chart's years", m.ID)
	}
}

// chartForYear draws one bar per metric for one year.
func (st *block) chartForYear(fig *Figure, spec chartSpec, year int, errAt func(string, string, ...any)) {
	if !st.checkLabels(spec.Labels, spec.Metrics, errAt) {
		return
	}
	s := figureSeries{Name: strconv.Itoa(year)}
	for i, id := range spec.Metrics {
		m := st.metric(id, "metrics", errAt)
		if m == nil {
			continue
		}
		label := m.Label
		if spec.Labels != nil {
			label = spec.Labels[i]
		}
		fig.Categories = append(fig.Categories, label)
		st.addCell(&s, m, year, errAt)
		st.defaultUnit(fig, m)
	}
	fig.Series = append(fig.Series, s)
}

// chartFromSeries draws named groups of metrics for one year, one category
// per position in the groups.
func (st *block) chartFromSeries(fig *Figure, spec chartSpec, year int, errAt func(string, string, ...any)) {
	fig.Categories = spec.Labels
	for _, ser := range spec.Series {
		if len(ser.Metrics) != len(spec.Labels) {
			errAt("series", "series %q names %d metrics but labels has %d; they pair up one to one (a decimal comma in a list makes extra numbers)", ser.Name, len(ser.Metrics), len(spec.Labels))
			return
		}
		s := figureSeries{Name: ser.Name}
		for _, id := range ser.Metrics {
			if m := st.metric(id, "series", errAt); m != nil {
				st.addCell(&s, m, year, errAt)
				st.defaultUnit(fig, m)
			}
		}
		fig.Series = append(fig.Series, s)
	}
}

// chartFromClusters counts the edition's clusters by field or by ECEI label.
func (st *block) chartFromClusters(fig *Figure, spec chartSpec, errAt func(string, string, ...any)) {
	d := st.data()
	e := d.Edition(st.page.Edition)
	if e == nil {
		errAt("data", "charts of clusters belong to an edition's pages")
		return
	}
	l := d.Lang()
	s := figureSeries{Name: say(l, "figures.clusters")}
	add := func(label string, n int) {
		fig.Categories = append(fig.Categories, label)
		s.Values = append(s.Values, float64(n))
		s.Cells = append(s.Cells, l.Number(float64(n), 0))
	}
	switch spec.Data {
	case "clusters-by-field":
		for _, f := range d.Fields {
			n := 0
			for _, id := range e.Clusters {
				if c := d.Cluster(id); c != nil && c.Field == f.ID {
					n++
				}
			}
			if n > 0 {
				add(f.Name, n)
			}
		}
	case "ecei":
		add(say(l, "figures.gold"), len(e.ECEIGold))
		add(say(l, "figures.silver_bronze"), len(e.Clusters)-len(e.ECEIGold))
	default:
		errAt("data", `data must be "clusters-by-field" or "ecei", not %q`, spec.Data)
		return
	}
	if fig.Unit == "" {
		fig.Unit, fig.UnitOne = say(l, "figures.clusters_unit"), say(l, "figures.clusters_unit_one")
	}
	fig.Series = append(fig.Series, s)
}

func (st *block) checkLabels(labels, metrics []string, errAt func(string, string, ...any)) bool {
	if len(metrics) == 0 {
		errAt("metrics", `"metrics" names the figures to draw, like metrics = ["omsaetning"]`)
		return false
	}
	if labels != nil && len(labels) != len(metrics) {
		errAt("labels", "labels has %d entries but metrics has %d; they pair up one to one (a decimal comma in a list makes extra entries)", len(labels), len(metrics))
		return false
	}
	return true
}

func (st *block) metric(id, key string, errAt func(string, string, ...any)) *data.Metric {
	m := st.data().Metric(id)
	if m == nil && !st.data().Broken("metrics") {
		errAt(key, "unknown metric %q; metrics are defined in data/metrics.toml", id)
	}
	return m
}

// addCell adds a metric's figure for a year. A year with no figures at all
// is an error; a single figure the source does not give is a gap in the
// chart and an empty cell in its table, never 0.
func (st *block) addCell(s *figureSeries, m *data.Metric, year int, errAt func(string, string, ...any)) {
	d := st.data()
	v, ok := d.Value(m.ID, year)
	if d.ValueBroken(year, m.ID) {
		st.incomplete = true
	}
	if msg := st.missingYear(year); msg != "" && !d.Gap(year) {
		errAt("years", "%s", msg)
	}
	if !ok {
		s.Values = append(s.Values, math.NaN())
		s.Cells = append(s.Cells, "")
		return
	}
	s.Values = append(s.Values, v)
	s.Cells = append(s.Cells, d.FormatAs(m.ID, year, v))
}

func (st *block) defaultUnit(fig *Figure, m *data.Metric) {
	if fig.Unit == "" {
		fig.Unit = m.Unit
	}
}

// decimals is the most decimals any of the chart's metrics is printed with.
func (st *block) decimals(spec chartSpec) int {
	n := 0
	ids := append([]string{}, spec.Metrics...)
	for _, s := range spec.Series {
		ids = append(ids, s.Metrics...)
	}
	for _, id := range ids {
		if m := st.data().Metric(id); m != nil {
			n = max(n, m.Decimals)
		}
	}
	return n
}
