package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"report/internal/diskfs"
	"report/internal/outdir"
	"report/internal/pipeline"
	"report/internal/timing"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitFail  = 1 // the site has errors, or writing failed
	ExitUsage = 2 // the command line is wrong
	// A build stopped by a signal exits as a shell reports a process the
	// signal killed: 128 and the signal's number, 130 for Ctrl+C and 143 for
	// TERM.
	exitSignalBase = 128
)

// Run runs the command line args (without the program name) and returns the
// exit status.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return ExitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(ctx, args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage())
		return ExitOK
	case "version", "--version":
		fmt.Fprintln(stdout, "report", version())
		return ExitOK
	default:
		fmt.Fprintf(stderr, "report: unknown command %q\n\n%s", args[0], usage())
		return ExitUsage
	}
}

// siteFlags are the flags every command that reads the site takes.
type siteFlags struct {
	root         string
	baseURL      string
	acknowledged bool
}

func newFlagSet(name string, stderr io.Writer, sf *siteFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("report "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&sf.root, "root", ".", "the site's `folder`, holding content/, data/, layouts/ and static/")
	fs.StringVar(&sf.baseURL, "base-url", "", "the `URL` the site is published under, like https://example.org/rapport/ (default: data/site.toml's base_url)")
	fs.BoolVar(&sf.acknowledged, "acknowledged", false, "also print the warnings the content already answers, such as a figure given with printed=")
	return fs
}

// parseFlags parses flags; ok is false when the command should stop with code.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK, false
		}
		return ExitUsage, false
	}
	return 0, true
}

// parse parses flags and refuses positional arguments and a --root that is
// not a folder.
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if code, ok := parseFlags(fs, args); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return ExitUsage, false
	}
	if root := fs.Lookup("root"); root != nil {
		if info, err := os.Stat(root.Value.String()); err != nil || !info.IsDir() {
			fmt.Fprintf(fs.Output(), "%s: --root %s is not a folder; give the folder that holds content/, data/, layouts/ and static/\n", fs.Name(), root.Value.String())
			return ExitUsage, false
		}
	}
	return 0, true
}

// buildFlags are report build's flags.
type buildFlags struct {
	siteFlags
	out, pdfDir, cmsDir  string
	metrics, fresh, keep bool
}

