package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"report/internal/lang"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ and static/fonts/")

func goldenName(s Spec) string {
	if s.Narrow {
		return s.ID + "-narrow.svg"
	}
	return s.ID + ".svg"
}

// TestGolden compares every sample, wide and narrow, with its golden file
// byte for byte. Refresh them with go test -update after looking at them.
func TestGolden(t *testing.T) {
	for _, s := range variants() {
		t.Run(goldenName(s), func(t *testing.T) {
			got, err := Render(s)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", goldenName(s))
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s; look at the chart, then go test -update", path)
			}
		})
	}
}

// variants are the samples in both widths.
func variants() []Spec {
	var out []Spec
	for _, s := range samples() {
		out = append(out, s)
		s.Narrow = true
		out = append(out, s)
	}
	return out
}

// TestWellFormed parses every chart as XML and checks what pages and screen
// readers rely on.
func TestWellFormed(t *testing.T) {
	for _, s := range variants() {
		out, err := Render(s)
		if err != nil {
			t.Fatal(err)
		}
		checkSVG(t, s, out)
	}
}

func checkSVG(t *testing.T, s Spec, out []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(out))
	var names []string
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not XML: %v", s.ID, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				checkRoot(t, s, e)
			}
			if depth == 1 {
				names = append(names, e.Name.Local)
			}
			for _, a := range e.Attr {
				if a.Name.Local == "style" {
					t.Errorf("%s: style attribute on <%s>: the CSP blocks it", s.ID, e.Name.Local)
				}
			}
			if e.Name.Local == "style" || e.Name.Local == "script" {
				t.Errorf("%s: <%s> element", s.ID, e.Name.Local)
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if len(names) < 2 || names[0] != "title" || names[1] != "desc" {
		t.Errorf("%s: first children %v, want title, desc", s.ID, names)
	}
}

func checkRoot(t *testing.T, s Spec, e xml.StartElement) {
	t.Helper()
	attrs := map[string]string{}
	for _, a := range e.Attr {
		attrs[a.Name.Local] = a.Value
	}
	want := map[string]string{"role": "img", "aria-labelledby": s.ID + "-title " + s.ID + "-desc"}
	for k, v := range want {
		if attrs[k] != v {
			t.Errorf("%s: %s=%q, want %q", s.ID, k, attrs[k], v)
		}
	}
	for _, k := range []string{"viewBox", "width", "height"} {
		if attrs[k] == "" {
			t.Errorf("%s: no %s", s.ID, k)
		}
	}
	if e.Name.Local != "svg" || e.Name.Space != "http://www.w3.org/2000/svg" {
		t.Errorf("%s: root is %v", s.ID, e.Name)
	}
}

// TestEscaping puts XML's special characters and Danish letters everywhere
// a label can go and reads them back through the XML parser.
func TestEscaping(t *testing.T) {
	odd := []string{`Lifestyle & Design <Cluster>`, `"Citat" og 'enkelt'`, "Æbler, øl og å"}
	for _, k := range []Kind{Bar, HBar, Grouped, Line, Share} {
		s := Spec{Kind: k, ID: "esc", Title: odd[0] + " " + odd[2], Unit: `kr. & "øre"`, Categories: odd,
			Series: []Series{{Name: odd[1], Values: []float64{1, 2, 3}}}, Lang: danish()}
		if k == Grouped || k == Line {
			s.Series = append(s.Series, Series{Name: odd[0], Values: []float64{3, 2, 1}})
		}
		out, err := Render(s)
		if err != nil {
			t.Fatal(err)
		}
		checkSVG(t, s, out)
		text := chardata(t, out)
		for _, want := range append(odd, s.Title, s.Unit) {
			if !strings.Contains(text, want) {
				t.Errorf("%s: %q lost in escaping", k, want)
			}
		}
	}
}

// chardata is all the text of an XML document, one line per element.
func chardata(t *testing.T, doc []byte) string {
	var b strings.Builder
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		if c, ok := tok.(xml.CharData); ok {
			b.Write(c)
			b.WriteByte('\n')
		}
	}
}

