// Command checkdist checks what GoReleaser left in dist/ before anyone
// downloads it: `make release-check` runs it after a snapshot release.
//
//	go run ./tools/release/checkdist [-dist dist] [-root .] [-targets linux/amd64,...]
//
// Every binary must be of its system's format (ELF, Mach-O, PE) and
// processor, stripped, built from this commit without cgo and with
// -trimpath; every archive must hold its binary, README.md and
// docs/content-model.md in one folder, as tar.gz (zip for Windows); the
// checksums file must match every archive. The binary for this machine, if
// there is one, is run: --help, then a build of the site at -root. Only the
// standard library is used, so it works on any machine with Go.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/buildinfo"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path"
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
	raw, err := os.ReadFile(filepath.Join(dist, "artifacts.json"))
	if err != nil {
		return err
	}
	var all []artifact
	if err := json.Unmarshal(raw, &all); err != nil {
		return fmt.Errorf("%s/artifacts.json: %v", dist, err)
	}
	commit, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		return fmt.Errorf("git rev-parse HEAD: %v", err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return err
	}

	binaries := map[string]artifact{} // by goos/goarch
	var archives, checksums []artifact
	for _, a := range all {
		// Paths are relative to where GoReleaser ran, and start with the
		// name of its dist folder: look for them in the folder given.
		_, rest, ok := strings.Cut(filepath.ToSlash(a.Path), "/")
		if !ok {
			return fmt.Errorf("%s/artifacts.json: %s is not in a dist folder", dist, a.Path)
		}
		a.Path = filepath.Join(dist, filepath.FromSlash(rest))
		switch a.Type {
		case "Binary":
			binaries[a.Goos+"/"+a.Goarch] = a
		case "Archive":
			archives = append(archives, a)
		case "Checksum":
			checksums = append(checksums, a)
		}
	}
	var problems []error
	for _, t := range targets {
		if _, ok := binaries[t]; !ok {
			problems = append(problems, fmt.Errorf("no binary for %s", t))
		}
	}
	sums := map[string]string{} // binary's sha256 by goos/goarch
	for _, t := range slices.Sorted(maps.Keys(binaries)) {
		a := binaries[t]
		if sums[t], err = fileSum(a.Path); err != nil {
			problems = append(problems, err)
			continue
		}
		desc, err := checkBinary(a, strings.TrimSpace(string(commit)))
		if err != nil {
			problems = append(problems, fmt.Errorf("%s: %v", a.Path, err))
			continue
		}
		fmt.Printf("checkdist: %s: %s\n", a.Path, desc)
	}
	if len(archives) != len(binaries) {
		problems = append(problems, fmt.Errorf("%d archives for %d binaries", len(archives), len(binaries)))
	}
	for _, a := range archives {
		if err := checkArchive(a, sums[a.Goos+"/"+a.Goarch], readme); err != nil {
			problems = append(problems, fmt.Errorf("%s: %v", a.Path, err))
			continue
		}
		fmt.Printf("checkdist: %s: %s of the binary, README.md and docs/content-model.md in %s/\n", a.Path, a.Extra.Format, a.Extra.WrappedIn)
	}
	if len(checksums) != 1 {
		problems = append(problems, fmt.Errorf("%d checksum files, want 1", len(checksums)))
	} else if err := checkSums(checksums[0], archives); err != nil {
		problems = append(problems, fmt.Errorf("%s: %v", checksums[0].Path, err))
	} else {
		fmt.Printf("checkdist: %s: the SHA-256 of every archive\n", checksums[0].Path)
	}

	host := runtime.GOOS + "/" + runtime.GOARCH
	if a, ok := binaries[host]; ok {
		if err := runBinary(a.Path, root); err != nil {
			problems = append(problems, fmt.Errorf("%s: %v", a.Path, err))
		} else {
			fmt.Printf("checkdist: %s: --help works, and it built the site at %s\n", a.Path, root)
		}
	} else if slices.Contains(targets, host) {
		problems = append(problems, fmt.Errorf("no binary for this machine (%s) to run", host))
	} else {
		fmt.Printf("checkdist: no binary for this machine (%s): none was run\n", host)
	}

	if len(problems) > 0 {
		return errors.Join(problems...)
	}
	fmt.Printf("checkdist: %s is ready to publish: %d binaries, %d archives, checksums\n", dist, len(binaries), len(archives))
	return nil
}

