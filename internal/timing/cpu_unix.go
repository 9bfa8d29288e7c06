//go:build unix

package timing

import (
	"syscall"
	"time"
)

// processCPU is the CPU time, user and system, that every thread of the
// process has used so far, and whether the system said.
func processCPU() (time.Duration, bool) {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0, false
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano()), true
}
