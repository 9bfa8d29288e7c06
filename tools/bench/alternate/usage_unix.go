//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// memoryOf is the peak memory, in bytes, and the page faults of a process
// that has ended.
func memoryOf(ps *os.ProcessState) (peak, faults int64) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0
	}
	peak = int64(ru.Maxrss)
	if runtime.GOOS != "darwin" {
		peak *= 1024 // kilobytes, where macOS counts bytes
	}
	return peak, int64(ru.Minflt + ru.Majflt)
}
