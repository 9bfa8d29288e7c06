package sitetest

import (
	"runtime"
	"testing"
)

// Budget is what one input may cost a fuzz target: a fixed part, for what
// every call allocates (templates, a chart's font), and a part per byte of
// input. Allocation is measured, not time: it is the same on every run of
// the same input, where time is not on a shared machine. Inputs whose time
// grows faster than their size are refused by the parsers' limits (see
// markdown.MaxLineBytes); BenchmarkWorstCase measures what remains.
type Budget struct {
	Fixed   uint64 // bytes allocated whatever the input
	PerByte uint64 // bytes allocated per byte of input
}

// Check runs fn and fails t when it allocates more than the budget allows
// for an input of n bytes.
func (b Budget) Check(t testing.TB, n int, fn func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	spent := after.TotalAlloc - before.TotalAlloc
	if allowed := b.Fixed + b.PerByte*uint64(n); spent > allowed {
		t.Errorf("an input of %d bytes allocated %d KB, more than the budget of %d KB", n, spent>>10, allowed>>10)
	}
}
