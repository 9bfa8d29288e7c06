package program

import (
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestFingerprintIsTheBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Fingerprint()
	if err != nil {
		t.Fatal(err)
	}
	id, err := elfBuildID(exe)
	if err != nil {
		b, err := os.ReadFile(exe)
		if err != nil {
			t.Fatal(err)
		}
		id = b // not ELF: the whole executable's hash
	}
	if want := sha256.Sum256(id); got != want {
		t.Errorf("Fingerprint() = %x, want %x", got, want)
	}
}

// TestBuildIDChangesWithCode builds two programs that differ by one
// constant and checks that their IDs differ, as go tool buildid reads them.
func TestBuildIDChangesWithCode(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the build ID is read from ELF on Linux only; elsewhere the executable is hashed")
	}
	dir := t.TempDir()
	ids := map[string]bool{}
	for _, word := range []string{"one", "two"} {
		src := filepath.Join(dir, word+".go")
		if err := os.WriteFile(src, []byte("package main\n\nfunc main() { println(\""+word+"\") }\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		exe := filepath.Join(dir, word)
		if out, err := exec.Command("go", "build", "-trimpath", "-o", exe, src).CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		id, err := elfBuildID(exe)
		if err != nil {
			t.Fatal(err)
		}
		ids[strings.TrimRight(string(id), "\x00")] = true
	}
	if len(ids) != 2 {
		t.Errorf("two programs that differ have the same build ID: %v", ids)
	}
}
