package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"report/internal/scaffold"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, "usage:\n"+synopsis("new case")+synopsis("new edition"))
		return ExitUsage
	}
	switch args[0] {
	case "case":
		return runNewCase(args[1:], stdout, stderr)
	case "edition":
		return runNewEdition(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "report new: unknown kind %q; use \"case\" or \"edition\"\n", args[0])
		return ExitUsage
	}
}

// parseInterspersed parses flags that may come before or after the
// positional arguments: `new case "Title" --cluster x` reads as naturally as
// the other way round.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var positional []string
	for {
		if code, ok := parseFlags(fs, args); !ok {
			return nil, code, false
		}
		if fs.NArg() == 0 {
			return positional, 0, true
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// newCaseFlags are report new case's flags.
type newCaseFlags struct {
	root, cluster string
	edition       int
}

func (n *newCaseFlags) set(stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("report new case", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&n.root, "root", ".", "the site's `folder`")
	fs.IntVar(&n.edition, "edition", 0, "the edition `year` the story belongs to")
	fs.StringVar(&n.cluster, "cluster", "", "the `id` of the cluster the story comes from (see data/clusters.toml)")
	return fs
}

func runNewCase(args []string, stdout, stderr io.Writer) int {
	var n newCaseFlags
	fs := n.set(stderr)
	root, edition, cluster := &n.root, &n.edition, &n.cluster
	pos, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 || *edition == 0 || *cluster == "" {
		fmt.Fprint(stderr, "usage:\n"+synopsis("new case"))
		return ExitUsage
	}
	path, err := scaffold.NewCase(*root, *edition, *cluster, pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "report: %v\n", err)
		return ExitFail
	}
	fmt.Fprintf(stdout, "report: wrote %s\nFill in the theme, summary and quote, write the story, then run: report check\n", path)
	return ExitOK
}

// newEditionFlags are report new edition's flags.
type newEditionFlags struct{ root string }

func (n *newEditionFlags) set(stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("report new edition", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&n.root, "root", ".", "the site's `folder`")
	return fs
}

func runNewEdition(args []string, stdout, stderr io.Writer) int {
	var n newEditionFlags
	fs := n.set(stderr)
	root := &n.root
	pos, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	year, err := strconv.Atoi(strings.Join(pos, ""))
	if len(pos) != 1 || err != nil || year < 2000 || year > 2999 {
		fmt.Fprint(stderr, "usage:\n"+synopsis("new edition"))
		return ExitUsage
	}
	started, err := scaffold.NewEdition(*root, year)
	if err != nil {
		fmt.Fprintf(stderr, "report: %v\n", err)
		return ExitFail
	}
	fmt.Fprintf(stdout, "report: started edition %d from edition %d:\n", year, started.From)
	for _, p := range started.Files {
		fmt.Fprintf(stdout, "  %s\n", p)
	}
	if len(started.Skipped) > 0 {
		writeSkipped(stdout, year, started)
	}
	data := started.DataYear
	fmt.Fprintf(stdout, `
Next steps:
  1. Type the clusters' figures for %d into data/years/%d.toml (remove the # before each one).
  2. Update data/editions/%d.toml: the clusters that reported, the ECEI gold labels, the key figures, the publication date.
  3. Rewrite the chapters in content/%d/ for the new year; their figures and tables already point at the new years.
  4. Add the year's case stories: report new case --edition %d --cluster ID "Title".
  5. Run report check until it reports no errors, and preview with report serve (http://127.0.0.1:1313/).
  6. Commit and push: CI builds and publishes the site with the new edition beside the old ones.
`, data, data, year, year, year)
	return ExitOK
}

// writeSkipped says which data years no edition will cover and what that
// means for the pages and for the copies.
func writeSkipped(w io.Writer, year int, s *scaffold.Started) {
	var years, names []string
	for _, y := range s.Skipped {
		years = append(years, strconv.Itoa(y))
		names = append(names, fmt.Sprintf(`"dataår-%d"`, s.DataYear-y))
	}
	last := s.Skipped[0] - 1
	gap := strings.Join(years, ", ")
	fmt.Fprintf(w, `
Edition %d has figures for %d, and no edition has figures for %s: the series has a gap there.
  - Tables that show the edition's years leave out %s; charts over the years keep its slot
    empty and say "ingen tal" there, and no line joins %d to %d.
  - The copies' change columns compare %d with %d, under the heading "Ændring %d–%d".
  - The edition's front page, the chapters whose tables or charts span %s, the metric pages
    and the archive say that %s has no figures.
  - A reference or change column that names %s (%s in the copies) is an error in report check:
    name %d, the last year before it with figures ("dataår-%d"), instead.
  If the figures for %s exist, add them as data/years/<year>.toml instead: then there is no gap.
`, year, s.DataYear, gap, gap, last, s.DataYear, last, s.DataYear, last, s.DataYear,
		gap, gap, gap, strings.Join(names, ", "), last, s.DataYear-last, gap)
}