// checkBinary checks a binary's format, processor and build settings and
// describes it.
func checkBinary(a artifact, commit string) (string, error) {
	format, err := objectFormat(a.Path, a.Goos, a.Goarch)
	if err != nil {
		return "", err
	}
	info, err := buildinfo.ReadFile(a.Path)
	if err != nil {
		return "", err
	}
	if info.Path != "report/cmd/report" {
		return "", fmt.Errorf("built from %s, not report/cmd/report", info.Path)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	want := map[string]string{
		"GOOS":         a.Goos,
		"GOARCH":       a.Goarch,
		"CGO_ENABLED":  "0",
		"-trimpath":    "true",
		"vcs.revision": commit,
	}
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if settings[k] != want[k] {
			return "", fmt.Errorf("build setting %s is %q, want %q", k, settings[k], want[k])
		}
	}
	return fmt.Sprintf("%s, report %s, %s, commit %.12s, cgo off", format, info.Main.Version, info.GoVersion, commit), nil
}

// objectFormat checks that the file is an executable for goos/goarch,
// stripped (-s -w: build info leaves out -ldflags under -trimpath, so the
// file itself is looked at), and names its format.
func objectFormat(name, goos, goarch string) (string, error) {
	switch goos {
	case "linux":
		f, err := elf.Open(name)
		if err != nil {
			return "", fmt.Errorf("not ELF, as Linux runs: %v", err)
		}
		defer f.Close()
		machine := map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}[goarch]
		if f.Machine != machine || f.Type != elf.ET_EXEC {
			return "", fmt.Errorf("ELF %v %v, want an executable for %v", f.Type, f.Machine, machine)
		}
		if f.Section(".symtab") != nil {
			return "", errors.New("has a symbol table: not stripped (-s)")
		}
		return fmt.Sprintf("ELF executable, %v", f.Machine), nil
	case "darwin":
		f, err := macho.Open(name)
		if err != nil {
			return "", fmt.Errorf("not Mach-O, as macOS runs: %v", err)
		}
		defer f.Close()
		cpu := map[string]macho.Cpu{"amd64": macho.CpuAmd64, "arm64": macho.CpuArm64}[goarch]
		if f.Cpu != cpu || f.Type != macho.TypeExec {
			return "", fmt.Errorf("Mach-O %v %v, want an executable for %v", f.Type, f.Cpu, cpu)
		}
		if f.Section("__debug_info") != nil || f.Section("__zdebug_info") != nil {
			return "", errors.New("has DWARF: not stripped (-w)")
		}
		// Stripped, a Go program for macOS keeps only the symbols it
		// imports from the system's libraries.
		imported, err := f.ImportedSymbols()
		if err != nil {
			return "", err
		}
		if f.Symtab != nil && len(f.Symtab.Syms) > len(imported) {
			return "", fmt.Errorf("has %d symbols besides the %d it imports: not stripped (-s)", len(f.Symtab.Syms)-len(imported), len(imported))
		}
		return fmt.Sprintf("Mach-O executable, %v", f.Cpu), nil
	case "windows":
		f, err := pe.Open(name)
		if err != nil {
			return "", fmt.Errorf("not PE, as Windows runs: %v", err)
		}
		defer f.Close()
		machine := map[string]uint16{"amd64": pe.IMAGE_FILE_MACHINE_AMD64, "arm64": pe.IMAGE_FILE_MACHINE_ARM64}[goarch]
		if f.Machine != machine || f.Characteristics&pe.IMAGE_FILE_EXECUTABLE_IMAGE == 0 {
			return "", fmt.Errorf("PE machine %#x, characteristics %#x, want an executable for %#x", f.Machine, f.Characteristics, machine)
		}
		if !strings.HasSuffix(name, ".exe") {
			return "", errors.New("a Windows program's name must end in .exe")
		}
		if len(f.Symbols) > 0 {
			return "", errors.New("has a symbol table: not stripped (-s)")
		}
		return fmt.Sprintf("PE executable, machine %#x", f.Machine), nil
	}
	return "", fmt.Errorf("no check for %s", goos)
}

