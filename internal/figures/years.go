package figures

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"report/internal/lang"
	"report/internal/refs"
)

// yearOf reads a year as a block's TOML writes it: 2015, or one of the
// edition's years by name, "dataår" or "dataår-1", so that a block copied
// into next year's edition follows it.
func (st *block) yearOf(v any) (int, error) {
	switch y := v.(type) {
	case int64:
		return st.refs().Year(strconv.FormatInt(y, 10))
	case string:
		return st.refs().Year(y)
	}
	return 0, fmt.Errorf("a year is written like 2015, or as \"dataår\" in quotes, not %v", v)
}

func (st *block) yearsOf(vs []any) ([]int, error) {
	out := make([]int, 0, len(vs))
	for _, v := range vs {
		y, err := st.yearOf(v)
		if err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, nil
}

var typedYear = regexp.MustCompile(`\b(19[89]\d|20\d\d)\b`)

// checkTitleYears refuses a year typed into a title that the chart or table
// does not show: copied into next year's edition, "…, 2012–2015" would stand
// above an axis of 2013–2016.
func checkTitleYears(title string, shown []int, errAt func(string, string, ...any)) {
	for _, m := range typedYear.FindAllString(title, -1) {
		y, _ := strconv.Atoi(m)
		if !slices.Contains(shown, y) {
			errAt("title", "the title names %d, which is not among the years shown (%s); write {{år}} for the years shown, or {{dataår}}", y, refs.Span(lang.Danish, shown))
			return
		}
	}
}
