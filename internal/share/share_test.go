package share

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"strings"
	"testing"
)

var out = flag.String("out", "", "write the sample card's PNG here, to look at")

var sample = Card{
	Site:   "Viden og vækst til danske virksomheder",
	Title:  "Performanceregnskab 2016",
	Prefix: "omkring",
	Number: "17.000",
	Text:   "virksomheder deltog i de danske klyngers aktiviteter i 2015",
}

func TestRender(t *testing.T) {
	b, err := Render(sample)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if r := img.Bounds(); r.Dx() != Width || r.Dy() != Height {
		t.Errorf("the image is %v, want %d×%d", r, Width, Height)
	}
	if *out != "" {
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d bytes", len(b))
}

// TestDeterministic draws the card twice, bypassing the cache: the same
// card gives the same bytes.
func TestDeterministic(t *testing.T) {
	a, err := Render(sample)
	if err != nil {
		t.Fatal(err)
	}
	cache.Delete(sample)
	b, err := Render(sample)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the same card drew different bytes")
	}
	other := sample
	other.Number = "17.001"
	c, _ := Render(other)
	if bytes.Equal(a, c) {
		t.Error("a different figure drew the same image")
	}
}

// TestPainterLeavesNoTrace draws a card on a new painter, then on one that
// drew a longer card before (see Draw): the bytes must be the same.
func TestPainterLeavesNoTrace(t *testing.T) {
	fresh, err := Render(sample)
	if err != nil {
		t.Fatal(err)
	}
	cache.Delete(sample)
	long := sample
	long.Title = strings.Repeat("Performanceregnskab for klynger og innovationsnetværk ", 4)
	long.Number = "1.234.567.890"
	cache.Delete(long)
	Draw([]Card{long, sample})
	again, ok := cache.Load(sample)
	if !ok {
		t.Fatal("Draw did not draw the card")
	}
	if !bytes.Equal(fresh, again.([]byte)) {
		t.Error("a painter that drew another card first drew this one differently")
	}
}

func TestMissingGlyph(t *testing.T) {
	c := sample
	c.Title = "Performanceregnskab 2016 ✓"
	if _, err := Render(c); err == nil || !strings.Contains(err.Error(), "U+2713") {
		t.Errorf("a character the font lacks: %v", err)
	}
}

func TestAlt(t *testing.T) {
	if got, want := sample.Alt(), "Performanceregnskab 2016: omkring 17.000 virksomheder deltog i de danske klyngers aktiviteter i 2015."; got != want {
		t.Errorf("Alt() = %q, want %q", got, want)
	}
}

// TestLongText keeps long texts and a long number off the band along the
// bottom and off the mark: they are set smaller, and what still does not
// fit ends in "…", never cut mid-word.
func TestLongText(t *testing.T) {
	c := sample
	c.Site = strings.Repeat("Viden og vækst ", 10)
	c.Title = strings.Repeat("Performanceregnskab for klynger og innovationsnetværk ", 4)
	c.Number = "1.234.567.890.123"
	c.Text = strings.Repeat("virksomheder deltog i de danske klyngers aktiviteter ", 6)
	b, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	if *out != "" {
		os.WriteFile(strings.TrimSuffix(*out, ".png")+"-long.png", b, 0o644)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	mark := image.Rect(Width-72-216, Height-72-24-216, Width-72, Height-24)
	for y := mark.Min.Y; y < Height; y++ {
		for x := 0; x < Width; x++ {
			got := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			switch {
			case y >= Height-24:
				if got != darkBlue {
					t.Fatalf("text reaches the band at the bottom, at %d,%d", x, y)
				}
			case image.Pt(x, y).In(mark):
				if got != blue && got != barTint {
					t.Fatalf("text reaches the mark, at %d,%d", x, y)
				}
			}
		}
	}
}

// TestPaintMatchesOver paints two overlapping masks of every coverage onto
// the paletted canvas and the same onto an RGBA image with draw.Over: the
// palette's levels must stay within a step of the exact colours.
func TestPaintMatchesOver(t *testing.T) {
	r := image.Rect(0, 0, 256, 4)
	mask := image.NewAlpha(r)
	for x := range 256 {
		for y := range 4 {
			mask.SetAlpha(x, y, color.Alpha{uint8(x)})
		}
	}
	c := canvas{image.Paletted{Pix: make([]uint8, 256*16), Stride: 256, Rect: image.Rect(0, 0, 256, 16), Palette: palette}}
	c.fill(c.Rect, inBlue)
	want := image.NewRGBA(c.Rect)
	draw.Draw(want, want.Rect, image.NewUniform(blue), image.Point{}, draw.Src)
	// Rows 2 and 3 are painted white twice, rows 10 and 11 pale; text is
	// never set in one colour over another.
	for _, at := range []image.Rectangle{r, r.Add(image.Pt(0, 2))} {
		for _, in := range []struct {
			ink   ink
			color color.RGBA
			rows  image.Rectangle
		}{{inWhite, white, at}, {inPale, pale, at.Add(image.Pt(0, 8))}} {
			c.paint(in.rows, mask, image.Point{}, in.ink)
			draw.DrawMask(want, in.rows, image.NewUniform(in.color), image.Point{}, mask, image.Point{}, draw.Over)
		}
	}
	for y := range 16 {
		for x := range 256 {
			got := color.RGBAModel.Convert(c.At(x, y)).(color.RGBA)
			w := want.RGBAAt(x, y)
			if d := max(diff(got.R, w.R), diff(got.G, w.G), diff(got.B, w.B)); d > 2 {
				t.Fatalf("at %d,%d the canvas has %v, draw.Over %v", x, y, got, w)
			}
		}
	}
}

func diff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
