package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"report/internal/data"
	"report/internal/diskfs"
	"report/internal/site"
)

// Started is what NewEdition wrote.
type Started struct {
	Files    []string // the files written, slash-separated, sorted
	From     int      // the edition copied
	DataYear int      // the new edition's data year
	// Skipped are the data years between the copied edition's and the new
	// one's, which no edition covers: the series has a gap there.
	Skipped []int
}

// NewEdition creates the skeleton of edition year from the latest edition:
// its edition file with the years moved on, its chapters (not its case
// stories) with every reference to a year written relative to the data
// year, and a file of figures for the new data year that lists every
// metric the year's file holds, commented out.
func NewEdition(root string, year int) (*Started, error) {
	d, err := loadData(root)
	if err != nil {
		return nil, err
	}
	latest := d.Latest()
	switch {
	case latest == nil:
		return nil, fmt.Errorf("there is no edition to start from; write data/editions/%d.toml by hand (see docs/content-model.md)", year)
	case year <= latest.Year:
		return nil, fmt.Errorf("edition %d is not newer than the latest edition, %d", year, latest.Year)
	}
	shift := year - latest.Year
	started := &Started{From: latest.Year, DataYear: latest.DataYear + shift}
	for y := latest.DataYear + 1; y < started.DataYear; y++ {
		if !slices.Contains(d.Years(), y) {
			started.Skipped = append(started.Skipped, y)
		}
	}
	edition, err := editionFile(root, latest, year, shift)
	if err != nil {
		return nil, err
	}
	files := map[string]string{
		filepath.Join("data", "editions", strconv.Itoa(year)+".toml"):               edition,
		filepath.Join("data", "years", strconv.Itoa(latest.DataYear+shift)+".toml"): yearFile(d, latest.DataYear+shift),
	}
	chapters, err := copyChapters(root, latest, year, shift, changeFrom(d, latest, started.DataYear))
	if err != nil {
		return nil, err
	}
	for k, v := range chapters {
		files[k] = v
	}
	// Every file is looked at before any is written: one already there, or
	// one Create would refuse (below a folder that is a link), leaves the
	// site as it was, not with half an edition.
	for _, rel := range sortedKeys(files) {
		_, err := diskfs.Dir(root).Lstat(filepath.ToSlash(rel))
		switch {
		case err == nil:
			return nil, fmt.Errorf("%s already exists; nothing was written", filepath.ToSlash(rel))
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("%w; nothing was written", err)
		}
	}
	for _, rel := range sortedKeys(files) {
		if err := create(root, rel, files[rel]); err != nil {
			return started, err
		}
		started.Files = append(started.Files, filepath.ToSlash(rel))
	}
	return started, nil
}

// editionFile is the latest edition's file with its years moved on, marked
// as copied: its lists of clusters and gold labels, and its texts, are the
// old edition's until an editor confirms them.
func editionFile(root string, e *data.Edition, year, shift int) (string, error) {
	src, err := readText(root, e.Path)
	if err != nil {
		return "", err
	}
	var out []string
	marked, dated := false, false
	for _, line := range strings.Split(string(src), "\n") {
		key := strings.TrimSpace(strings.SplitN(line, "=", 2)[0])
		if strings.HasPrefix(key, "[") && !marked { // no top-level year: mark before the tables
			out, marked = append(out, editionMark(e, year)...), true
		}
		switch key {
		case "year", "data_year", "first_year":
			line = shiftYears(line, shift)
		case "subtitle", "title", "description":
			line = strings.ReplaceAll(line, strconv.Itoa(e.Year), strconv.Itoa(year))
		case "published", "# published":
			line, dated = publishedHint(year), true
		case "copied_from":
			continue
		}
		out = append(out, line)
		if key == "year" && !marked {
			out, marked = append(out, editionMark(e, year)...), true
		}
		if key == "first_year" && !dated && !strings.Contains(string(src), "published") {
			out, dated = append(out, publishedHint(year)), true
		}
	}
	if !marked {
		out = append(out, editionMark(e, year)...)
	}
	return strings.Join(out, "\n"), nil
}

