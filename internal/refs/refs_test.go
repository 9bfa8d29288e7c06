package refs

import (
	"os"
	"strings"
	"testing"

	"report/internal/data"
	"report/internal/diag"
	"report/internal/lang"
)

func context(t *testing.T) Context {
	t.Helper()
	var problems diag.List
	d := data.Load(os.DirFS("../../testdata/sites/base"), &problems)
	if err := problems.Err(); err != nil {
		t.Fatal(err)
	}
	return Context{Data: d, Edition: d.Edition(2016)}
}

func TestResolve(t *testing.T) {
	c := context(t)
	tests := []struct{ ref, want string }{
		{"omsaetning", "15,6"},
		{"omsaetning 2014", "20,0"},
		{"omsaetning dataår-1", "20,0"},
		{"dataår", "2015"},
		{"dataår-1", "2014"},
		{"startår", "2014"},
		{"udgave", "2016"},
		{"antal klynger", "3"},
		{"antal guldklynger", "1"},
		{"antal klynger uden guld", "2"},
		{"guldklynger", "Vindkraftklyngen"},
		{"virksomheder round=1000", "2.000"},
		{"virksomheder round-down=1000", "1.000"},
		{"virksomheder round-up=100", "1.800"},
		{"succesrate", "33\u00a0%"},
		{"succesrate round-up=10", "40\u00a0%"},
		{"omsaetning printed=16", "16"},
	}
	for _, tt := range tests {
		got, err := c.Resolve(tt.ref)
		if err != nil || got.Text != tt.want {
			t.Errorf("{{%s}} = %q, %v; want %q", tt.ref, got.Text, err, tt.want)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	c := context(t)
	tests := []struct{ ref, want string }{
		{"", "write a figure as {{metric-id year}}"},
		{"Omsætning", "is neither a metric id nor one of dataår, startår"},
		{"omsaetning 2016", "2016 is the edition's year, and its figures are for 2015; did you mean {{omsaetning 2015}}"},
		{"omsaetning tyve", `a year is written like 2015, or as dataår, startår or udgave`},
		{"omsaetning round=300", "round must round to a step like 10, 100, 500 or 1000"},
		{"omsaetning round=10 round=100", "give one rounding option, not two"},
		{"omsaetning afrund=10", `unknown option "afrund=10"`},
		{"år", "{{år}} names the years a chart or table shows"},
	}
	for _, tt := range tests {
		_, err := c.Resolve(tt.ref)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("{{%s}}: error %v, want one containing %q", tt.ref, err, tt.want)
		}
	}
	outside := Context{Data: c.Data}
	if _, err := outside.Resolve("dataår"); err == nil {
		t.Error("{{dataår}} resolved on a page of no edition")
	}
}

// TestRoundingOff measures how far rounding to the nearest step moves a
// figure, and never counts a bound ("over", "næsten") as off.
func TestRoundingOff(t *testing.T) {
	c := context(t)
	near, _ := c.Resolve("virksomheder round=1000") // 1.794 → 2.000
	if near.Off < 11 || near.Off > 12 || !near.Rounded || near.Exact != "1.794" {
		t.Errorf("round=1000 of 1.794: off %v %%, exact %q", near.Off, near.Exact)
	}
	// The advice names the coarsest step that keeps 1.794 close: 250 shows
	// 1.750, 2,5 % off; 500 would show 2.000 again.
	if advice := RoundingAdvice(near); !strings.Contains(advice, "round=1000 shows 1.794 as 2.000, 11,5 % off") || !strings.Contains(advice, "use a finer step (round=250)") {
		t.Errorf("advice: %s", advice)
	}
	bound, _ := c.Resolve("virksomheder round-down=1000")
	if bound.Off != 0 {
		t.Errorf("round-down is off by %v %%; a bound is never off", bound.Off)
	}
	share, _ := c.Resolve("succesrate round-up=10") // 33 % → 40 %
	if share.Exact != "33\u00a0%" || share.Text != "40\u00a0%" {
		t.Errorf("a rounded share shows %q as %q", share.Exact, share.Text)
	}
}

func TestExpand(t *testing.T) {
	c := context(t)
	c.Years = []int{2014, 2015}
	text := "Omsætningen, {{år}}: {{omsaetning}} mio. kr. i {{dataår}}, {{ukendt}} og {{dataår"
	got, problems := c.Expand(text)
	if got != "Omsætningen, 2014–2015: 15,6 mio. kr. i 2015, {{ukendt}} og {{dataår" {
		t.Errorf("Expand gave %q", got)
	}
	if len(problems) != 2 || problems[0].Offset != strings.Index(text, "{{ukendt") || problems[1].Offset != strings.LastIndex(text, "{{") || !strings.Contains(problems[1].Msg, "is not closed") {
		t.Errorf("problems: %+v", problems)
	}
}

func TestSpan(t *testing.T) {
	for years, want := range map[string]string{"2015": "2015", "2012 2013 2014 2015": "2012–2015", "2012 2014 2015": "2012, 2014 og 2015"} {
		var ys []int
		for _, f := range strings.Fields(years) {
			var y int
			for _, r := range f {
				y = y*10 + int(r-'0')
			}
			ys = append(ys, y)
		}
		if got := Span(lang.Danish, ys); got != want {
			t.Errorf("Span(%v) = %q, want %q", ys, got, want)
		}
	}
}

// TestDecomposedName reads {{dataår}} typed with a and a combining ring, as
// some Mac programs save å, as the name it looks like.
func TestDecomposedName(t *testing.T) {
	c := context(t)
	res, err := c.Resolve("data\u0061\u030ar")
	if err != nil || res.Text != "2015" {
		t.Errorf("{{dataår}} decomposed: %q, %v", res.Text, err)
	}
}

// TestFinerStep suggests the coarsest step people round to, finer than
// the one given, that keeps the figure within MaxRoundingOff; none where
// no such step is finer than the one given.
func TestFinerStep(t *testing.T) {
	for _, tt := range []struct {
		v, step, want float64
		ok            bool
	}{
		{1794, 2500, 250, true}, // half of 2.500 is no step people round to
		{11708, 5000, 2000, true},
		{42, 1000, 2, true},
		{0.4, 1, 0, false},
		{7, 10, 1, true}, // 5 shows it as 5, 2 as 8
		{12.7, 10, 1, true},
	} {
		got, ok := FinerStep(tt.v, tt.step)
		if got != tt.want || ok != tt.ok {
			t.Errorf("FinerStep(%v, %v) = %v, %v; want %v, %v", tt.v, tt.step, got, ok, tt.want, tt.ok)
		}
	}
}
