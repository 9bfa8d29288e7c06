package chart

import (
	_ "embed"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// FontFile is the chart font: go-chart's Roboto Medium cut down to the Latin
// letters, digits and punctuation the report's labels need (see
// fonts/subset.sh), 22 KB instead of 300 KB, so a page with charts stays in
// its weight budget. static/fonts/ ships the same bytes to the browser.
//
//go:embed fonts/RobotoMedium-Latin.ttf
var FontFile []byte

// fontFamily is the family that static/css/charts.css declares for
// static/fonts/RobotoMedium-Latin.ttf. The SVG names it first so browsers draw
// the text with the very font it was measured with; sans-serif is the
// fallback while the font loads (font-display: swap) or if it fails.
const fontFamily = "Report Chart Sans"

// fontFamilyAttr is the value of the root element's font-family attribute.
const fontFamilyAttr = "'" + fontFamily + "', sans-serif"

var (
	fontOnce sync.Once
	fontFace *truetype.Font
	fontErr  error
	capEm    float64 // the height of "H" in ems

	// widths caches text measurements by (pixel size, text). Charts repeat
	// the same tick labels and category names many times, and go-chart's own
	// SVG renderer rebuilt a font face for every measurement. A truetype.Font
	// is read-only once parsed, so measuring needs no lock; the cache is
	// written once per key and read often, from parallel renders. (A
	// sync.Map, keyed by interface values, spent 7 % of a chart's time
	// hashing its keys.)
	widths   = map[measureKey]float64{}
	widthsMu sync.RWMutex
)

type measureKey struct {
	px   float64
	text string
}

// loadFont parses the chart font once. go-chart's own GetDefaultFont has a
// data race on first use, so it is never called.
func loadFont() (*truetype.Font, error) {
	fontOnce.Do(func() {
		if fontFace, fontErr = truetype.Parse(FontFile); fontErr != nil {
			return
		}
		const em = 2048 // measure at one unit per design unit
		var g truetype.GlyphBuf
		if fontErr = g.Load(fontFace, em*64, fontFace.Index('H'), font.HintingNone); fontErr == nil {
			capEm = float64(g.Bounds.Max.Y) / 64 / em
		}
	})
	return fontFace, fontErr
}

// capHeight is the height of capitals and digits set at px size, rounded
// up to whole pixels.
func capHeight(px float64) int {
	if _, err := loadFont(); err != nil {
		return int(math.Ceil(px))
	}
	return int(math.Ceil(px * capEm))
}

// checkGlyphs refuses text the chart font cannot draw: the browser would
// draw it with another font, and the layout measured here would be wrong.
func checkGlyphs(text string) error {
	f, err := loadFont()
	if err != nil {
		return err
	}
	for _, r := range text {
		if r != '\n' && f.Index(r) == 0 {
			return fmt.Errorf("the character %q (U+%04X) in %q is not in the chart font; use Latin letters, or extend internal/chart/fonts/subset.sh", r, r, text)
		}
	}
	return nil
}

// textWidth is the advance width, in px, of text set at px size, kerning
// included, as a browser lays it out with the same font.
func textWidth(text string, px float64) float64 {
	key := measureKey{px, text}
	widthsMu.RLock()
	w, ok := widths[key]
	widthsMu.RUnlock()
	if ok {
		return w
	}
	f, err := loadFont()
	if err != nil || text == "" {
		return 0
	}
	scale := fixed.Int26_6(px * 64)
	var sum fixed.Int26_6
	var prev truetype.Index
	for i, r := range text {
		idx := f.Index(r)
		if i > 0 {
			sum += f.Kern(scale, prev, idx)
		}
		sum += f.HMetric(scale, idx).AdvanceWidth
		prev = idx
	}
	w = float64(sum) / 64
	widthsMu.Lock()
	widths[key] = w
	widthsMu.Unlock()
	return w
}

// wrap breaks text into lines no wider than width at px size, only at
// spaces: a word longer than the width gets a line of its own rather than
// being split mid-word (go-chart splits at any rune).
func wrap(text string, px, width float64) []string {
	words := strings.Fields(text)
	if len(words) == 0 {
		return nil
	}
	lines := []string{words[0]}
	lineW := textWidth(words[0], px)
	for _, w := range words[1:] {
		// Measure word by word rather than the whole line again: linear in
		// the length of the text, and the cache holds words, not lines.
		ww := textWidth(" "+w, px)
		if lineW+ww <= width {
			lines[len(lines)-1] += " " + w
			lineW += ww
			continue
		}
		lines = append(lines, w)
		lineW = textWidth(w, px)
	}
	return lines
}

// widest is the width of the widest of lines.
func widest(lines []string, px float64) float64 {
	var m float64
	for _, l := range lines {
		m = max(m, textWidth(l, px))
	}
	return m
}