// publishedHint is the line that asks for the day the edition comes out,
// which the feed, the sitemap and the PDF state.
func publishedHint(year int) string {
	return "# published = " + strconv.Itoa(year) + "-06-01   # the day the edition comes out; remove the #"
}

func editionMark(e *data.Edition, year int) []string {
	return []string{
		fmt.Sprintf("# Copied from edition %d by `report new edition`. Until an editor confirms it,", e.Year),
		fmt.Sprintf("# the build refuses to publish edition %d: make clusters the clusters that", year),
		fmt.Sprintf("# reported for %d and ecei_gold the clusters with the gold label at the end", e.DataYear+year-e.Year),
		"# of that year, check the description and the key figures, then delete this line.",
		fmt.Sprintf("copied_from = %d", e.Year),
	}
}

// yearFile lists every typed metric for the new year, commented out, so the
// editor fills in what the clusters reported and deletes nothing by mistake.
func yearFile(d *data.Data, year int) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# The figures for %d. Remove the # before each figure you have. A count\n", year)
	fmt.Fprintf(&b, "# is a whole number, written without a thousands separator (11708, never\n")
	fmt.Fprintf(&b, "# 11.708); an amount takes a decimal point (257.6); a share is a percentage\n")
	fmt.Fprintf(&b, "# from 0 to 100. Leave out what was not measured: a missing figure is shown\n")
	fmt.Fprintf(&b, "# as empty, never as 0. Each figure is shown on its page under /tal/.\n\n")
	for _, m := range d.Metrics {
		if m.Derived() || m.Study != nil {
			continue // computed, or a study's figure, typed once in data/studies.toml
		}
		fmt.Fprintf(&b, "# %s%s: %s\n# %s = \n\n", m.Label, unitAfter(m.Label, m.Unit), kindWords(m), m.ID)
	}
	return b.String()
}

// kindWords says how a metric's figure is typed.
func kindWords(m *data.Metric) string {
	switch m.Kind {
	case data.Count:
		return "a count, like 11708"
	case data.Share:
		return "a share in percent, from 0 to 100"
	}
	return fmt.Sprintf("an amount with %d %s, like %s", m.Decimals, map[bool]string{true: "decimal", false: "decimals"}[m.Decimals == 1], strconv.FormatFloat(257.6, 'f', m.Decimals, 64))
}

// unitAfter is the unit in brackets after a label, unless the label ends
// with it already: "Medarbejdere (årsværk)", not "… (årsværk) (årsværk)".
func unitAfter(label, unit string) string {
	if unit == "" || strings.HasSuffix(label, "("+unit+")") {
		return ""
	}
	return " (" + unit + ")"
}

var (
	refYear    = regexp.MustCompile(`(\{\{[a-z0-9-]+ )(\d{4})\b`)
	printedOpt = regexp.MustCompile(` printed=\S+?(\}\}|\s)`)
	yearKey    = regexp.MustCompile(`^\s*(years|year|change)\s*=`)
	fourDigits = regexp.MustCompile(`\b(19|20)\d{2}\b`)
)

// copyChapters copies the edition's front page and chapters, marking each
// as copied, writing every year a figure or table refers to relative to the
// data year (see relativeChapter), and dropping printed= options, which
// belonged to the old edition's source. A file named after the old
// edition's years is named after the new ones.
func copyChapters(root string, from *data.Edition, to, shift int, change func(string) string) (map[string]string, error) {
	dir := path.Join(site.ContentDir, strconv.Itoa(from.Year))
	entries, err := fs.ReadDir(diskfs.Dir(root), dir)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		src, err := readText(root, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		name := shiftYearsWithin(e.Name(), from.FirstYear, from.Year, shift)
		text := relativeChapter(src, from, change)
		if !site.IsTranslation(e.Name()) {
			// A translation is confirmed with its page: copied_from is
			// written once, in the Danish page.
			text = markCopied(text, from.Year, to)
		}
		out[filepath.Join(site.ContentDir, strconv.Itoa(to), name)] = text
	}
	return out, nil
}

