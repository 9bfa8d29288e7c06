// Command nextedition copies the shipped site into a folder and adds a
// made-up next edition to it that skips a data year, as the README's yearly
// workflow does (internal/nextedition). `make test` runs the tests of the
// shipped site over that folder too:
//
//	go run ./tools/nextedition -out .next-edition
//	REPORT_SHIPPED_SITE=$PWD/.next-edition go test ./...
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"report/internal/nextedition"
)

func main() {
	root := flag.String("root", ".", "the shipped site's `folder`")
	out := flag.String("out", ".next-edition", "the `folder` to write the site with the next edition into; it must not exist")
	skip := flag.Int("skip", 1, "how many data `years` the new edition skips")
	flag.Parse()
	if err := run(*root, *out, *skip); err != nil {
		fmt.Fprintln(os.Stderr, "nextedition:", err)
		os.Exit(1)
	}
}

func run(root, out string, skip int) error {
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("%s exists; remove it first", out)
	}
	for _, dir := range []string{"content", "data", "i18n", "layouts", "static"} {
		if err := copyDir(filepath.Join(root, dir), filepath.Join(out, dir)); err != nil {
			return err
		}
	}
	ed, err := nextedition.Add(out, skip)
	if err != nil {
		return err
	}
	fmt.Printf("nextedition: %s holds the shipped site and edition %d, with figures for %d from %d clusters, skipping %v, and the case story %s\n",
		out, ed.Year, ed.DataYear, ed.Clusters, ed.Skipped, ed.Case)
	return nil
}

// copyDir copies the regular files below src into dst; a link or any other
// kind of file is refused, as the build refuses it.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case e.IsDir():
			return os.MkdirAll(target, 0o755)
		case !e.Type().IsRegular():
			return fmt.Errorf("%s is not a regular file", p)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}
