package main

// A binary that runs on the machine it was built on may still be the wrong
// one for the editors who download it: each is read as its system would
// read it, and its build settings as the Go toolchain recorded them.

import (
	"debug/buildinfo"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

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
		return elfFormat(name, goarch)
	case "darwin":
		return machoFormat(name, goarch)
	case "windows":
		return peFormat(name, goarch)
	}
	return "", fmt.Errorf("no check for %s", goos)
}

func elfFormat(name, goarch string) (string, error) {
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
}

func machoFormat(name, goarch string) (string, error) {
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
}

func peFormat(name, goarch string) (string, error) {
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
