// Package share draws an edition's share image: the picture a link preview
// shows (og:image), 1200×630 pixels, with the edition's name and one of its
// key figures in white on the site's deep blue, and the bar-chart mark of
// the site's icon. The text is set in the chart font (internal/chart), the
// only font the build has, rasterised by freetype.
//
// The same card gives the same bytes: the drawing is integer and
// fixed-point arithmetic in one goroutine, onto a fixed palette, so a
// build's output stays byte-identical whatever the machine or GOMAXPROCS.
package share

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"sync"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"report/internal/chart"
)

// Width and Height are the image's size in pixels: the 1.91:1 that
// Facebook, LinkedIn and X (summary_large_image) show without cropping.
const (
	Width  = 1200
	Height = 630
)

// Card is what the image says.
type Card struct {
	Site   string // the report's title, small, at the top
	Title  string // the edition's name, large: "Performanceregnskab 2016"
	Prefix string // the key figure's prefix, "omkring"; may be empty
	Number string // the key figure as printed, "17.000"
	Text   string // what the figure counts, after it
}

// Alt is the image's text alternative: what it says, in one sentence.
func (c Card) Alt() string {
	figure := c.Number
	if c.Prefix != "" {
		figure = c.Prefix + " " + figure
	}
	if figure == "" {
		return c.Title + ". " + c.Site
	}
	return c.Title + ": " + strings.TrimSpace(figure+" "+c.Text) + "."
}

// The site's colours (static/css/report.css: --accent, --accent-dark).
var (
	blue     = color.RGBA{0x0b, 0x4f, 0x71, 0xff}
	darkBlue = color.RGBA{0x07, 0x33, 0x49, 0xff}
	white    = color.RGBA{0xff, 0xff, 0xff, 0xff}
	pale     = color.RGBA{0xc4, 0xdc, 0xe8, 0xff} // the small text, 8.9:1 on blue
	barTint  = color.RGBA{0x3d, 0x7f, 0xa3, 0xff} // the mark's bars, quiet
)

var parsed = sync.OnceValues(func() (*truetype.Font, error) { return truetype.Parse(chart.FontFile) })

// cache holds the images drawn, by card: the preview plans the site again
// after every edit, and an edition's card rarely changes.
var cache, used sync.Map // Card → []byte; Card → true, since the last Drawn

// Image is a card and its PNG, as Drawn and Recall pass them between
// processes.
type Image struct {
	Card Card
	PNG  []byte
}

// Drawn returns the images Render drew or looked up since the last call,
// in no particular order, for a later process to Recall: the build keeps
// them beside its output, so that the next build draws a card again only
// when its words changed.
func Drawn() []Image {
	var out []Image
	used.Range(func(c, _ any) bool {
		if b, ok := cache.Load(c); ok {
			out = append(out, Image{Card: c.(Card), PNG: b.([]byte)})
		}
		used.Delete(c)
		return true
	})
	return out
}

// Recall puts images an earlier process drew (see Drawn) into the cache.
// The caller vouches that the same program drew them.
func Recall(images []Image) {
	for _, im := range images {
		cache.Store(im.Card, im.PNG)
	}
}

// Render draws the card as a PNG. It fails only when the text holds a
// character the font cannot draw.
func Render(c Card) ([]byte, error) {
	var pt *painter
	return render(c, &pt)
}

// Draw draws the cards that are not drawn yet, one after another with one
// painter (see painter), for Render to find them drawn; the painter is let
// go at the end. It leaves a card it cannot draw for Render to report.
func Draw(cards []Card) {
	// The painter is garbage once the cards are drawn. A build draws them
	// while it loads (see render.SharePrefetch), whose heap grows through
	// collections that soon take the painter; the collection at once that
	// Draw made when a build drew them after loading (peak memory 41 ->
	// 35 MB then) now costs time and spares no memory (1,000 stories: 347
	// -> 330 ms, 50 -> 49 MB, 9 alternating runs).
	var pt *painter
	for _, c := range cards {
		_, _ = render(c, &pt)
	}
}

