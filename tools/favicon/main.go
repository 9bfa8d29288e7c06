// Command favicon draws the site's icons into static/, once: run it again
// only to change the design, and commit what it writes.
//
//	go run ./tools/favicon [-root .]
//
// The mark is three rising white bars, a bar chart, on the site's deep blue
// (static/css/report.css --accent), drawn on a 32-unit grid:
//
//   - static/icons/icon.svg: the vector icon that current browsers use;
//   - static/icons/apple-touch-icon.png: 180×180, square and opaque, for
//     iOS home screens (the system rounds the corners itself);
//   - static/favicon.ico: 16, 32 and 48 pixels, each a PNG inside the ICO
//     header, for older browsers and for tools that ask for /favicon.ico at
//     the root of a host whatever the page says.
//
// The icons are files of static/ rather than drawn by every build: static/
// is the designers' folder, so a designer can replace them with a drawn
// icon without touching Go, and their bytes never change with the Go
// version's PNG encoder. The build gives icon.svg and apple-touch-icon.png
// content-hashed names like every file of static/, and keeps favicon.ico
// at its name. Its test checks that the committed files are what this
// program draws.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

// The design, on a 32-unit square.
var (
	blue  = color.RGBA{0x0b, 0x4f, 0x71, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	// bars are the marks' rectangles: x, top, width; every bar stands on 26.
	bars = [][3]float64{{5, 17, 6}, {13, 11, 6}, {21, 5, 6}}
)

const (
	grid   = 32
	bottom = 26
	radius = 6 // the background's corners, where the icon is not full-bleed
)

// SVG is static/icons/icon.svg.
func SVG() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d">`+"\n", grid, grid)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" rx="%d" fill="#%02x%02x%02x"/>`+"\n", grid, grid, radius, blue.R, blue.G, blue.B)
	b.WriteString(`<path fill="#fff" d="`)
	for _, bar := range bars {
		fmt.Fprintf(&b, "M%g %gV%gh%gV%gz", bar[0], float64(bottom), bar[1], bar[2], float64(bottom))
	}
	b.WriteString(`"/>` + "\n</svg>\n")
	return b.Bytes()
}

// Draw draws the icon at size pixels. rounded gives the background the
// SVG's rounded corners; the touch icon is square, as iOS wants it.
func Draw(size int, rounded bool) *image.RGBA {
	// Each pixel is the mean of 8×8 samples, which smooths the edges at
	// any size. image.RGBA holds premultiplied colour, so the mean of the
	// samples, transparent ones included, is the pixel.
	const ss = 8
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	scale := float64(grid) / float64(size*ss)
	for py := range size {
		for px := range size {
			var sum [4]int
			for sy := range ss {
				for sx := range ss {
					c := sample((float64(px*ss+sx)+0.5)*scale, (float64(py*ss+sy)+0.5)*scale, rounded)
					sum[0], sum[1], sum[2], sum[3] = sum[0]+int(c.R), sum[1]+int(c.G), sum[2]+int(c.B), sum[3]+int(c.A)
				}
			}
			const n = ss * ss
			img.SetRGBA(px, py, color.RGBA{uint8((sum[0] + n/2) / n), uint8((sum[1] + n/2) / n), uint8((sum[2] + n/2) / n), uint8((sum[3] + n/2) / n)})
		}
	}
	return img
}

// sample is the design's colour at the point x, y of the grid.
func sample(x, y float64, rounded bool) color.RGBA {
	if rounded && outsideCorner(x, y) {
		return color.RGBA{}
	}
	for _, bar := range bars {
		if x >= bar[0] && x < bar[0]+bar[2] && y >= bar[1] && y < bottom {
			return white
		}
	}
	return blue
}

func outsideCorner(x, y float64) bool {
	cx, cy := x, y
	switch {
	case x < radius:
		cx = radius
	case x > grid-radius:
		cx = grid - radius
	}
	switch {
	case y < radius:
		cy = radius
	case y > grid-radius:
		cy = grid - radius
	}
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy > radius*radius
}

// PNG encodes an image.
func PNG(img image.Image) []byte {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		panic(err) // an in-memory RGBA always encodes
	}
	return b.Bytes()
}

// ICOSizes are the sizes favicon.ico holds.
var ICOSizes = []int{16, 32, 48}

// ICO is static/favicon.ico: the icon at each of ICOSizes, as PNG images
// inside the ICO container (ICONDIR, one ICONDIRENTRY each, then the PNGs),
// which every browser since Internet Explorer 9 reads.
func ICO() []byte {
	var pngs [][]byte
	for _, s := range ICOSizes {
		pngs = append(pngs, PNG(Draw(s, true)))
	}
	var b bytes.Buffer
	le := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	le([3]uint16{0, 1, uint16(len(pngs))}) // reserved, type 1 (icon), count
	offset := 6 + 16*len(pngs)
	for i, p := range pngs {
		s := uint8(ICOSizes[i])  // 0 would mean 256
		le([4]uint8{s, s, 0, 0}) // width, height, no palette, reserved
		le([2]uint16{1, 32})     // colour planes, bits per pixel
		le([2]uint32{uint32(len(p)), uint32(offset)})
		offset += len(p)
	}
	for _, p := range pngs {
		b.Write(p)
	}
	return b.Bytes()
}

// Files are the files this program writes, by path under the repository.
func Files() map[string][]byte {
	return map[string][]byte{
		"static/favicon.ico":                ICO(),
		"static/icons/icon.svg":             SVG(),
		"static/icons/apple-touch-icon.png": PNG(Draw(180, false)),
	}
}

func main() {
	root := flag.String("root", ".", "the repository's root")
	flag.Parse()
	for p, b := range Files() {
		dst := filepath.Join(*root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			fmt.Fprintln(os.Stderr, "favicon:", err)
			os.Exit(1)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "favicon:", err)
			os.Exit(1)
		}
		fmt.Printf("favicon: wrote %s (%d bytes)\n", p, len(b))
	}
}
