// Command report-pdf prints each edition of the report to a PDF with
// headless Chromium, from the site's own print page, into a folder of its
// own (.pdf/ by default); `report build --pdf .pdf` then publishes the PDFs
// with the site and links each edition's front page to its PDF. `make
// publish` runs both. It is a command of its own so that report, which
// editors install, stays free of the browser's protocol.
//
//	report-pdf [--root DIR] [--out DIR] [--base-url URL] [--chromium PATH]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"report/internal/diag"
	"report/internal/diskfs"
	"report/internal/pdf"
	"report/internal/pipeline"
	"report/internal/printpage"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	fs := flag.NewFlagSet("report-pdf", flag.ContinueOnError)
	root := fs.String("root", ".", "the `folder` that holds content/, data/, layouts/ and static/")
	out := fs.String("out", ".pdf", "the `folder` to write the PDFs to, for report build --pdf")
	baseURL := fs.String("base-url", "", "the `address` the site is published under, as report build takes it; the PDF's links to the site's other pages lead there")
	chromium := fs.String("chromium", "", "the browser to print with (`path`); by default $CHROMIUM, or chromium, chromium-browser or google-chrome on the PATH")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "report-pdf: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	browser, err := pdf.FindBrowser(*chromium)
	if err != nil {
		fmt.Fprintf(os.Stderr, "report-pdf: %v\n", err)
		return 2
	}
	dir := *out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(*root, dir)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	plan, _, err := pipeline.Prepare(diskfs.Dir(*root), pipeline.Options{BaseURL: *baseURL, Publishing: true})
	if err != nil {
		if list := diag.AsList(err); list != nil {
			for _, p := range list {
				fmt.Fprintln(os.Stderr, p)
			}
		} else {
			fmt.Fprintln(os.Stderr, err)
		}
		// The PDF is built as a published site is, which needs more than
		// report check asks (a publisher, each edition's date): the errors
		// above say what, where check may have found none.
		fmt.Fprintln(os.Stderr, "report-pdf: the site cannot be published as it is; fix the errors above (a published site needs more than report check asks, such as each edition's publication date)")
		return 1
	}
	for _, pr := range printpage.Prints(plan) {
		start := time.Now()
		res, err := pdf.Make(ctx, plan, pr, browser)
		if err != nil {
			fmt.Fprintf(os.Stderr, "report-pdf: %s: %v\n", pr, err)
			return 1
		}
		if err := res.Write(dir, pr); err != nil {
			fmt.Fprintf(os.Stderr, "report-pdf: %v\n", err)
			return 1
		}
		for _, b := range res.Breaks {
			fmt.Fprintf(os.Stderr, "report-pdf: %s: warning: %s\n", pr, b)
		}
		fmt.Printf("report-pdf: wrote %s (%s, %d pages, printed %d times) in %.1f s\n",
			filepath.Join(*out, filepath.FromSlash(pr.PDFPath())), printpage.FileSize(plan.Languages()[0].Lang(), int64(len(res.PDF))), res.Pages, res.Prints, time.Since(start).Seconds())
	}
	return 0
}
