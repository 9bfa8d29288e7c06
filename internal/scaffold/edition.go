package scaffold

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"report/internal/data"
	"report/internal/site"
)

// NewEdition creates the skeleton of edition year from the latest edition:
// its edition file with the years moved on by one, its chapters (not its case
// stories) with every reference to a year moved on by one, and a file of
// figures for the new data year that lists every metric, commented out. It
// returns the files it wrote.
func NewEdition(root string, year int) ([]string, error) {
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
	files := map[string]string{
		filepath.Join("data", "editions", strconv.Itoa(year)+".toml"):               editionFile(root, latest, year, shift),
		filepath.Join("data", "years", strconv.Itoa(latest.DataYear+shift)+".toml"): yearFile(d, latest.DataYear+shift),
	}
	chapters, err := copyChapters(root, latest.Year, year, shift)
	if err != nil {
		return nil, err
	}
	for k, v := range chapters {
		files[k] = v
	}
	var written []string
	for _, rel := range sortedKeys(files) {
		if _, err := os.Stat(filepath.Join(root, rel)); err == nil {
			return nil, fmt.Errorf("%s already exists; nothing was written", filepath.ToSlash(rel))
		}
	}
	for _, rel := range sortedKeys(files) {
		if err := create(root, rel, files[rel]); err != nil {
			return written, err
		}
		written = append(written, filepath.ToSlash(rel))
	}
	return written, nil
}

// editionFile is the latest edition's file with its years moved on.
func editionFile(root string, e *data.Edition, year, shift int) string {
	src, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(e.Path)))
	if err != nil {
		return ""
	}
	var out []string
	for _, line := range strings.Split(string(src), "\n") {
		key := strings.TrimSpace(strings.SplitN(line, "=", 2)[0])
		switch key {
		case "year", "data_year", "first_year":
			line = shiftYears(line, shift)
		case "subtitle", "title", "description":
			line = strings.ReplaceAll(line, strconv.Itoa(e.Year), strconv.Itoa(year))
		case "published":
			line = "# published = " + strconv.Itoa(year) + "-06-01   # the day the edition comes out"
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// yearFile lists every typed metric for the new year, commented out, so the
// editor fills in what the clusters reported and deletes nothing by mistake.
func yearFile(d *data.Data, year int) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# The figures for %d. Remove the # before each figure you have, and\n", year)
	fmt.Fprintf(&b, "# write it as a number with a decimal point (257.6). Leave out what was not\n")
	fmt.Fprintf(&b, "# measured: a missing figure is shown as empty, never as 0.\n\n")
	for _, m := range d.Metrics {
		if m.Derived() {
			continue
		}
		unit := ""
		if m.Unit != "" {
			unit = " (" + m.Unit + ")"
		}
		fmt.Fprintf(&b, "# %s%s\n# %s = \n\n", m.Label, unit, m.ID)
	}
	return b.String()
}

var (
	refYear    = regexp.MustCompile(`(\{\{[a-z0-9-]+ )(\d{4})`)
	printedOpt = regexp.MustCompile(` printed=\S+?(\}\}|\s)`)
	yearKey    = regexp.MustCompile(`^\s*(years|year|change)\s*=`)
	fourDigits = regexp.MustCompile(`\b(19|20)\d{2}\b`)
)

// copyChapters copies the edition's front page and chapters, moving every
// year a figure or table refers to on by shift, and dropping printed=
// options, which belonged to the old edition's source.
func copyChapters(root string, from, to, shift int) (map[string]string, error) {
	dir := filepath.Join(root, site.ContentDir, strconv.Itoa(from))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out[filepath.Join(site.ContentDir, strconv.Itoa(to), e.Name())] = shiftChapter(string(src), shift)
	}
	return out, nil
}

func shiftChapter(src string, shift int) string {
	lines := strings.Split(src, "\n")
	for i, line := range lines {
		line = printedOpt.ReplaceAllString(line, "$1")
		line = refYear.ReplaceAllStringFunc(line, func(m string) string {
			parts := refYear.FindStringSubmatch(m)
			return parts[1] + shiftYears(parts[2], shift)
		})
		if yearKey.MatchString(line) {
			line = shiftYears(line, shift)
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
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
