package chart

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"report/internal/lang"
)

// Kind names a chart type.
type Kind string

// The chart types.
const (
	Bar     Kind = "bar"     // vertical bars, one series, categories on x (e.g. years)
	HBar    Kind = "hbar"    // horizontal bars, one series, long labels on the left
	Grouped Kind = "grouped" // vertical grouped bars: several series per category
	Line    Kind = "line"    // one or more series over years
	Share   Kind = "share"   // parts of a whole, each labelled with name, value and percent
)

// kinds is the one list of chart types: validation and every message that
// names the valid types read it.
var kinds = []Kind{Bar, HBar, Grouped, Line, Share}

// Valid reports whether k is one of the chart types.
func (k Kind) Valid() bool { return slices.Contains(kinds, k) }

// KindNames lists the chart types for a message: "bar, hbar, … or share".
func KindNames() string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Series is one named row of figures, one per category.
type Series struct {
	Name   string
	Values []float64 // math.NaN() = no figure: nothing is drawn, never 0
}

// Spec describes one chart.
type Spec struct {
	Kind       Kind
	Title      string   // becomes <title>
	Categories []string // x labels (years as strings) or bar labels
	Series     []Series
	Unit       string // "mio. kr.", "%", "": shown on the axis and labels
	// UnitOne is the unit after the number 1, where it differs: "cluster"
	// for "clusters"; Danish "klynge" would be the same.
	UnitOne  string
	Decimals int    // decimals for value labels
	Width    int    // viewBox width in px; 0 = 720, or 360 when Narrow
	Narrow   bool   // phone variant: 360 wide, fewer ticks, wrapped labels
	ID       string // unique id prefix for the title and desc ids in the page
	// Lang is the language of the page the chart is on, as lang.Load read
	// it: its figures are written its way and its words, the <desc> too,
	// come from its [chart] strings. Render refuses a spec without one, or
	// with a language that lacks its table (lang.Danish).
	Lang *lang.Lang
}

// MaxSeries is the most series a chart draws: past it, colours and line
// styles no longer tell them apart.
const MaxSeries = 8

// Limits that keep a mistaken spec from producing a useless or huge chart.
const (
	maxCategories = 60
	maxMagnitude  = 1e15
	maxText       = 300 // bytes in a title, label, name or unit
)

var idPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// Render draws the chart as a standalone-valid, inline-ready <svg> element.
// It returns an error, never panics, for a spec it cannot draw honestly.
func Render(s Spec) ([]byte, error) {
	if err := validate(s); err != nil {
		return nil, err
	}
	if _, err := loadFont(); err != nil {
		return nil, fmt.Errorf("chart %s: font: %w", s.ID, err)
	}
	t := newTheme(s)
	r := &svgRenderer{dpi: 72, defPrefix: s.ID}
	r.body.Grow(6 << 10) // the edition's charts are 2–5 kB; growing from empty cost a tenth of the time
	if s.Narrow {
		// a page may hold both variants of a chart; their patterns must not clash
		r.defPrefix += "-narrow"
	}
	var err error
	switch s.Kind {
	case Bar, Grouped:
		err = drawColumns(r, s, t)
	case HBar, Share:
		err = drawRows(r, s, t)
	case Line:
		err = drawLines(r, s, t)
	}
	if err != nil {
		return nil, fmt.Errorf("chart %q: %w", s.ID, err)
	}
	r.meta = svgMeta{id: s.ID, title: s.Title, desc: describe(s), class: svgClass(s)}
	return r.svg(), nil
}

// validate checks a spec before anything is drawn. Counts matter: TOML reads
// a slip like [1.0, 2,0] as three numbers, which must not shift the bars.
func validate(s Spec) error {
	errf := func(format string, a ...any) error {
		return fmt.Errorf("chart %q: "+format, append([]any{s.ID}, a...)...)
	}
	if !s.Kind.Valid() {
		return errf("unknown kind %q (want %s)", s.Kind, KindNames())
	}
	if !idPattern.MatchString(s.ID) {
		return errf("id must start with a letter and hold only letters, digits, - and _")
	}
	if s.Title == "" {
		return errf("missing title")
	}
	if err := checkLang(s); err != nil {
		return errf("%v", err)
	}
	if s.Width < 0 || s.Width > 4000 || (s.Width > 0 && s.Width < 240) {
		return errf("width %d out of range (240–4000, or 0 for the default)", s.Width)
	}
	if len(s.Categories) == 0 || len(s.Categories) > maxCategories {
		return errf("needs 1–%d categories, has %d", maxCategories, len(s.Categories))
	}
	if err := checkTexts(s); err != nil {
		return errf("%v", err)
	}
	if err := checkSeriesCount(s); err != nil {
		return errf("%v", err)
	}
	return checkValues(s, errf)
}

