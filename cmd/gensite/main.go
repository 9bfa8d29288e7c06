// Command gensite writes a synthetic site for benchmarks, in the report's
// format and as a plain Hugo site with the same pages:
//
//	go run ./cmd/gensite -n 1000 -out /dev/shm/bench-1000
//
// writes /dev/shm/bench-1000/report and /dev/shm/bench-1000/hugo, each with
// minimal templates (a title and the content) so both tools do equal work.
// With -realistic ., the report's site is instead the shipped site with
// its design and data, and the N stories added to its edition: what an
// editor's site grows towards, against Hugo's minimal one.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"report/internal/synthsite"
)

func main() {
	n := flag.Int("n", 1000, "number of case stories")
	out := flag.String("out", "", "folder to write report/ and hugo/ into")
	repo := flag.String("full-design", "", "copy layouts/ and static/ from this `repository` instead of minimal layouts like Hugo's")
	realistic := flag.String("realistic", "", "write the shipped site of this `repository` with the N stories added to its first edition, and the same stories for Hugo")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: gensite -n N -out DIR")
		os.Exit(2)
	}
	o := synthsite.Defaults(*n)
	write := func(root string) error { return synthsite.WriteReport(root, *repo, o) }
	if *realistic != "" {
		o.Editions = 1 // every story in the shipped site's one edition, and Hugo's in one section
		write = func(root string) error { return synthsite.WriteRealistic(root, *realistic, o) }
	}
	if err := write(filepath.Join(*out, "report")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := synthsite.WriteHugo(filepath.Join(*out, "hugo"), o); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
