//go:build !linux

package hugepages

// Advise does nothing where the system has no transparent huge pages to
// ask for, or gives them without asking.
func Advise(size int) (int, error) { return 0, nil }

// Extend does nothing where Advise does nothing.
func Extend(total int) (int, error) { return 0, nil }
