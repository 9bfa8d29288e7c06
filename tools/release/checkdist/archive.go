package main

// An editor gets a binary from an archive, not from dist/: each archive
// must hold the very binary checked, with the documents beside it, and the
// checksums file must let the editor tell that nothing changed on the way.

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
)

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
	if format == "zip" {
		return readZip(name)
	}
	return readTarGz(name)
}

func readZip(name string) (map[string][]byte, error) {
	files := map[string][]byte{}
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

func readTarGz(name string) (map[string][]byte, error) {
	files := map[string][]byte{}
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
