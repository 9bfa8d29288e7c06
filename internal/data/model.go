package data

import (
	"errors"
	"hash"
	"slices"
	"time"

	"report/internal/lang"
	"report/internal/tomlfile"
)

// Site holds the settings of the whole site.
type Site struct {
	Title     string `toml:"title"`
	Publisher string `toml:"publisher"`
	// PublisherURL is the publisher's web address: the colophon and the
	// privacy page give it as where to reach the publisher.
	PublisherURL string `toml:"publisher_url"`
	BaseURL      string `toml:"base_url"`
	// AccessibilityStatement is the address of the site's accessibility
	// statement, made in WAS-Tool (https://www.was.digst.dk/<domain>): the
	// footer of every page links to it, and /was leads to it where the host
	// redirects. Optional, so that a test site needs none; the shipped
	// site's checks require the link.
	AccessibilityStatement string      `toml:"accessibility_statement"`
	Unconfirmed            Unconfirmed `toml:"unconfirmed"`
	// DataLicence is the licence the open data (every figure as CSV and
	// JSON, and their Frictionless data package) are published under, as
	// an Open Definition identifier ("CC-BY-4.0"), and DataLicenceURL the
	// address of its text. Empty, the data package names no licence and
	// `report check` warns: the publisher decides it, nobody else.
	DataLicence    string `toml:"data_licence"`
	DataLicenceURL string `toml:"data_licence_url"`
	// Repository is the GitHub repository the site's sources live in,
	// "owner/name", and Branch its main branch: the editors' CMS at
	// /admin/ signs in to it and opens a pull request for each change.
	Repository string `toml:"repository"`
	Branch     string `toml:"branch"`
	// En holds the English forms, for the English version of the site.
	En struct {
		Title     string `toml:"title"`
		Publisher string `toml:"publisher"`
	} `toml:"en"`
}

// Field is a fagområde, a group of clusters.
type Field struct {
	ID   string `toml:"id"`
	Name string `toml:"name"`
	En   struct {
		Name string `toml:"name"`
	} `toml:"en"`
}

// Cluster is one cluster or innovation network.
type Cluster struct {
	ID    string `toml:"id"`
	Name  string `toml:"name"`
	Short string `toml:"short"`
	Field string `toml:"field"`
}

// ShortName is the name used in lists: the short form when there is one.
func (c *Cluster) ShortName() string {
	if c.Short != "" {
		return c.Short
	}
	return c.Name
}

// Metric is one row of the report's tables.
type Metric struct {
	ID       string `toml:"id"`
	Label    string `toml:"label"`
	Title    string `toml:"title"` // the name on its own; see Data.Title
	Unit     string `toml:"unit"`
	Decimals int    `toml:"decimals"`
	// Kind is what the figure counts; see Kind. Written "count", "amount"
	// or "share"; left out, it follows from the unit and the decimals.
	Kind      Kind     `toml:"kind"`
	Parent    string   `toml:"parent"`
	PartsSum  bool     `toml:"parts_sum"`
	AverageOf string   `toml:"average_of"`
	Ratio     []string `toml:"ratio"`
	// En holds the English label, title and unit ("DKK million").
	En MetricEnglish `toml:"en"`

	// Study is set for a figure from data/studies.toml, which has one value,
	// for the study's year; Shown is how the source states it, if not as a
	// plain number.
	Study *Study `toml:"-"`
	Shown string `toml:"-"`
}

// Kind is what a metric's figure is, and so which values it can take.
type Kind string

// The kinds of figure.
const (
	// Count is a number of things (clusters, companies, applications): a
	// whole number, never negative. "11.708" typed for one is the Danish
	// way of writing 11708, which TOML reads as a fraction.
	Count Kind = "count"
	// Amount is a quantity with its decimals (mio. kr., årsværk), never
	// negative, and typed with no more decimals than the metric shows.
	Amount Kind = "amount"
	// Share is a percentage, from 0 to 100.
	Share Kind = "share"
)

// kinds lists the kinds, for messages.
var kinds = []Kind{Count, Amount, Share}

// defaultKind is a metric's kind where metrics.toml does not say: a
// share where the unit is %, a count where it is shown without decimals,
// otherwise an amount.
func defaultKind(m *Metric) Kind {
	switch {
	case m.Unit == "%":
		return Share
	case m.Decimals == 0:
		return Count
	}
	return Amount
}

