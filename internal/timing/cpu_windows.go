package timing

import (
	"syscall"
	"time"
)

// processCPU is the CPU time, user and kernel, that every thread of the
// process has used so far, and whether the system said.
func processCPU() (time.Duration, bool) {
	p, err := syscall.GetCurrentProcess()
	if err != nil {
		return 0, false
	}
	var created, exited, kernel, user syscall.Filetime
	if syscall.GetProcessTimes(p, &created, &exited, &kernel, &user) != nil {
		return 0, false
	}
	// These Filetimes are durations in 100 ns units; their Nanoseconds
	// method would read them as dates since 1601.
	ticks := func(f syscall.Filetime) int64 { return int64(f.HighDateTime)<<32 | int64(f.LowDateTime) }
	return time.Duration((ticks(kernel) + ticks(user)) * 100), true
}
