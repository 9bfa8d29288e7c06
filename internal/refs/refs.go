package refs

import (
	"errors"
	"fmt"
	"math"
	"report/internal/lang"
	"slices"
	"strconv"
	"strings"

	"report/internal/data"
	"report/internal/slugs"
)

// Context is what references are resolved against.
type Context struct {
	Data    *data.Data
	Edition *data.Edition // the page's edition; nil on pages that span editions
	// Years are the years a chart or table shows, for {{år}} in its title;
	// nil everywhere else.
	Years []int
}

// Result is a resolved reference.
type Result struct {
	Text string // what the page shows
	// Word marks a year or a list of names, which reads as part of the
	// sentence; a figure or a count is marked up as a figure.
	Word bool
	// Note is an editor's note, where the source printed a figure that
	// disagrees with its data; Printed and Value are then both set.
	Note    string
	Printed string
	Value   string
	Metric  string // the metric, for a figure; "" for a name
	Year    int
	// Rounded is set when an option rounded the figure; Exact is the
	// figure before rounding and Off how far rounding moved it, in percent.
	Rounded bool
	Exact   string
	Off     float64
	Option  string // the rounding option as written, "round=1000"
	// finer is a step that rounds the figure close enough, for
	// RoundingAdvice, when Off is more than MaxRoundingOff; 0 when none does.
	finer float64
}

// MaxRoundingOff is how far, in percent, rounding to the nearest step may
// move a figure before the build warns: "omkring 12.000" for 11.708 is
// 2,49 % off, as the printed 2016 report has it; "omkring 17.000" for
// 16.512 (2,96 %) says something "ca. 16.500" does not.
const MaxRoundingOff = 2.5

// ErrIncomplete means the reference leads into data that failed to load;
// that file's own error has been reported.
var ErrIncomplete = data.ErrIncomplete

// names are the references that are neither a year nor a metric.
var names = []struct {
	name string
	fn   func(c Context) (string, error)
}{
	{"antal klynger", func(c Context) (string, error) { return count(c, func(e *data.Edition) int { return len(e.Clusters) }) }},
	{"antal guldklynger", func(c Context) (string, error) { return count(c, func(e *data.Edition) int { return len(e.ECEIGold) }) }},
	{"antal klynger uden guld", func(c Context) (string, error) {
		return count(c, func(e *data.Edition) int { return len(e.Clusters) - len(e.ECEIGold) })
	}},
	{"guldklynger", goldNames},
	{"år", yearsShown},
}

// Names lists the names a reference may use besides metrics, for messages.
func Names() []string {
	out := []string{"dataår", "startår", "udgave"}
	for _, n := range names {
		out = append(out, n.name)
	}
	return out
}

// Resolve resolves the text between {{ and }}.
func (c Context) Resolve(inner string) (Result, error) {
	inner = slugs.Composed(strings.TrimSpace(inner))
	if inner == "" {
		return Result{}, errors.New("write a figure as {{metric-id year}}, for example {{omsaetning 2015}}, or a year as {{dataår}}")
	}
	if base, _, _ := splitOffset(inner); isYearName(base) {
		y, err := c.Year(inner)
		return Result{Text: strconv.Itoa(y), Word: true}, err
	}
	for _, n := range names {
		if inner == n.name {
			text, err := n.fn(c)
			// A count is a figure; names read as words of the sentence.
			return Result{Text: text, Word: !strings.HasPrefix(n.name, "antal ")}, err
		}
	}
	return c.figure(strings.Fields(inner))
}

// figure resolves "metric [year] [options]".
func (c Context) figure(fields []string) (Result, error) {
	r := Result{Metric: fields[0]}
	if !slugs.Valid(r.Metric) {
		return r, fmt.Errorf("%q is neither a metric id nor one of %s", strings.Join(fields, " "), strings.Join(Names(), ", "))
	}
	opts := fields[1:]
	if len(opts) > 0 && !strings.Contains(opts[0], "=") {
		y, err := c.Year(opts[0])
		if err != nil {
			return r, err
		}
		r.Year, opts = y, opts[1:]
	} else {
		if c.Edition == nil && (c.Data.Metric(r.Metric) == nil || c.Data.Metric(r.Metric).Study == nil) {
			return r, fmt.Errorf("name the year, like {{%s 2015}}: this page belongs to no edition", r.Metric)
		}
		r.Year = c.Data.DefaultYear(r.Metric, editionDataYear(c.Edition))
	}
	var round rounding
	for _, opt := range opts {
		if err := round.parse(opt, &r); err != nil {
			return r, err
		}
	}
	d := c.Data
	v, _, err := d.Lookup(r.Metric, r.Year)
	if err != nil {
		return r, c.explainYear(r, err)
	}
	r.Value = d.FormatAs(r.Metric, r.Year, v)
	r.Text = r.Value
	if round.step > 0 {
		shown := round.apply(v)
		whole := *d.Metric(r.Metric) // a rounded figure has no decimals to show
		whole.Decimals = 0
		r.Rounded, r.Exact, r.Option = true, r.Value, round.written
		r.Text = whole.Format(d.Lang(), shown)
		if r.Exact == r.Text { // say how far: 79,5 %, not 80 %
			whole.Decimals = d.Metric(r.Metric).Decimals + 1
			r.Exact = whole.Format(d.Lang(), v)
		}
		// Rounding down for "over …" or up for "næsten …" states a bound,
		// true however far it moves the figure; only rounding to the
		// nearest claims to be close. A bound a whole step away from a
		// figure smaller than the step ("næsten 1.000.000" for 11.708)
		// says nothing true of it, and is measured as rounding is.
		if v != 0 && (round.dir == 0 || round.step > math.Abs(v)) {
			r.Off = math.Abs(shown-v) / math.Abs(v) * 100
			if r.Off > MaxRoundingOff {
				r.finer, _ = FinerStep(v, round.step)
			}
		}
	}
	if r.Printed != "" && r.Printed != r.Text {
		r.Note = d.Lang().Tf("refs.editor_note", r.Year, r.Value)
		r.Text = r.Printed
	}
	return r, nil
}