// markCopied adds copied_from to a chapter's front matter, with a comment
// that says what confirming it means.
func markCopied(src string, from, to int) string {
	lines := strings.Split(src, "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "+++" {
		return src
	}
	mark := []string{
		"+++",
		fmt.Sprintf("# Copied from edition %d by `report new edition`: `report check` lists what", from),
		fmt.Sprintf("# still states %d's years and figures. Read the chapter for %d, then delete", from, to),
		"# this line to confirm it; until then the build refuses to publish the edition.",
		fmt.Sprintf("copied_from = %d", from),
	}
	var rest []string
	for _, line := range lines[1:] {
		if strings.HasPrefix(strings.TrimSpace(line), "copied_from") {
			continue // a copy of a copy names the edition it was copied from
		}
		rest = append(rest, line)
	}
	return strings.Join(append(mark, rest...), "\n")
}

// relativeChapter rewrites the years a chapter's references and blocks name
// as the edition's data year moved back: {{omsaetning 2015}} in an edition
// with data year 2015 becomes {{omsaetning dataår}}, years = [2014, 2015]
// becomes ["dataår-1", "dataår"]. The copy then follows its new edition,
// and so does every later copy of it. Years outside the old edition's are
// history and stay as they are.
func relativeChapter(src string, old *data.Edition, change func(string) string) string {
	lines := strings.Split(src, "\n")
	for i, line := range lines {
		line = change(line)
		line = printedOpt.ReplaceAllString(line, "$1")
		line = refYear.ReplaceAllStringFunc(line, func(m string) string {
			parts := refYear.FindStringSubmatch(m)
			return parts[1] + relativeYear(parts[2], old, false)
		})
		if yearKey.MatchString(line) {
			line = fourDigits.ReplaceAllStringFunc(line, func(y string) string { return relativeYear(y, old, true) })
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

var changeKey = regexp.MustCompile(`^(\s*change\s*=\s*)\[\s*("?[^,\]]+"?)\s*,\s*("?[^,\]]+"?)\s*\]\s*$`)

// changeFrom returns the rewriting of a table's change column for the
// copy: a column that compared the old edition's data year with the last
// year before it that had figures compares the new data year with the last
// year before it that has figures, whether that is the year before or, when
// the new edition skips years, the year before the gap. Any other column is
// left to relativeChapter.
func changeFrom(d *data.Data, old *data.Edition, dataYear int) func(string) string {
	before := func(y int) int {
		last := 0
		for _, x := range d.Years() {
			if x < y {
				last = x
			}
		}
		return last
	}
	resolve := func(s string) int {
		s = strings.Trim(s, `"`)
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
		if s == "dataår" {
			return old.DataYear
		}
		if n, ok := strings.CutPrefix(s, "dataår-"); ok {
			if k, err := strconv.Atoi(n); err == nil {
				return old.DataYear - k
			}
		}
		return 0
	}
	return func(line string) string {
		m := changeKey.FindStringSubmatch(line)
		if m == nil || resolve(m[3]) != old.DataYear || resolve(m[2]) != before(old.DataYear) || before(old.DataYear) == 0 {
			return line
		}
		return fmt.Sprintf(`%s["dataår-%d", "dataår"]`, m[1], dataYear-before(dataYear))
	}
}

// relativeYear writes a year of the old edition as "dataår" or "dataår-2",
// quoted for TOML.
func relativeYear(y string, old *data.Edition, quoted bool) string {
	n, _ := strconv.Atoi(y)
	if n < old.FirstYear || n > old.DataYear {
		return y
	}
	rel := "dataår"
	if n < old.DataYear {
		rel += "-" + strconv.Itoa(old.DataYear-n)
	}
	if quoted {
		return `"` + rel + `"`
	}
	return rel
}

// shiftYearsWithin moves the years in s between first and last on by shift.
func shiftYearsWithin(s string, first, last, shift int) string {
	return fourDigits.ReplaceAllStringFunc(s, func(y string) string {
		n, _ := strconv.Atoi(y)
		if n < first || n > last {
			return y
		}
		return strconv.Itoa(n + shift)
	})
}

func shiftYears(s string, shift int) string {
	return fourDigits.ReplaceAllStringFunc(s, func(y string) string {
		n, _ := strconv.Atoi(y)
		return strconv.Itoa(n + shift)
	})
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