func (b *buildFlags) set(stderr io.Writer) *flag.FlagSet {
	fs := newFlagSet("build", stderr, &b.siteFlags)
	fs.StringVar(&b.out, "out", "public", "the `folder` to write the site to; it is replaced whole, and only when the build succeeds")
	fs.BoolVar(&b.fresh, "fresh", false, "build everything again, ignoring what the last build into the same folder kept beside it (.<folder>.cache) for the next to reuse; what this build makes is kept")
	fs.BoolVar(&b.keep, "keep", true, "keep beside the folder what the next build into it can reuse; --keep=false for a build no other will follow, as in CI: it builds everything afresh, keeps nothing and removes what earlier builds kept")
	fs.BoolVar(&b.metrics, "metrics", false, "print where the time went, stage by stage with the cores each kept busy, and any page or chart that took more than 8 % of the build")
	fs.StringVar(&b.pdfDir, "pdf", "", "publish each edition's PDF from the `folder` report-pdf wrote it to, and link its front page to it (make publish does); such a build is the published one, and refuses a site without a publisher or an edition without its date")
	fs.StringVar(&b.cmsDir, "cms", "", "publish the editors' CMS at admin/ from the `folder` make cms copied it to (make publish does); without it, admin/ says how to get it")
	return fs
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var b buildFlags
	fs := b.set(stderr)
	sf, out, metrics, pdfDir, cmsDir := &b.siteFlags, &b.out, &b.metrics, &b.pdfDir, &b.cmsDir
	if code, ok := parse(fs, args); !ok {
		return code
	}
	// The build keeps Go's default garbage collection (GOGC=100). It once
	// collected a quarter as often, which was faster when every page ran on
	// a goroutine of its own; with the pool's long-lived workers it is not
	// (10,000 stories: within noise, 3 alternating runs), and it held
	// twice the memory: 675 MB against 315 MB at 10,000 stories, 56 MB
	// against 29 MB for the 2016 edition.
	var rec *timing.Recorder
	if *metrics {
		rec = &timing.Recorder{}
	}
	start := time.Now()
	dir := *out
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(sf.root, dir)
	}
	if *pdfDir != "" && !filepath.IsAbs(*pdfDir) {
		*pdfDir = filepath.Join(sf.root, *pdfDir)
	}
	if *cmsDir != "" && !filepath.IsAbs(*cmsDir) {
		*cmsDir = filepath.Join(sf.root, *cmsDir)
	}
	// Where the output is, and what its top holds, are checked first; what
	// lies deeper, only once the build is about to replace the folder
	// (outdir.Refusal below).
	if err := outdir.CheckPlace(sf.root, dir); err != nil {
		fmt.Fprintf(stderr, "report build: will not write the site to %s: %v\n", *out, err)
		return ExitUsage
	}
	// Ctrl+C or a CI runner's TERM stops the build cleanly: the half-written
	// new tree is removed and the output folder is left as it was.
	ctx, done, stopped := onSignal(ctx)
	defer done()
	warnings, n, err := pipeline.Publish(ctx, diskfs.Dir(sf.root), pipeline.Options{BaseURL: sf.baseURL, Timing: rec, PDFDir: *pdfDir, Publishing: *pdfDir != "", CMSDir: *cmsDir, Reuse: b.keep, Fresh: b.fresh}, dir)
	if sig := stopped(); sig != nil && errors.Is(err, context.Canceled) {
		printProblems(stderr, warnings, sf.acknowledged)
		fmt.Fprintf(stderr, "report: build stopped by a signal (%v); %s was left as it was\n", sig, *out)
		return exitCode(sig)
	}
	if refusal := (*outdir.Refusal)(nil); errors.As(err, &refusal) {
		printProblems(stderr, warnings, sf.acknowledged)
		fmt.Fprintf(stderr, "report build: will not write the site to %s: %v\n", *out, refusal)
		return ExitUsage
	}
	if err != nil {
		// Content problems and a failed write alike leave the folder as it was.
		return fail(stderr, err, warnings, sf.acknowledged, "build failed", *out)
	}
	printProblems(stderr, warnings, sf.acknowledged)
	if n == 0 {
		fmt.Fprintf(stdout, "report: %s is up to date; nothing written\n", dir)
	} else {
		fmt.Fprintf(stdout, "report: wrote %d files to %s\n", n, dir)
	}
	if rec != nil {
		rec.Report(stdout, time.Since(start), 0.08)
	}
	return ExitOK
}

// checkFlags are report check's flags.
type checkFlags struct {
	siteFlags
	format string
}

func (c *checkFlags) set(stderr io.Writer) *flag.FlagSet {
	fs := newFlagSet("check", stderr, &c.siteFlags)
	fs.StringVar(&c.format, "format", "text", "how to write the findings, `text|json|github`: text for people, json for machines, github for GitHub Actions' annotations")
	return fs
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	var c checkFlags
	fs := c.set(stderr)
	sf, format := &c.siteFlags, &c.format
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *format != "text" && *format != "json" && *format != "github" {
		fmt.Fprintf(stderr, "report check: --format must be text, json or github, not %q\n", *format)
		return ExitUsage
	}
	res, err := pipeline.Run(diskfs.Dir(sf.root), pipeline.Options{BaseURL: sf.baseURL})
	switch *format {
	case "json":
		return writeJSON(stdout, res.Warnings, err)
	case "github":
		writeAnnotations(stdout, res.Warnings, err)
	}
	if err != nil {
		return fail(stderr, err, res.Warnings, sf.acknowledged, "check failed", "")
	}
	shown := printProblems(stderr, res.Warnings, sf.acknowledged)
	fmt.Fprintf(stdout, "report: no errors, %d %s\n", shown, plural(shown, "warning", "warnings"))
	return ExitOK
}

// release is the version of the release the binary belongs to, as its
// archive names it ("1.2.0" in report_1.2.0_linux_amd64.tar.gz); GoReleaser
// sets it with -ldflags -X (see .goreleaser.yaml).
var release string

// version is the release's version; for a binary built otherwise, what Go
// stamped into it: a pseudo-version for a commit, or (devel).
func version() string {
	if release != "" {
		return release
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// Main is what main calls.
func Main() int {
	return Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
}
