package chart

import (
	"testing"

	"report/internal/lang"
)

// TestWithUnit: an amount in English puts its currency first, a count its
// unit in the singular after a 1, in either language.
func TestWithUnit(t *testing.T) {
	da, en := loadLangs(t)
	s := &Spec{Unit: "clusters", UnitOne: "cluster"}
	for _, c := range []struct {
		l    *lang.Lang
		v    float64
		unit string
		want string
	}{
		{en, 257.6, "DKK million", "DKK 257.6 million"},
		{en, 3, "DKK", "DKK 3.0"},
		{da, 257.6, "mio. kr.", "257,6 mio. kr."},
		{da, 257.6, "DKK million", "257,6 DKK million"}, // Danish writes the unit after
		{en, 1, s.unit(1), "1.0 cluster"},
		{en, 2, s.unit(2), "2.0 clusters"},
		{en, 36.8, "%", "36.8%"},
	} {
		if got := withUnit(c.l, c.v, 1, c.unit); got != c.want {
			t.Errorf("withUnit(%s, %v, %q) = %q, want %q", c.l.Code, c.v, c.unit, got, c.want)
		}
	}
}
