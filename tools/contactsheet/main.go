// Command contactsheet lays pictures of pages side by side on one sheet,
// in rows, on grey, so that a whole PDF can be looked at in one picture:
// make pdf-sheets renders each page of the editions' PDFs with poppler's
// pdftoppm at 60 dpi and makes a sheet of each into docs/screenshots/.
//
//	contactsheet -cols 8 -out sheet.png page-01.png page-02.png …
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
)

func main() {
	cols := flag.Int("cols", 8, "pages per row")
	out := flag.String("out", "sheet.png", "the sheet to write (PNG)")
	flag.Parse()
	if err := run(flag.Args(), *cols, *out); err != nil {
		fmt.Fprintln(os.Stderr, "contactsheet:", err)
		os.Exit(1)
	}
}

// gap is the grey between pages and around them, in pixels.
const gap = 6

func run(names []string, cols int, out string) error {
	if len(names) == 0 || cols < 1 {
		return fmt.Errorf("give the pages' pictures, and at least one column")
	}
	pages := make([]image.Image, len(names))
	var w, h int
	for i, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		pages[i] = img
		w, h = max(w, img.Bounds().Dx()), max(h, img.Bounds().Dy())
	}
	rows := (len(pages) + cols - 1) / cols
	sheet := image.NewRGBA(image.Rect(0, 0, gap+cols*(w+gap), gap+rows*(h+gap)))
	draw.Draw(sheet, sheet.Bounds(), image.NewUniform(color.Gray{0x80}), image.Point{}, draw.Src)
	for i, img := range pages {
		at := image.Pt(gap+(i%cols)*(w+gap), gap+(i/cols)*(h+gap))
		draw.Draw(sheet, img.Bounds().Sub(img.Bounds().Min).Add(at), img, img.Bounds().Min, draw.Src)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, sheet); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