// checkArchive checks that the archive holds exactly the binary, README.md
// and docs/content-model.md in its one folder, that the binary is the one
// whose SHA-256 is binSum and the README the checkout's.
func checkArchive(a artifact, binSum string, readme []byte) error {
	wantFormat := "tar.gz"
	bin := "report"
	if a.Goos == "windows" {
		wantFormat, bin = "zip", "report.exe"
	}
	if a.Extra.Format != wantFormat || !strings.HasSuffix(a.Name, "."+wantFormat) {
		return fmt.Errorf("format %s, want %s", a.Extra.Format, wantFormat)
	}
	if a.Extra.WrappedIn == "" {
		return errors.New("not wrapped in a folder: unpacked in a checkout, it would overwrite README.md")
	}
	files, err := readArchive(a.Path, wantFormat)
	if err != nil {
		return err
	}
	dir := a.Extra.WrappedIn
	want := []string{path.Join(dir, bin), path.Join(dir, "README.md"), path.Join(dir, "docs/content-model.md")}
	got := slices.Sorted(maps.Keys(files))
	slices.Sort(want)
	if !slices.Equal(got, want) {
		return fmt.Errorf("holds %q, want %q", got, want)
	}
	if sum := sha256.Sum256(files[path.Join(dir, bin)]); hex.EncodeToString(sum[:]) != binSum {
		return fmt.Errorf("its %s is not the binary built for %s/%s", bin, a.Goos, a.Goarch)
	}
	if !bytes.Equal(files[path.Join(dir, "README.md")], readme) {
		return errors.New("its README.md is not the checkout's")
	}
	return nil
}

// readArchive returns the regular files of a tar.gz or zip archive by name.
func readArchive(name, format string) (map[string][]byte, error) {
	files := map[string][]byte{}
	if format == "zip" {
		z, err := zip.OpenReader(name)
		if err != nil {
			return nil, err
		}
		defer z.Close()
		for _, f := range z.File {
			if f.FileInfo().IsDir() {
				continue
			}
			r, err := f.Open()
			if err != nil {
				return nil, err
			}
			b, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				return nil, fmt.Errorf("%s: %v", f.Name, err)
			}
			files[f.Name] = b
		}
		return files, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		if h.Name == path.Join(path.Dir(h.Name), "report") && h.Mode&0o111 == 0 {
			return nil, fmt.Errorf("%s is not executable (mode %o)", h.Name, h.Mode)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", h.Name, err)
		}
		files[h.Name] = b
	}
}

// checkSums checks that the checksums file lists every archive, each with
// its SHA-256.
func checkSums(c artifact, archives []artifact) error {
	raw, err := os.ReadFile(c.Path)
	if err != nil {
		return err
	}
	listed := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok {
			return fmt.Errorf("line %q is not \"SHA-256  name\"", line)
		}
		listed[name] = sum
	}
	for _, a := range archives {
		sum, err := fileSum(a.Path)
		if err != nil {
			return err
		}
		if listed[a.Name] != sum {
			return fmt.Errorf("%s: listed as %q, is %s", a.Name, listed[a.Name], sum)
		}
	}
	return nil
}

func fileSum(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// runBinary runs bin --help, then builds the site at root into a temporary
// folder and looks for its front page.
func runBinary(bin, root string) error {
	bin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	out, err := exec.Command(bin, "--help").CombinedOutput()
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
