package outdir

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// TestReplaceMountPoint builds into a folder that is a mount point (a tmpfs
// mounted in a mount namespace of the test's own, as root, or as an
// unprivileged user in a user namespace): it cannot be renamed, so its
// contents are replaced; the mount stays, and nothing of the build is left
// in it or beside it.
func TestReplaceMountPoint(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	// Go makes the namespace's mounts private before the child starts, so
	// the tmpfs never shows outside it.
	attr := &syscall.SysProcAttr{Unshareflags: syscall.CLONE_NEWNS}
	if os.Geteuid() != 0 {
		attr = &syscall.SysProcAttr{
			Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
			UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
			GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
		}
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=mount", "OUTDIR_TEST_OUT="+out)
	cmd.SysProcAttr = attr
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the build into a mount point failed: %v\n%s(this test mounts a tmpfs: it needs root, or user namespaces)", err, msg)
	}
	if entries, err := os.ReadDir(out); err != nil || len(entries) > 0 {
		t.Errorf("the tmpfs showed outside its namespace: %d entries, %v", len(entries), err)
	}
}

// childMount, in a mount namespace of its own, mounts a tmpfs on out and
// builds into it three times: into the empty mount point, over a site with
// a file the new one lacks, and a build that fails.
func childMount(out string) error {
	if err := syscall.Mount("tmpfs", out, "tmpfs", 0, "size=16m"); err != nil {
		return fmt.Errorf("mount a tmpfs on %s: %w", out, err)
	}
	before, err := os.Stat(out)
	if err != nil {
		return err
	}
	if !isMountPoint(out, filepath.Dir(out)) {
		return errors.New("isMountPoint does not see the tmpfs")
	}
	// A freshly made ext4 has lost+found at its root: the mount point is
	// still as good as empty, and the folder stays.
	if err := os.Mkdir(filepath.Join(out, "lost+found"), 0o700); err != nil {
		return err
	}
	root, err := os.MkdirTemp("", "site")
	if err != nil {
		return err
	}
	defer os.RemoveAll(root)
	if err := Check(root, out); err != nil {
		return fmt.Errorf("a mount point holding only lost+found was refused: %w", err)
	}
	for _, v := range []string{"one", "two"} {
		if err := Replace(context.Background(), out, func(tmp string) error {
			if err := writeSite(tmp, v); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(tmp, "only-in-"+v+".html"), nil, 0o644)
		}); err != nil {
			return fmt.Errorf("build %s: %w", v, err)
		}
		if got, err := siteVersion(out); got != v {
			return fmt.Errorf("after build %s the output is %q (%v)", v, got, err)
		}
	}
	failed := errors.New("the content has errors")
	if err := Replace(context.Background(), out, func(tmp string) error {
		if err := writeSite(tmp, "three"); err != nil {
			return err
		}
		return failed
	}); err != failed {
		return fmt.Errorf("failed build: %v, want the fill's error", err)
	}
	if got, err := siteVersion(out); got != "two" {
		return fmt.Errorf("after a failed build the output is %q (%v), want the previous site", got, err)
	}
	after, err := os.Stat(out)
	if err != nil {
		return err
	}
	if !os.SameFile(before, after) || !isMountPoint(out, filepath.Dir(out)) {
		return errors.New("the mount point was replaced")
	}
	var names []string
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"2016", "css", "index.html", "lost+found", "only-in-two.html"}
	if fmt.Sprint(names) != fmt.Sprint(want) {
		return fmt.Errorf("the mount point holds %v, want %v", names, want)
	}
	beside, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		return err
	}
	// The output and the list of the files written into it.
	if len(beside) != 2 || beside[0].Name() != ".public.files" {
		return fmt.Errorf("beside the output: %v, want only the list of its files", beside)
	}
	return nil
}