// render draws the card with the painter *pt, made first if *pt is nil.
func render(c Card, pt **painter) ([]byte, error) {
	used.Store(c, true)
	if b, ok := cache.Load(c); ok {
		return b.([]byte), nil
	}
	if *pt == nil {
		var err error
		if *pt, err = newPainter(); err != nil {
			return nil, err
		}
	}
	tt, f, img := (*pt).faces.font, (*pt).faces, &(*pt).canvas
	for _, s := range []string{c.Site, c.Title, c.Prefix, c.Number, c.Text} {
		for _, r := range s {
			if tt.Index(r) == 0 && r != ' ' {
				return nil, fmt.Errorf("the share image cannot draw the character %q (U+%04X) in %q: the chart font lacks it", r, r, s)
			}
		}
	}
	// The whole canvas is painted over first: what the last card left on
	// it never shows.
	img.fill(img.Rect, inBlue)
	// A dark band along the bottom, as the site's header has below it.
	img.fill(image.Rect(0, Height-24, Width, Height), inDarkBlue)
	drawMark(img, image.Rect(Width-72-216, Height-72-24-216, Width-72, Height-72-24))

	const left = 72
	full := Width - 2*left
	beside := full - 216 - 48 // beside the mark
	y := 72
	y = setText(img, f, c.Site, 30, inPale, left, y, full, 1)
	y += 18
	y = setText(img, f, c.Title, 64, inWhite, left, y, full, 2)
	if c.Number != "" {
		y += 48
		// The number as large as fits beside the mark, the prefix on its
		// baseline.
		prefix := ""
		if c.Prefix != "" {
			prefix = c.Prefix + " "
		}
		size := 120
		for ; size > 40 && measure(f, prefix, size*11/30)+measure(f, c.Number, size) > beside; size -= 4 {
		}
		x, base := left, y+ascent(f, size)
		x = line(img, f, prefix, size*11/30, inWhite, x, base)
		line(img, f, c.Number, size, inWhite, x, base)
		y += size * 5 / 4
		setText(img, f, c.Text, 34, inPale, left, y, beside, 2)
	}
	b, err := (*pt).encode()
	if err != nil {
		return nil, err
	}
	cache.Store(c, b)
	return b, nil
}

// setText sets text in lines no wider than width, from the top y, in at
// most maxLines lines: a text that needs more is set smaller, down to half
// its size, and if it still needs more, its last line ends in "…" (the
// image's alt text has it whole). It returns the y below the last line.
func setText(img *canvas, f *faces, text string, px int, c ink, x, y, width, maxLines int) int {
	size := px
	lines := wrap(f, text, size, width)
	for len(lines) > maxLines && size > px/2 {
		size -= 2
		lines = wrap(f, text, size, width)
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := strings.Fields(lines[maxLines-1])
		for len(last) > 1 && measure(f, strings.Join(last, " ")+" …", size) > width {
			last = last[:len(last)-1]
		}
		lines[maxLines-1] = strings.Join(last, " ") + " …"
	}
	for _, l := range lines {
		line(img, f, l, size, c, x, y+ascent(f, size))
		y += size * 5 / 4
	}
	return y
}

// measure is the width of text at px, in whole pixels, rounded up.
func measure(f *faces, text string, px int) int {
	return font.MeasureString(f.at(px), text).Ceil()
}

// line draws one line of text on the baseline y and returns the x after
// it. It sets the letters as font.Drawer does, kerned, but paints their
// coverage onto the canvas itself.
func line(img *canvas, f *faces, text string, px int, c ink, x, y int) int {
	face := f.at(px)
	dot := fixed.P(x, y)
	prev := rune(-1)
	for _, r := range text {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, maskp, advance, _ := face.Glyph(dot, r)
		if !dr.Empty() {
			img.paint(dr, mask, maskp, c)
		}
		dot.X += advance
		prev = r
	}
	return dot.X.Ceil()
}

// A painter is what drawing a card needs besides the card: the canvas, the
// faces and the encoder's buffers. A build draws a card for each edition
// and language; reusing one painter for the next card spares most of the
// 2.2 MB a card needs, which a new process pays for twice, once to
// allocate and once to fault in (about 12 µs a page on the project's
// machine). The painter is let go once the cards are drawn (see Draw).
type painter struct {
	canvas canvas
	faces  *faces
	png    pngBuffers
}

func newPainter() (*painter, error) {
	tt, err := parsed()
	if err != nil {
		return nil, err
	}
	r := image.Rect(0, 0, Width, Height)
	return &painter{
		canvas: canvas{image.Paletted{Pix: make([]uint8, Width*Height), Stride: Width, Rect: r, Palette: palette}},
		faces:  newFaces(tt),
	}, nil
}

// The card is drawn straight onto a palette that holds every colour it
// can show: its flat colours, and each colour of text at the levels of
// coverage an antialiased edge has over the blue, which is the only
// colour text is set on (TestLongText keeps it off the band and the
// mark). An RGBA canvas whose colours were counted and mapped onto a
// palette afterwards drew the same picture, within 4 of 255 in any
// channel, in 2.4 times the time and memory (BenchmarkRender: 9.6 ->
// 4.1 ms, 5.1 -> 2.2 MB).
const levels = 126 // of coverage for each colour of text, 1/126 apart

// ink is the palette index of a colour of text at full coverage; its
// level k of coverage is at ink-levels+k.
type ink uint8

const (
	inBlue uint8 = iota
	inDarkBlue
	inBarTint
	inWhite = ink(inBarTint + levels)
	inPale  = ink(inWhite + levels)
)

var palette = func() color.Palette {
	p := color.Palette{blue, darkBlue, barTint}
	over := func(c color.RGBA, k int) color.RGBA {
		mix := func(a, b uint8) uint8 { return uint8((int(a)*(levels-k) + int(b)*k + levels/2) / levels) }
		return color.RGBA{mix(blue.R, c.R), mix(blue.G, c.G), mix(blue.B, c.B), 0xff}
	}
	for _, c := range []color.RGBA{white, pale} {
		for k := 1; k <= levels; k++ {
			p = append(p, over(c, k))
		}
	}
	return p
}()

