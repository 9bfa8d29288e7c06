package main

// A binary can pass every check of its file and still not work: the one
// for this machine is run as an editor would run it first.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// runBinary runs bin --help and bin version, which must print the
// release's version, then builds the site at root into a temporary folder
// and looks for its front page.
func runBinary(bin, root, version string) error {
	bin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "report "+version {
		return fmt.Errorf("version printed %q (%v); want \"report %s\", the version in the archive's name", out, err, version)
	}
	out, err = exec.Command(bin, "--help").CombinedOutput()
	if err != nil {
		return fmt.Errorf("--help: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "report build") {
		return fmt.Errorf("--help does not list the build command:\n%s", out)
	}
	tmp, err := os.MkdirTemp("", "checkdist-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	site := filepath.Join(tmp, "site")
	out, err = exec.Command(bin, "build", "--root", root, "--out", site).CombinedOutput()
	if err != nil {
		return fmt.Errorf("build --root %s --out %s: %v\n%s", root, site, err, out)
	}
	if _, err := os.Stat(filepath.Join(site, "index.html")); err != nil {
		return fmt.Errorf("build wrote no front page: %v\n%s", err, out)
	}
	return nil
}