// checkTexts bounds the texts: a label that long is a mistake in the data,
// and wrapping and measuring it would only slow the build.
func checkTexts(s Spec) error {
	texts := append([]string{s.Title, s.Unit}, s.Categories...)
	for _, ser := range s.Series {
		texts = append(texts, ser.Name)
	}
	for i, t := range texts {
		if len(t) > maxText {
			return fmt.Errorf("text longer than %d bytes: %.40q…", maxText, t)
		}
		// The title goes into <title> only; everything else is drawn.
		if i > 0 {
			if err := checkGlyphs(t); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkSeriesCount(s Spec) error {
	n := len(s.Series)
	switch {
	case n == 0:
		return errors.New("no series")
	case n > MaxSeries:
		return fmt.Errorf("at most %d series, has %d", MaxSeries, n)
	case n > 1 && (s.Kind == Bar || s.Kind == HBar || s.Kind == Share):
		return fmt.Errorf("a %s chart takes one series, has %d", s.Kind, n)
	}
	return nil
}

func checkValues(s Spec, errf func(string, ...any) error) error {
	seen := false
	for _, ser := range s.Series {
		if len(ser.Values) != len(s.Categories) {
			return errf("series %q has %d values for %d categories", ser.Name, len(ser.Values), len(s.Categories))
		}
		for i, v := range ser.Values {
			switch {
			case math.IsNaN(v):
				continue
			case math.IsInf(v, 0) || math.Abs(v) > maxMagnitude:
				return errf("series %q, %q: value %v out of range", ser.Name, s.Categories[i], v)
			case v < 0 && s.Kind == Share:
				return errf("series %q, %q: a share cannot be negative (%v)", ser.Name, s.Categories[i], v)
			}
			seen = true
		}
	}
	if !seen {
		return errf("every value is missing")
	}
	if s.Kind == Share && total(s.Series[0].Values) == 0 {
		return errf("the parts of a share add up to 0")
	}
	return nil
}

// total is the sum of the values present.
func total(vs []float64) float64 {
	var sum float64
	for _, v := range vs {
		if !math.IsNaN(v) {
			sum += v
		}
	}
	return sum
}

// theme holds the sizes that differ between the wide and the phone variant.
// The phone variant is drawn 360 wide and shown about 350 CSS px wide at a
// 390 px page, so 13 viewBox units stay above 12 CSS px.
type theme struct {
	width, height float64
	px            float64 // text size for labels and ticks
	line          float64 // line height for wrapped labels
	ticks         int     // about this many value-axis intervals
	pad           float64
	narrow        bool
}

func newTheme(s Spec) theme {
	t := theme{width: 720, px: 14, ticks: 5, pad: 8}
	if s.Narrow {
		t = theme{width: 360, px: 13, ticks: 3, pad: 6, narrow: true}
	}
	if s.Width > 0 {
		t.width = float64(s.Width)
	}
	t.line = math.Round(t.px * 1.25)
	t.height = math.Round(t.width * 0.5)
	if s.Narrow {
		t.height = math.Round(t.width * 0.8)
	}
	return t
}

// svgClass names the kind and the variant, so static/css/charts.css can show
// the phone variant on small screens when a page includes both.
func svgClass(s Spec) string {
	v := "chart-wide"
	if s.Narrow {
		v = "chart-narrow"
	}
	return "chart chart-" + string(s.Kind) + " " + v
}

// unit is the unit after the value v: UnitOne after a 1.
func (s *Spec) unit(v float64) string {
	if v == 1 && s.UnitOne != "" {
		return s.UnitOne
	}
	return s.Unit
}