func TestErrors(t *testing.T) {
	ok := Spec{Kind: Bar, ID: "x", Title: "T", Categories: []string{"a", "b"}, Series: []Series{{Name: "s", Values: []float64{1, 2}}}, Lang: danish()}
	nan := math.NaN()
	cases := map[string]func(*Spec){
		"no categories":   func(s *Spec) { s.Categories = nil },
		"count mismatch":  func(s *Spec) { s.Series[0].Values = []float64{1, 2, 0} }, // TOML's [1.0, 2,0]
		"unknown kind":    func(s *Spec) { s.Kind = "pie" },
		"all missing":     func(s *Spec) { s.Series[0].Values = []float64{nan, nan} },
		"negative share":  func(s *Spec) { s.Kind = Share; s.Series[0].Values = []float64{3, -1} },
		"zero share":      func(s *Spec) { s.Kind = Share; s.Series[0].Values = []float64{0, 0} },
		"no series":       func(s *Spec) { s.Series = nil },
		"two series bar":  func(s *Spec) { s.Series = append(s.Series, s.Series[0]) },
		"infinite":        func(s *Spec) { s.Series[0].Values[0] = math.Inf(1) },
		"no title":        func(s *Spec) { s.Title = "" },
		"bad id":          func(s *Spec) { s.ID = `a"b` },
		"negative width":  func(s *Spec) { s.Width = -5 },
		"too many series": func(s *Spec) { s.Kind = Line; s.Series = make([]Series, MaxSeries+1) },
		"no language":     func(s *Spec) { s.Lang = nil },
		"no table":        func(s *Spec) { s.Lang = lang.Danish },
	}
	if _, err := Render(ok); err != nil {
		t.Fatalf("valid spec: %v", err)
	}
	for name, mutate := range cases {
		s := ok
		s.Series = []Series{{Name: "s", Values: []float64{1, 2}}}
		mutate(&s)
		if _, err := Render(s); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestDescribe(t *testing.T) {
	s := Spec{Kind: Bar, ID: "x", Title: "Omsætning 2012–2015", Unit: "mio. kr.", Decimals: 1,
		Categories: []string{"2012", "2013", "2014", "2015"},
		Series:     []Series{{Name: "Omsætning", Values: []float64{602.8, math.NaN(), 356.2, 257.6}}}, Lang: danish()}
	want := "Søjlediagram: Omsætning 2012–2015. Størst er 602,8 mio. kr. (2012), mindst er 257,6 mio. kr. (2015)." +
		" Fra 2012 til 2015 faldt tallet fra 602,8 til 257,6 mio. kr. (−57 %). Ingen tal for 2013."
	if got := describe(s); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	share := Spec{Kind: Share, Title: "Kilder", Unit: "mio. kr.", Decimals: 1, Categories: []string{"Staten", "EU"},
		Series: []Series{{Values: []float64{75, 25}}}, Lang: danish()}
	want = "Fordeling: Kilder. I alt 100,0 mio. kr.: Staten 75,0 mio. kr. (75,0 %); EU 25,0 mio. kr. (25,0 %)." +
		" Største andel: Staten. Mindste andel: EU."
	if got := describe(share); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestParallel renders the samples from many goroutines at once (run with
// -race) and checks every result equals the sequential one.
func TestParallel(t *testing.T) {
	specs := variants()
	want := make([][]byte, len(specs))
	for i, s := range specs {
		want[i], _ = Render(s)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8*len(specs))
	for range 8 {
		for i, s := range specs {
			wg.Go(func() {
				got, err := Render(s)
				if err == nil && !bytes.Equal(got, want[i]) {
					err = errors.New(s.ID + ": output differs between runs")
				}
				if err != nil {
					errs <- err
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestPaletteContrast(t *testing.T) {
	for i, c := range palette {
		if r := contrast(c, white); r < 3 {
			t.Errorf("palette[%d] %v: %.2f:1 against white, want ≥ 3", i, c, r)
		}
	}
	for name, r := range map[string]float64{"ink": contrast(ink, white), "muted": contrast(muted, white), "ink on track": contrast(ink, track)} {
		if r < 4.5 {
			t.Errorf("%s: %.2f:1, want ≥ 4.5 for text", name, r)
		}
	}
}

// TestShippedFont keeps the font the page loads identical to the one the
// labels are measured with.
func TestShippedFont(t *testing.T) {
	path := filepath.Join("..", "..", "static", "fonts", "RobotoMedium-Latin.ttf")
	if *update {
		if err := os.WriteFile(path, FontFile, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, FontFile) {
		t.Errorf("%s differs from the font the charts are measured with; go test -update rewrites it", path)
	}
}

// TestGlyphsOutsideTheFont refuses a label the chart font cannot draw, and
// accepts the Danish and European letters it can.
func TestGlyphsOutsideTheFont(t *testing.T) {
	s := Spec{Kind: Bar, Title: "T", ID: "g", Categories: []string{"Ærø – Ålborg € 5 − 3 · Žilina"}, Series: []Series{{Name: "a", Values: []float64{1}}}, Lang: danish()}
	if _, err := Render(s); err != nil {
		t.Errorf("Danish and European letters refused: %v", err)
	}
	s.Categories = []string{"北京"}
	if _, err := Render(s); err == nil || !strings.Contains(err.Error(), "not in the chart font") {
		t.Errorf("a glyph outside the font: %v", err)
	}
}

func TestSparkline(t *testing.T) {
	svg := string(Sparkline([]float64{602.8, 390.1, 356.2, 257.6}, `Faldende "fra" 602,8 til 257,6`))
	for _, want := range []string{`role="img"`, `aria-label="Faldende &#34;fra&#34; 602,8 til 257,6"`, `points="2.0,2.0 22.0,9.4 42.0,10.6 62.0,14.0"`} {
		if !strings.Contains(svg, want) {
			t.Errorf("sparkline lacks %s:\n%s", want, svg)
		}
	}
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Errorf("not XML: %v", err)
	}
	if flat := string(Sparkline([]float64{5, 5}, "uændret")); !strings.Contains(flat, `points="2.0,8.0 62.0,8.0"`) {
		t.Errorf("a flat line is not drawn level: %s", flat)
	}
}

// TestSparklineGap breaks the line at a year without a figure: no segment
// joins the years on either side, and a lone figure is a dot.
func TestSparklineGap(t *testing.T) {
	svg := string(Sparkline([]float64{1, 2, math.NaN(), 4, 5, math.NaN(), 7}, "x"))
	if n := strings.Count(svg, "<polyline"); n != 2 {
		t.Errorf("%d lines, want 2: %s", n, svg)
	}
	if strings.Count(svg, "<circle") != 1 {
		t.Errorf("the lone last figure is no dot: %s", svg)
	}
	for _, line := range regexp.MustCompile(`points="([^"]*)"`).FindAllStringSubmatch(svg, -1) {
		if n := len(strings.Fields(line[1])); n != 2 {
			t.Errorf("a line of %d points crosses a gap: %s", n, line[1])
		}
	}
}