// explainYear replaces a lookup's advice to add a year file when the year
// is most likely a slip: the edition's own year typed for its data year, or
// a year outside the edition's.
func (c Context) explainYear(r Result, err error) error {
	e := c.Edition
	if errors.Is(err, data.ErrIncomplete) || e == nil || slices.Contains(c.Data.Years(), r.Year) || c.Data.Gap(r.Year) {
		return err // a gap's own message says what to do
	}
	if r.Year == e.Year || r.Year == e.DataYear+1 {
		return fmt.Errorf("no figures for %d: %d is the edition's year, and its figures are for %d; did you mean {{%s %d}}, or {{%s}} for the data year?", r.Year, e.Year, e.DataYear, r.Metric, e.DataYear, r.Metric)
	}
	return fmt.Errorf("no figures for %d: edition %d reports figures for %d–%d; add data/years/%d.toml if %d belongs to it", r.Year, e.Year, e.FirstYear, e.DataYear, r.Year, r.Year)
}

// Year reads a year as a reference or a block's year key writes it: "2015",
// or one of the edition's years by name, "dataår", "startår", "udgave",
// moved by a number of years: "dataår-1".
func (c Context) Year(s string) (int, error) {
	s = slugs.Composed(s)
	if n, err := strconv.Atoi(s); err == nil {
		if n < 1900 || n > 2999 {
			return 0, fmt.Errorf("%d is not a year; write a year like 2015, or dataår for the edition's data year", n)
		}
		return n, nil
	}
	base, offset, _ := splitOffset(s)
	if !isYearName(base) {
		return 0, fmt.Errorf("a year is written like 2015, or as dataår, startår or udgave (dataår-1 for the year before), not %q", s)
	}
	if c.Edition == nil {
		return 0, fmt.Errorf("%s belongs to an edition's pages; write the year itself", base)
	}
	y := c.Edition.Year + offset
	switch base {
	case "dataår":
		y = c.Edition.DataYear + offset
	case "startår":
		y = c.Edition.FirstYear + offset
	}
	if y > c.Edition.Year {
		return 0, fmt.Errorf("%s is %d, after the edition's own year, %d; an edition names no later year", s, y, c.Edition.Year)
	}
	return y, nil
}

func isYearName(s string) bool { return s == "dataår" || s == "startår" || s == "udgave" }

// splitOffset reads "dataår-1" as "dataår", -1.
func splitOffset(s string) (base string, offset int, ok bool) {
	i := strings.LastIndexAny(s, "+-")
	if i <= 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n > 100 {
		return s, 0, false
	}
	if s[i] == '-' {
		n = -n
	}
	return strings.TrimSpace(s[:i]), n, true
}

func count(c Context, n func(*data.Edition) int) (string, error) {
	if c.Edition == nil {
		return "", errors.New("counts of clusters belong to an edition's pages")
	}
	return c.Data.Lang().Number(float64(n(c.Edition)), 0), nil
}

func goldNames(c Context) (string, error) {
	if c.Edition == nil {
		return "", errors.New("the gold clusters belong to an edition's pages")
	}
	var out []string
	for _, id := range c.Edition.ECEIGold {
		if cl := c.Data.Cluster(id); cl != nil {
			out = append(out, cl.ShortName())
		}
	}
	return strings.Join(out, ", "), nil
}

func yearsShown(c Context) (string, error) {
	if c.Years == nil {
		return "", errors.New("{{år}} names the years a chart or table shows, in its title; in text, write {{dataår}} or {{startår}}")
	}
	return Span(c.Data.Lang(), c.Years), nil
}

// Span writes years as a reader of the language l expects: "2015",
// "2012–2015" when they run on, "2012, 2014 og 2015" when they skip.
func Span(l *lang.Lang, years []int) string {
	switch {
	case len(years) == 0:
		return ""
	case len(years) == 1:
		return strconv.Itoa(years[0])
	}
	if years[len(years)-1]-years[0] == len(years)-1 {
		return strconv.Itoa(years[0]) + "–" + strconv.Itoa(years[len(years)-1])
	}
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = strconv.Itoa(y)
	}
	return l.Join(parts)
}

func editionDataYear(e *data.Edition) int {
	if e == nil {
		return 0
	}
	return e.DataYear
}