// canvas is the card's paletted image.
type canvas struct{ image.Paletted }

// fill paints r in the palette's colour i.
func (c *canvas) fill(r image.Rectangle, i uint8) {
	r = r.Intersect(c.Rect)
	if r.Empty() {
		return
	}
	first := c.Pix[c.PixOffset(r.Min.X, r.Min.Y):c.PixOffset(r.Max.X, r.Min.Y)]
	for x := range first {
		first[x] = i
	}
	for y := r.Min.Y + 1; y < r.Max.Y; y++ {
		copy(c.Pix[c.PixOffset(r.Min.X, y):], first)
	}
}

// paint lays ink over the blue through the coverage mask, as draw.Over
// does: where a letter's edge meets one already set in the same ink (a
// kerned pair), their coverages add as paint does, a + b(1-a).
func (c *canvas) paint(dr image.Rectangle, mask image.Image, mp image.Point, in ink) {
	r := dr.Intersect(c.Rect)
	lo := uint8(in) - levels // the ink's level 0, one below its first entry
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			a := int(coverage(mask, mp.X+x-dr.Min.X, mp.Y+y-dr.Min.Y))
			if a == 0 {
				continue
			}
			// coverage in parts of full, so that adding two loses nothing
			// to rounding before the level is picked
			const full = 255 * levels
			i, cov := c.PixOffset(x, y), a*levels
			if had := c.Pix[i]; had > lo && had <= uint8(in) {
				was := int(had-lo) * 255
				cov = was + (cov*(full-was)+full/2)/full
			}
			if k := (cov + 127) / 255; k > 0 {
				c.Pix[i] = lo + uint8(k)
			}
		}
	}
}

// coverage is the mask's alpha at x, y: a glyph's mask is an *image.Alpha.
func coverage(mask image.Image, x, y int) uint8 {
	if a, ok := mask.(*image.Alpha); ok {
		return a.AlphaAt(x, y).A
	}
	return color.AlphaModel.Convert(mask.At(x, y)).(color.Alpha).A
}

// pngBuffers keeps one encoder's buffers for the painter's next card.
type pngBuffers struct{ b *png.EncoderBuffer }

func (p *pngBuffers) Get() *png.EncoderBuffer  { return p.b }
func (p *pngBuffers) Put(b *png.EncoderBuffer) { p.b = b }

// faces are the font's faces by size, made once per painter: a face is
// costly to make and not safe to share between goroutines. Each caches a
// single glyph mask. A face allocates its whole cache at once, a mask the
// size of its largest glyph per entry, and a card sets a few dozen
// letters, most of them once: with 64 masks a face, the faces took 5.7 MB
// a card, half of what drawing it allocated, and drawing a letter again
// costs less than clearing them (BenchmarkRender, 64 masks against 1:
// -50 % B/op, time within noise).
type faces struct {
	font   *truetype.Font
	bySize map[int]font.Face
}

func newFaces(tt *truetype.Font) *faces {
	return &faces{font: tt, bySize: map[int]font.Face{}}
}

// at is the face to draw and measure with at px.
func (f *faces) at(px int) font.Face {
	fc, ok := f.bySize[px]
	if !ok {
		fc = truetype.NewFace(f.font, &truetype.Options{Size: float64(px), DPI: 72, Hinting: font.HintingNone, GlyphCacheEntries: 1})
		f.bySize[px] = fc
	}
	return fc
}

// ascent is how far the font's tallest letters rise above the baseline.
func ascent(f *faces, px int) int { return f.at(px).Metrics().Ascent.Ceil() }

// wrap breaks text at spaces into lines no wider than width pixels at px; a
// word wider than the width gets a line of its own.
func wrap(f *faces, text string, px, width int) []string {
	fc := f.at(px)
	limit := fixed.I(width)
	var lines []string
	for _, w := range strings.Fields(text) {
		if n := len(lines); n > 0 && font.MeasureString(fc, lines[n-1]+" "+w) <= limit {
			lines[n-1] += " " + w
			continue
		}
		lines = append(lines, w)
	}
	return lines
}

// drawMark draws the site's mark, three rising bars (see
// static/icons/icon.svg), in the square r.
func drawMark(img *canvas, r image.Rectangle) {
	unit := r.Dx() / 32 // the icon's 32-unit grid
	for i, top := range []int{18, 12, 6} {
		x := r.Min.X + (4+9*i)*unit
		img.fill(image.Rect(x, r.Min.Y+top*unit, x+6*unit, r.Min.Y+28*unit), inBarTint)
	}
}

// encode writes the canvas as a PNG.
func (pt *painter) encode() ([]byte, error) {
	// The fastest compression: the default took half again as long for 7 %
	// fewer bytes, and only link previews fetch it.
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &pt.png}
	if err := enc.Encode(&b, &pt.canvas.Paletted); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