// MetricEnglish is a metric's or a study figure's English forms.
type MetricEnglish struct {
	Label string `toml:"label"`
	Title string `toml:"title"`
	Unit  string `toml:"unit"`
}

// Derived reports whether the metric is computed from others.
func (m *Metric) Derived() bool { return len(m.Ratio) > 0 }

// Format writes v as the metric is printed, in the language l: its decimals, and the unit where
// it is a sign that belongs to the number, "%" or "×" (other units are words
// the text or the table heading supplies).
func (m *Metric) Format(l *lang.Lang, v float64) string {
	s := l.Number(v, m.Decimals)
	switch m.Unit {
	case "%":
		s += l.PercentGap + "%"
	case "×":
		s += "\u00a0×"
	}
	return s
}

// KeyFigure is a figure shown large, with a line of text: "12.000
// virksomheder deltog …". It is bound to a metric and a year, or, for a figure
// the data does not hold (a cited study's result), typed as Figure.
type KeyFigure struct {
	Metric string  `toml:"metric"`
	Year   int     `toml:"year"`
	Round  float64 `toml:"round"`
	Prefix string  `toml:"prefix"`
	Figure string  `toml:"figure"`
	Text   string  `toml:"text"`
	En     struct {
		Prefix string `toml:"prefix"`
		Text   string `toml:"text"`
	} `toml:"en"`
}

// Edition is one yearly publication of the report.
type Edition struct {
	Year     int    `toml:"year"`
	Title    string `toml:"title"`
	Subtitle string `toml:"subtitle"`
	// DescriptionText is the description as written, with its references;
	// site.Edition.Description resolves them.
	DescriptionText string      `toml:"description"`
	DataYear        int         `toml:"data_year"`
	FirstYear       int         `toml:"first_year"`
	Clusters        []string    `toml:"clusters"`
	ECEIGold        []string    `toml:"ecei_gold"`
	KeyFigures      []KeyFigure `toml:"key_figure"`
	// Published is the day the edition came out, or its year where the
	// source says no more. An edition without it builds, but is not
	// published: report-pdf and report build --pdf refuse it.
	Published PubDate `toml:"published"`
	// CopiedFrom marks an edition's file that `report new edition` copied
	// from an earlier edition; an editor deletes it to confirm the file.
	CopiedFrom int `toml:"copied_from"`
	// Unconfirmed lists the file's values no person has confirmed.
	Unconfirmed Unconfirmed `toml:"unconfirmed"`
	// En holds the English title, subtitle and description.
	En struct {
		Title       string `toml:"title"`
		Subtitle    string `toml:"subtitle"`
		Description string `toml:"description"`
	} `toml:"en"`

	Path string        `toml:"-"` // the file it was read from
	Doc  *tomlfile.Doc `toml:"-"`
}

// Date is the first day of the edition's publication date, or January 1st
// of its year when it has none: what a feed, which must give a day, says.
func (e *Edition) Date() time.Time {
	if !e.Published.IsZero() {
		return e.Published.Start()
	}
	return time.Date(e.Year, time.January, 1, 0, 0, 0, 0, time.UTC)
}

// Gold reports whether the cluster held the ECEI gold label in this edition.
func (e *Edition) Gold(clusterID string) bool {
	return slices.Contains(e.ECEIGold, clusterID)
}

// Data is everything under data/, checked and cross-referenced.
type Data struct {
	Site Site
	// Definitions are the phrases of data/definitions.toml, in Danish and
	// English: numbers that belong to a definition, not to a year.
	Definitions struct {
		Da []string `toml:"da"`
		En []string `toml:"en"`
	}
	Fields   []*Field
	Clusters []*Cluster
	Metrics  []*Metric
	Editions []*Edition // oldest first
	Studies  []*Study

	fields   map[string]*Field
	clusters map[string]*Cluster
	metrics  map[string]*Metric
	values   map[int]map[string]float64 // year → metric → value
	// studyValues are the figures of studies, each for its study's year.
	studyValues map[string]float64
	years       []int
	// firstYear and lastYear bound the years with a file of figures,
	// loaded or not: the series, whose gaps Gap finds.
	firstYear, lastYear int
	yearDocs            map[int]*tomlfile.Doc
	wholes              map[int]map[string]bool // figures the source prints without decimals
	notes               map[int]map[string]Note // explanations of figures, year → metric

	// broken records the files that failed to load, so that references into
	// them are not reported a second time: one broken file, one error.
	broken         map[string]bool // "fields", "clusters", "metrics"
	brokenYears    map[int]bool
	brokenEditions map[int]bool
	brokenValues   map[int]map[string]bool // year → metric whose value was refused

	hash        hash.Hash // of every data file read, in order
	fingerprint [32]byte

	lang *lang.Lang // the language figures are written in; nil is Danish
}

