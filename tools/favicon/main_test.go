package main

import (
	"bytes"
	"encoding/binary"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedFiles checks that the icons in static/ are what this program
// draws: run `go run ./tools/favicon` after changing the design. PNGs are
// compared by their pixels, not their bytes, which a new Go version's
// encoder may change.
func TestCommittedFiles(t *testing.T) {
	for p, want := range Files() {
		got, err := os.ReadFile(filepath.Join("../..", filepath.FromSlash(p)))
		if err != nil {
			t.Fatalf("%v; run go run ./tools/favicon", err)
		}
		switch filepath.Ext(p) {
		case ".svg":
			if !bytes.Equal(got, want) {
				t.Errorf("%s is not what the program draws; run go run ./tools/favicon", p)
			}
		case ".png":
			samePixels(t, p, got, want)
		case ".ico":
			g, w := icoImages(t, p, got), icoImages(t, p, want)
			if len(g) != len(w) {
				t.Fatalf("%s holds %d images, the program draws %d", p, len(g), len(w))
			}
			for i := range g {
				samePixels(t, p, g[i], w[i])
			}
		}
	}
}

func samePixels(t *testing.T, name string, a, b []byte) {
	t.Helper()
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("%s is %v, the program draws %v", name, ia.Bounds(), ib.Bounds())
	}
	for y := ia.Bounds().Min.Y; y < ia.Bounds().Max.Y; y++ {
		for x := ia.Bounds().Min.X; x < ia.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := ia.At(x, y).RGBA()
			r2, g2, b2, a2 := ib.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				t.Fatalf("%s differs from what the program draws at %d,%d; run go run ./tools/favicon", name, x, y)
			}
		}
	}
}

// icoImages reads the PNG images of an ICO file, checking its header.
func icoImages(t *testing.T, name string, b []byte) [][]byte {
	t.Helper()
	if len(b) < 6 || binary.LittleEndian.Uint16(b[0:]) != 0 || binary.LittleEndian.Uint16(b[2:]) != 1 {
		t.Fatalf("%s is not an ICO file", name)
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	var out [][]byte
	for i := range n {
		e := b[6+16*i:]
		size, offset := binary.LittleEndian.Uint32(e[8:]), binary.LittleEndian.Uint32(e[12:])
		img := b[offset : offset+size]
		cfg, err := png.DecodeConfig(bytes.NewReader(img))
		if err != nil {
			t.Fatalf("%s, image %d: %v", name, i, err)
		}
		if w := int(e[0]); cfg.Width != w || cfg.Height != int(e[1]) {
			t.Errorf("%s, image %d: the entry says %d×%d, the PNG is %d×%d", name, i, e[0], e[1], cfg.Width, cfg.Height)
		}
		out = append(out, img)
	}
	return out
}

// TestDesign checks the drawing itself: opaque where it must be, the bars
// white, the corners of the rounded icon clear.
func TestDesign(t *testing.T) {
	touch := Draw(180, false)
	if !touch.Opaque() {
		t.Error("the touch icon has transparent pixels; iOS shows them black")
	}
	icon := Draw(32, true)
	if _, _, _, a := icon.At(0, 0).RGBA(); a != 0 {
		t.Error("the rounded icon's corner is not clear")
	}
	if c := icon.RGBAAt(24, 12); c != white {
		t.Errorf("the tallest bar is %v, not white", c)
	}
	if c := icon.RGBAAt(16, 2); c != blue {
		t.Errorf("above the bars is %v, not the site's blue", c)
	}
}
