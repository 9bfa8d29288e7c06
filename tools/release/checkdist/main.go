package main

// What GoReleaser made is listed in dist/artifacts.json; checkdist reads
// the list, runs each check over its part of it, and reports every problem
// found, not only the first, so that one run of a slow release shows them
// all.

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

// artifact is one entry of dist/artifacts.json.
type artifact struct {
	Name   string `json:"name"`
	Path   string `json:"path"`
	Goos   string `json:"goos"`
	Goarch string `json:"goarch"`
	Type   string `json:"type"`
	Extra  struct {
		WrappedIn string `json:"WrappedIn"`
		Format    string `json:"Format"`
	} `json:"extra"`
}

func main() {
	dist := flag.String("dist", "dist", "GoReleaser's output `folder`")
	root := flag.String("root", ".", "the site's `folder`, built with the binary for this machine")
	targets := flag.String("targets", "linux/amd64,darwin/arm64,windows/amd64", "comma-separated `goos/goarch` pairs that must have been built")
	flag.Parse()
	if err := run(*dist, *root, strings.Split(*targets, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "checkdist:", err)
		os.Exit(1)
	}
}

func run(dist, root string, targets []string) error {
	all, err := readArtifacts(dist)
	if err != nil {
		return err
	}
	commit, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		return fmt.Errorf("git rev-parse HEAD: %v", err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return err
	}
	r, err := sortArtifacts(dist, all)
	if err != nil {
		return err
	}
	problems := r.missingTargets(targets)
	sums, errs := r.checkBinaries(strings.TrimSpace(string(commit)))
	problems = append(problems, errs...)
	problems = append(problems, r.checkArchives(sums, readme)...)
	problems = append(problems, r.checkChecksums()...)
	version, err := readVersion(dist)
	if err != nil {
		return err
	}
	problems = append(problems, r.checkArchiveNames(version)...)
	problems = append(problems, r.runHostBinary(root, targets, version)...)
	if len(problems) > 0 {
		return errors.Join(problems...)
	}
	fmt.Printf("checkdist: %s is ready to publish: %d binaries, %d archives, checksums\n", dist, len(r.binaries), len(r.archives))
	return nil
}

// readVersion is the release's version, from dist/metadata.json.
func readVersion(dist string) (string, error) {
	raw, err := os.ReadFile(filepath.Join(dist, "metadata.json"))
	if err != nil {
		return "", err
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(raw, &meta); err != nil || meta.Version == "" {
		return "", fmt.Errorf("%s/metadata.json names no version: %v", dist, err)
	}
	return meta.Version, nil
}

// checkArchiveNames checks that each archive is named with the version,
// which `report version` prints.
func (r *release) checkArchiveNames(version string) []error {
	var problems []error
	for _, a := range r.archives {
		if !strings.HasPrefix(a.Name, "report_"+version+"_") {
			problems = append(problems, fmt.Errorf("%s is not named report_%s_…", a.Name, version))
		}
	}
	return problems
}

func readArtifacts(dist string) ([]artifact, error) {
	raw, err := os.ReadFile(filepath.Join(dist, "artifacts.json"))
	if err != nil {
		return nil, err
	}
	var all []artifact
	if err := json.Unmarshal(raw, &all); err != nil {
		return nil, fmt.Errorf("%s/artifacts.json: %v", dist, err)
	}
	return all, nil
}

// release is what GoReleaser made, by kind.
type release struct {
	binaries  map[string]artifact // by goos/goarch
	archives  []artifact
	checksums []artifact
}

// sortArtifacts sorts the artifacts by kind, each with its path in the
// folder dist.
func sortArtifacts(dist string, all []artifact) (*release, error) {
	r := &release{binaries: map[string]artifact{}}
	for _, a := range all {
		// Paths are relative to where GoReleaser ran, and start with the
		// name of its dist folder: look for them in the folder given.
		_, rest, ok := strings.Cut(filepath.ToSlash(a.Path), "/")
		if !ok {
			return nil, fmt.Errorf("%s/artifacts.json: %s is not in a dist folder", dist, a.Path)
		}
		a.Path = filepath.Join(dist, filepath.FromSlash(rest))
		switch a.Type {
		case "Binary":
			r.binaries[a.Goos+"/"+a.Goarch] = a
		case "Archive":
			r.archives = append(r.archives, a)
		case "Checksum":
			r.checksums = append(r.checksums, a)
		}
	}
	return r, nil
}

func (r *release) missingTargets(targets []string) []error {
	var problems []error
	for _, t := range targets {
		if _, ok := r.binaries[t]; !ok {
			problems = append(problems, fmt.Errorf("no binary for %s", t))
		}
	}
	return problems
}

// checkBinaries checks every binary (see checkBinary), and returns their
// SHA-256 by goos/goarch, for the archives to be checked against.
func (r *release) checkBinaries(commit string) (sums map[string]string, problems []error) {
	sums = map[string]string{}
	for _, t := range slices.Sorted(maps.Keys(r.binaries)) {
		a := r.binaries[t]
		var err error
		if sums[t], err = fileSum(a.Path); err != nil {
			problems = append(problems, err)
			continue
		}
		desc, err := checkBinary(a, commit)
		if err != nil {
			problems = append(problems, fmt.Errorf("%s: %v", a.Path, err))
			continue
		}
		fmt.Printf("checkdist: %s: %s\n", a.Path, desc)
	}
	return sums, problems
}

func (r *release) checkArchives(sums map[string]string, readme []byte) []error {
	var problems []error
	if len(r.archives) != len(r.binaries) {
		problems = append(problems, fmt.Errorf("%d archives for %d binaries", len(r.archives), len(r.binaries)))
	}
	for _, a := range r.archives {
		if err := checkArchive(a, sums[a.Goos+"/"+a.Goarch], readme); err != nil {
			problems = append(problems, fmt.Errorf("%s: %v", a.Path, err))
			continue
		}
		fmt.Printf("checkdist: %s: %s of the binary, README.md and docs/content-model.md in %s/\n", a.Path, a.Extra.Format, a.Extra.WrappedIn)
	}
	return problems
}

func (r *release) checkChecksums() []error {
	if len(r.checksums) != 1 {
		return []error{fmt.Errorf("%d checksum files, want 1", len(r.checksums))}
	}
	if err := checkSums(r.checksums[0], r.archives); err != nil {
		return []error{fmt.Errorf("%s: %v", r.checksums[0].Path, err)}
	}
	fmt.Printf("checkdist: %s: the SHA-256 of every archive\n", r.checksums[0].Path)
	return nil
}

// runHostBinary runs the binary for this machine (see runBinary), which
// must be there if this machine is one of the targets.
func (r *release) runHostBinary(root string, targets []string, version string) []error {
	host := runtime.GOOS + "/" + runtime.GOARCH
	a, ok := r.binaries[host]
	switch {
	case !ok && slices.Contains(targets, host):
		return []error{fmt.Errorf("no binary for this machine (%s) to run", host)}
	case !ok:
		fmt.Printf("checkdist: no binary for this machine (%s): none was run\n", host)
		return nil
	}
	if err := runBinary(a.Path, root, version); err != nil {
		return []error{fmt.Errorf("%s: %v", a.Path, err)}
	}
	fmt.Printf("checkdist: %s: --help works, version says %s, and it built the site at %s\n", a.Path, version, root)
	return nil
}
