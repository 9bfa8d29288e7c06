// Package share draws an edition's share image: the picture a link preview
// shows (og:image), 1200×630 pixels, with the edition's name and one of its
// key figures in white on the site's deep blue, and the bar-chart mark of
// the site's icon. The text is set in the chart font (internal/chart), the
// only font the build has, rasterised by freetype.
//
// The same card gives the same bytes: the drawing is integer and
// fixed-point arithmetic in one goroutine, and the palette is sorted, so a
// build's output stays byte-identical whatever the machine or GOMAXPROCS.
package share

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"maps"
	"slices"
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
	tt, f, img := (*pt).faces.font, (*pt).faces, (*pt).canvas
	for _, s := range []string{c.Site, c.Title, c.Prefix, c.Number, c.Text} {
		for _, r := range s {
			if tt.Index(r) == 0 && r != ' ' {
				return nil, fmt.Errorf("the share image cannot draw the character %q (U+%04X) in %q: the chart font lacks it", r, r, s)
			}
		}
	}
	// The whole canvas is painted over first: what the last card left on
	// it never shows.
	draw.Draw(img, img.Bounds(), image.NewUniform(blue), image.Point{}, draw.Src)
	// A dark band along the bottom, as the site's header has below it.
	draw.Draw(img, image.Rect(0, Height-24, Width, Height), image.NewUniform(darkBlue), image.Point{}, draw.Src)
	drawMark(img, image.Rect(Width-72-216, Height-72-24-216, Width-72, Height-72-24))

	const left = 72
	full := Width - 2*left
	beside := full - 216 - 48 // beside the mark
	y := 72
	y = setText(img, f, c.Site, 30, pale, left, y, full, 1)
	y += 18
	y = setText(img, f, c.Title, 64, white, left, y, full, 2)
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
		x = line(img, f, prefix, size*11/30, white, x, base)
		line(img, f, c.Number, size, white, x, base)
		y += size * 5 / 4
		setText(img, f, c.Text, 34, pale, left, y, beside, 2)
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
func setText(img draw.Image, f *faces, text string, px int, c color.Color, x, y, width, maxLines int) int {
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
// it.
func line(img draw.Image, f *faces, text string, px int, c color.Color, x, y int) int {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: f.at(px), Dot: fixed.P(x, y)}
	d.DrawString(text)
	return d.Dot.X.Ceil()
}

// A painter is what drawing a card needs besides the card: the canvas, the
// faces and the encoder's buffers. A build draws a card for each edition
// and language; reusing one painter for the next card spares most of the
// 5 MB a card needs, which a new process pays for twice, once to allocate
// and once to fault in (about 12 µs a page on the project's machine). The
// painter is let go once the cards are drawn (see Draw): kept, it was half
// of what a build of the 2016 edition held while it rendered its pages.
type painter struct {
	canvas  *image.RGBA
	indexed []uint8 // the paletted image's pixels (see encode)
	faces   *faces
	png     pngBuffers
}

func newPainter() (*painter, error) {
	tt, err := parsed()
	if err != nil {
		return nil, err
	}
	return &painter{
		canvas:  image.NewRGBA(image.Rect(0, 0, Width, Height)),
		indexed: make([]uint8, Width*Height),
		faces:   newFaces(tt),
	}, nil
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
func drawMark(img draw.Image, r image.Rectangle) {
	unit := r.Dx() / 32 // the icon's 32-unit grid
	for i, top := range []int{18, 12, 6} {
		x := r.Min.X + (4+9*i)*unit
		bar := image.Rect(x, r.Min.Y+top*unit, x+6*unit, r.Min.Y+28*unit)
		draw.Draw(img, bar, image.NewUniform(barTint), image.Point{}, draw.Src)
	}
}

// encode writes the image as a PNG with a palette: a picture of flat
// colours and antialiased text has a few hundred colours, nearly all of
// them at the edges of letters. The 256 most frequent make the palette,
// and each other colour is drawn with the nearest of them, which no eye
// tells at an edge; a third of the bytes of RGB, and quicker to compress.
func (pt *painter) encode() ([]byte, error) {
	img := pt.canvas
	// A pixel read as one word: comparing and counting words is several
	// times faster than building a color.RGBA for each of 756,000 pixels.
	word := func(i int) uint32 { return binary.LittleEndian.Uint32(img.Pix[i:]) }
	rgba := func(w uint32) color.RGBA { return color.RGBA{uint8(w), uint8(w >> 8), uint8(w >> 16), uint8(w >> 24)} }
	// Colours come in runs along a row: counted by the run, they cost a
	// map update where a run ends, not at every pixel.
	count := map[uint32]int{}
	run, runColor := 0, word(0)
	for i := 0; i < len(img.Pix); i += 4 {
		if c := word(i); c != runColor {
			count[runColor] += run
			run, runColor = 0, c
		}
		run++
	}
	count[runColor] += run
	words := slices.Collect(maps.Keys(count))
	key := func(w uint32) int { c := rgba(w); return int(c.R)<<16 | int(c.G)<<8 | int(c.B) }
	slices.SortFunc(words, func(a, b uint32) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return key(a) - key(b)
	})
	colors := make([]color.RGBA, len(words))
	for i, w := range words {
		colors[i] = rgba(w)
	}
	pal := make(color.Palette, 0, 256)
	index := make(map[uint32]uint8, len(colors))
	for i, c := range colors {
		if i < 256 {
			pal, index[words[i]] = append(pal, c), uint8(i)
			continue
		}
		index[words[i]] = nearest(colors[:256], c)
	}
	p := &image.Paletted{Pix: pt.indexed, Stride: Width, Rect: img.Bounds(), Palette: pal}
	last, lastIndex := words[0], uint8(0)
	for i, j := 0, 0; i < len(img.Pix); i, j = i+4, j+1 {
		if c := word(i); c != last {
			last, lastIndex = c, index[c]
		}
		p.Pix[j] = lastIndex
	}
	// The fastest compression: the default took half again as long for 7 %
	// fewer bytes (24.8 kB, not 26.6), and only link previews fetch it.
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &pt.png}
	if err := enc.Encode(&b, p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// nearest is the index of the colour of pal closest to c.
func nearest(pal []color.RGBA, c color.RGBA) uint8 {
	best, bestD := 0, -1
	for i, q := range pal {
		dr, dg, db := int(q.R)-int(c.R), int(q.G)-int(c.G), int(q.B)-int(c.B)
		if d := dr*dr + dg*dg + db*db; bestD < 0 || d < bestD {
			best, bestD = i, d
		}
	}
	return uint8(best)
}
