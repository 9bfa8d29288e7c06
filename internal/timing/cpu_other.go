//go:build !unix && !windows

package timing

import "time"

// processCPU does not know the CPU time here (Plan 9, WebAssembly).
func processCPU() (time.Duration, bool) { return 0, false }
