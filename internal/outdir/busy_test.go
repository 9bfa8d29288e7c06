package outdir

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"report/internal/sitetest"
	"syscall"
	"testing"
)

// busyAt makes exchange fail as a mount point fails a rename (EBUSY) for
// the path busy, and otherwise behave as other, for the rest of the test.
func busyAt(t *testing.T, busy string, other func(a, b string) error) {
	saved := exchange
	exchange = func(a, b string) error {
		if b == busy {
			return &os.LinkError{Op: "exchange", Old: a, New: b, Err: syscall.EBUSY}
		}
		return other(a, b)
	}
	t.Cleanup(func() { exchange = saved })
}

// TestReplaceBusy: an output folder that cannot be renamed (EBUSY, as a
// mount point that isMountPoint did not recognise, such as a bind mount)
// has its contents replaced instead: the folder stays the same folder,
// holds the new site and nothing of the old, and nothing of the build is
// left in it or beside it. With an atomic exchange of each entry, and with
// two renames.
func TestReplaceBusy(t *testing.T) {
	for name, other := range map[string]func(a, b string) error{
		"exchange":    exchangeOS,
		"two renames": func(a, b string) error { return errNoExchange },
	} {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if err := writeSite(out, "old"); err != nil {
				t.Fatal(err)
			}
			for _, p := range []string{"stale.html", ".DS_Store"} {
				if err := os.WriteFile(filepath.Join(out, p), nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			// The file system's own folder at the root of an ext4 mount.
			if err := os.Mkdir(filepath.Join(out, "lost+found"), 0o700); err != nil {
				t.Fatal(err)
			}
			before, err := os.Stat(out)
			if err != nil {
				t.Fatal(err)
			}
			busyAt(t, out, other)
			fills := 0
			if err := Replace(context.Background(), out, func(tmp string) error {
				fills++
				return writeSite(tmp, "new")
			}); err != nil {
				t.Fatal(err)
			}
			if fills != 2 {
				t.Errorf("the tree was written %d times, want twice: beside the folder, then, when it would not move, inside it", fills)
			}
			after, err := os.Stat(out)
			if err != nil || !os.SameFile(before, after) {
				t.Errorf("the output folder was replaced, not its contents: %v", err)
			}
			if v, err := siteVersion(out); v != "new" {
				t.Errorf("the output is %q (%v), want the new site", v, err)
			}
			entries, err := os.ReadDir(out)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if len(names) != 4 || names[3] != "lost+found" {
				t.Errorf("the output holds %v, want the new site's 2016, css and index.html, and lost+found", names)
			}
			if left := sitetest.Beside(t, out); len(left) > 0 {
				t.Errorf("left beside the output: %v", left)
			}
		})
	}
}

// TestReplaceBusyUndoes: when moving the new entries in fails midway, the
// entries already moved go back, and the output holds the previous site,
// whole.
func TestReplaceBusyUndoes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := writeSite(out, "old"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "stale.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	full := errors.New("no space left on device")
	busyAt(t, out, func(a, b string) error {
		if filepath.Base(b) == "index.html" { // after 2016 and css
			return full
		}
		return exchangeOS(a, b)
	})
	err := Replace(context.Background(), out, func(tmp string) error { return writeSite(tmp, "new") })
	if !errors.Is(err, full) {
		t.Fatalf("Replace = %v, want the failed move's error", err)
	}
	if v, err := siteVersion(out); v != "old" {
		t.Errorf("the output is %q (%v), want the previous site", v, err)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); err != nil {
		t.Errorf("a file of the previous site is gone: %v", err)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 4 {
		t.Errorf("the output holds %d entries, want the previous site's 4", len(entries))
	}
}
