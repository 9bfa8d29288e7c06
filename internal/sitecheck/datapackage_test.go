//go:build sitecheck

package sitecheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// validator is the script that reads a data package with the pinned
// Frictionless library, datapackage (tools/site-check).
const validator = "../../tools/site-check/validate-datapackage.js"

// dataPackages are the open data's packages, Danish and English.
var dataPackages = []string{"tal/data/datapackage.json", "en/tal/data/datapackage.json"}

// TestDataPackage validates the built site's open data as Frictionless
// data packages: the descriptors, and every row of each CSV read with its
// schema. Then it plants a word in a number column of a copy, with the
// descriptor's size and hash made to match, and holds the validator to
// failing on the type, so a validator that reads nothing cannot pass.
func TestDataPackage(t *testing.T) {
	if *siteDir == "" {
		t.Fatal("give -site DIR; make check-site does")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is not installed (Debian: apt-get install nodejs; .ci/run installs it)")
	}
	var files []string
	for _, p := range dataPackages {
		files = append(files, filepath.Join(*siteDir, filepath.FromSlash(p)))
	}
	if out, err := validate(files...); err != nil {
		t.Fatalf("the built site's data packages do not validate: %v\n%s", err, out)
	}

	for _, p := range dataPackages {
		dir := filepath.Join(t.TempDir(), "data")
		copyDir(t, filepath.Dir(filepath.Join(*siteDir, filepath.FromSlash(p))), dir)
		csvPath := filepath.Join(dir, "performanceregnskab.csv")
		b, err := os.ReadFile(csvPath)
		if err != nil {
			t.Fatal(err)
		}
		planted := plantText(t, b)
		if err := os.WriteFile(csvPath, planted, 0o644); err != nil {
			t.Fatal(err)
		}
		matchDescriptor(t, filepath.Join(dir, "datapackage.json"), planted)
		out, err := validate(filepath.Join(dir, "datapackage.json"))
		if err == nil {
			t.Errorf("%s: the validator passes a CSV with text in its number column:\n%s", p, out)
			continue
		}
		if !strings.Contains(out, `"mange" in column "value" is not type "number"`) {
			t.Errorf("%s: the validator fails, but not on the planted text: %v\n%s", p, err, out)
		}
	}
}

// validate runs the validator on data packages, and returns what it said.
func validate(files ...string) (string, error) {
	cmd := exec.Command("node", append([]string{validator}, files...)...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// plantText writes "mange" for the value of the CSV's first row of figures.
func plantText(t *testing.T, csv []byte) []byte {
	t.Helper()
	lines := bytes.Split(csv, []byte("\r\n"))
	sep := []byte(",")
	if bytes.Contains(lines[0], []byte(";")) {
		sep = []byte(";")
	}
	header := bytes.Split(bytes.TrimPrefix(lines[0], []byte("\uFEFF")), sep)
	col := -1
	for i, h := range header {
		if string(h) == "value" {
			col = i
		}
	}
	cells := bytes.Split(lines[1], sep) // the first rows hold no quoted separator
	if col < 0 || len(cells) != len(header) {
		t.Fatalf("cannot find the value of the first row in %q", lines[:2])
	}
	cells[col] = []byte("mange")
	lines[1] = bytes.Join(cells, sep)
	return bytes.Join(lines, []byte("\r\n"))
}

// matchDescriptor sets the CSV resource's size and hash to the file's.
func matchDescriptor(t *testing.T, path string, csv []byte) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var pkg map[string]any
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	res := pkg["resources"].([]any)[0].(map[string]any)
	sum := sha256.Sum256(csv)
	res["bytes"], res["hash"] = len(csv), "sha256:"+hex.EncodeToString(sum[:])
	if b, err = json.Marshal(pkg); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyDir copies the files of a folder, not its folders.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
