//go:build !linux

package outdir

import "errors"

// childMount: mount namespaces are Linux's; elsewhere the mount point is
// tested through an injected EBUSY alone (TestReplaceBusy).
func childMount(out string) error { return errors.New("no mount namespaces here") }