// Lang is the language the data's figures are written in (see In).
func (d *Data) Lang() *lang.Lang {
	if d.lang == nil {
		return lang.Danish
	}
	return d.lang
}

// Fingerprint identifies the data's content: equal fingerprints, equal data.
// The preview server reuses what it parsed against data with the same one.
func (d *Data) Fingerprint() [32]byte { return d.fingerprint }

// ErrIncomplete is returned by lookups into a file that failed to load; its
// own error has been reported already.
var ErrIncomplete = errors.New("data incomplete")

// Broken reports whether a reference list ("fields", "clusters", "metrics")
// failed to load, so that unknown ids in it are not worth reporting.
func (d *Data) Broken(list string) bool { return d.broken[list] }

// ValueBroken reports whether the metric's figure for the year was refused
// (or the year's whole file), or, for a ratio, a figure it is worked out
// from: that error is reported, and whatever shows the figure should not
// report it missing as well.
func (d *Data) ValueBroken(year int, metricID string) bool {
	return d.valueBroken(year, metricID, len(d.Metrics))
}

// valueBroken is ValueBroken, following ratios at most depth deep: a
// ratio of ratios is followed, and a loop (which the load refuses) ends.
func (d *Data) valueBroken(year int, metricID string, depth int) bool {
	if d.brokenYears[year] || d.brokenValues[year][metricID] {
		return true
	}
	m := d.metrics[metricID]
	if m == nil || !m.Derived() || depth == 0 {
		return false
	}
	return slices.ContainsFunc(m.Ratio, func(id string) bool { return d.valueBroken(year, id, depth-1) })
}

// YearBroken reports whether the year's file of figures failed to load.
func (d *Data) YearBroken(year int) bool { return d.brokenYears[year] }

// EditionBroken reports whether the edition's file failed to load.
func (d *Data) EditionBroken(year int) bool { return d.brokenEditions[year] }

// Field returns the field with the id, or nil.
func (d *Data) Field(id string) *Field { return d.fields[id] }

// Cluster returns the cluster with the id, or nil.
func (d *Data) Cluster(id string) *Cluster { return d.clusters[id] }

// Metric returns the metric with the id, or nil.
func (d *Data) Metric(id string) *Metric { return d.metrics[id] }

// Years lists the years that have a file of values, oldest first.
func (d *Data) Years() []int { return d.years }

// HasYear reports whether the year has a file of figures; one that failed to
// load counts, since its own error says what is wrong with it.
func (d *Data) HasYear(year int) bool {
	_, ok := d.values[year]
	return ok || d.brokenYears[year]
}

// Gap reports whether the series has a gap at the year: it has no file of
// figures, though years before and after it have. No edition covers such a
// year, so nothing was counted; a metric missing from a year that has a
// file was not collected that year. The pages say each apart.
func (d *Data) Gap(year int) bool {
	first, last := d.span()
	return !d.HasYear(year) && year > first && year < last
}

// Gaps lists the years from first to last, both included, where the
// series has a gap.
func (d *Data) Gaps(first, last int) []int {
	var out []int
	lo, hi := d.span()
	for y := max(first, lo+1); y <= min(last, hi-1); y++ {
		if d.Gap(y) {
			out = append(out, y)
		}
	}
	return out
}

// span is the first and last year with a file of figures, loaded or not.
func (d *Data) span() (first, last int) { return d.firstYear, d.lastYear }

// Edition returns the edition of the year, or nil.
func (d *Data) Edition(year int) *Edition {
	for _, e := range d.Editions {
		if e.Year == year {
			return e
		}
	}
	return nil
}

// Latest returns the newest edition, or nil when there is none.
func (d *Data) Latest() *Edition {
	if len(d.Editions) == 0 {
		return nil
	}
	return d.Editions[len(d.Editions)-1]
}
