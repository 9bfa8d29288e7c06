package pdf

// The browser is the one part of printing outside this program: found on
// the systems the report is made on, started headless for one edition with
// a profile of its own, and asked to print.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"
)

// Browsers are the names Chromium goes by on the systems the report is
// made on: Debian's package, other distributions', and Google's build on
// GitHub's runners and on macOS.
var Browsers = []string{
	"chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
	"/Applications/Chromium.app/Contents/MacOS/Chromium",
	"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
}

// ErrNoBrowser says that no Chromium was found, and how to get one.
var ErrNoBrowser = errors.New("making the PDF needs Chromium (or Google Chrome), and none was found: " +
	"install it (Debian and Ubuntu: apt-get install chromium), or give its path with --chromium or CHROMIUM")

// FindBrowser returns the browser to print with: the one given, or else
// $CHROMIUM, or else the first of Browsers found.
func FindBrowser(given string) (string, error) {
	for _, c := range []string{given, os.Getenv("CHROMIUM")} {
		if c == "" {
			continue
		}
		p, err := exec.LookPath(c)
		if err != nil {
			return "", fmt.Errorf("%s: %w", c, ErrNoBrowser)
		}
		return p, nil
	}
	for _, c := range Browsers {
		if p, err := exec.LookPath(c); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// startBrowser starts Chromium at chromium with a profile of its own, and
// returns its tab, which gives up after five minutes, and the function that
// closes the browser and removes the profile.
func startBrowser(ctx context.Context, chromium string) (tab context.Context, stop func(), err error) {
	tmp, err := os.MkdirTemp("", "report-pdf-")
	if err != nil {
		return nil, nil, err
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(tmp))
	tab, cancelTab := chromedp.NewContext(alloc)
	tab, cancelTimeout := context.WithTimeout(tab, 5*time.Minute)
	return tab, func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
		os.RemoveAll(tmp)
	}, nil
}

// printToPDF loads the page, waits for its fonts and prints it: A4 as the
// page's stylesheet says, tagged, with an outline from its headings.
func printToPDF(ctx context.Context, url string) ([]byte, error) {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("document.fonts.ready.then(() => true)", chromedp.EvalAwaitPromise)); err != nil {
		return nil, fmt.Errorf("waiting for the fonts: %w", err)
	}
	return chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFOutlineAndTagged(), chromedp.PDFStream()))
}
